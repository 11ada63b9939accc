import { describe, expect, it } from "vitest";
import { inOrder } from "../../src/lib/in-order.ts";

function collector(keys: string[]) {
  const passed: string[] = [];
  const feed = inOrder<string>(keys, (key, value) => passed.push(`${key}=${value}`));
  return { feed, passed };
}

describe("inOrder", () => {
  it("passes values on in the order of the keys, whatever order they arrive in", () => {
    const { feed, passed } = collector(["a", "b", "c", "d"]);
    feed.arrive("c", "3");
    expect(passed).toEqual([]);
    feed.arrive("a", "1");
    expect(passed).toEqual(["a=1"]);
    feed.arrive("d", "4");
    feed.arrive("b", "2");
    expect(passed).toEqual(["a=1", "b=2", "c=3", "d=4"]);
    expect(feed.finish()).toEqual([]);
  });

  it("refuses keys it was not given, keys given twice and anything after finish", () => {
    const { feed, passed } = collector(["a", "b"]);
    expect(feed.has("a")).toBe(true);
    expect(feed.has("z")).toBe(false);
    expect(feed.arrive("z", "?")).toBe(false);
    expect(feed.arrive("a", "1")).toBe(true);
    expect(feed.arrive("a", "again")).toBe(false);
    expect(feed.finish()).toEqual(["b"]);
    expect(feed.arrive("b", "late")).toBe(false);
    expect(passed).toEqual(["a=1"]);
  });

  it("on finish, passes on what waited behind a key that never arrived, in order, and names the missing", () => {
    const { feed, passed } = collector(["a", "b", "c", "d", "e"]);
    feed.arrive("e", "5");
    feed.arrive("c", "3");
    feed.arrive("a", "1");
    expect(passed).toEqual(["a=1"]);
    expect(feed.finish()).toEqual(["b", "d"]);
    expect(passed).toEqual(["a=1", "c=3", "e=5"]);
  });

  it("keeps the first place of a key given twice", () => {
    const { feed, passed } = collector(["a", "b", "a", "c"]);
    feed.arrive("c", "3");
    feed.arrive("b", "2");
    feed.arrive("a", "1");
    expect(passed).toEqual(["a=1", "b=2", "c=3"]);
    expect(feed.finish()).toEqual([]);
  });
});
