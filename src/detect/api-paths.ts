import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";

// ts-morph's `ts` namespace and its SyntaxKind enum are dictionary-mode objects: every
// `ts.isX` or `ts.SyntaxKind.X` read in a hot loop costs a hash lookup. Read them once here.
const { isCallExpression, isElementAccessExpression, isIdentifier, isNamespaceImport, isNewExpression, isNumericLiteral, isObjectBindingPattern, isPropertyAccessExpression, isStringLiteral, isStringLiteralLike, isTypeReferenceNode } = tsApi;
const K = { AsExpression: tsApi.SyntaxKind.AsExpression, AwaitExpression: tsApi.SyntaxKind.AwaitExpression, CallExpression: tsApi.SyntaxKind.CallExpression, ElementAccessExpression: tsApi.SyntaxKind.ElementAccessExpression, Identifier: tsApi.SyntaxKind.Identifier, NewExpression: tsApi.SyntaxKind.NewExpression, NonNullExpression: tsApi.SyntaxKind.NonNullExpression, ParenthesizedExpression: tsApi.SyntaxKind.ParenthesizedExpression, PropertyAccessExpression: tsApi.SyntaxKind.PropertyAccessExpression, SatisfiesExpression: tsApi.SyntaxKind.SatisfiesExpression, ThisKeyword: tsApi.SyntaxKind.ThisKeyword, TypeAssertionExpression: tsApi.SyntaxKind.TypeAssertionExpression };

// Canonical API paths: "module:member.path" for imported things, "global:name.path" for
// browser/Node globals, with "()" marking a call: `axios.create().post` → "axios:create().post".
// A path is only built when its root is an import, a require, or a known global, so local
// variables never masquerade as APIs.

/** Name → API path. A scope (extract/scope.ts) answers through its chain; null hides an outer binding or a global. */
export interface Bindings {
  get(name: string): string | undefined;
  has(name: string): boolean;
  set(name: string, path: string | null): unknown;
}

// Kinds read once: every `ts.x` read on ts-morph's namespace is a slow getter, and unwrap runs per call and member access.
const WRAPPERS = new Set([K.ParenthesizedExpression, K.AwaitExpression, K.NonNullExpression, K.AsExpression, K.SatisfiesExpression, K.TypeAssertionExpression]);

/** Strips parentheses, await, `!`, `as`, `satisfies` and `<T>` casts. */
export function unwrap(e: ts.Expression): ts.Expression {
  while (WRAPPERS.has(e.kind)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);

export function member(base: string, name: string): string {
  return base.endsWith(":") ? base + name : `${base}.${name}`;
}

export function apiPath(node: ts.Expression, b: Bindings, globals: Set<string>, depth = 0): string | null {
  if (depth > 12) return null;
  const e = unwrap(node);
  if (isIdentifier(e)) {
    if (b.has(e.text)) return b.get(e.text) ?? null;
    if (GLOBAL_OBJECTS.has(e.text)) return "global:";
    return globals.has(e.text) ? `global:${e.text}` : null;
  }
  if (isPropertyAccessExpression(e)) {
    if (e.expression.kind === K.ThisKeyword) return b.get(`this.${e.name.text}`) ?? null;
    const base = apiPath(e.expression, b, globals, depth + 1);
    return base === null ? null : member(base, e.name.text);
  }
  // getLocales()[0].regionCode: an index picks one of the same things.
  if (isElementAccessExpression(e) && isNumericLiteral(e.argumentExpression)) return apiPath(e.expression, b, globals, depth + 1);
  if (isElementAccessExpression(e) && isStringLiteralLike(e.argumentExpression)) {
    const base = apiPath(e.expression, b, globals, depth + 1);
    return base === null ? null : member(base, e.argumentExpression.text);
  }
  if (isCallExpression(e) || isNewExpression(e)) {
    const req = requiredModule(e);
    if (req) return `${req}:`;
    const base = apiPath(e.expression, b, globals, depth + 1);
    return base === null ? null : `${base}()`;
  }
  return null;
}

export function normaliseModule(spec: string): string {
  return spec.startsWith("node:") ? spec.slice(5) : spec;
}

/** `require('x')` → "x". */
export function requiredModule(e: ts.Expression): string | null {
  if (isCallExpression(e) && isIdentifier(e.expression) && e.expression.text === "require" && e.arguments.length === 1) {
    const a = e.arguments[0];
    if (isStringLiteralLike(a)) return normaliseModule(a.text);
  }
  return null;
}

/** Records what an import declaration binds. */
export function bindImport(decl: ts.ImportDeclaration, b: Bindings): void {
  const clause = decl.importClause;
  if (!clause || clause.isTypeOnly || !isStringLiteral(decl.moduleSpecifier)) return;
  const mod = normaliseModule(decl.moduleSpecifier.text);
  if (clause.name) b.set(clause.name.text, `${mod}:`);
  const nb = clause.namedBindings;
  if (!nb) return;
  if (isNamespaceImport(nb)) b.set(nb.name.text, `${mod}:`);
  else for (const el of nb.elements) if (!el.isTypeOnly) b.set(el.name.text, `${mod}:${(el.propertyName ?? el.name).text}`);
}

/** `const x = <api>` and `const { a, b: c } = <api>` bind local names to API paths. */
export function bindVariable(decl: ts.VariableDeclaration, b: Bindings, globals: Set<string>, thisBound = false): void {
  if (!decl.initializer || !mayResolve(decl.initializer, b, globals, thisBound)) {
    if (isIdentifier(decl.name)) hideName(decl.name.text, b, globals);
    return;
  }
  const path = apiPath(decl.initializer, b, globals);
  if (path === null) {
    if (isIdentifier(decl.name)) hideName(decl.name.text, b, globals);
    return;
  }
  bindResolved(decl, path, b);
}

/** A local that is not an API hides an import or global of the same name: `const fetch = makeClient()`. */
export function hideName(name: string, b: Bindings, globals: Set<string>): void {
  if (b.has(name) || globals.has(name) || GLOBAL_OBJECTS.has(name)) b.set(name, null);
}

/**
 * `intercept(req: HttpRequest<T>, next: HttpHandler)`, HttpHandler imported from @angular/common/http:
 * the parameter is a value of that type, so `next.handle(req)` is `@angular/common/http:HttpHandler.handle`.
 * Only types a rule names a member of (`types`); other annotations say nothing the rules read.
 */
export function typedHandle(type: ts.TypeNode | undefined, b: Bindings, types: Set<string>): string | null {
  if (!type || !isTypeReferenceNode(type) || !isIdentifier(type.typeName)) return null;
  const path = b.get(type.typeName.text);
  return path !== undefined && types.has(path) ? path : null;
}

function bindResolved(decl: ts.VariableDeclaration, path: string, b: Bindings): void {
  if (isIdentifier(decl.name)) {
    b.set(decl.name.text, path);
  } else if (isObjectBindingPattern(decl.name)) {
    for (const el of decl.name.elements) {
      if (el.dotDotDotToken || !isIdentifier(el.name)) continue;
      const key = el.propertyName && (isIdentifier(el.propertyName) || isStringLiteral(el.propertyName)) ? el.propertyName.text : el.name.text;
      b.set(el.name.text, member(path, key));
    }
  }
}

/** Dotted text of a receiver chain (`this.userRepository`, `prisma.user`), for method rules. */
export function chainText(node: ts.Expression, depth = 0): string | null {
  if (depth > 8) return null;
  const e = unwrap(node);
  if (isIdentifier(e)) return e.text;
  if (e.kind === K.ThisKeyword) return "this";
  if (isPropertyAccessExpression(e)) {
    const base = chainText(e.expression, depth + 1);
    return base === null ? null : `${base}.${e.name.text}`;
  }
  if (isCallExpression(e)) {
    const base = chainText(e.expression, depth + 1);
    return base === null ? null : `${base}()`;
  }
  return null;
}

const CHAIN = new Set([K.PropertyAccessExpression, K.ElementAccessExpression, K.CallExpression, K.NewExpression]);

/** The innermost object of a chain (`navigator` in navigator.geolocation.watchPosition(cb)). */
export function chainRoot(e: ts.Expression): ts.Expression {
  for (let i = 0; i < 32; i++) {
    e = unwrap(e);
    if (!CHAIN.has(e.kind)) return e;
    e = (e as ts.PropertyAccessExpression).expression;
  }
  return e;
}

/**
 * Cheap test before building a path string: only chains rooted at an import, a require, a
 * known global or a bound `this.x` can resolve to an API. Most member accesses are local.
 */
export function mayResolve(e: ts.Expression, b: Bindings, globals: Set<string>, thisBound: boolean): boolean {
  const root = chainRoot(e);
  if (root.kind === K.Identifier) {
    const t = (root as ts.Identifier).text;
    return b.has(t) || globals.has(t) || GLOBAL_OBJECTS.has(t) || t === "require";
  }
  return thisBound && root.kind === K.ThisKeyword;
}
