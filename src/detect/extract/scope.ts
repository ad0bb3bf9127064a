import type { ts } from "ts-morph";

// The lexical scope tree of one file, built during the walk (TypeScript's binder split:
// declare in the walk, resolve on demand). A scope knows its declarations and which of
// them are API handles (imports, `const http = axios.create()`), so a parameter or a local
// named like an import or a global hides it.

export type ScopeKind = "module" | "function" | "block" | "class";

export interface Decl {
  name: string;
  kind: "var" | "param" | "function" | "class" | "import" | "catch";
  node: ts.Node;
  scope: Scope;
  /** What the declaration is bound to; `path` picks a part of it (destructuring). */
  init?: ts.Expression;
  path: string[];
  /** `const { a, ...rest } = x`: the keys the rest leaves out. */
  omit?: string[];
  /** A destructuring default: `const { lang = navigator.language } = opts`. */
  fallback?: ts.Expression;
  /** `for (const x of list)`: the element of `init`. */
  element?: boolean;
  /** Parameters: which one, of which function. */
  paramIndex?: number;
  fn?: FnInfo;
  /** Imports: module specifier and the exported name ("default", "*" for a namespace). */
  module?: string;
  imported?: string;
  /** Plain assignments `x = e` and property writes `x.a.b = e` found anywhere in the file. */
  writes?: Write[];
  /** `const [email, setEmail] = useState()`: the setter's calls write the state. */
  stateOf?: Decl;
  setter?: string;
}

/** The fields a declaration may have beyond its name, kind, node and scope. */
export type DeclFields = Partial<Omit<Decl, "name" | "kind" | "node" | "scope">>;

/**
 * Every Decl is built here with all of its fields present, so all of them share one object
 * shape: spreading a base with a varying set of optional fields gave a shape per combination,
 * which made building them slow and every read of one in the evaluator megamorphic.
 */
export function newDecl(name: string, kind: Decl["kind"], node: ts.Node, scope: Scope, f: DeclFields): Decl {
  return {
    name, kind, node, scope, init: f.init, path: f.path ?? [], omit: f.omit, fallback: f.fallback, element: f.element,
    paramIndex: f.paramIndex, fn: f.fn, module: f.module, imported: f.imported, writes: f.writes, stateOf: f.stateOf, setter: f.setter,
  };
}

/** `base` under another name and path (one element of a destructuring pattern); the rest is kept. */
export function renamedDecl(base: Decl, name: string, path: string[]): Decl {
  return {
    name, kind: base.kind, node: base.node, scope: base.scope, init: base.init, path, omit: base.omit, fallback: base.fallback, element: base.element,
    paramIndex: base.paramIndex, fn: base.fn, module: base.module, imported: base.imported, writes: base.writes, stateOf: base.stateOf, setter: base.setter,
  };
}

export interface CallSite {
  node: ts.CallExpression | ts.NewExpression;
  scope: Scope;
  symbol: string | null;
  /** Sink rules matched at this call by the walker (api, method or call-name rules). */
  sinks?: import("../../config/rules-loader.js").RuleDef[];
}

export interface Write {
  expr: ts.Expression;
  scope: Scope;
  path: string[];
  /** Conditions of the `if` blocks around the write, inside its function: the write happens only when they hold. */
  when?: ts.Expression[];
}

export interface FnInfo {
  id: string;
  node: ts.SignatureDeclaration;
  name: string | null;
  scope: Scope;
  returns: { expr: ts.Expression; scope: Scope }[];
  calls: CallSite[];
  cls: ClassInfo | null;
  /** The call that receives this function as an argument (a callback), and at which position. */
  asArgument?: { call: CallSite; index: number };
  /** `(window => { … })(window)`: called where it is written. */
  invokedBy?: CallSite;
}

export interface ClassInfo {
  id: string;
  name: string | null;
  fieldWrites: Map<string, { expr: ts.Expression; scope: Scope }[]>;
  methods: Map<string, FnInfo>;
  /** `this.x` handles (`this.http = axios.create()`), this class's only. */
  bindings: Map<string, string>;
}

export class Scope {
  decls: Map<string, Decl> | null = null;
  /** Name → API path, or null where a declaration hides an outer API or global. */
  bindings: Map<string, string | null> | null = null;
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly fn: FnInfo | null,
    readonly cls: ClassInfo | null,
  ) {}

  declare(d: Decl): void {
    (this.decls ??= new Map()).set(d.name, d);
  }

  lookup(name: string): Decl | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const d = s.decls?.get(name);
      if (d) return d;
    }
    return undefined;
  }

  /** The scope a `var` or function declaration belongs to. */
  functionScope(): Scope {
    let s: Scope = this;
    while (s.kind === "block" && s.parent) s = s.parent;
    return s;
  }

  // Map-like view for api-paths.ts: `has` is true for any binding, API or hiding.
  has(name: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.bindings?.has(name)) return true;
    return false;
  }

  get(name: string): string | undefined {
    if (name.startsWith("this.")) {
      const cls = this.cls;
      return cls?.bindings.get(name.slice(5));
    }
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.bindings?.get(name);
      if (b !== undefined) return b ?? undefined;
    }
    return undefined;
  }

  set(name: string, path: string | null): this {
    if (name.startsWith("this.")) {
      if (path !== null) this.cls?.bindings.set(name.slice(5), path);
      return this;
    }
    (this.bindings ??= new Map()).set(name, path);
    return this;
  }
}
