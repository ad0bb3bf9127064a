// The package works installed from its own tarball: the CLI, `import { scan } from
// "policytrace"`, its type declarations, and every file the README links to. Offline: the
// tarball is unpacked into a throwaway node_modules beside links to this checkout's dependencies.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("the packed package", { timeout: 180_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "policytrace-pack-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" }))[0];
  const files: string[] = packed.files.map((f: { path: string }) => f.path);
  const consumer = join(work, "consumer");
  const installed = join(consumer, "node_modules", "policytrace");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(work, packed.filename), "-C", installed, "--strip-components=1"]);
  for (const dep of Object.keys(pkg.dependencies)) {
    const [scope] = dep.split("/");
    if (dep.includes("/")) mkdirSync(join(consumer, "node_modules", scope), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), join(consumer, "node_modules", dep));
  }
  writeFileSync(join(consumer, "package.json"), '{ "type": "module", "private": true }\n');

  it("ships the CLI, the library with declarations, rules, schema, docs and LICENSE, and no tests or sources", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "bin/policytrace.js", "dist/index.js", "dist/index.d.ts", "dist/cli.js",
      "rules/categories.yml", "schema/privacy-manifest.schema.json", "docs/rules.md", "docs/ci-recipes.md", "action.yml", ".pre-commit-hooks.yaml"]) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => f.startsWith("src/") || f.startsWith("test/") || f.startsWith("fixtures/"))).toBe(false);
    // README links into docs/: every one of them is in the package.
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    for (const [, link] of readme.matchAll(/\]\((docs\/[^)#]+)/g)) expect(files, link).toContain(link);
    // Source maps carry their sources, so they point at nothing the package lacks.
    const map = JSON.parse(readFileSync(join(installed, "dist/run.js.map"), "utf8"));
    expect(map.sourcesContent?.[0]).toContain("export async function scan");
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it("runs as a CLI from node_modules", () => {
    const out = execFileSync(process.execPath, [join(installed, "bin/policytrace.js"), "scan", join(root, "fixtures/imou-app"), "-f", "json", "--fail-on", "none"],
      { cwd: consumer, encoding: "utf8" });
    const report = JSON.parse(out);
    expect(report.tool).toEqual({ name: "policytrace", version: pkg.version });
    expect(report.summary.undeclared).toBeGreaterThan(0);
  });

  it("imports as a library: scan, formatters and exit codes", () => {
    const script = [
      'import { scan, renderMarkdown, renderSarif, exitCodeFor, FORMATS, version } from "policytrace";',
      `const result = await scan({ dir: ${JSON.stringify(join(root, "fixtures/imou-app"))} });`,
      'console.log(JSON.stringify({ version, code: exitCodeFor(result, "undeclared"), md: renderMarkdown(result).startsWith("# Privacy audit"),',
      '  sarif: JSON.parse(renderSarif(result)).version, formats: Object.keys(FORMATS).sort() }));',
    ].join("\n");
    writeFileSync(join(consumer, "use.mjs"), script);
    const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: consumer, encoding: "utf8" }));
    expect(out).toEqual({ version: pkg.version, code: 1, md: true, sarif: "2.1.0", formats: ["json", "markdown", "sarif", "text"] });
    // Only the documented entry points: deep imports are closed by `exports`.
    writeFileSync(join(consumer, "deep.mjs"), 'import "policytrace/dist/run.js";\n');
    expect(() => execFileSync(process.execPath, ["deep.mjs"], { cwd: consumer, stdio: "pipe" })).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  it("type-checks a TypeScript consumer against the shipped declarations", () => {
    writeFileSync(join(consumer, "use.ts"), [
      'import { scan, renderText, type ScanResult, type Finding, type FailOn } from "policytrace";',
      "const failOn: FailOn = \"unused\";",
      'const result: ScanResult = await scan({ dir: "." });',
      "const first: Finding | undefined = result.findings[0];",
      "console.log(renderText(result, { color: false, failOn }), first?.trace?.[0]?.note, first?.violation);",
      "// @ts-expect-error: the status is one of four words",
      'const bad: Finding["status"] = "maybe";',
      "export {};",
    ].join("\n"));
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, types: [] }, files: ["use.ts"] }));
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", consumer], { cwd: consumer, encoding: "utf8" });
    expect(readdirSync(consumer)).toContain("use.ts");
  });
});
