import { isBuiltin } from "node:module";
import { scannedSourceAt } from "./source-extensions.js";
import { dirname, join } from "node:path";
import { declaredWorkspaceDirs, readJsonFile } from "./workspace-globs.js";

// A monorepo's packages import each other by name (`@documenso/lib/server-only/stripe`). The
// package manager links them into node_modules, which a checkout that was never installed
// (CI, a fresh clone) does not have, so the compiler's resolution finds nothing. The
// packages are in the scanned tree: a package.json with a `name` says which folder a name is.

/** Leading folders of a built entry point (`dist/cjs/index.js`): where the build put it, not where its source is. */
const BUILD_FOLDERS = new Set(["dist", "build", "out", "lib", "esm", "cjs", "es", "umd", "main", "module", "types"]);
const BUILT_EXTENSION = /(\.d)?\.(m|c)?(js|ts)x?$/;

interface Workspace {
  dir: string;
  /** Entry points the package.json names, most source-like first. */
  entries: string[];
  /** Its exports map's subpaths (`./ai`, `./v3/*`) and what each names, most source-like first. */
  subpaths: Map<string, string[]>;
}

export class WorkspacePackages {
  private byName: Map<string, Workspace> | undefined;
  private declared: Map<string, string> | undefined;

  constructor(
    /** Scanned files, relative POSIX paths. */
    private readonly files: Set<string>,
    /** The package.json at this relative path, when it is a small regular file in the tree (recorded as a probe for the cache). */
    private readonly readable: (relPath: string) => boolean,
    private readonly root: string,
  ) {}

  /** Whether `spec` names one of the project's own packages (or a path inside one). */
  names(spec: string): boolean {
    return this.match(spec) !== undefined;
  }

  /** The scanned file `spec` is, when it names a path in one of the project's packages. */
  resolve(spec: string): string | null {
    const m = this.match(spec);
    if (!m) return null;
    const { ws, rest } = m;
    const prefix = ws.dir === "" ? "" : `${ws.dir}/`;
    if (rest === "") {
      for (const entry of ws.entries) {
        const hit = this.sourceOf(prefix, entry);
        if (hit) return hit;
      }
      return this.file(`${prefix}src/index`) ?? this.file(`${prefix}index`);
    }
    for (const entry of subpathEntries(ws.subpaths, rest)) {
      const hit = this.sourceOf(prefix, entry);
      if (hit) return hit;
    }
    return this.file(`${prefix}${rest}`) ?? this.file(`${prefix}src/${rest}`) ?? this.sourceOf(prefix, rest);
  }

  /**
   * The folder (relative POSIX, "" for the root) of the package named `name`: one that holds
   * scanned files, or one the root declares as a workspace (a shared tsconfig's package holds no source).
   */
  folderOf(name: string): string | undefined {
    const scanned = (this.byName ??= this.scan()).get(name);
    if (scanned) return scanned.dir;
    if (!this.declared) {
      this.declared = new Map();
      for (const dir of declaredWorkspaceDirs(this.root, this.readable)) {
        const pkg = this.readable(`${dir}/package.json`) ? readPackage(join(this.root, dir, "package.json")) : undefined;
        if (pkg && !this.declared.has(pkg.name)) this.declared.set(pkg.name, dir);
      }
    }
    return this.declared.get(name);
  }

  private match(spec: string): { ws: Workspace; rest: string } | undefined {
    // fs, node:fs, a virtual module (virtual:pwa, ~icons/…): never a package of the tree.
    if (isBuiltin(spec) || spec.includes(":") || spec.startsWith("~")) return undefined;
    const packages = (this.byName ??= this.scan());
    if (packages.size === 0) return undefined;
    const parts = spec.split("/");
    const name = spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    const ws = packages.get(name);
    return ws ? { ws, rest: spec.slice(name.length + 1) } : undefined;
  }

  /** `dist/cjs/index.js` → the scanned `src/index.ts` (or the entry itself, when it is a scanned source). */
  private sourceOf(prefix: string, entry: string): string | null {
    const clean = entry.replace(/^\.\//, "");
    const direct = this.file(prefix + clean);
    if (direct) return direct;
    const segments = clean.split("/");
    let i = 0;
    while (i < segments.length - 1 && BUILD_FOLDERS.has(segments[i])) i++;
    if (i === 0) return null;
    const inner = segments.slice(i).join("/");
    return this.file(`${prefix}src/${inner}`) ?? this.file(`${prefix}${inner}`);
  }

  /** A scanned file at `base`, written with a built extension, its source's, or none (an index file for a folder). */
  private file(base: string): string | null {
    if (this.files.has(base) && !base.endsWith(".d.ts")) return base;
    return scannedSourceAt(this.files, base.replace(BUILT_EXTENSION, ""));
  }

  /** Every package.json in a folder (or above one, up to the root) that holds scanned files; the shallowest wins a name. */
  private scan(): Map<string, Workspace> {
    const dirs = new Set<string>();
    for (const f of this.files) {
      for (let d = dirname(f); ; d = dirname(d)) {
        const key = d === "." ? "" : d;
        if (dirs.has(key)) break;
        dirs.add(key);
        if (key === "") break;
      }
    }
    const found = new Map<string, Workspace>();
    const ordered = [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const dir of ordered) {
      const rel = dir === "" ? "package.json" : `${dir}/package.json`;
      if (!this.readable(rel)) continue;
      const pkg = readPackage(join(this.root, rel));
      if (!pkg || found.has(pkg.name)) continue;
      found.set(pkg.name, { dir, entries: pkg.entries, subpaths: pkg.subpaths });
    }
    return found;
  }
}

const depth = (dir: string) => (dir === "" ? 0 : dir.split("/").length);

/** `./v3/*` matches `v3/build` with `build` put where the export's targets have their `*`. */
function subpathEntries(subpaths: Map<string, string[]>, rest: string): string[] {
  const exact = subpaths.get(`./${rest}`);
  if (exact) return exact;
  for (const [key, targets] of subpaths) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const head = key.slice(2, star);
    const tail = key.slice(star + 1);
    if (rest.length >= head.length + tail.length && rest.startsWith(head) && rest.endsWith(tail)) {
      const middle = rest.slice(head.length, rest.length - tail.length);
      return targets.map((t) => t.split("*").join(middle));
    }
  }
  return [];
}

function readPackage(abs: string): { name: string; entries: string[]; subpaths: Map<string, string[]> } | undefined {
  const data = readJsonFile(abs);
  if (typeof data !== "object" || data === null) return undefined;
  const p = data as Record<string, unknown>;
  if (typeof p.name !== "string" || p.name === "") return undefined;
  const entries: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string" && !entries.includes(v)) entries.push(v);
  };
  add(p.source);
  collectExports(rootExport(p.exports), add);
  for (const k of ["module", "main", "types", "typings"]) add(p[k]);
  const subpaths = new Map<string, string[]>();
  if (typeof p.exports === "object" && p.exports !== null && !Array.isArray(p.exports)) {
    for (const [key, target] of Object.entries(p.exports as Record<string, unknown>)) {
      if (!key.startsWith("./") || key === ".") continue;
      const targets: string[] = [];
      collectExports(target, (t) => {
        if (!targets.includes(t)) targets.push(t);
      });
      subpaths.set(key, targets);
    }
  }
  return { name: p.name, entries, subpaths };
}

/** The `"."` entry of an exports map, or the map itself when it has no subpaths. */
function rootExport(exports: unknown): unknown {
  if (typeof exports !== "object" || exports === null || Array.isArray(exports)) return exports;
  const e = exports as Record<string, unknown>;
  return "." in e ? e["."] : Object.keys(e).some((k) => k.startsWith(".")) ? undefined : e;
}

/** Conditions in the order a source is likeliest: `source` and `types` before built code. */
function collectExports(v: unknown, add: (s: string) => void): void {
  if (typeof v === "string") return add(v);
  if (Array.isArray(v)) return v.forEach((x) => collectExports(x, add));
  if (typeof v !== "object" || v === null) return;
  const o = v as Record<string, unknown>;
  for (const k of ["source", "development", "types", "import", "module", "require", "node", "default"]) if (k in o) collectExports(o[k], add);
}
