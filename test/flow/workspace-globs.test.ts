// The folders a monorepo root declares as packages: pnpm-workspace.yaml and package.json
// `workspaces` (an array or { packages }), with negations; node_modules never counts.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { declaredWorkspaceDirs } from "../../src/detect/link/workspace-globs.js";

const made: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policytrace-workspaces-"));
  made.push(dir);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const all = () => true;
const pkg = (name: string) => JSON.stringify({ name });

describe("declaredWorkspaceDirs", () => {
  it("pnpm-workspace.yaml's packages, a negated folder left out, deep globs, nothing under node_modules", () => {
    const dir = tree({
      "pnpm-workspace.yaml": 'packages:\n  - "apps/*"\n  - "packages/**"\n  - "tooling/*"\n  - "!apps/proxy"\n',
      "apps/web/package.json": pkg("web"),
      "apps/proxy/package.json": pkg("proxy"),
      "packages/ui/package.json": pkg("@x/ui"),
      "packages/ui/node_modules/dep/package.json": pkg("dep"),
      "packages/group/deep/package.json": pkg("@x/deep"),
      "tooling/typescript/package.json": pkg("@x/tsconfig"),
      "tooling/empty/readme.md": "no package here",
    });
    expect(declaredWorkspaceDirs(dir, all)).toEqual(["apps/web", "packages/group/deep", "packages/ui", "tooling/typescript"]);
  });

  it("package.json workspaces as an array or as { packages }; no declaration, no folders", () => {
    const a = tree({ "package.json": JSON.stringify({ workspaces: ["libs/*"] }), "libs/a/package.json": pkg("a") });
    const b = tree({ "package.json": JSON.stringify({ workspaces: { packages: ["libs/*"] } }), "libs/b/package.json": pkg("b") });
    const none = tree({ "package.json": pkg("solo"), "libs/c/package.json": pkg("c") });
    expect(declaredWorkspaceDirs(a, all)).toEqual(["libs/a"]);
    expect(declaredWorkspaceDirs(b, all)).toEqual(["libs/b"]);
    expect(declaredWorkspaceDirs(none, all)).toEqual([]);
  });

  it("reads only what the resolver may read (a cache probe each), and a pattern out of the root is ignored", () => {
    const dir = tree({ "package.json": JSON.stringify({ workspaces: ["../outside/*", "libs/*"] }), "libs/a/package.json": pkg("a") });
    const asked: string[] = [];
    expect(declaredWorkspaceDirs(dir, (rel) => (asked.push(rel), true))).toEqual(["libs/a"]);
    expect(asked).toEqual(["package.json", "pnpm-workspace.yaml"]);
    expect(declaredWorkspaceDirs(dir, () => false)).toEqual([]);
  });
});
