// The same policy as plain text (its table one cell per paragraph), Markdown (a pipe table
// whose blank cells continue the row above) and HTML (rowspan/colspan) gives the same draft.

import { describe, expect, it } from "vitest";
import { draftOf } from "./measure.js";

const strip = (file: string) => draftOf(`fixtures/policies/${file}`).activities.map(({ line: _line, ...a }) => a);

describe("draft reads text, Markdown and HTML alike", () => {
  const text = strip("imou.txt");
  it("finds the table's 36 rows, parts A–E, in the policy's numbering", () => {
    expect(text.map((a) => a.ref)).toEqual([
      "A.1a", "A.1b", ...Array.from({ length: 23 }, (_, i) => `A.${i + 2}`),
      "B.1", "B.2", "B.3", "C.1", "C.2", "C.3", "D.1", "D.2", "E.1", "E.2", "E.3",
    ]);
  });
  for (const other of ["imou.md", "imou.html"]) {
    it(`${other} gives the same activities as imou.txt`, () => {
      expect(strip(other)).toEqual(text);
    });
  }
});
