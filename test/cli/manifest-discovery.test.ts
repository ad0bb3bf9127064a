// SPEC §1: without --manifest, the nearest privacy-manifest.yml in the scanned folder or above
// it, up to the repository root — so a CI job run from a package folder fails closed.

import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { manifest, project, run } from "./helpers.js";

const LOG_PHONE = "export const f = (u: any) => console.log(u.phone);\n";

function repo(files: Record<string, string>, at = ""): string {
  const dir = project(files);
  execFileSync("git", ["init", "-q", at || "."], { cwd: dir });
  return dir;
}

const json = (stdout: string) => JSON.parse(stdout) as { manifest: string | null; findings: { status: string; file: string }[]; unused: unknown[] };

describe("manifest discovery", () => {
  it("a scan of a package folder uses the repository's manifest above it, and fails on undeclared collection", async () => {
    const dir = repo({ "privacy-manifest.yml": manifest(["email"]), "packages/app/src/a.ts": LOG_PHONE });
    const r = await run(["scan", ".", "--format", "json"], `${dir}/packages/app`);
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.manifest).toBe("../../privacy-manifest.yml");
    expect(out.findings.map((f) => [f.file, f.status])).toEqual([["src/a.ts", "undeclared"]]);
  });

  it("the nearest manifest wins over one further up", async () => {
    const dir = repo({ "privacy-manifest.yml": manifest(["email"]), "app/privacy-manifest.yml": manifest(["phone"]), "app/src/a.ts": LOG_PHONE });
    const r = await run(["scan", "app/src", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(json(r.stdout).manifest).toBe("../privacy-manifest.yml");
  });

  it("does not look above the repository root, nor above the folder outside a repository", async () => {
    // The manifest sits above the repository: not this repository's policy.
    const outer = project({ "privacy-manifest.yml": manifest(["email"]), "repo/src/a.ts": LOG_PHONE });
    execFileSync("git", ["init", "-q", "repo"], { cwd: outer });
    const inRepo = await run(["scan", "src", "--format", "json"], `${outer}/repo`);
    expect(inRepo.code).toBe(0);
    expect(json(inRepo.stdout).manifest).toBeNull();
    const plain = project({ "privacy-manifest.yml": manifest(["email"]), "src/a.ts": LOG_PHONE });
    const noRepo = await run(["scan", "src", "--format", "json"], plain);
    expect(json(noRepo.stdout).manifest).toBeNull();
    expect((await run(["scan", ".", "--format", "json"], plain)).code).toBe(1); // the folder itself is looked in
  });

  it("an inventory says that nothing was checked and where it looked", async () => {
    const r = await run(["scan", "."], project({ "src/a.ts": LOG_PHONE }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing was checked: no privacy-manifest.yml in the scanned folder or above it (up to the repository root)");
  });

  it("unused declarations are judged only for activities whose code lies within the scan", async () => {
    const m = ["version: 1", "activities:",
      "  - { id: mobile, data: [phone, precise-location], purposes: [support], basis: contract, code: [\"mobile/**\"] }",
      "  - { id: web, data: [email], purposes: [support], basis: contract, code: [\"web/**\"] }", ""].join("\n");
    const dir = repo({ "privacy-manifest.yml": m, "mobile/src/a.ts": LOG_PHONE, "web/src/b.ts": "export const b = 1;\n" });
    const sub = json((await run(["scan", "mobile", "--format", "json"], dir)).stdout);
    expect(sub.unused).toEqual([{ activity: "mobile", category: "precise-location" }]); // web's email is not judged from mobile/
    const whole = json((await run(["scan", ".", "--format", "json"], dir)).stdout);
    expect(whole.unused).toEqual([{ activity: "mobile", category: "precise-location" }, { activity: "web", category: "email" }]);
  });
});

describe("coverage you can see", () => {
  const withCode = (code: string) => ["version: 1", "activities:",
    "  - id: support", "    data: [phone]", "    purposes: [support]", "    basis: contract", `    code: ${code}`, ""].join("\n");

  it("an activity without code is said to cover all code", async () => {
    const r = await run(["scan", "."], project({ "privacy-manifest.yml": manifest(["phone"]), "src/a.ts": LOG_PHONE }));
    expect(r.stdout).toContain('note privacy-manifest.yml:3:9: activity "app" has no code globs: it covers all code');
    expect(r.stdout).toContain("1 note,");
    const md = await run(["scan", ".", "-f", "markdown"], project({ "privacy-manifest.yml": manifest(["phone"]), "src/a.ts": LOG_PHONE }));
    expect(md.stdout).toContain("| **all code** |");
  });

  it("a glob that matches no scanned file is a note at its line with a did-you-mean of existing folders", async () => {
    const r = await run(["scan", "."], project({ "privacy-manifest.yml": withCode('["scrpts/**"]'), "scripts/a.ts": LOG_PHONE }));
    expect(r.code).toBe(1); // the typo leaves the collection undeclared
    expect(r.stdout).toContain('note privacy-manifest.yml:7:12: code glob "scrpts/**" of activity "support" matches no scanned file — Did you mean "scripts/**"?');
    const md = await run(["scan", ".", "-f", "markdown"], project({ "privacy-manifest.yml": withCode('["scrpts/**"]'), "scripts/a.ts": LOG_PHONE }));
    expect(md.stdout).toContain("## Manifest notes");
    expect(md.stdout).toContain('code glob "scrpts/\\*\\*" of activity "support" matches no scanned file');
  });

  it("no note for a glob that matches, or that points outside the scanned folder", async () => {
    const ok = await run(["scan", "."], project({ "privacy-manifest.yml": withCode('["scripts/**"]'), "scripts/a.ts": LOG_PHONE }));
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain("note ");
    expect(ok.stdout).toContain("0 notes,");
    const dir = repo({ "privacy-manifest.yml": withCode('["scripts/**", "server/**"]'), "scripts/a.ts": LOG_PHONE, "server/x.ts": "export {};\n" });
    const sub = await run(["scan", "scripts"], dir);
    expect(sub.stdout).not.toContain("matches no scanned file"); // server/** cannot match inside scripts/
  });
});
