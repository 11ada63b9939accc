import { describe, expect, it } from "vitest";
import { once, oncePerSite } from "../../src/lib/once.ts";

describe("per-build values (src/lib/once.ts)", () => {
  it("once makes its value at the first call and shares it", async () => {
    let made = 0;
    const get = once(async () => ++made);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
  });

  it("once does not keep a failure: the next call makes the value again", async () => {
    let calls = 0;
    const get = once(async () => {
      calls += 1;
      if (calls === 1) throw new Error("broken content");
      return "fixed";
    });
    await expect(get()).rejects.toThrow("broken content");
    expect(await get()).toBe("fixed");
  });

  it("oncePerSite keeps one value per site address, never the first site's for another", async () => {
    let made = 0;
    const get = oncePerSite(async (site) => `${site.host} #${++made}`);
    expect(await get(new URL("https://a.example/"))).toBe("a.example #1");
    expect(await get(new URL("https://b.example/"))).toBe("b.example #2");
    expect(await get(new URL("https://a.example/"))).toBe("a.example #1");
  });
});
