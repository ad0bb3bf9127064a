import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import { unwrap } from "./api-paths.js";
import { propertyKey } from "./collect-names.js";

// Small questions the walker asks about a node: is this field data, is this input read-only,
// what is the URL of this request. Pure functions of the syntax tree.

const { isArrayTypeNode, isArrowFunction, isBinaryExpression, isBindingElement, isElementAccessExpression, isCallExpression, isFunctionExpression, isFunctionTypeNode, isIdentifier, isJsxAttribute, isJsxExpression, isLiteralTypeNode, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isStringLiteralLike, isTemplateExpression, isTypeReferenceNode, isUnionTypeNode } = tsApi;
const K = { AmpersandAmpersandToken: tsApi.SyntaxKind.AmpersandAmpersandToken, ExclamationToken: tsApi.SyntaxKind.ExclamationToken, BooleanKeyword: tsApi.SyntaxKind.BooleanKeyword, NumberKeyword: tsApi.SyntaxKind.NumberKeyword, EqualsToken: tsApi.SyntaxKind.EqualsToken, FalseKeyword: tsApi.SyntaxKind.FalseKeyword, NullKeyword: tsApi.SyntaxKind.NullKeyword, TrueKeyword: tsApi.SyntaxKind.TrueKeyword, UndefinedKeyword: tsApi.SyntaxKind.UndefinedKeyword };

const NOT_DATA_TYPE = /(Input|Ref|RefObject|Element|Component|Handler|Callback|Listener|Props|Style|Icon|Node)$/;

/** `recordingAudio: boolean`, `email?: T` (a selection flag), `phone: TextInput | null`, `createPassword = () => …` name a flag, a widget or a method, not data. */
export function holdsData(member: ts.PropertySignature | ts.PropertyDeclaration, flags: ReadonlySet<string> = NO_FLAGS): boolean {
  if (isPropertyDeclaration(member) && member.initializer && (isArrowFunction(member.initializer) || isFunctionExpression(member.initializer))) return false;
  let t = member.type;
  if (!t) return true;
  if (isFlagType(t, flags)) return false;
  if (isUnionTypeNode(t)) {
    const real = withoutNullish(t.types);
    if (real.length !== 1) return true;
    t = real[0];
  }
  if (t.kind === K.BooleanKeyword || isFunctionTypeNode(t)) return false;
  if (isTypeReferenceNode(t) && isIdentifier(t.typeName) && NOT_DATA_TYPE.test(t.typeName.text)) return false;
  return true;
}

/**
 * `email?: T` in `interface UsersSelect<T extends boolean = true>`, `address?: T | { city?: T }`:
 * a field-selection (projection) type, where each field says whether to fetch that field. A
 * boolean, a `true`/`false` literal, a type parameter bounded by one (`flags`: their names), or a
 * union of those and object types made only of them, holds a flag, not the data it is named after.
 */
function isFlagType(t: ts.TypeNode, flags: ReadonlySet<string>): boolean {
  if (t.kind === K.BooleanKeyword) return true;
  if (isLiteralTypeNode(t)) return t.literal.kind === K.TrueKeyword || t.literal.kind === K.FalseKeyword;
  if (tsApi.isParenthesizedTypeNode(t)) return isFlagType(t.type, flags);
  if (isUnionTypeNode(t)) {
    const real = withoutNullish(t.types);
    return real.length > 0 && real.every((x) => (tsApi.isTypeLiteralNode(x) ? isFlagShape(x, flags) : isFlagType(x, flags)));
  }
  return flags.size > 0 && isTypeReferenceNode(t) && isIdentifier(t.typeName) && !t.typeArguments && flags.has(t.typeName.text);
}

function isFlagShape(t: ts.TypeLiteralNode, flags: ReadonlySet<string>): boolean {
  return t.members.length > 0 && t.members.every((m) => tsApi.isPropertySignature(m) && !!m.type && isFlagType(m.type, flags));
}

const NO_FLAGS: ReadonlySet<string> = new Set();

/** A union's members but `null` and `undefined`: `string | null` is a string. */
function withoutNullish(types: readonly ts.TypeNode[]): ts.TypeNode[] {
  return types.filter((x) => x.kind !== K.NullKeyword && x.kind !== K.UndefinedKeyword && !(isLiteralTypeNode(x) && x.literal.kind === K.NullKeyword));
}

/** The declaration's type parameters that are bounded by a flag type: `<T extends boolean = true>`. */
export function flagParameters(params: readonly ts.TypeParameterDeclaration[] | undefined): string[] {
  return (params ?? []).filter((p) => p.constraint && isFlagType(p.constraint, NO_FLAGS)).map((p) => p.name.text);
}

// A statistic's row is small: a label or two beside its number.
const MAX_ROW_FIELDS = 4;

/**
 * `{ name: string; value: number; country: string }`: a small shape with a numeric measure is a
 * report's row (visits per country), and `country: { name: string; value: number }[]` a list of
 * them; neither is a person's record.
 */
export function isStatisticRow(members: readonly ts.Node[], measures: ReadonlySet<string>): boolean {
  if (members.length > MAX_ROW_FIELDS) return false;
  // A class's fields count as an interface's do: `class CountryDto { code: string; weight: number }`.
  return members.some((m) => (tsApi.isPropertySignature(m) || tsApi.isPropertyDeclaration(m)) && m.type?.kind === K.NumberKeyword && measures.has(propertyKey(m.name) ?? ""));
}

/** The field's own type is a statistic's row or a list of them. */
export function typedAsStatisticRows(type: ts.TypeNode | undefined, measures: ReadonlySet<string>): boolean {
  while (type && tsApi.isArrayTypeNode(type)) type = type.elementType;
  return !!type && tsApi.isTypeLiteralNode(type) && isStatisticRow(type.members, measures);
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

const FIELD_NAMING = new Set(["name", "id", "value"]);

/**
 * What a form field is called by its own code: `name="emailReplyTo"`, `id="client-secret"`,
 * `value={clientSecret}` (the last name of the bound expression), the key a form library registers
 * (`{...register("supportEmail")}`), on the element and on the field wrapper around it.
 */
export function fieldNames(...elements: (ts.JsxOpeningLikeElement | null)[]): string[] {
  const out: string[] = [];
  for (const el of elements) {
    if (!el) continue;
    for (const a of el.attributes.properties) {
      if (tsApi.isJsxSpreadAttribute(a)) {
        const e = a.expression;
        if (isCallExpression(e) && e.arguments.length > 0 && isStringLiteralLike(e.arguments[0])) out.push(e.arguments[0].text);
        continue;
      }
      if (!isJsxAttribute(a) || !isIdentifier(a.name) || !FIELD_NAMING.has(a.name.text)) continue;
      const text = jsxStringValue(a);
      const bound = text === null ? jsxBoundExpression(a) : undefined;
      if (text !== null) out.push(text);
      else if (bound) out.push(isIdentifier(bound) ? bound.text : (bound as ts.PropertyAccessExpression).name.text);
    }
  }
  return out;
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

/**
 * fetch(url, { method: 'POST', body: JSON.stringify({ … }) }) names what it sends by its keys: the path
 * (`/v2/video/generate`, `/v2/video/query/`) then names only the endpoint; its query's values are still sent.
 * An opaque body (a FormData, a Blob, a variable) leaves the path to say what it carries, and a GET's path
 * (`/user/emails`) what it asks for.
 */
export function urlPathNamesEndpoint(node: ts.Node): boolean {
  if (!isCallExpression(node) || node.arguments.length < 2) return false;
  const callee = node.expression;
  const options = node.arguments[1];
  // api.post('/replay-exporter/session-videos', { sessionId }): a client's body object names what it sends by its keys too.
  if (isPropertyAccessExpression(callee) && BODY_METHODS.has(callee.name.text)) return tsApi.isObjectLiteralExpression(options) && options.properties.length > 0;
  if (!isIdentifier(callee) || callee.text !== "fetch" || !tsApi.isObjectLiteralExpression(options)) return false;
  const prop = (name: string) => options.properties.find((p): p is ts.PropertyAssignment => tsApi.isPropertyAssignment(p) && propertyKey(p.name) === name);
  const body = prop("body");
  return !!body && isCallExpression(body.initializer) && isJsonStringify(body.initializer.expression) && body.initializer.arguments.length > 0 && tsApi.isObjectLiteralExpression(body.initializer.arguments[0]);
}

const BODY_METHODS = new Set(["post", "put", "patch"]);
const isJsonStringify = (e: ts.Expression) => isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === "JSON" && e.name.text === "stringify";

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
  if (tsApi.isNumericLiteral(e)) return Number(e.text) === 0;
  // !1 is false, !0 is true.
  return tsApi.isPrefixUnaryExpression(e) && e.operator === tsApi.SyntaxKind.ExclamationToken && tsApi.isNumericLiteral(e.operand) && Number(e.operand.text) !== 0;
}

/** `gtag('js', new Date())`: the first argument's text matches a rule's `unlessFirstArg`. */
export function firstArgMatches(node: ts.Node, re: RegExp): boolean {
  if (!isCallExpression(node) && !isNewExpression(node)) return false;
  const first = node.arguments?.[0];
  return first !== undefined && re.test(leadingText(first));
}

// Methods that ask whether a header is there without reading what it says.
const PRESENCE_CHECKS = new Set(["has", "hasHeader", "includes"]);

/**
 * `req.headers['x-forwarded-for']`, `headers.get('cf-ipcountry')`, `{ 'x-real-ip': ip } = headers`:
 * the literal names what is read there. In a table of header names (`{ countryHeader: 'cf-ipcountry' }`,
 * a list, a comparison, `headers.has(…)`) it only refers to a header read somewhere else or not at all.
 */
export function isReadKey(literal: ts.Node, parent: ts.Node | undefined): boolean {
  if (!parent) return false;
  if (isElementAccessExpression(parent)) return parent.argumentExpression === literal;
  if (isBindingElement(parent)) return parent.propertyName === literal;
  if (!isCallExpression(parent) || !parent.arguments.includes(literal as ts.Expression)) return false;
  const callee = parent.expression;
  return !(isPropertyAccessExpression(callee) && PRESENCE_CHECKS.has(callee.name.text));
}

const EQUALITY = new Set([tsApi.SyntaxKind.EqualsEqualsEqualsToken, tsApi.SyntaxKind.ExclamationEqualsEqualsToken, tsApi.SyntaxKind.EqualsEqualsToken, tsApi.SyntaxKind.ExclamationEqualsToken]);

const TESTS = new Set([...EQUALITY, tsApi.SyntaxKind.LessThanToken, tsApi.SyntaxKind.GreaterThanToken, tsApi.SyntaxKind.LessThanEqualsToken, tsApi.SyntaxKind.GreaterThanEqualsToken, tsApi.SyntaxKind.InstanceOfKeyword, tsApi.SyntaxKind.InKeyword]);

/** `!!user`, `!email`, `user.email !== null`, `x instanceof Y`: a yes or no about a value, never the value itself. */
export function yieldsBoolean(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (tsApi.isPrefixUnaryExpression(x)) return x.operator === tsApi.SyntaxKind.ExclamationToken;
  return isBinaryExpression(x) && TESTS.has(x.operatorToken.kind);
}

/** `req.body.emails === undefined`, `x.ip != null`, `typeof req.body.email`: a test of whether the value is there. */
export function isPresenceTest(e: ts.Expression, parent: ts.Node): boolean {
  if (tsApi.isTypeOfExpression(parent)) return true;
  if (!isBinaryExpression(parent) || !EQUALITY.has(parent.operatorToken.kind)) return false;
  const other = unwrap(parent.left === e ? parent.right : parent.left);
  return other.kind === K.NullKeyword || other.kind === K.UndefinedKeyword || (isIdentifier(other) && other.text === "undefined");
}

/**
 * `!window.gtag`, `typeof window.gtag`, `if (window.gtag)`, `window.gtag && …`, `window.gtag ? … : …`:
 * the expression is only asked whether it is there.
 */
export function isExistenceTest(e: ts.Expression, parent: ts.Node): boolean {
  if (isPresenceTest(e, parent)) return true;
  if (tsApi.isPrefixUnaryExpression(parent)) return parent.operator === K.ExclamationToken;
  // `window.gtag && window.gtag('event', …)`: the call is read on its own; `window.gtag || noop` is the function.
  if (isBinaryExpression(parent)) return parent.operatorToken.kind === K.AmpersandAmpersandToken;
  if (tsApi.isIfStatement(parent) || tsApi.isWhileStatement(parent)) return parent.expression === e;
  if (tsApi.isConditionalExpression(parent)) return parent.condition === e;
  return false;
}

/**
 * `<Input type="email" value={email} onChange={…} />` beside `disabled={email !== user.email}`: a field
 * typed only to be compared with what the app already shows (type the account's address to confirm
 * deleting it). Every other use of the bound variable in the component, or none compared, means it is data.
 */
const isFunctionLike = (n: ts.Node) => tsApi.isFunctionDeclaration(n) || tsApi.isArrowFunction(n) || tsApi.isFunctionExpression(n) || tsApi.isMethodDeclaration(n);

export function typedOnlyToCompare(el: ts.JsxOpeningLikeElement, sf: ts.SourceFile): boolean {
  let bound: ts.Identifier | undefined;
  for (const a of el.attributes.properties) {
    if (isJsxAttribute(a) && isIdentifier(a.name) && a.name.text === "value") {
      const e = jsxBoundExpression(a);
      if (e && isIdentifier(e)) bound = e;
    }
  }
  if (!bound) return false;
  const name = bound.text;
  // The outermost function around the field (the component), found from the top: no parent pointers.
  let component: ts.Node | undefined;
  const find = (n: ts.Node, outer: ts.Node | undefined): boolean => {
    if (n === el) return (component = outer ?? sf), true;
    const fn = outer ?? (isFunctionLike(n) ? n : undefined);
    return n.pos <= el.pos && el.end <= n.end ? !!tsApi.forEachChild(n, (c) => find(c, fn) || undefined) : false;
  };
  find(sf, undefined);
  let compared = 0;
  let used = false;
  const visit = (n: ts.Node, parent: ts.Node): void => {
    if (used) return;
    // `user.email`, `{ email: x }`: a member's or a key's name, not the variable.
    const member = (isPropertyAccessExpression(parent) && parent.name === n) || (isPropertyAssignment(parent) && parent.name === n) || isJsxAttribute(parent);
    if (isIdentifier(n) && n.text === name && n !== bound && !member) {
      if (isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) compared++;
      else if (!(isBindingElement(parent) && parent.name === n)) used = true;
      return;
    }
    tsApi.forEachChild(n, (c) => visit(c, n));
  };
  if (component) visit(component, component);
  return !used && compared > 0;
}

/** `new Headers({…})`, `fetch(url, { headers: {…} })`: the object is the headers of a request the code builds. */
export function isRequestHeaders(obj: ts.ObjectLiteralExpression, parent: ts.Node): boolean {
  if (isNewExpression(parent)) return isIdentifier(parent.expression) && parent.expression.text === "Headers";
  return isPropertyAssignment(parent) && parent.initializer === obj && propertyKey(parent.name) === "headers";
}

/** `"x-vercel-ip-country": "US"` among a built request's headers: the header is set to a value written in the code. */
export function setsFixedHeader(literal: ts.Node, parent: ts.Node, headers: ts.ObjectLiteralExpression): boolean {
  if (!isPropertyAssignment(parent) || parent.name !== literal || !headers.properties.includes(parent)) return false;
  const v = unwrap(parent.initializer);
  return isStringLiteralLike(v) || v.kind === tsApi.SyntaxKind.NumericLiteral;
}

/**
 * `update({ where: { email }, data })` → the other properties of each object argument: what a store
 * call writes, without the keys that only find the rows (vocabulary lookupKeys).
 */
export function withoutLookups(args: readonly ts.Node[], keys: ReadonlySet<string>): ts.Node[] {
  const out: ts.Node[] = [];
  for (const a of args) {
    const lookups = isObjectLiteralExpression(a) && a.properties.some((p) => isPropertyAssignment(p) && keys.has(propertyKey(p.name) ?? ""));
    if (!lookups) out.push(a);
    else for (const p of (a as ts.ObjectLiteralExpression).properties) if (!(isPropertyAssignment(p) && keys.has(propertyKey(p.name) ?? ""))) out.push(p);
  }
  return out;
}

/** `push(arguments)`: the call hands on whatever its function was given. */
export function forwardsArguments(node: ts.Node): boolean {
  if (!isCallExpression(node) && !isNewExpression(node)) return false;
  const args = node.arguments ?? [];
  return args.length === 1 && isIdentifier(unwrap(args[0])) && (unwrap(args[0]) as ts.Identifier).text === "arguments";
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

/**
 * `capture({ distinctId: this.installationId, … })`: a property of an object argument whose value
 * is named for the installation (the predicate says which names), so the call reports on a
 * deployment rather than on a person.
 */
export function argsSentFor(node: ts.CallExpression | ts.NewExpression, namesWhose: (name: string) => boolean): boolean {
  for (const a of node.arguments ?? []) {
    const arg = unwrap(a);
    if (!isObjectLiteralExpression(arg)) continue;
    for (const p of arg.properties) {
      if (!isPropertyAssignment(p)) continue;
      const v = unwrap(p.initializer);
      const name = isIdentifier(v) ? v.text : isPropertyAccessExpression(v) ? v.name.text : null;
      if (name !== null && namesWhose(name)) return true;
    }
  }
  return false;
}

// Calls that make a value from nothing read from anyone: a clock, a dice, a number's formatting.
const MADE_CALLS = new Set(["Math.random", "Math.round", "Math.floor", "Math.ceil", "Date.now", "parseFloat", "parseInt", "Number", "String", "toFixed", "toISOString", "toString"]);

/**
 * `track('checkout', { revenue: Math.random() * 1000, currency: 'USD' })`: every argument is
 * built here from literals, the clock or random numbers, so the call sends nothing it read.
 * An arrow's own parameter may be spread back (`props => ({ ...props, url: '/x' })`).
 */
export function argsMadeInPlace(node: ts.CallExpression | ts.NewExpression): boolean {
  return (node.arguments ?? []).every((a) => madeInPlace(a, new Set()));
}

function madeInPlace(e: ts.Expression, own: Set<string>): boolean {
  e = unwrap(e);
  switch (e.kind) {
    case tsApi.SyntaxKind.StringLiteral: case tsApi.SyntaxKind.NoSubstitutionTemplateLiteral: case tsApi.SyntaxKind.NumericLiteral: case K.TrueKeyword: case K.FalseKeyword: case K.NullKeyword:
      return true;
  }
  if (isIdentifier(e)) return e.text === "undefined" || own.has(e.text);
  if (isTemplateExpression(e)) return e.templateSpans.every((s) => madeInPlace(s.expression, own));
  if (tsApi.isArrayLiteralExpression(e)) return e.elements.every((x) => madeInPlace(x, own));
  if (isObjectLiteralExpression(e)) {
    return e.properties.every((p) => (isPropertyAssignment(p) ? madeInPlace(p.initializer, own) : tsApi.isSpreadAssignment(p) ? madeInPlace(p.expression, own) : false));
  }
  if (isBinaryExpression(e)) return madeInPlace(e.left, own) && madeInPlace(e.right, own);
  if (tsApi.isPrefixUnaryExpression(e)) return madeInPlace(e.operand, own);
  if (tsApi.isConditionalExpression(e)) return madeInPlace(e.whenTrue, own) && madeInPlace(e.whenFalse, own);
  if (isNewExpression(e)) return isIdentifier(e.expression) && e.expression.text === "Date" && !(e.arguments?.length);
  if (isCallExpression(e)) {
    const callee = e.expression;
    const onGlobal = isPropertyAccessExpression(callee) && isIdentifier(callee.expression) && (callee.expression.text === "Math" || callee.expression.text === "Date");
    const name = isIdentifier(callee) ? callee.text : !isPropertyAccessExpression(callee) ? null : onGlobal ? `${(callee.expression as ts.Identifier).text}.${callee.name.text}` : callee.name.text;
    if (name === null || !MADE_CALLS.has(name)) return false;
    // (x).toFixed(2) makes nothing new from x: the receiver must be made here too.
    const receiverMade = !isPropertyAccessExpression(callee) || onGlobal || madeInPlace(callee.expression, own);
    return receiverMade && e.arguments.every((x) => madeInPlace(x, own));
  }
  if (isArrowFunction(e) || isFunctionExpression(e)) {
    const params = new Set(own);
    for (const p of e.parameters) if (isIdentifier(p.name)) params.add(p.name.text);
    const body = e.body;
    if (!tsApi.isBlock(body)) return madeInPlace(body, params);
    const ret = body.statements.length === 1 && tsApi.isReturnStatement(body.statements[0]) ? body.statements[0].expression : undefined;
    return ret !== undefined && madeInPlace(ret, params);
  }
  return false;
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
