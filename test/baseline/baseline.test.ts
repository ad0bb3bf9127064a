// policytrace baseline + scan --baseline: what is recorded, what it accepts, and that
// fingerprints survive moved lines but not changed evidence.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run, write } from "../cli/helpers.js";
import { legacyFingerprints } from "../../src/baseline/fingerprint.js";

const LEGACY = [
  "export function legacy(user: any, req: any) {",
  "  console.log(user.phone);",
  "  console.log(req.ip);",
  "}",
  "",
].join("\n");

const setup = () => project({ "privacy-manifest.yml": manifest(["email"]), "src/legacy.ts": LEGACY });

describe("policytrace baseline", () => {
  it("records the undeclared findings by fingerprint", async () => {
    const dir = setup();
    const r = await run(["baseline", "."], dir);
    expect(r.code).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, ".policytrace-baseline.json"), "utf8"));
    const scanned = findingsOf((await run(["scan", ".", "--format", "json"], dir)).stdout);
    expect(r.stdout).toContain(`recorded ${scanned.length} undeclared collection points in .policytrace-baseline.json`);
    expect(b).toMatchObject({ schemaVersion: 1, tool: { name: "policytrace", version: expect.any(String) }, createdAt: expect.any(String) });
    expect(b.findings.map((f: { id: string }) => f.id)).toEqual(scanned.map((f) => f.id));
    expect([...new Set(b.findings.map((f: { category: string }) => f.category))].sort()).toEqual(["ip-address", "phone"]);
    expect(Object.keys(b.findings[0]).sort()).toEqual(["category", "evidence", "file", "id", "kind", "rule"]);
    expect(b.findings[0]).toMatchObject({ file: "src/legacy.ts", id: expect.stringMatching(/^[0-9a-f]{20}$/) });
  });

  it("leaves declared findings out", async () => {
    const dir = project({ "privacy-manifest.yml": manifest(["phone"]), "src/legacy.ts": LEGACY });
    await run(["baseline", "."], dir);
    const b = JSON.parse(readFileSync(join(dir, ".policytrace-baseline.json"), "utf8"));
    expect(new Set(b.findings.map((f: { category: string }) => f.category))).toEqual(new Set(["ip-address"]));
  });

  it("writes <dir>/.policytrace-baseline.json for a dir argument, without inline-suppressed findings", async () => {
    const dir = project({
      "app/src/legacy.ts": LEGACY.replace("  console.log(req.ip);", "  console.log(req.ip); // policytrace-ignore-line ip-address: abuse log"),
    });
    const r = await run(["baseline", "app"], dir);
    expect(r.stdout).toContain("in app/.policytrace-baseline.json");
    const b = JSON.parse(readFileSync(join(dir, "app/.policytrace-baseline.json"), "utf8"));
    expect(b.findings.map((f: { category: string }) => f.category)).toEqual(["phone"]);
  });

  it("scan --baseline accepts recorded findings and fails on new ones", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    const before = await run(["scan", ".", "--baseline", ".policytrace-baseline.json", "--format", "json"], dir);
    expect(before.code).toBe(0);
    const accepted = findingsOf(before.stdout);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    for (const f of accepted) expect([f.status, f.suppression]).toEqual(["suppressed", { source: "baseline", reason: "baseline .policytrace-baseline.json" }]);

    write(dir, "src/new.ts", "export const f = (u: any) => console.log(u.phone);\n");
    const after = await run(["scan", ".", "--baseline", ".policytrace-baseline.json", "--format", "json"], dir);
    expect(after.code).toBe(1);
    const undeclared = findingsOf(after.stdout).filter((f) => f.status === "undeclared");
    expect(undeclared.map((f) => f.file)).toEqual(["src/new.ts"]);
  });

  it("fingerprints survive lines inserted above the finding", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    const moved = "// a new header comment\nimport { x } from './x';\n\nexport const unrelated = () => x;\n\n" + LEGACY;
    writeFileSync(join(dir, "src/legacy.ts"), moved);
    const r = await run(["scan", ".", "--baseline", ".policytrace-baseline.json", "--format", "json"], dir);
    const found = findingsOf(r.stdout);
    expect(new Set(found.map((f) => f.line))).toEqual(new Set([7, 8]));
    expect(found.every((f) => f.status === "suppressed")).toBe(true);
    expect(r.code).toBe(0);
  });

  it("fingerprints survive an unrelated edit in the same statement", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    writeFileSync(join(dir, "src/legacy.ts"), LEGACY.replace("console.log(user.phone);", "console.log('user phone:', user.phone, { at: Date.now() });"));
    const r = await run(["scan", ".", "--baseline", ".policytrace-baseline.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("matches no finding any more");
  });

  it("changing the matched call makes a new finding, and the old entry is stale", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    writeFileSync(join(dir, "src/legacy.ts"), LEGACY.replace("console.log(user.phone);", "console.warn(user.phone);"));
    const r = await run(["scan", ".", "--baseline", ".policytrace-baseline.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/undeclared {2}phone \(log\)/);
    expect(r.stdout).toMatch(/note baseline entry [0-9a-f]{20} \(phone in src\/legacy.ts\) matches no finding any more/);
  });

  it("a baseline with version 1 fingerprints still applies, with a note to rewrite it", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    const path = join(dir, ".policytrace-baseline.json");
    const v2 = JSON.parse(readFileSync(path, "utf8"));
    expect(v2.fingerprintVersion).toBe(2);
    // What policytrace wrote before version 2: no fingerprintVersion, ids hashed from the whole evidence.
    const scanned = JSON.parse((await run(["scan", ".", "--format", "json"], dir)).stdout).findings;
    const v1 = { ...v2, findings: [...legacyFingerprints(scanned)].map(([id, f]) => ({ id, file: f.file, category: f.category, rule: f.rule, kind: f.kind, evidence: f.evidence })) };
    delete v1.fingerprintVersion;
    writeFileSync(path, JSON.stringify(v1));
    const r = await run(["scan", ".", "--baseline", ".policytrace-baseline.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("note .policytrace-baseline.json:1:1: baseline uses version 1 fingerprints");
    expect(r.stdout).toContain("Run `policytrace baseline --output .policytrace-baseline.json` to rewrite it");
    expect(r.stdout).not.toContain("matches no finding any more");
    write(dir, "future.json", JSON.stringify({ ...v2, fingerprintVersion: 9 }));
    const future = await run(["scan", ".", "--baseline", "future.json"], dir);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("unsupported fingerprintVersion 9");
  });

  it("overwrites its own baseline but not someone else's file", async () => {
    const dir = setup();
    expect((await run(["baseline", "."], dir)).code).toBe(0);
    expect((await run(["baseline", "."], dir)).code).toBe(0);

    write(dir, "notes.json", '{"mine": true}\n');
    const r = await run(["baseline", ".", "--output", "notes.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refusing to overwrite notes.json: it is not a policytrace baseline");
    expect(readFileSync(join(dir, "notes.json"), "utf8")).toBe('{"mine": true}\n');

    expect((await run(["baseline", ".", "--output", "notes.json", "--force"], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "notes.json"), "utf8")).tool.name).toBe("policytrace");
  });

  it("a missing or invalid baseline file is a usage error (exit 2)", async () => {
    const dir = setup();
    const missing = await run(["scan", ".", "--baseline", "nope.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("baseline not found: nope.json");
    expect(missing.stderr).toContain("policytrace baseline");

    write(dir, "broken.json", "{ not json");
    const broken = await run(["scan", ".", "--baseline", "broken.json"], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: invalid baseline: it is not valid JSON/);

    write(dir, "other.json", JSON.stringify({ schemaVersion: 1, tool: { name: "eslint" }, findings: [] }));
    const other = await run(["scan", ".", "--baseline", "other.json"], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.json: not a policytrace baseline: expected "tool": { "name": "policytrace" }');

    write(dir, "bad-entry.json", JSON.stringify({ schemaVersion: 1, tool: { name: "policytrace" }, findings: [{ file: "x" }] }));
    const bad = await run(["scan", ".", "--baseline", "bad-entry.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('findings[0] has no string "id"');
  });

  it("SARIF marks baseline suppressions as external", async () => {
    const dir = setup();
    await run(["baseline", "."], dir);
    const r = await run(["scan", ".", "--baseline", ".policytrace-baseline.json", "--format", "sarif"], dir);
    // The violations the baseline accepts (the unused declaration of email is a warning of its own).
    const results = JSON.parse(r.stdout).runs[0].results.filter((x: { ruleId: string }) => x.ruleId !== "policytrace.unused-declaration");
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) expect(x.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "baseline .policytrace-baseline.json" }]);
  });
});
