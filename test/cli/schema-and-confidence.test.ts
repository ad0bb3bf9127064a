// SPEC §3: undeclared data shapes are inventory, not violations (unless --count-schema), and
// issue 8: --min-confidence filters every report and what --fail-on counts.

import { describe, expect, it } from "vitest";
import { findingsOf, manifest, project, run } from "./helpers.js";

// One shape (schema, low) and one log call (log, medium): neither category is declared.
const shape = { "src/user.ts": "export interface User {\n  email: string;\n}\n" };
const logged = { "src/support.ts": "export const f = (u: any) => console.log(u.phone);\n" };
const undeclaredManifest = { "privacy-manifest.yml": manifest(["country"]) };

describe("schema findings are inventory", () => {
  it("an undeclared shape is listed, status undeclared, without violation, and exits 0", async () => {
    const r = await run(["scan", ".", "--format", "json"], project({ ...shape, ...undeclaredManifest }));
    expect(r.code).toBe(0);
    const [f] = findingsOf(r.stdout) as (ReturnType<typeof findingsOf>[number] & { violation?: string; kind: string })[];
    expect(f).toMatchObject({ file: "src/user.ts", line: 2, category: "email", kind: "schema", status: "undeclared" });
    expect(f.violation).toBeUndefined();
  });

  it("the text verdict does not claim a failure for shapes alone", async () => {
    const r = await run(["scan", "."], project({ ...shape, ...undeclaredManifest }));
    expect(r.stdout).toContain("✔ No undeclared collection (1 undeclared data shape, inventory only)");
  });

  it("--count-schema makes an undeclared shape a violation", async () => {
    const r = await run(["scan", ".", "--format", "json", "--count-schema"], project({ ...shape, ...undeclaredManifest }));
    expect(r.code).toBe(1);
    expect((findingsOf(r.stdout)[0] as { violation?: string }).violation).toBe("category");
  });

  it("other kinds still fail beside a shape", async () => {
    const r = await run(["scan", ".", "--format", "json"], project({ ...shape, ...logged, ...undeclaredManifest }));
    expect(r.code).toBe(1);
    expect(findingsOf(r.stdout).map((f) => [f.file, f.category, (f as { violation?: string }).violation])).toEqual([
      ["src/support.ts", "phone", "category"],
      ["src/user.ts", "email", undefined],
    ]);
  });
});

describe("--min-confidence", () => {
  it("leaves findings below it out of every format", async () => {
    const dir = project({ ...shape, ...logged });
    const all = findingsOf((await run(["scan", ".", "--format", "json"], dir)).stdout);
    expect(all.map((f) => `${f.category}:${(f as { confidence?: string }).confidence}`)).toEqual(["phone:medium", "email:low"]);
    const medium = JSON.parse((await run(["scan", ".", "--format", "json", "--min-confidence", "medium"], dir)).stdout);
    expect(medium.findings.map((f: { category: string }) => f.category)).toEqual(["phone"]);
    expect(medium.summary.findings).toBe(1);
    for (const format of ["text", "markdown", "sarif"]) {
      const out = (await run(["scan", ".", "--format", format, "--min-confidence", "high"], dir)).stdout;
      expect(out, format).not.toContain("u.phone");
      expect(out, format).not.toContain("src/user.ts");
    }
  });

  it("--fail-on ignores findings below it", async () => {
    const dir = project({ ...logged, ...undeclaredManifest });
    expect((await run(["scan", "."], dir)).code).toBe(1);
    expect((await run(["scan", ".", "--min-confidence", "medium"], dir)).code).toBe(1);
    expect((await run(["scan", ".", "--min-confidence", "high"], dir)).code).toBe(0);
  });

  it("rejects an unknown level with exit 2", async () => {
    const r = await run(["scan", ".", "--min-confidence", "certain"], project(logged));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("low, medium, high");
  });
});
