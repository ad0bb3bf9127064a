// policytrace merge (SPEC §1, §5) through the CLI: inputs validated, names derived, every format.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run, write } from "../cli/helpers.js";
import { cli } from "../cli/run-bin.js";
import { git } from "../changed/git-project.js";
import { toolVersion } from "../../src/config/package-paths.js";
import { validateReport } from "../robustness/validate-report.js";

const logs = (field: string) => `export const f = (u: any) => console.log(u.${field});\n`;

/** Two services scanned into reports/<service>/policytrace.json, as a CI matrix would download them. */
async function matrix(): Promise<string> {
  const dir = project({
    "web/privacy-manifest.yml": manifest(["email"]),
    "web/src/a.ts": logs("email"),
    "api/privacy-manifest.yml": manifest(["phone"]),
    "api/src/a.ts": logs("email"),
    "api/src/b.ts": logs("phone"),
  });
  for (const s of ["web", "api"]) {
    write(dir, `reports/${s}/.keep`, "");
    const r = await run(["scan", s, "--format", "json", "--output", `reports/${s}/policytrace.json`, "--fail-on", "none"], dir);
    expect(r.code).toBe(0);
  }
  return dir;
}

describe("policytrace merge", () => {
  it("prefixes each report's files with its folder and keeps the JSON contract", async () => {
    const dir = await matrix();
    const r = await run(["merge", "reports/web/policytrace.json", "reports/api/policytrace.json", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0); // --fail-on none by default: the matrix jobs gate their own scans
    expect(findingsOf(r.stdout).map((f) => `${f.file} ${f.category} ${f.status}`)).toEqual([
      "api/src/a.ts email undeclared",
      "api/src/b.ts phone declared",
      "web/src/a.ts email declared",
    ]);
    const json = JSON.parse(r.stdout);
    expect(validateReport(json)).toBe(true);
    expect(json.summary).toMatchObject({ files: 3, findings: 3, declared: 2, undeclared: 1 });
  });

  it("gates with --fail-on, and renders text, SARIF and Markdown", async () => {
    const dir = await matrix();
    const reports = ["reports/web/policytrace.json", "reports/api/policytrace.json"];
    const text = await run(["merge", ...reports, "--fail-on", "undeclared"], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("api/src/a.ts");
    const sarif = JSON.parse((await run(["merge", ...reports, "--format", "sarif"], dir)).stdout);
    expect(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri))
      .toEqual(["api/src/a.ts"]); // SARIF lists what to act on: the one violation, under its service's name
    const ok = await run(["merge", ...reports, "--format", "markdown", "--output", "merged.md"], dir);
    expect(ok.code).toBe(0);
    const text2 = readFileSync(join(dir, "merged.md"), "utf8");
    expect(text2).toContain("## Data flow");
    expect(text2).toContain("[api/src/a.ts:1](api/src/a.ts#L1)");
  });

  it("takes names from --name, from the file name when folders clash, and refuses a clash it cannot settle", async () => {
    const dir = await matrix();
    write(dir, "flat/web.json", readFileSync(join(dir, "reports/web/policytrace.json"), "utf8"));
    write(dir, "flat/api.json", readFileSync(join(dir, "reports/api/policytrace.json"), "utf8"));
    const byFile = await run(["merge", "flat/web.json", "flat/api.json", "--format", "json"], dir);
    expect([...new Set(findingsOf(byFile.stdout).map((f) => f.file.split("/")[0]))]).toEqual(["api", "web"]);

    const named = await run(["merge", "flat/web.json", "flat/api.json", "--format", "json", "--name", "flat/api.json=acme/billing"], dir);
    expect(findingsOf(named.stdout).map((f) => f.file)).toContain("acme/billing/src/b.ts");

    write(dir, "a/same.json", readFileSync(join(dir, "flat/web.json"), "utf8"));
    write(dir, "b/a/same.json", readFileSync(join(dir, "flat/api.json"), "utf8"));
    const clash = await run(["merge", "a/same.json", "b/a/same.json"], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('reports a/same.json and b/a/same.json would both be prefixed "same"');
    expect(clash.stderr).toContain("--name b/a/same.json=");

    const bad = await run(["merge", "flat/web.json", "--name", "flat/web.json=../up"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("may not hold empty, . or .. segments");
  });

  it("names a report at the top of a git checkout after the repository's remote", async () => {
    const dir = await matrix();
    const checkout = join(dir, "checkouts/w0rk");
    write(dir, "checkouts/w0rk/policytrace.json", readFileSync(join(dir, "reports/web/policytrace.json"), "utf8"));
    git(checkout, "init", "-q");
    git(checkout, "remote", "add", "origin", "git@github.com:acme/storefront.git");
    const r = await run(["merge", "checkouts/w0rk/policytrace.json", "--format", "json"], dir);
    expect(findingsOf(r.stdout).map((f) => f.file)).toEqual(["storefront/src/a.ts"]);
  });

  it("exits 2 naming the file, line and column of a broken or foreign report", async () => {
    const dir = await matrix();
    const good = readFileSync(join(dir, "reports/web/policytrace.json"), "utf8");
    const cases: [string, string, string | RegExp][] = [
      ["truncated.json", good.slice(0, 200), "truncated.json:"],
      ["line.json", good.replace('"line": 1,', '"line": "one",'), /line\.json:\d+:\d+: not a valid policytrace report: findings\[0\] \("\w+"\)\.line must be an integer\n {2}Found string "one"\./],
      ["extra.json", good.replace('"rule":', '"rulez": 1, "rule":'), /unknown key "rulez" in findings\[0\][^\n]*\n {2}Did you mean "rule"\?/],
      ["newer.json", good.replace(`"version": "${toolVersion}"`, '"version": "99.0.0"').replace('"rule":', '"origin": "x", "rule":'), /unknown key "origin"[^\n]*\n {2}It was written by policytrace 99\.0\.0, this is /],
      ["v2.json", good.replace('"schemaVersion": 1', '"schemaVersion": 2'), "report of schemaVersion 2; this policytrace reads schemaVersion 1 only"],
      ["sarif.json", JSON.stringify({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [] }), "this is a SARIF log"],
      ["other.json", JSON.stringify({ tool: { name: "eslint" } }), 'expected "tool": { "name": "policytrace" }'],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text);
      const r = await run(["merge", "reports/web/policytrace.json", name], dir);
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe("");
      if (typeof message === "string") expect(r.stderr, name).toContain(message);
      else expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).toContain(name);
    }
    const line = await run(["merge", "line.json"], dir);
    expect(line.stderr).toMatch(/^policytrace: line\.json:\d+:\d+: /);
    const missing = await run(["merge", "nope.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.json: cannot read (ENOENT: file not found)");
    expect((await run(["merge"], dir)).code).toBe(2);
  });

  it("end to end through bin/policytrace.js", async () => {
    const dir = await matrix();
    const r = await cli(["merge", "reports/web/policytrace.json", "reports/api/policytrace.json", "--format", "markdown"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("# Privacy audit");
    expect(r.stdout).toContain("web/src/a.ts");
    expect(r.stdout).toContain("api/src/b.ts");
    const bad = await cli(["merge", "reports/web/policytrace.json", "reports/nope.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 120_000); // CLI processes on a loaded machine
});
