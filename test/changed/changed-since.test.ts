// scan --changed-since (SPEC §1): the whole project is analysed, only changed files are reported and gated.

import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run, write } from "../cli/helpers.js";
import { cli } from "../cli/run-bin.js";
import { git, gitProject } from "./git-project.js";

const logs = (field: string) => `export const f = (u: any) => console.log(u.${field});\n`;

/** main has two files with undeclared collection; branch `feature` changes one, stages one and adds one untracked. */
function featureBranch(): string {
  const dir = gitProject({
    "privacy-manifest.yml": manifest(["email"]),
    "src/old.ts": logs("phone"),
    "src/touched.ts": logs("phone"),
    "src/staged.ts": "export const x = 1;\n",
    "lib/other.ts": logs("phone"),
  });
  git(dir, "checkout", "-q", "-b", "feature");
  write(dir, "src/touched.ts", logs("phone") + logs("email").replace("f =", "g ="));
  git(dir, "commit", "-q", "-am", "touch");
  write(dir, "src/staged.ts", logs("phone"));
  git(dir, "add", "src/staged.ts");
  write(dir, "src/untracked.ts", logs("phone"));
  return dir;
}

describe("scan --changed-since", () => {
  it("reports only findings in files changed since the merge base: committed, staged and untracked", async () => {
    const dir = featureBranch();
    const whole = findingsOf((await run(["scan", ".", "--format", "json"], dir)).stdout);
    expect(new Set(whole.map((f) => f.file))).toEqual(new Set(["lib/other.ts", "src/old.ts", "src/staged.ts", "src/touched.ts", "src/untracked.ts"]));

    const r = await run(["scan", ".", "--format", "json", "--changed-since", "main"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect([...new Set(findingsOf(r.stdout).map((f) => f.file))]).toEqual(["src/staged.ts", "src/touched.ts", "src/untracked.ts"]);
    expect(report.summary.findings).toBe(report.findings.length);
    expect(report.summary.files).toBe(5); // the analysis still read every file
    expect(r.stderr).toContain("--changed-since main: 4 of 6 findings in the 3 changed files reported");
  });

  it("gates only on changed files: exit 0 when the change adds nothing undeclared", async () => {
    const dir = gitProject({ "privacy-manifest.yml": manifest(["email"]), "src/old.ts": logs("phone"), "src/new.ts": "export const a = 1;\n" });
    git(dir, "checkout", "-q", "-b", "feature");
    write(dir, "src/new.ts", logs("email")); // declared
    expect((await run(["scan", "."], dir)).code).toBe(1);
    const r = await run(["scan", ".", "--changed-since", "main"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("All collection is declared");
  });

  it("reports nothing (and exits 0) when nothing changed", async () => {
    const dir = gitProject({ "privacy-manifest.yml": manifest(["email"]), "src/old.ts": logs("phone") });
    const r = await run(["scan", ".", "--format", "json", "--changed-since", "HEAD", "--quiet"], dir);
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout)).toEqual([]);
    expect(r.stderr).toBe("");
  });

  it("works on a subfolder of the repository: paths stay relative to the scanned folder", async () => {
    const dir = featureBranch();
    const r = await run(["scan", "src", "--format", "json", "--changed-since", "main", "--manifest", "privacy-manifest.yml"], dir);
    expect([...new Set(findingsOf(r.stdout).map((f) => f.file))]).toEqual(["staged.ts", "touched.ts", "untracked.ts"]);
  });

  it("keeps stale baseline entries of changed files only, judged against the whole project", async () => {
    const dir = gitProject({ "privacy-manifest.yml": manifest(["email"]), "src/old.ts": logs("phone"), "src/gone.ts": logs("phone") });
    expect((await run(["baseline", "."], dir)).code).toBe(0);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "baseline");
    git(dir, "checkout", "-q", "-b", "feature");
    git(dir, "rm", "-q", "src/gone.ts");
    const r = await run(["scan", ".", "--format", "json", "--changed-since", "main", "--baseline", ".policytrace-baseline.json"], dir);
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout)).toEqual([]);
    const text = await run(["scan", ".", "--changed-since", "main", "--baseline", ".policytrace-baseline.json"], dir);
    expect(text.stdout).toMatch(/baseline entry \w+ \(phone in src\/gone.ts\)/);
    expect(text.stdout).not.toContain("src/old.ts");
  });

  it("exits 2 with a clear message for an unknown ref, an option-like ref, or no git repository", async () => {
    const dir = gitProject({ "src/a.ts": logs("phone") });
    const bad = await run(["scan", ".", "--changed-since", "no-such-branch"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"no-such-branch" has no common commit with HEAD');
    expect(bad.stderr).toContain("fetch-depth: 0");
    const dash = await run(["scan", ".", "--changed-since=--output=x"], dir);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain("needs a git ref");
    const none = await run(["scan", ".", "--changed-since", "main"], project({ "src/a.ts": logs("phone") }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("is not inside a git checkout");
    expect(none.stdout).toBe("");
  });

  it("end to end through bin/policytrace.js", async () => {
    const dir = featureBranch();
    const r = await cli(["scan", ".", "--changed-since", "main", "--format", "json"], dir);
    expect(r.code).toBe(1);
    expect([...new Set(findingsOf(r.stdout).map((f) => f.file))]).toEqual(["src/staged.ts", "src/touched.ts", "src/untracked.ts"]);
    const bad = await cli(["scan", ".", "--changed-since", "nope"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000); // CLI processes on a loaded machine
});
