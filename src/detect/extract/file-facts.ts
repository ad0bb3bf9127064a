import type { ts } from "ts-morph";
import { tsApi } from "../../parse/typescript.js";
import { Scope, newDecl, renamedDecl, type CallSite, type ClassInfo, type Decl, type FnInfo, type Write } from "./scope.js";
import { propertyKey } from "../collect-names.js";
import type { RuleDef } from "../../config/rules-loader.js";

// What the walk records for the flow engine: scopes and declarations, the calls, returns
// and writes of each function, class fields, and exports. Nothing is evaluated here; the
// engine reads these facts on demand (flow/evaluate-file.ts).

// Read once: `ts.isX` on ts-morph's namespace is a dictionary lookup per call (see walk-file.ts).
const { isArrayBindingPattern, isArrowFunction, isBlock, isCallExpression, isClassDeclaration, isElementAccessExpression, isExportAssignment, isFunctionDeclaration, isFunctionExpression, isGetAccessor, isIdentifier, isMethodDeclaration, isNamedExports, isNamespaceImport, isObjectBindingPattern, isOmittedExpression, isParenthesizedExpression, isPropertyAccessExpression, isStringLiteral, isStringLiteralLike, isVariableDeclarationList } = tsApi;
const K = { ExportKeyword: tsApi.SyntaxKind.ExportKeyword, DefaultKeyword: tsApi.SyntaxKind.DefaultKeyword, ThisKeyword: tsApi.SyntaxKind.ThisKeyword, EqualsToken: tsApi.SyntaxKind.EqualsToken, BarBarEqualsToken: tsApi.SyntaxKind.BarBarEqualsToken, QuestionQuestionEqualsToken: tsApi.SyntaxKind.QuestionQuestionEqualsToken, PlusEqualsToken: tsApi.SyntaxKind.PlusEqualsToken, ForOfStatement: tsApi.SyntaxKind.ForOfStatement, ForInStatement: tsApi.SyntaxKind.ForInStatement };
const { Let, Const } = tsApi.NodeFlags;

export interface ExportFact {
  /** The local declaration exported under this name, or an expression (`export default new Api()`). */
  local?: string;
  expr?: ts.Expression;
  scope?: Scope;
}

export interface FileFacts {
  file: string;
  sf: ts.SourceFile;
  module: Scope;
  top: FnInfo;
  fns: FnInfo[];
  fnByNode: Map<ts.Node, FnInfo>;
  classes: ClassInfo[];
  exports: Map<string, ExportFact>;
  /** `export * from './x'` and `export { a as b } from './y'`. */
  reexports: { spec: string; names?: Map<string, string> }[];
  /** Calls by the name of the function called (`setEmail(v)`), for state setters and writes. */
  callsByName: Map<string, CallSite[]>;
  /** Method calls by the name of their receiver (`form.append(k, v)`), for objects filled by calls. */
  callsByReceiver: Map<string, CallSite[]>;
  /** `x = e` and `x.a.b = e`, resolved to their declarations when first needed. */
  pendingWrites: (Write & { name: string })[];
}

const ASSIGN = new Set([K.EqualsToken, K.BarBarEqualsToken, K.QuestionQuestionEqualsToken, K.PlusEqualsToken]);

export class FactCollector {
  readonly facts: FileFacts;
  scope: Scope;
  private fn: FnInfo;

  constructor(file: string, sf: ts.SourceFile) {
    const top: FnInfo = { id: `${file}#top`, node: sf as unknown as ts.SignatureDeclaration, name: null, scope: undefined as unknown as Scope, returns: [], calls: [], cls: null };
    const module = new Scope("module", null, top, null);
    top.scope = module;
    this.scope = module;
    this.fn = top;
    this.facts = { file, sf, module, top, fns: [top], fnByNode: new Map(), classes: [], exports: new Map(), reexports: [], callsByName: new Map(), callsByReceiver: new Map(), pendingWrites: [] };
  }

  enterFunction(node: ts.SignatureDeclaration, name: string | null): [Scope, FnInfo] {
    const saved: [Scope, FnInfo] = [this.scope, this.fn];
    const fn: FnInfo = { id: `${this.facts.file}#${node.pos}`, node, name, scope: undefined as unknown as Scope, returns: [], calls: [], cls: this.scope.cls };
    fn.scope = new Scope("function", this.scope, fn, this.scope.cls);
    this.facts.fns.push(fn);
    this.facts.fnByNode.set(node, fn);
    const body = (node as ts.ArrowFunction).body;
    if (body && isArrowFunction(node) && !isBlock(body)) fn.returns.push({ expr: body as ts.Expression, scope: fn.scope });
    node.parameters.forEach((p, i) => this.declarePattern(p.name, newDecl("", "param", p, fn.scope, { paramIndex: i, fn, init: p.initializer }), fn.scope));
    if (isFunctionDeclaration(node) && node.name) {
      this.scope.functionScope().declare(newDecl(node.name.text, "function", node, this.scope, { fn }));
      if (hasModifier(node, K.ExportKeyword)) this.facts.exports.set(hasModifier(node, K.DefaultKeyword) ? "default" : node.name.text, { local: node.name.text });
    }
    if (fn.cls && (isMethodDeclaration(node) || isGetAccessor(node)) && name) fn.cls.methods.set(name.split(".").pop()!, fn);
    this.scope = fn.scope;
    this.fn = fn;
    return saved;
  }

  enterBlock(): Scope {
    const saved = this.scope;
    this.scope = new Scope("block", saved, this.fn, saved.cls);
    return saved;
  }

  enterClass(node: ts.ClassLikeDeclaration): Scope {
    const saved = this.scope;
    const name = node.name?.text ?? null;
    const cls: ClassInfo = { id: `${this.facts.file}#c${node.pos}`, name, fieldWrites: new Map(), methods: new Map(), bindings: new Map() };
    this.facts.classes.push(cls);
    if (isClassDeclaration(node) && name) {
      saved.declare(newDecl(name, "class", node, saved, {}));
      if (hasModifier(node, K.ExportKeyword)) this.facts.exports.set(hasModifier(node, K.DefaultKeyword) ? "default" : name, { local: name });
    }
    this.scope = new Scope("class", saved, this.fn, cls);
    return saved;
  }

  leave(saved: Scope | [Scope, FnInfo]): void {
    if (Array.isArray(saved)) [this.scope, this.fn] = saved;
    else this.scope = saved;
  }

  classInfo(node: ts.Node): ClassInfo | undefined {
    return this.facts.classes.find((c) => c.id === `${this.facts.file}#c${node.pos}`);
  }

  variable(d: ts.VariableDeclaration, list: ts.Node): void {
    const blockScoped = isVariableDeclarationList(list) && (list.flags & (Let | Const)) !== 0;
    const target = blockScoped ? this.scope : this.scope.functionScope();
    this.declarePattern(d.name, newDecl("", "var", d, target, { init: d.initializer }), target);
    const exported = isVariableDeclarationList(list) && this.exportedLists.has(list);
    if (exported && isIdentifier(d.name)) this.facts.exports.set(d.name.text, { local: d.name.text });
  }

  /** `for (const x of list)`: x is an element of list. */
  loopVariable(d: ts.VariableDeclaration, iterated: ts.Expression, isOf: boolean): void {
    this.declarePattern(d.name, newDecl("", "var", d, this.scope, { init: iterated, element: isOf }), this.scope);
  }

  catchVariable(d: ts.VariableDeclaration): void {
    this.declarePattern(d.name, newDecl("", "catch", d, this.scope, {}), this.scope);
  }

  private readonly exportedLists = new Set<ts.Node>();
  exportedStatement(s: ts.VariableStatement): void {
    if (hasModifier(s, K.ExportKeyword)) this.exportedLists.add(s.declarationList);
  }

  /** `base` is the declaration without its name; each name the pattern binds gets a copy. */
  private declarePattern(name: ts.BindingName, base: Decl, scope: Scope): void {
    if (isIdentifier(name)) {
      scope.declare(renamedDecl(base, name.text, base.path));
      return;
    }
    if (isObjectBindingPattern(name)) {
      const keyOf = (el: ts.BindingElement) => (el.dotDotDotToken ? null : el.propertyName ? propertyKey(el.propertyName) : isIdentifier(el.name) ? el.name.text : null);
      const named = name.elements.map(keyOf).filter((k): k is string => k !== null);
      for (const el of name.elements) {
        const key = keyOf(el);
        const d = renamedDecl(base, "", key === null ? base.path : [...base.path, key]);
        if (el.initializer) d.fallback = el.initializer;
        else if (el.dotDotDotToken) d.omit = named;
        this.declarePattern(el.name, d, scope);
      }
      return;
    }
    if (isArrayBindingPattern(name)) {
      const state = base.init && isStateHook(base.init);
      let stateDecl: Decl | undefined;
      name.elements.forEach((el, i) => {
        if (isOmittedExpression(el)) return;
        if (state && isIdentifier(el.name)) {
          const d = renamedDecl(base, el.name.text, []);
          if (i === 1 && stateDecl) d.stateOf = stateDecl;
          if (i === 0) stateDecl = d;
          else if (i === 1 && stateDecl) stateDecl.setter = el.name.text;
          scope.declare(d);
          return;
        }
        const at = el.dotDotDotToken ? base.path : [...base.path, String(i)];
        const d = renamedDecl(base, "", at);
        if (el.initializer) d.fallback = el.initializer;
        this.declarePattern(el.name, d, scope);
      });
    }
  }

  importDeclaration(decl: ts.ImportDeclaration): void {
    const clause = decl.importClause;
    if (!clause || clause.isTypeOnly || !isStringLiteral(decl.moduleSpecifier)) return;
    const module = decl.moduleSpecifier.text;
    const scope = this.facts.module;
    if (clause.name) scope.declare(newDecl(clause.name.text, "import", decl, scope, { module, imported: "default" }));
    const nb = clause.namedBindings;
    if (!nb) return;
    if (isNamespaceImport(nb)) scope.declare(newDecl(nb.name.text, "import", decl, scope, { module, imported: "*" }));
    else for (const el of nb.elements) if (!el.isTypeOnly) scope.declare(newDecl(el.name.text, "import", decl, scope, { module, imported: (el.propertyName ?? el.name).text }));
  }

  exportDeclaration(decl: ts.ExportDeclaration): void {
    if (decl.isTypeOnly) return;
    const spec = decl.moduleSpecifier && isStringLiteral(decl.moduleSpecifier) ? decl.moduleSpecifier.text : null;
    const clause = decl.exportClause;
    if (spec !== null) {
      if (!clause) this.facts.reexports.push({ spec });
      else if (isNamedExports(clause)) this.facts.reexports.push({ spec, names: new Map(clause.elements.map((e) => [e.name.text, (e.propertyName ?? e.name).text])) });
      else this.facts.reexports.push({ spec, names: new Map([[clause.name.text, "*"]]) });
      return;
    }
    if (clause && isNamedExports(clause)) for (const e of clause.elements) this.facts.exports.set(e.name.text, { local: (e.propertyName ?? e.name).text });
  }

  exportAssignment(node: ts.ExportAssignment): void {
    if (isExportAssignment(node)) this.facts.exports.set("default", { expr: node.expression, scope: this.scope });
  }

  call(node: ts.CallExpression | ts.NewExpression, symbol: string | null, sinks: RuleDef[] | undefined): CallSite {
    const site: CallSite = { node, scope: this.scope, symbol, ...(sinks?.length ? { sinks } : {}) };
    this.fn.calls.push(site);
    const callee = node.expression;
    if (isIdentifier(callee)) push(this.facts.callsByName, callee.text, site);
    else if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) push(this.facts.callsByReceiver, callee.expression.text, site);
    // require('x') in module.exports = … is read like an import by the evaluator.
    const direct = unwrapParens(callee);
    if (isArrowFunction(direct) || isFunctionExpression(direct)) this.pendingIife.set(direct, site);
    for (const [i, a] of (node.arguments ?? []).entries()) {
      if (isArrowFunction(a) || isFunctionExpression(a)) this.pendingCallbacks.set(a, { call: site, index: i });
    }
    return site;
  }

  /** A function literal passed to a call: recorded before its FnInfo exists. */
  readonly pendingCallbacks = new Map<ts.Node, { call: CallSite; index: number }>();
  private readonly pendingIife = new Map<ts.Node, CallSite>();

  /** The `if` statements the walk is inside, outermost first. */
  readonly ifs: ts.IfStatement[] = [];

  /** `if (options.includeDetails) data.email = …`: the conditions under which a write runs, within its own function. */
  private conditionsAround(node: ts.Node): ts.Expression[] | undefined {
    let out: ts.Expression[] | undefined;
    const fn = this.fn.node;
    for (const s of this.ifs) {
      if (s.pos < fn.pos || s.end > fn.end) continue;
      const then = s.thenStatement;
      if (node.pos >= then.pos && node.end <= then.end) (out ??= []).push(s.expression);
    }
    return out;
  }

  returnStatement(expr: ts.Expression | undefined): void {
    if (expr) this.fn.returns.push({ expr, scope: this.scope });
  }

  assignment(b: ts.BinaryExpression): void {
    if (!ASSIGN.has(b.operatorToken.kind)) return;
    const path: string[] = [];
    let target: ts.Expression = b.left;
    while (isPropertyAccessExpression(target) || (isElementAccessExpression(target) && isStringLiteralLike(target.argumentExpression))) {
      path.unshift(isPropertyAccessExpression(target) ? target.name.text : (target.argumentExpression as ts.StringLiteral).text);
      target = target.expression;
    }
    if (isIdentifier(target)) {
      // module.exports = … / exports.x = …
      if (target.text === "module" && path[0] === "exports") {
        if (path.length === 1) this.facts.exports.set("default", { expr: b.right, scope: this.scope });
        else this.facts.exports.set(path[1], { expr: b.right, scope: this.scope });
        return;
      }
      if (target.text === "exports" && path.length === 1) {
        this.facts.exports.set(path[0], { expr: b.right, scope: this.scope });
        return;
      }
      const when = this.conditionsAround(b);
      this.facts.pendingWrites.push({ name: target.text, path, expr: b.right, scope: this.scope, ...(when ? { when } : {}) });
      return;
    }
    if (target.kind === K.ThisKeyword && path.length && this.scope.cls) this.fieldWrite(this.scope.cls, path[0], b.right);
  }

  fieldWrite(cls: ClassInfo, name: string, expr: ts.Expression): void {
    const list = cls.fieldWrites.get(name);
    const w = { expr, scope: this.scope };
    if (list) list.push(w);
    else cls.fieldWrites.set(name, [w]);
  }

  /** Called once the walk is over: callbacks know their call; writes know their declaration. */
  finish(): FileFacts {
    for (const [node, at] of this.pendingCallbacks) {
      const fn = this.facts.fnByNode.get(node);
      if (fn) fn.asArgument = at;
    }
    for (const [node, site] of this.pendingIife) {
      const fn = this.facts.fnByNode.get(node);
      if (fn) fn.invokedBy = site;
    }
    for (const w of this.facts.pendingWrites) {
      const d = w.scope.lookup(w.name);
      if (d) (d.writes ??= []).push({ expr: w.expr, scope: w.scope, path: w.path, ...(w.when ? { when: w.when } : {}) });
    }
    return this.facts;
  }
}

function unwrapParens(e: ts.Expression): ts.Expression {
  while (isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  // `modifiers` holds decorators too, but a decorator is never the keyword asked for.
  return (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers?.some((m) => m.kind === kind) ?? false;
}

function isStateHook(init: ts.Expression): boolean {
  if (!isCallExpression(init)) return false;
  const c = init.expression;
  const name = isIdentifier(c) ? c.text : isPropertyAccessExpression(c) ? c.name.text : "";
  return name === "useState" || name === "useReducer";
}
