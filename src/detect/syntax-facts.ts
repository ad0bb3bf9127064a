import { ts } from "ts-morph";
import { unwrap } from "./api-paths.js";
import { propertyKey } from "./collect-names.js";

// Small questions the walker asks about a node: is this field data, is this input read-only,
// what is the URL of this request. Pure functions of the syntax tree.

const { isArrayTypeNode, isArrowFunction, isBinaryExpression, isCallExpression, isFunctionExpression, isFunctionTypeNode, isIdentifier, isJsxAttribute, isJsxExpression, isLiteralTypeNode, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isStringLiteralLike, isTemplateExpression, isTypeReferenceNode, isUnionTypeNode } = ts;
const K = { BooleanKeyword: ts.SyntaxKind.BooleanKeyword, EqualsToken: ts.SyntaxKind.EqualsToken, FalseKeyword: ts.SyntaxKind.FalseKeyword, NullKeyword: ts.SyntaxKind.NullKeyword, TrueKeyword: ts.SyntaxKind.TrueKeyword, UndefinedKeyword: ts.SyntaxKind.UndefinedKeyword };

const NOT_DATA_TYPE = /(Input|Ref|RefObject|Element|Component|Handler|Callback|Listener|Props|Style|Icon|Node)$/;

/** `recordingAudio: boolean`, `phone: TextInput | null`, `createPassword = () => …` name a flag, a widget or a method, not data. */
export function holdsData(member: ts.PropertySignature | ts.PropertyDeclaration): boolean {
  if (isPropertyDeclaration(member) && member.initializer && (isArrowFunction(member.initializer) || isFunctionExpression(member.initializer))) return false;
  let t = member.type;
  if (!t) return true;
  if (isUnionTypeNode(t)) {
    const real = t.types.filter((x) => x.kind !== K.NullKeyword && x.kind !== K.UndefinedKeyword && !(isLiteralTypeNode(x) && x.literal.kind === K.NullKeyword));
    if (real.length !== 1) return true;
    t = real[0];
  }
  if (t.kind === K.BooleanKeyword || isFunctionTypeNode(t)) return false;
  if (isTypeReferenceNode(t) && isIdentifier(t.typeName) && NOT_DATA_TYPE.test(t.typeName.text)) return false;
  return true;
}

export function isReadOnlyElement(el: ts.JsxOpeningLikeElement): boolean {
  for (const a of el.attributes.properties) {
    if (!isJsxAttribute(a) || !isIdentifier(a.name)) continue;
    const n = a.name.text;
    const init = a.initializer;
    const isTrue = !init || (isJsxExpression(init) && init.expression?.kind === K.TrueKeyword);
    const isFalse = !!init && isJsxExpression(init) && init.expression?.kind === K.FalseKeyword;
    if ((n === "disabled" || n === "readOnly" || n === "readonly") && isTrue) return true;
    if (n === "editable" && isFalse) return true;
  }
  return false;
}

/** `terminal: TerminalDto` or `TerminalDto[]` → "TerminalDto", for nested DTO lookups. */
export function typeName(t: ts.TypeNode | undefined): string | undefined {
  if (!t) return undefined;
  if (isArrayTypeNode(t)) return typeName(t.elementType);
  if (isTypeReferenceNode(t) && isIdentifier(t.typeName)) return t.typeName.text;
  return undefined;
}

export function argsMention(node: ts.Node, words: string[], sf: ts.SourceFile): boolean {
  if (!isCallExpression(node) && !isNewExpression(node)) return false;
  // Whole words of the argument text; a rule's words are data, never turned into a regex.
  const tokens = new Set((node.arguments ?? []).map((a) => sf.text.slice(a.pos, a.end)).join(" ").split(/[^A-Za-z0-9_$]+/));
  return words.some((w) => tokens.has(w));
}

const READ_METHODS = new Set(["get", "head", "delete", "options"]);

/** The URL argument of a request that carries a body: its path segments name what is sent. */
export function urlArgument(node: ts.Node): ts.Node | undefined {
  if (!isCallExpression(node) || node.arguments.length < 2) return undefined;
  const callee = node.expression;
  if (isPropertyAccessExpression(callee) && READ_METHODS.has(callee.name.text)) return undefined;
  return node.arguments[0];
}

/** The leading lower-case word after any `_` or `$` (`/^[_$]*([a-z]+)/`), scanned: it runs per call. */
export function firstWord(name: string): string | null {
  let i = 0;
  while (i < name.length && (name.charCodeAt(i) === 95 || name.charCodeAt(i) === 36)) i++;
  let j = i;
  while (j < name.length && name.charCodeAt(j) >= 97 && name.charCodeAt(j) <= 122) j++;
  return j > i ? name.slice(i, j) : null;
}

/** The literal start of an argument: a string, or a template's head (`/users/${id}` → "/users/"). */
export function leadingText(e: ts.Expression): string {
  if (isStringLiteralLike(e)) return e.text;
  if (isTemplateExpression(e)) return e.head.text;
  return "";
}

export function isAssignmentTarget(n: ts.Node, parent: ts.Node): boolean {
  return isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind === K.EqualsToken;
}

/** The properties named `keys` in a call's object-literal arguments. */
function* keyedProperties(node: ts.Node, keys: string[]): Generator<ts.ObjectLiteralElementLike> {
  if (!isCallExpression(node) && !isNewExpression(node)) return;
  for (const a of node.arguments ?? []) {
    const arg = unwrap(a);
    if (!isObjectLiteralExpression(arg)) continue;
    for (const p of arg.properties) {
      const key = p.name ? propertyKey(p.name) : null;
      if (key !== null && keys.includes(key)) yield p;
    }
  }
}

/** `getUserMedia({ audio: true })`: one of the keys is present and not `false` (nor a minifier's `!1`, nor `0`). */
export function argsHave(node: ts.Node, keys: string[]): boolean {
  for (const p of keyedProperties(node, keys)) {
    if (!(isPropertyAssignment(p) && isFalseLiteral(p.initializer))) return true;
  }
  return false;
}

function isFalseLiteral(e: ts.Expression): boolean {
  if (e.kind === K.FalseKeyword || e.kind === K.NullKeyword) return true;
  if (ts.isNumericLiteral(e)) return Number(e.text) === 0;
  // !1 is false, !0 is true.
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(e.operand) && Number(e.operand.text) !== 0;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * `sendMail({ to: SUPPORT_EMAIL })`: the listed keys are all set to a literal or a
 * SCREAMING_CASE constant, so the call moves the app's own value, not a person's.
 */
export function argsConstant(node: ts.Node, keys: string[]): boolean {
  let seen = false;
  for (const p of keyedProperties(node, keys)) {
    if (!isPropertyAssignment(p)) return false;
    const v = unwrap(p.initializer);
    const constant = isStringLiteralLike(v) || (isIdentifier(v) && CONSTANT_NAME.test(v.text)) || (isPropertyAccessExpression(v) && CONSTANT_NAME.test(v.name.text));
    if (!constant) return false;
    seen = true;
  }
  return seen;
}

const UI_WORDS = new Set(["screen", "page", "view", "form", "modal", "dialog", "sheet", "component", "container", "settings", "setup", "edit", "editor", "card", "panel", "section", "step", "field", "fields", "input"]);

/** "DeviceSettingsScreen" → "Device": what a component is about, without its UI words. */
export function subjectOf(symbol: string | null): string | undefined {
  if (!symbol) return undefined;
  const words = symbol.split(".").pop()!.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  while (words.length && UI_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.length ? words.join("") : undefined;
}

export function jsxBoundExpression(attr: ts.JsxAttribute): ts.Expression | undefined {
  const init = attr.initializer;
  if (!init || !isJsxExpression(init) || !init.expression) return undefined;
  const e = init.expression;
  return isIdentifier(e) || isPropertyAccessExpression(e) ? e : undefined;
}

export function jsxStringValue(attr: ts.JsxAttribute): string | null {
  const init = attr.initializer;
  // <TextInput secureTextEntry /> and secureTextEntry={true} both mean "true".
  if (!init) return "true";
  if (isStringLiteral(init)) return init.text;
  if (isJsxExpression(init) && init.expression?.kind === K.TrueKeyword) return "true";
  if (isJsxExpression(init) && init.expression && isStringLiteralLike(init.expression)) return init.expression.text;
  return null;
}
