// End to end: bin/policytrace.js as a child process (dist/ is rebuilt by test/global-setup.ts).

import { describe, expect, it } from "vitest";
import { manifest, project } from "./helpers.js";
import { cli } from "./run-bin.js";

describe("bin/policytrace.js", () => {
  // Four processes at once: on a loaded two-core runner this takes far longer than alone.
  it("scans fixtures/imou-app in every format with one verdict", { timeout: 180_000 }, async () => {
    const [text, json, sarif, markdown] = await Promise.all(
      ["text", "json", "sarif", "markdown"].map((format) => cli(["scan", "fixtures/imou-app", "--format", format])),
    );
    const report = JSON.parse(json.stdout);
    const expected = report.manifest !== null && report.summary.undeclared > 0 ? 1 : 0;
    for (const r of [text, json, sarif, markdown]) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(expected);
    }
    expect(report.findings.length).toBe(report.summary.findings);
    expect(report.findings.every((f: { file: string }) => !f.file.includes("\\") && !f.file.startsWith("/"))).toBe(true);
    // SARIF alerts only on what to act on: violations and unused declarations (issue 9).
    // An undeclared data shape carries no violation: inventory, not an alert (SPEC §3).
    const violations = report.findings.filter((f: { status: string; violation?: string }) => (f.status === "undeclared" || f.status === "suppressed") && f.violation);
    expect(JSON.parse(sarif.stdout).runs[0].results).toHaveLength(violations.length + report.unused.length);
    expect(text.stdout).toMatch(/(✖|✔|Inventory)/);
    expect(markdown.stdout.startsWith("# ")).toBe(true);
  });

  it("exits 2 with file:line:column for a broken manifest", async () => {
    const dir = project({ "src/a.ts": "export const a = 1;\n", "privacy-manifest.yml": manifest(["email"]).replace("basis: contract", "basis: contrcat") });
    const r = await cli(["scan", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('privacy-manifest.yml:6:12: activities[0] ("app").basis has the value "contrcat", which is not allowed');
    expect(r.stderr).toContain('Did you mean "contract"?');
  });
});
