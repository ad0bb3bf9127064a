// The cache keeps the last cross-file phase only when a changed file shows the others the same
// data: equal by value and in the same order, whatever objects the analysis happened to share.

import { describe, expect, it } from "vitest";
import { sameData } from "../../src/detect/cache/linked-outcome.js";

describe("sameData", () => {
  it("takes a shared object and two equal copies of it for the same data", () => {
    const taint = { category: "email", steps: [{ file: "a.ts", line: 3 }] };
    const shared = { args: [taint, taint], f: new Map([["mail", taint]]) };
    const copied = { args: [structuredClone(taint), structuredClone(taint)], f: new Map([["mail", structuredClone(taint)]]) };
    expect(sameData(shared, copied)).toBe(true);
  });

  it("tells apart a shifted line, a Map in another order, a missing field and a Set", () => {
    const at = (line: number) => ({ category: "email", steps: [{ file: "a.ts", line }] });
    expect(sameData(at(3), at(5))).toBe(false);
    expect(sameData(new Map([["a", 1], ["b", 2]]), new Map([["b", 2], ["a", 1]]))).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(sameData(new Set([1]), new Set([2]))).toBe(false);
  });
});
