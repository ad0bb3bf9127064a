import { readFileSync } from "node:fs";
import { join } from "node:path";
import { globbySync } from "globby";
import { parse } from "yaml";

// The folders a monorepo's root declares as its packages: package.json `workspaces` (npm, yarn,
// bun; an array or `{ packages }`) and pnpm-workspace.yaml `packages`. A package that holds no
// source (a shared tsconfig, `@acme/tsconfig/base.json`) is found only this way.

/** Relative POSIX folders of the declared packages that have a package.json. `readable` records each file read as a cache probe. */
export function declaredWorkspaceDirs(root: string, readable: (rel: string) => boolean): string[] {
  const patterns = [...fromPackageJson(root, readable), ...fromPnpm(root, readable)];
  if (!patterns.some((p) => !p.startsWith("!"))) return [];
  const globs = patterns.map((p) => (p.startsWith("!") ? `!${clean(p.slice(1))}/package.json` : `${clean(p)}/package.json`));
  try {
    return globbySync(globs, { cwd: root, ignore: ["**/node_modules/**"], followSymbolicLinks: false, suppressErrors: true })
      .map((f) => f.slice(0, -"/package.json".length))
      .sort();
  } catch {
    return [];
  }
}

const clean = (p: string) => p.replace(/^\.\//, "").replace(/\/+$/, "");

function fromPackageJson(root: string, readable: (rel: string) => boolean): string[] {
  const data = (readable("package.json") ? readJsonFile(join(root, "package.json")) : undefined) as { workspaces?: unknown } | undefined;
  const w = data?.workspaces;
  return strings(Array.isArray(w) ? w : (w as { packages?: unknown } | undefined)?.packages);
}

function fromPnpm(root: string, readable: (rel: string) => boolean): string[] {
  if (!readable("pnpm-workspace.yaml")) return [];
  try {
    return strings((parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: unknown } | null)?.packages);
  } catch {
    return [];
  }
}

/** A JSON file's data, or undefined when it cannot be read or parsed (a package.json is data, never run). */
export function readJsonFile(abs: string): unknown {
  try {
    return JSON.parse(readFileSync(abs, "utf8"));
  } catch {
    return undefined;
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0 && !x.includes("..")) : [];
}
