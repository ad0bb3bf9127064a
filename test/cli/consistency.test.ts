// The CLI says what it did: verdicts that name what failed, a summary line when the report
// goes to a file, colour by FORCE_COLOR / NO_COLOR, short flags, and help with exit codes.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifest, project, run } from "./helpers.js";

const code = { "src/support.ts": "export const f = (u: any) => console.log(u.phone);\n" };
const ESC = "\u001b[";

describe("verdict lines say what failed", () => {
  it("--fail-on unused fails with a verdict about unused declarations, not a green tick", async () => {
    const dir = project({ ...code, "privacy-manifest.yml": manifest(["phone", "precise-location"]) });
    const r = await run(["scan", ".", "--fail-on", "unused"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✖ 1 unused declaration (--fail-on unused)");
    expect(r.stdout).not.toContain("✔");
    const pass = await run(["scan", "."], dir);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain("✔ All collection is declared");
  });

  it("--fail-on none says the run is not failing although collection is undeclared", async () => {
    const r = await run(["scan", ".", "--fail-on", "none"], project({ ...code, "privacy-manifest.yml": manifest(["email"]) }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("! 1 undeclared collection point (not failing: --fail-on none)");
  });
});

describe("a report written to a file", () => {
  it("-o writes it and prints a one-line summary on stderr, unless --quiet", async () => {
    const dir = project({ ...code, "privacy-manifest.yml": manifest(["email"]) });
    const r = await run(["scan", ".", "-f", "sarif", "-o", "out.sarif"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("policytrace: fail (--fail-on undeclared): 0 declared, 1 undeclared, 0 suppressed, 1 unused declaration; sarif report written to out.sarif\n");
    expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).version).toBe("2.1.0");
    const quiet = await run(["scan", ".", "-f", "json", "-o", "out.json", "--quiet"], dir);
    expect(quiet.stderr).toBe("");
    const inv = await run(["scan", ".", "-o", "inv.txt"], project(code));
    expect(inv.stderr).toBe("policytrace: inventory (no manifest): 1 collection point, nothing checked; text report written to inv.txt\n");
  });
});

describe("colour", () => {
  const dir = () => project({ ...code, "privacy-manifest.yml": manifest(["email"]) });

  it("FORCE_COLOR colours piped output; NO_COLOR and FORCE_COLOR=0 turn it off; a terminal gets it", async () => {
    expect((await run(["scan", "."], dir(), { env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
    expect((await run(["scan", "."], dir())).stdout).not.toContain(ESC);
    expect((await run(["scan", "."], dir(), { isTTY: true })).stdout).toContain(ESC);
    expect((await run(["scan", "."], dir(), { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    expect((await run(["scan", "."], dir(), { isTTY: true, env: { FORCE_COLOR: "0" } })).stdout).not.toContain(ESC);
  });

  it("never colours a report file", async () => {
    const d = dir();
    await run(["scan", ".", "-o", "r.txt"], d, { isTTY: true, env: { FORCE_COLOR: "1" } });
    expect(readFileSync(join(d, "r.txt"), "utf8")).not.toContain(ESC);
  });
});

describe("help and categories", () => {
  it("scan --help shows short flags, exit codes and examples", async () => {
    const help = await run(["scan", "--help"], project({}));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("-f, --format <format>");
    expect(help.stdout).toContain("-o, --output <file>");
    expect(help.stdout).toContain("Exit codes:");
    expect(help.stdout).toMatch(/ {2}2 {2}usage or configuration error/);
    expect(help.stdout).toContain("policytrace scan . -f sarif -o policytrace.sarif");
    expect((await run(["--help"], project({}))).stdout).toContain("Exit codes: 0 nothing at or above --fail-on · 1 violations · 2 usage or configuration error.");
  });

  it("categories takes --format json (and --json), and rejects another format", async () => {
    const viaFormat = await run(["categories", "--format", "json"], project({}));
    const viaFlag = await run(["categories", "--json"], project({}));
    expect(viaFormat.stdout).toBe(viaFlag.stdout);
    expect(JSON.parse(viaFormat.stdout).categories.length).toBe(29);
    expect((await run(["categories", "-f", "xml"], project({}))).code).toBe(2);
    expect((await run(["categories"], project({}))).stdout).toMatch(/^contact — /);
  });
});

describe("category titles are generic", () => {
  it("no title carries one policy's wording; that wording stays an alias a manifest may use", async () => {
    const { categories } = JSON.parse((await run(["categories", "--format", "json"], project({}))).stdout) as { categories: { id: string; title: string; aliases: string[] }[] };
    for (const c of categories) expect(c.title, c.id).not.toMatch(/imou|encrypted|\bSN\b|cloud storage plan/i);
    expect(categories.find((c) => c.id === "password")!.title).toBe("Password");
    expect(categories.find((c) => c.id === "password")!.aliases).toContain("password (encrypted)");
    const r = await run(["scan", "."], project({ ...code, "privacy-manifest.yml": manifest(['"Telephone number"']) }));
    expect(r.code).toBe(0);
  });
});
