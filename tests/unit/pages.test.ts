import { describe, expect, it } from "vitest";
import { paginateList } from "../../src/lib/views/paginate.ts";

describe("paginateList", () => {
  it("cuts a list into numbered pages, the last one partial", () => {
    const pages = paginateList([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => [p.current, p.last, p.total, p.items])).toEqual([
      [1, 3, 5, [1, 2]],
      [2, 3, 5, [3, 4]],
      [3, 3, 5, [5]],
    ]);
  });

  it("gives an empty list one empty page", () => {
    expect(paginateList([], 50)).toEqual([{ items: [], current: 1, last: 1, total: 0 }]);
  });
});
