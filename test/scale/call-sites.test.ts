// A call that passes nothing on is kept in a file's summaries for where it is only: its
// evidence and symbol would be reported only for a value passed there.

import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { analyseFile } from "../../src/detect/analyse-file.js";
import { project } from "../robustness/helpers.js";

const SOURCE = [
  "import { track } from './track';",
  "export function screen(user: { email: string }) {",
  "  track(42, 'opened');",
  "  track(user.email);",
  "}",
].join("\n");

describe("call sites in a file's flow summaries", () => {
  const dir = project({ "src/screen.ts": SOURCE, "src/track.ts": "export function track(x: unknown, y?: string) { console.log(x, y); }\n" });
  const result = analyseFile(dir, "src/screen.ts", compileRules(loadRuleSet(loadTaxonomy())), () => true);
  const callAt = (line: number) => result.flow!.calls.find((c) => c.site.line === line)!;

  it("keeps a call passing a person's email with its evidence and symbol", () => {
    expect(callAt(4).site).toMatchObject({ file: "src/screen.ts", line: 4, evidence: expect.stringContaining("track(user.email)"), symbol: "screen" });
  });

  it("keeps a call of constants with its place only", () => {
    expect(callAt(3).site).toEqual({ file: "src/screen.ts", line: 3, column: callAt(3).site.column, evidence: "", symbol: null });
    expect(callAt(3).args).toEqual([]);
  });
});
