import { ts } from "ts-morph";
import type { NameMatch } from "./name-classifier.js";
import type { CompiledRules } from "./compiled-rules.js";
import { isKeyLike } from "./tokens.js";

export interface NameHit extends NameMatch {
  node: ts.Node;
  name: string;
}

// A sink's arguments can hold a whole callback; personal names in it are not what the
// sink receives, and walking it again would cost time. So: no function bodies, and a cap.
const MAX_NODES = 400;
const CONSTANT = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/** Personal-data names inside the given expressions (object keys, identifiers, property chains, key-like strings). */
export function collectNames(roots: readonly ts.Node[], rules: CompiledRules): NameHit[] {
  const hits: NameHit[] = [];
  const pairWords = new Set<string>();
  let budget = MAX_NODES;
  const classify = (name: string, node: ts.Node, owner?: string, isReference = false) => {
    // EVENTS.COPY_PASSWORD, Fields.PHONE_NUMBERS: a constant names a label, not the datum.
    if (isReference && CONSTANT.test(name)) return;
    const m = rules.names.classify(name, owner);
    if (m) hits.push({ ...m, node, name });
    else {
      const w = rules.names.pairWord(name);
      if (w) pairWords.add(w);
    }
  };
  const visit = (n: ts.Node): void => {
    if (--budget < 0) return;
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isClassExpression(n)) return;
    if (ts.isIdentifier(n)) {
      classify(n.text, n, undefined, true);
      return;
    }
    if (ts.isPropertyAccessExpression(n)) {
      classify(n.name.text, n, ownerName(n.expression), true);
      visitObject(n.expression);
      return;
    }
    if (ts.isElementAccessExpression(n)) {
      if (ts.isStringLiteralLike(n.argumentExpression)) classify(n.argumentExpression.text, n, ownerName(n.expression));
      else visit(n.argumentExpression);
      visitObject(n.expression);
      return;
    }
    if (ts.isPropertyAssignment(n)) {
      const key = propertyKey(n.name);
      if (key !== null && rules.opaque.has(key)) return;
      if (key !== null) classify(key, n.name);
      visit(n.initializer);
      return;
    }
    if (ts.isShorthandPropertyAssignment(n)) {
      classify(n.name.text, n.name);
      return;
    }
    if (ts.isStringLiteralLike(n)) {
      if (isKeyLike(n.text)) classify(n.text, n);
      return;
    }
    if (ts.isCallExpression(n)) {
      // The callee is a function name (formatEmail, isValidEmail), not data; its arguments are.
      const callee = n.expression;
      if (ts.isPropertyAccessExpression(callee)) visitObject(callee.expression);
      for (const a of n.arguments) visit(a);
      return;
    }
    ts.forEachChild(n, visit);
  };
  // In `user.email` only `email` is the datum; the object is visited for calls inside it only.
  const visitObject = (e: ts.Expression) => {
    if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return;
    if (ts.isPropertyAccessExpression(e)) {
      const owner = e.name.text;
      const m = rules.names.classify(owner, ownerName(e.expression));
      // `coords.latitude`, `device.sn.trim()`: an owner that is itself personal counts too.
      if (m) hits.push({ ...m, node: e, name: owner });
      visitObject(e.expression);
      return;
    }
    visit(e);
  };
  for (const r of roots) visit(r);
  if (pairWords.size > 1) for (const m of rules.names.pairsIn(pairWords)) hits.push({ ...m, node: roots[0], name: [...pairWords].join("+") });
  return hits;
}

export function propertyKey(name: ts.PropertyName | ts.BindingName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text.replace(/^#/, "");
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

function ownerName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}
