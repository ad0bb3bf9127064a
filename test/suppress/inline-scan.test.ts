// Inline suppression comments through the whole CLI: statuses, reasons, stale comments,
// errors and exit codes.

import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run } from "../cli/helpers.js";

const CODE = [
  "export function report(user: { phone: string }, ip: string) {",
  "  // policytrace-ignore-next-line phone: support desk call-back only (DPIA-12)",
  "  console.log(user.phone);",
  "  console.log(ip); // policytrace-ignore-line ip-address: rate-limit log, kept 7 days",
  "}",
  "",
].join("\n");

describe("inline suppressions in a scan", () => {
  it("suppresses the matching findings with the comment's reason and passes the run", async () => {
    const dir = project({ "privacy-manifest.yml": manifest(["email"]), "src/report.ts": CODE });
    const r = await run(["scan", ".", "--format", "json"], dir);
    const logs = findingsOf(r.stdout).filter((f) => f.line === 3 || f.line === 4);
    expect(logs.map((f) => [f.line, f.category, f.status, f.suppression])).toEqual([
      [3, "phone", "suppressed", { source: "inline", reason: "support desk call-back only (DPIA-12)" }],
      [4, "ip-address", "suppressed", { source: "inline", reason: "rate-limit log, kept 7 days" }],
    ]);
    const summary = JSON.parse(r.stdout).summary;
    expect(summary.suppressed).toBe(2);
    // The type field `phone: string` on line 1 is not suppressed, but an undeclared shape is
    // inventory (SPEC §3): the run passes.
    expect(summary.undeclared).toBe(1);
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout).filter((f) => f.status === "undeclared").every((f) => f.line === 1)).toBe(true);
  });

  it("a comment without a reason suppresses nothing and is reported with file and line", async () => {
    const code = "export function f(user: any) {\n  // policytrace-ignore-next-line phone\n  console.log(user.phone);\n}\n";
    const dir = project({ "privacy-manifest.yml": manifest(["email"]), "src/f.ts": code });
    const r = await run(["scan", ".", "--format", "json"], dir);
    const out = JSON.parse(r.stdout);
    expect(out.findings.find((f: { line: number }) => f.line === 3).status).toBe("undeclared");
    expect(out.errors).toEqual([{ file: "src/f.ts", line: 2, column: 3, message: expect.stringMatching(/reason is required.*suppresses nothing/) }]);
    expect(r.code).toBe(1);
  });

  it("an unknown category is reported with a suggestion in the text report", async () => {
    const code = "export function f(user: any) {\n  // policytrace-ignore-next-line phnoe: typo\n  console.log(user.phone);\n}\n";
    const dir = project({ "src/f.ts": code });
    const r = await run(["scan", "."], dir);
    expect(r.stdout).toContain('src/f.ts:2:3: policytrace-ignore-next-line: unknown data category "phnoe" (did you mean "phone"?)');
    expect(r.code).toBe(0); // inventory scan
  });

  it("reports stale comments, also in files with no finding at all", async () => {
    const dir = project({
      "src/report.ts": CODE.replace("console.log(user.phone);", "console.log('nothing personal');"),
      "src/empty.ts": "// policytrace-ignore-next-line email: the form moved away\nexport const x = 1;\n",
    });
    const r = await run(["scan", ".", "--format", "text"], dir);
    expect(r.stdout).toContain('note src/empty.ts:1: suppression for email matches no finding ("the form moved away")');
    expect(r.stdout).toContain('note src/report.ts:2: suppression for phone matches no finding ("support desk call-back only (DPIA-12)")');
    expect(r.stdout).not.toContain("src/report.ts:4: suppression");
    const md = await run(["scan", ".", "--format", "markdown"], dir);
    expect(md.stdout).toContain("## Stale suppressions and baseline entries");
  });

  it("only the named category is suppressed on a line that collects several", async () => {
    const code = "export function f(u: any) {\n  // policytrace-ignore-next-line email: newsletter opt-in\n  console.log(u.email, u.phone);\n}\n";
    const dir = project({ "src/f.ts": code });
    const r = await run(["scan", ".", "--format", "json"], dir);
    const line3 = findingsOf(r.stdout).filter((f) => f.line === 3);
    expect(Object.fromEntries(line3.map((f) => [f.category, f.status]))).toEqual({ email: "suppressed", phone: "unchecked" });
  });
});
