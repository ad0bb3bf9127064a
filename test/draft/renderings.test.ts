// The Markdown and HTML renderings of the seed policy are generated from its text by
// fixtures/policies/render-imou.mjs; this keeps the committed files in step with it.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { toHtml, toMarkdown } from "../../fixtures/policies/render-imou.mjs";

const read = (f: string) => readFileSync(`fixtures/policies/${f}`, "utf8");

describe("fixtures/policies renderings", () => {
  const text = read("imou.txt");
  it("imou.html is what render-imou.mjs makes of imou.txt", () => expect(read("imou.html")).toBe((toHtml as (t: string) => string)(text)));
  it("imou.md is what render-imou.mjs makes of imou.txt", () => expect(read("imou.md")).toBe((toMarkdown as (t: string) => string)(text)));
});
