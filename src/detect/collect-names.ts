import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import { besideLiteral, IP_ADDRESS, type NameMatch, type ValueShape } from "./name-classifier.js";
import { yieldsBoolean } from "./syntax-facts.js";
import type { CompiledRules } from "./compiled-rules.js";
import { isKeyLike, keyName } from "./tokens.js";

// ts-morph's `ts` namespace and its SyntaxKind enum are dictionary-mode objects: every
// `ts.isX` or `ts.SyntaxKind.X` read in a hot loop costs a hash lookup. Read them once here.
const { isArrowFunction, isCallExpression, isClassExpression, isConditionalExpression, isElementAccessExpression, isFunctionExpression, isIdentifier, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPrefixUnaryExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTemplateExpression } = tsApi;
const K = { FalseKeyword: tsApi.SyntaxKind.FalseKeyword, NoSubstitutionTemplateLiteral: tsApi.SyntaxKind.NoSubstitutionTemplateLiteral, NullKeyword: tsApi.SyntaxKind.NullKeyword, NumericLiteral: tsApi.SyntaxKind.NumericLiteral, StringLiteral: tsApi.SyntaxKind.StringLiteral, ThisKeyword: tsApi.SyntaxKind.ThisKeyword, TrueKeyword: tsApi.SyntaxKind.TrueKeyword };

export interface NameHit extends NameMatch {
  node: ts.Node;
  name: string;
}

// A sink's arguments can hold a whole callback; personal names in it are not what the
// sink receives, and walking it again would cost time. So: no function bodies, and a cap.
const MAX_NODES = 400;
const CONSTANT = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;
const LITERALS = new Set([K.StringLiteral, K.NumericLiteral, K.NoSubstitutionTemplateLiteral, K.TrueKeyword, K.FalseKeyword, K.NullKeyword]);
const ID_NAMES = new Set(["id", "_id", "uuid", "pk"]);
const TRANSPARENT = new Set(["uri", "url", "path", "localUri", "base64", "blob", "value", "current", "data", "file"]);
const DEVICE_CONTEXT = new Set(["device-serial", "mac-address", "device-id"]);
const PERSON_CONTEXT = new Set(["email", "phone", "name", "nickname", "password", "country", "postal-address", "profile-photo", "third-party-account"]);

/** Personal-data names inside the given expressions (object keys, identifiers, property chains, key-like strings). */
/**
 * @param url the request's URL argument, whose path segments name what is sent
 * @param keysOnly a schema (zod, yup) declares its fields as keys; its strings are enum values
 * @param message a log's strings are its message text (`console.log('redirect_uri', uri)`), not keys of data
 */
export function collectNames(roots: readonly ts.Node[], rules: CompiledRules, url?: ts.Node, keysOnly = false, calls?: Set<ts.Node>, owner?: string, message = false, urlQueryOnly = false): NameHit[] {
  const hits: NameHit[] = [];
  const pairWords = new Set<string>();
  // Bare `name`/`model` beside a serial number or MAC are the device's, decided at the end.
  const bare: { name: string; node: ts.Node; scope: number }[] = [];
  // Which object literal a name sits in: only its siblings say whose a bare name is.
  const hitScopes: number[] = [];
  let scope = 0;
  let scopes = 0;
  let budget = MAX_NODES;
  // The key an object literal sits under: { meta: { language } } is the document's language.
  let keyOwner: string | undefined = owner;
  // How deep the walk is inside a property's value.
  let inValue = 0;
  // Every name read, by object literal: a sibling can say what a match is (`ip` beside `port`).
  const namesByScope = new Map<number, string[]>();
  const noteSibling = (name: string) => {
    const inScope = namesByScope.get(scope);
    if (inScope) inScope.push(name);
    else namesByScope.set(scope, [name]);
  };
  const classify = (name: string, node: ts.Node, owner?: string, isReference = false, isKey = false): boolean => {
    if (keysOnly && !isKey) return false;
    noteSibling(name);
    // EVENTS.COPY_PASSWORD, Fields.PHONE_NUMBERS: a constant names a label, not the datum.
    if (isReference && CONSTANT.test(name)) return false;
    const m = rules.names.classify(name, owner);
    if (m) {
      hits.push({ ...m, node, name });
      hitScopes.push(scope);
      return true;
    }
    const w = rules.names.pairWord(name);
    if (w) pairWords.add(w);
    // { eventName: name }: a value under a key is what the key says it is; only a bare key
    // ({ name }, { name: x }) or a bare argument takes its meaning from its siblings.
    else if (name.length <= 24 && (isKey || inValue === 0)) bare.push({ name, node, scope });
    return false;
  };
  const dropSince = (from: number, category: string) => {
    for (let i = hits.length - 1; i >= from; i--) {
      if (hits[i].category !== category) continue;
      hits.splice(i, 1);
      hitScopes.splice(i, 1);
    }
  };
  const visitUrl = (chunks: readonly string[], node: ts.Node) => {
    for (const key of urlKeys(chunks, urlQueryOnly)) classify(key, node);
  };
  const visit = (n: ts.Node): void => {
    if (--budget < 0) return;
    if (isArrowFunction(n) || isFunctionExpression(n) || isClassExpression(n)) return;
    if (isIdentifier(n)) {
      classify(n.text, n, undefined, true);
      return;
    }
    if (isPropertyAccessExpression(n)) {
      const hit = classify(n.name.text, n, ownerName(n.expression), true);
      // recording.uri, photo.base64, avatarRef.current: the owner is the datum.
      if (!hit && TRANSPARENT.has(n.name.text) && isIdentifier(n.expression)) classify(n.expression.text, n, undefined, true);
      // rtp.audio.port, user.email.length: a setting or a measure of the owner, not the owner's value.
      if (rules.names.isSettingMember(n.name.text)) {
        if (isPropertyAccessExpression(n.expression)) visitObject(n.expression.expression);
      } else visitObject(n.expression);
      return;
    }
    if (isElementAccessExpression(n)) {
      if (isStringLiteralLike(n.argumentExpression)) classify(n.argumentExpression.text, n, ownerName(n.expression));
      else visit(n.argumentExpression);
      visitObject(n.expression);
      return;
    }
    if (isPropertyAssignment(n)) {
      const key = propertyKey(n.name);
      if (key !== null && rules.opaque.has(key)) return;
      // { type: "basic", username, password }, z.object({ authType: z.literal("digest"), … }): the discriminator says what the object is.
      const literal = key === null ? null : literalText(n.initializer);
      if (literal) noteSibling(besideLiteral(key!, literal));
      // { country: 'US' }, { lat: -33.9 }, { video: !1 }: a constant the code chose, not data collected from anyone.
      if (isLiteral(n.initializer)) return;
      // { resolvedByEmail: !!user }, { hasPhone: phone !== null }: a yes or no about the data, not the data.
      if (yieldsBoolean(n.initializer)) return;
      // { email: LEGACY_SERVICE_ACCOUNT_EMAIL }: a constant's value is the code's, as a literal's is.
      if (isIdentifier(n.initializer) && CONSTANT.test(n.initializer.text)) return;
      // { username: proxyUrl.username }: a field of the app's own settings, whatever the key says.
      if (readsSetting(n.initializer, rules)) return;
      // { avatarUrl: team.avatarUrl }: the value's owner said whose it is; the key only copies it.
      if (ownerVetoes(n.initializer, rules)) return;
      // { deviceId: device.id } is a reference to a database row, not an identifier of a person's device.
      if (isRowReference(n.initializer)) return;
      // The key names the datum: { avatarUrl: me.picture.data.url } is a profile photo, not "picture" too.
      const bareBefore = bare.length;
      // { video: { width, height, bitrate } }: an option object under a media key is that medium's settings.
      const settings = key !== null && (isObjectLiteralExpression(n.initializer) ? isSettingKey(key, keyOwner) : keysOnly && isFlagSchema(key, n.initializer));
      if (key !== null && !settings && classify(key, n.name, keyOwner, false, true)) return;
      const before = hits.length;
      const outer = keyOwner;
      keyOwner = key === null ? outer : rules.names.ownerOf([outer, key]);
      inValue++;
      visit(n.initializer);
      inValue--;
      keyOwner = outer;
      // { name: dto.recipientName }: the value said what the bare key is.
      if (hits.length > before) bare.length = bareBefore;
      return;
    }
    if (isShorthandPropertyAssignment(n)) {
      classify(n.name.text, n.name, keyOwner, false, true);
      return;
    }
    if (isStringLiteralLike(n)) {
      if (n === url) visitUrl([n.text], n);
      else if (!message && isKeyLike(n.text)) classify(keyName(n.text), n);
      return;
    }
    if (isTemplateExpression(n)) {
      if (n === url) visitUrl([n.head.text, ...n.templateSpans.map((s) => s.literal.text)], n);
      let before = n.head.text;
      for (const span of n.templateSpans) {
        const from = hits.length;
        visit(span.expression);
        // `http://${ip}/cgi-bin/…`: the host of a URL is where the request goes, an endpoint, not data it carries.
        if (before.endsWith("://")) dropSince(from, IP_ADDRESS);
        before = span.literal.text;
      }
      return;
    }
    if (isCallExpression(n)) {
      calls?.add(n);
      // The callee is a function name (formatEmail, isValidEmail), not data; its arguments are.
      const callee = n.expression;
      if (isPropertyAccessExpression(callee)) visitObject(callee.expression);
      for (const a of n.arguments) visit(a);
      return;
    }
    // `${audioOptions ? 'audio' : 'video'} packet`: the condition picks what is passed, it is not passed.
    if (isConditionalExpression(n)) {
      visit(n.whenTrue);
      visit(n.whenFalse);
      return;
    }
    if (tsApi.isObjectLiteralExpression(n)) {
      const outer = scope;
      scope = ++scopes;
      tsApi.forEachChild(n, visit);
      scope = outer;
      return;
    }
    tsApi.forEachChild(n, visit);
  };
  // In `user.email` only `email` is the datum; the object is visited for calls inside it only.
  const visitObject = (e: ts.Expression) => {
    if (isIdentifier(e) || e.kind === K.ThisKeyword) return;
    if (isPropertyAccessExpression(e)) {
      const owner = e.name.text;
      const m = rules.names.classify(owner, ownerName(e.expression));
      // `coords.latitude`, `device.sn.trim()`: an owner that is itself personal counts too.
      if (m) {
        hits.push({ ...m, node: e, name: owner });
        hitScopes.push(scope);
      }
      visitObject(e.expression);
      return;
    }
    visit(e);
  };
  // previewsInEmails: z.boolean(): a schema's flag or count named for a datum is a setting, as `boolean` is in a type.
  const isFlagSchema = (key: string, init: ts.Expression) => {
    const shape = schemaShape(init);
    const m = shape ? rules.names.classify(key, keyOwner) : null;
    return m !== null && rules.names.isSetting(m, shape);
  };
  const isSettingKey = (key: string, owner: string | undefined) => {
    const m = rules.names.classify(key, owner);
    return m !== null && rules.names.isSetting(m, "object");
  };
  for (const r of roots) visit(r);
  dropVetoedBeside(hits, hitScopes, namesByScope, rules);
  // A bare `name`, `model`, `language` or `timezone` says whose it is only through what travels
  // with it: beside a serial number or MAC it is the device's, beside an email the person's.
  if (bare.length && hits.length) {
    const direct = hits.length;
    for (const b of bare) {
      const siblings = hits.slice(0, direct).filter((_, i) => hitScopes[i] === b.scope);
      const owner = siblings.some((h) => DEVICE_CONTEXT.has(h.category)) ? "device" : siblings.some((h) => PERSON_CONTEXT.has(h.category)) ? "user" : undefined;
      const m = owner ? rules.names.classify(b.name, owner) : null;
      if (m) hits.push({ ...m, node: b.node, name: b.name });
    }
  }
  if (pairWords.size > 1) for (const m of rules.names.pairsIn(pairWords)) hits.push({ ...m, node: roots[0], name: [...pairWords].join("+") });
  return hits;
}

/** `{ ip, port }`, `${ip}:${port}`: a match whose rule a sibling name vetoes is dropped, in place. */
function dropVetoedBeside(hits: NameHit[], hitScopes: number[], namesByScope: Map<number, string[]>, rules: CompiledRules): void {
  let kept = 0;
  for (let i = 0; i < hits.length; i++) {
    if (rules.names.vetoedBeside(hits[i], namesByScope.get(hitScopes[i]) ?? [])) continue;
    hits[kept] = hits[i];
    hitScopes[kept++] = hitScopes[i];
  }
  hits.length = kept;
  hitScopes.length = kept;
}

const SCHEMA_SHAPES: Record<string, ValueShape> = { boolean: "boolean", bool: "boolean", number: "number", int: "number" };

/**
 * `z.boolean().optional()`, `yup.number().min(1)`, yup's imported `boolean().required()`: the shape a
 * schema builder's chain starts from; `z.literal("alert-run")` allows one string, a constant.
 */
function schemaShape(e: ts.Expression): ValueShape | null {
  while (isCallExpression(e) || isPropertyAccessExpression(e)) {
    if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && isIdentifier(e.expression.expression)) {
      if (e.expression.name.text === "literal") return literalText(e) !== null ? "constant" : null;
      return SCHEMA_SHAPES[e.expression.name.text] ?? null;
    }
    if (isCallExpression(e) && isIdentifier(e.expression)) return SCHEMA_SHAPES[e.expression.text] ?? null;
    e = isCallExpression(e) ? e.expression : e.expression;
  }
  return null;
}

/** `device.id`, `this.device!.id`: the key of a record the app keeps, not an identifier of a person's device. */
export function isRowReference(e: ts.Expression): boolean {
  while (tsApi.isNonNullExpression(e) || tsApi.isParenthesizedExpression(e)) e = e.expression;
  return isPropertyAccessExpression(e) && ID_NAMES.has(e.name.text);
}

/** `"basic"`, `z.literal("basic")`: a string the code chose as a value or as a schema's one allowed value. */
function literalText(e: ts.Expression): string | null {
  if (isStringLiteralLike(e)) return e.text;
  if (!tsApi.isCallExpression(e) || e.arguments.length !== 1 || !isStringLiteralLike(e.arguments[0])) return null;
  const callee = isPropertyAccessExpression(e.expression) ? e.expression.name.text : isIdentifier(e.expression) ? e.expression.text : null;
  return callee === "literal" ? e.arguments[0].text : null;
}

function isLiteral(e: ts.Expression): boolean {
  // { password: url.password ? "******" : undefined }: a mask the code chose in either case.
  if (isConditionalExpression(e)) return isLiteral(e.whenTrue) && isLiteral(e.whenFalse);
  if (isIdentifier(e)) return e.text === "undefined";
  return LITERALS.has(e.kind) || (isPrefixUnaryExpression(e) && LITERALS.has(e.operand.kind));
}

/**
 * `team.avatarUrl`, `provider?.displayName`: the name matches alone, but not on this owner.
 * `teamEmail`, `serviceAccountEmail()`: the value's own name says whose the datum is.
 */
export function ownerVetoes(e: ts.Expression, rules: CompiledRules): boolean {
  while (tsApi.isNonNullExpression(e) || tsApi.isParenthesizedExpression(e) || tsApi.isAwaitExpression(e)) e = e.expression;
  if (isCallExpression(e) && e.arguments.length === 0) e = e.expression;
  if (isIdentifier(e)) return rules.names.namesOthers(e.text);
  if (!isPropertyAccessExpression(e)) return false;
  if (rules.names.namesOthers(e.name.text)) return true;
  const owner = ownerName(e.expression);
  if (owner === undefined) return false;
  // { name: organization.name }, { username: integration.name }: a bare name read from an owner that is no
  // person (its rule's ownerExclude) is that organisation's or bot's, whatever the key says.
  if (rules.names.namesOthers(owner + e.name.text.charAt(0).toUpperCase() + e.name.text.slice(1))) return true;
  return rules.names.classify(e.name.text) !== null && rules.names.classify(e.name.text, owner) === null;
}

/** `proxyUrl.username || undefined`, `config.smtp.password`: read from an owner whose fields are settings. */
export function readsSetting(e: ts.Expression, rules: CompiledRules): boolean {
  while (tsApi.isBinaryExpression(e) || tsApi.isParenthesizedExpression(e) || tsApi.isNonNullExpression(e)) e = tsApi.isBinaryExpression(e) ? e.left : e.expression;
  // this.storageSettings.values.username: any owner up the chain can make it a setting.
  for (let o = e; isPropertyAccessExpression(o); o = o.expression) {
    const owner = ownerName(o.expression);
    if (owner !== undefined && rules.names.isSettingOwner(owner)) return true;
  }
  return false;
}

/**
 * The names a URL sends: its path segments, and the keys of query parameters whose value
 * comes from the code (`?email=${email}`). A parameter with a literal value is the app's own
 * constant (`&email=abuse@example.org`), not a person's data.
 * @param chunks the literal parts of the URL, split where a template expression goes
 * @param queryOnly only the query's keys: the path names the endpoint (urlPathNamesEndpoint)
 */
export function urlKeys(chunks: readonly string[], queryOnly = false): string[] {
  const keys: string[] = [];
  chunks.forEach((chunk, i) => {
    const valueFollows = i < chunks.length - 1;
    const pieces = chunk.split(/[/?#&]/);
    pieces.forEach((piece, j) => {
      const eq = piece.indexOf("=");
      if (eq < 0) {
        if (!queryOnly && isKeyLike(piece)) keys.push(piece);
        return;
      }
      const key = piece.slice(0, eq);
      const literalValue = piece.length > eq + 1 || !(valueFollows && j === pieces.length - 1);
      if (!literalValue && isKeyLike(key)) keys.push(key);
    });
  });
  return keys;
}

export function propertyKey(name: ts.PropertyName | ts.BindingName): string | null {
  if (isIdentifier(name) || isStringLiteral(name) || isPrivateIdentifier(name)) return name.text.replace(/^#/, "");
  if (isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

/** `team.save(…)` → team, `prisma.organisationEmail.create(…)` → organisationEmail: the record a method call writes. */
export function recordOf(node: ts.Node): string | undefined {
  return isCallExpression(node) && isPropertyAccessExpression(node.expression) ? ownerName(node.expression.expression) : undefined;
}

function ownerName(e: ts.Expression): string | undefined {
  if (isIdentifier(e)) return e.text;
  if (isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}
