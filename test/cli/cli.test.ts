// The CLI's contract (SPEC §1): exit codes, formats, --output; in-process through main().

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run } from "./helpers.js";

const code = { "src/support.ts": "export const f = (u: any) => console.log(u.phone);\n" };

describe("policytrace scan exit codes", () => {
  it("0 for an inventory scan (no manifest), every finding unchecked", async () => {
    const r = await run(["scan", ".", "--format", "json"], project(code));
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout).map((f) => f.status)).toEqual(["unchecked"]);
    expect(JSON.parse(r.stdout).manifest).toBeNull();
  });

  it("1 for undeclared collection, 0 once declared or with --fail-on none", async () => {
    expect((await run(["scan", "."], project({ ...code, "privacy-manifest.yml": manifest(["email"]) }))).code).toBe(1);
    expect((await run(["scan", ".", "--fail-on", "none"], project({ ...code, "privacy-manifest.yml": manifest(["email"]) }))).code).toBe(0);
    expect((await run(["scan", "."], project({ ...code, "privacy-manifest.yml": manifest(["phone"]) }))).code).toBe(0);
    expect((await run(["scan", "."], project({ ...code, "privacy-manifest.yml": manifest(["contact"]) }))).code).toBe(0);
  });

  it("--fail-on unused fails on over-declaration", async () => {
    const dir = project({ ...code, "privacy-manifest.yml": manifest(["phone", "precise-location"]) });
    expect((await run(["scan", "."], dir)).code).toBe(0);
    const r = await run(["scan", ".", "--fail-on", "unused"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("app declares precise-location, but no code it covers collects it");
  });

  it("2 for an invalid manifest, naming file, line and column", async () => {
    const dir = project({ ...code, "privacy-manifest.yml": manifest(["emial"]) });
    const r = await run(["scan", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('policytrace: privacy-manifest.yml:4:12: unknown data category "emial" in activity "app"\n  Did you mean "email"?\n');
  });

  it("2 for a bad flag, a bad choice or a missing folder", async () => {
    const dir = project(code);
    expect((await run(["scan", ".", "--nope"], dir)).code).toBe(2);
    const fmt = await run(["scan", ".", "--format", "xml"], dir);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("--format <format>' argument 'xml' is invalid");
    const missing = await run(["scan", "missing"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot scan "missing": not a directory');
    expect((await run(["scan", ".", "--manifest", "nope.yml"], dir)).stderr).toContain("manifest not found: nope.yml");
  });

  it("--output writes the report relative to the working folder, not stdout", async () => {
    const dir = project(code);
    const r = await run(["scan", ".", "--format", "json", "--output", "report.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).schemaVersion).toBe(1);
    expect((await run(["scan", ".", "--output", "no/such/dir/r.txt"], dir)).code).toBe(2);
    expect(existsSync(join(dir, "no"))).toBe(false);
  });

  it("help and version exit 0", async () => {
    const help = await run(["scan", "--help"], project({}));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--baseline <file>");
    expect(help.stdout).toContain("--quiet");
    expect((await run(["--version"], project({}))).code).toBe(0);
  });
});

describe("every format on fixtures/imou-app, in-process", () => {
  const fixture = join(import.meta.dirname, "../../fixtures/imou-app");

  it("json is sorted, schemaVersion 1 and agrees with the exit code", async () => {
    const r = await run(["scan", fixture, "--format", "json"], process.cwd());
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.findings.length).toBeGreaterThan(50);
    const keys = out.findings.map((f: { file: string; line: number; column: number }) => [f.file, f.line, f.column]);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
    expect(r.code).toBe(out.summary.undeclared > 0 ? 1 : 0);
  });

  it("text, sarif and markdown render the same scan", { timeout: 180_000 }, async () => {
    const text = await run(["scan", fixture], process.cwd());
    expect(text.stdout).toMatch(/web\/src\/pages\/newsletter\.tsx/);
    // Playback is fully declared (account is not: its login email reaches Sentry, a recipient violation).
    expect(text.stdout).not.toMatch(/mobile\/src\/playback\//);
    const verbose = await run(["scan", fixture, "--verbose"], process.cwd());
    expect(verbose.stdout).toMatch(/mobile\/src\/playback\//);
    const sarif = JSON.parse((await run(["scan", fixture, "--format", "sarif"], process.cwd())).stdout);
    expect(sarif.version).toBe("2.1.0");
    const json = JSON.parse((await run(["scan", fixture, "--format", "json"], process.cwd())).stdout);
    // Violations and unused declarations; an undeclared data shape is inventory (SPEC §3), not a result.
    const violations = json.findings.filter((f: { status: string; violation?: string }) => f.status === "undeclared" && f.violation).length;
    expect(sarif.runs[0].results.length).toBe(violations + json.summary.unused);
    const md = await run(["scan", fixture, "--format", "markdown"], process.cwd());
    expect(md.stdout.startsWith("# ")).toBe(true);
    expect(new Set([text.code, sarif && md.code])).toEqual(new Set([text.code]));
  });
});
