import { statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { ts } from "ts-morph";
import { tsApi } from "../../parse/typescript.js";
import { detach } from "../tokens.js";
import { WorkspacePackages } from "./workspace-packages.js";
import { scannedSourceAt } from "./source-extensions.js";

// Import specifiers → scanned files, by TypeScript's own module resolution with the options
// of the nearest tsconfig.json (paths, baseUrl, moduleResolution). Packages from
// node_modules and anything outside the scanned files stay unresolved (opaque).

const RELATIVE = /^\.{1,2}(\/|$)/;

/** A package name or a tsconfig-mapped one: neither relative nor absolute. */
export function isBareSpecifier(spec: string): boolean {
  return !RELATIVE.test(spec) && !spec.startsWith("/");
}

export class ModuleResolver {
  private readonly configs = new Map<string, { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null>();
  private readonly memo = new Map<string, string | null>();
  private readonly fileConfigs = new Map<string, { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null>();
  private readonly bareMemos = new Map<object | null, Map<string, string | null>>();
  private readonly host: ts.ModuleResolutionHost = {
    fileExists: (f) => this.exists(f),
    readFile: (f) => (this.files.has(relative(this.root, f).split("\\").join("/")) || this.readableConfig(f) ? tsApi.sys.readFile(f) : undefined),
    directoryExists: (d) => !d.includes("node_modules") && this.isDirectory(d),
    realpath: (p) => this.realpathOf(p),
    getCurrentDirectory: () => this.root,
  };
  private readonly existsMemo = new Map<string, boolean>();
  private readonly dirMemo = new Map<string, boolean>();
  private readonly realMemo = new Map<string, string>();
  /** Every tsconfig, jsconfig and package.json looked at, with its stamp ("" when absent or unreadable): the cache replays a resolution only while these stay. */
  readonly probes = new Map<string, string>();
  /** tsconfig files that could not be read, for a note. */
  /** tsconfig files that could not be used whole; `partly`: its own options were still applied (an `extends` or an option failed). */
  readonly configProblems: { file: string; message: string; partly?: true }[] = [];

  /** The monorepo's own packages by name, for imports the compiler cannot resolve without node_modules. */
  private readonly workspaces: WorkspacePackages;

  constructor(
    private readonly root: string,
    /** Scanned files, relative POSIX paths. */
    private readonly files: Set<string>,
  ) {
    this.workspaces = new WorkspacePackages(files, (rel) => this.readableConfig(join(root, rel)), root);
  }

  /** The scanned file (relative POSIX path) that `spec` imported from `from` (relative) is, or null. */
  resolve(from: string, spec: string): string | null {
    const bare = isBareSpecifier(spec);
    // A bare specifier resolves the same from every folder under one tsconfig (paths and
    // baseUrl are relative to it; what node_modules would give is never a scanned file).
    const memo = bare ? this.bareMemo(from) : this.memo;
    const key = bare ? spec : `${dirname(from)}\u0000${spec}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const out = this.compute(from, spec);
    memo.set(key, out);
    return out;
  }

  /** The tsconfig that applies to a scanned file, memoised by file: asked once per import. */
  private configOfFile(from: string): { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null {
    let hit = this.fileConfigs.get(from);
    if (hit === undefined) {
      hit = this.configFor(dirname(join(this.root, from)));
      this.fileConfigs.set(from, hit);
    }
    return hit;
  }

  private bareMemo(from: string): Map<string, string | null> {
    const config = this.configOfFile(from);
    let memo = this.bareMemos.get(config);
    if (!memo) this.bareMemos.set(config, (memo = new Map()));
    return memo;
  }

  /** Could `spec` be one of the project's own files (relative, or mapped by paths/baseUrl)? Cheap; no file is probed. */
  mayBeLocal(from: string, spec: string): boolean {
    if (!isBareSpecifier(spec)) return true;
    const options = this.configOfFile(from)?.options ?? DEFAULT_OPTIONS;
    // Every file asks about the same few packages, and a tsconfig may list many paths.
    let bySpec = this.localMemo.get(options);
    if (!bySpec) this.localMemo.set(options, (bySpec = new Map()));
    let hit = bySpec.get(spec);
    if (hit === undefined) bySpec.set(detach(spec), (hit = mapsBare(options, spec) || this.workspaces.names(spec)));
    return hit;
  }
  private readonly localMemo = new Map<ts.CompilerOptions, Map<string, boolean>>();

  private compute(from: string, spec: string): string | null {
    const absFrom = join(this.root, from);
    const config = this.configFor(dirname(absFrom));
    const options = config?.options ?? DEFAULT_OPTIONS;
    // A bare package name is node_modules unless the project maps it (paths, baseUrl).
    if (isBareSpecifier(spec) && !mapsBare(options, spec)) return this.workspaces.resolve(spec);
    const r = tsApi.resolveModuleName(spec, absFrom, { ...options, allowJs: true }, this.host, config?.cache);
    const m = r.resolvedModule;
    if (!m || m.isExternalLibraryImport) return this.fallback(absFrom, spec);
    const rel = relative(this.root, m.resolvedFileName).split("\\").join("/");
    return this.files.has(rel) ? rel : this.fallback(absFrom, spec);
  }

  /** `./foo.js` written for a `.ts` source, or a `.d.ts` beside the source: look for the scanned source itself. */
  private fallback(absFrom: string, spec: string): string | null {
    if (isBareSpecifier(spec)) return this.workspaces.resolve(spec);
    if (!RELATIVE.test(spec)) return null;
    const base = relative(this.root, resolve(dirname(absFrom), spec)).split("\\").join("/").replace(/\.(m|c)?js$/, "");
    return scannedSourceAt(this.files, base);
  }

  private configFor(dir: string): { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null {
    if (this.configs.has(dir)) return this.configs.get(dir)!;
    let out: { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null = null;
    const inside = !relative(this.root, dir).startsWith("..");
    const parent = dirname(dir);
    const here = join(dir, "tsconfig.json");
    const jsconfig = join(dir, "jsconfig.json");
    const file = this.readableConfig(here) ? here : this.readableConfig(jsconfig) ? jsconfig : null;
    if (file) out = this.readConfig(file);
    else if (inside && parent !== dir) out = this.configFor(parent);
    this.configs.set(dir, out);
    return out;
  }

  // tsconfig files are read only inside the scanned tree and only when they are regular files:
  // an `extends` may point anywhere, even at a FIFO that would block the scan.
  private readonly configHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: tsApi.sys.useCaseSensitiveFileNames,
    readDirectory: () => [],
    fileExists: (f) => this.readableConfig(this.outOfNodeModules(f)),
    readFile: (f) => {
      const g = this.outOfNodeModules(f);
      return this.readableConfig(g) ? tsApi.sys.readFile(g) : undefined;
    },
  };

  /**
   * `extends: "@acme/tsconfig/base.json"` is looked up in node_modules, which a checkout never
   * installed (CI, a fresh clone) does not have: a workspace package of that name is the folder
   * the package manager would have linked there.
   */
  private outOfNodeModules(f: string): string {
    const at = f.lastIndexOf("/node_modules/");
    if (at < 0) return f;
    const parts = f.slice(at + "/node_modules/".length).split("/");
    const n = parts[0].startsWith("@") ? 2 : 1;
    const dir = this.workspaces.folderOf(parts.slice(0, n).join("/"));
    return dir === undefined ? f : join(this.root, dir, ...parts.slice(n));
  }

  private readableConfig(f: string): boolean {
    if (relative(this.root, f).startsWith("..") || f.includes("node_modules")) return false;
    let sig = this.probes.get(f);
    if (sig === undefined) this.probes.set(f, (sig = configStamp(f)));
    return sig !== "";
  }

  private readConfig(file: string): { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache } | null {
    const read = tsApi.readConfigFile(file, this.configHost.readFile);
    if (read.error) {
      this.configProblems.push({ file: relative(this.root, file).split("\\").join("/"), message: tsApi.flattenDiagnosticMessageText(read.error.messageText, "\n") });
      return null;
    }
    const parsed = tsApi.parseJsonConfigFileContent(read.config, this.configHost, dirname(file), undefined, file);
    const fatal = parsed.errors.find((e) => e.code !== 18003); // 18003: no inputs found, irrelevant here
    if (fatal) this.configProblems.push({ file: relative(this.root, file).split("\\").join("/"), message: tsApi.flattenDiagnosticMessageText(fatal.messageText, "\n"), partly: true });
    const options = { ...DEFAULT_OPTIONS, ...parsed.options };
    return { options, cache: tsApi.createModuleResolutionCache(dirname(file), (s) => s, options) };
  }

  private realpathOf(p: string): string {
    let hit = this.realMemo.get(p);
    if (hit === undefined) {
      hit = tsApi.sys.realpath ? tsApi.sys.realpath(p) : p;
      this.realMemo.set(p, hit);
    }
    return hit;
  }

  private isDirectory(d: string): boolean {
    let hit = this.dirMemo.get(d);
    if (hit === undefined) {
      hit = tsApi.sys.directoryExists?.(d) ?? true;
      this.dirMemo.set(d, hit);
    }
    return hit;
  }

  private exists(f: string): boolean {
    let hit = this.existsMemo.get(f);
    if (hit === undefined) {
      const rel = relative(this.root, f).split("\\").join("/");
      // Only scanned files can be resolved to; a package.json on the way is read for `exports`.
      hit = this.files.has(rel) || (f.endsWith("package.json") && this.readableConfig(f));
      this.existsMemo.set(f, hit);
    }
    return hit;
  }
}

const MAX_CONFIG_BYTES = 1 << 20;
const DEFAULT_OPTIONS: ts.CompilerOptions = { moduleResolution: tsApi.ModuleResolutionKind.Bundler, module: tsApi.ModuleKind.ESNext, allowJs: true, resolveJsonModule: false };

/** Size and modification time of a config file small enough to read; "" when it is none. */
export function configStamp(f: string): string {
  try {
    // Most folders have no tsconfig: asked without an exception (one per folder made a cached re-scan measurably slower).
    const st = statSync(f, { throwIfNoEntry: false });
    return st && st.isFile() && st.size < MAX_CONFIG_BYTES ? `${st.size}:${st.mtimeMs}` : "";
  } catch {
    return "";
  }
}

function mapsBare(options: ts.CompilerOptions, spec: string): boolean {
  if (options.baseUrl) return true;
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    const star = pattern.indexOf("*");
    if (!(star < 0 ? pattern === spec : spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)))) continue;
    // "lit/decorators": ["./node_modules/lit/decorators.js"] pins a package's file: the import is still the package's.
    if (targets.length && targets.every((t) => INTO_PACKAGES.test(t))) continue;
    return true;
  }
  return false;
}

const INTO_PACKAGES = /(^|[\\/])node_modules[\\/]/;
