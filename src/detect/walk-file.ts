import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import type { Confidence, Kind } from "../types.js";
import { weaker } from "./to-findings.js";
import type { RuleDef } from "../config/rules-loader.js";
import { NAMES, SINK_KINDS } from "../config/rules-loader.js";
import { type CompiledRules, lookupApi, refinedCategory } from "./compiled-rules.js";
import { apiPath, bindImport, bindVariable, chainRoot, chainText, hideName, mayResolve, typedHandle, unwrap } from "./api-paths.js";
import { FactCollector, type FileFacts } from "./extract/file-facts.js";
import { promptCategory } from "./prompt-text.js";
import { collectNames, propertyKey, recordOf, type NameHit } from "./collect-names.js";
import { besideLiteral, IP_ADDRESS } from "./name-classifier.js";
import { detach } from "./tokens.js";
import { declaredShape, fieldShape } from "./field-values.js";
import type { TypeField } from "./resolve-deferred.js";
import { withoutLookups, isRequestHeaders, setsFixedHeader, argsConstant, argsHave, argsMadeInPlace, argsSentFor, isReadKey, firstArgMatches, forwardsArguments, isStatisticRow, typedAsStatisticRows, flagParameters, argsMention, firstWord, holdsData, isAssignmentTarget, isReadOnlyElement, fieldNames, isPresenceTest, isExistenceTest, typedOnlyToCompare, jsxBoundExpression, jsxStringValue, leadingText, subjectOf, typeName, urlArgument, urlPathNamesEndpoint } from "./syntax-facts.js";

// ts-morph's `ts` namespace and its SyntaxKind enum are dictionary-mode objects: every
// `ts.isX` or `ts.SyntaxKind.X` read in a hot loop costs a hash lookup. Read them once here.
const { isVariableDeclaration, isVariableDeclarationList, isArrayLiteralExpression, isArrowFunction, isCallExpression, isClassDeclaration, isClassLike, isDecorator, isFunctionExpression, isIdentifier, isImportDeclaration, isInterfaceDeclaration, isJsxAttribute, isJsxOpeningLikeElement, isLiteralTypeNode, isNewExpression, isObjectBindingPattern, isParameter, isPropertyAccessExpression, isPropertyDeclaration, isStringLiteral, isStringLiteralLike, isTypeLiteralNode, isTypeReferenceNode } = tsApi;
const K = { ArrowFunction: tsApi.SyntaxKind.ArrowFunction, Block: tsApi.SyntaxKind.Block, CatchClause: tsApi.SyntaxKind.CatchClause, ClassExpression: tsApi.SyntaxKind.ClassExpression, ConditionalExpression: tsApi.SyntaxKind.ConditionalExpression, ObjectLiteralExpression: tsApi.SyntaxKind.ObjectLiteralExpression, Constructor: tsApi.SyntaxKind.Constructor, ExportAssignment: tsApi.SyntaxKind.ExportAssignment, ForInStatement: tsApi.SyntaxKind.ForInStatement, ForOfStatement: tsApi.SyntaxKind.ForOfStatement, ForStatement: tsApi.SyntaxKind.ForStatement, IfStatement: tsApi.SyntaxKind.IfStatement, FunctionExpression: tsApi.SyntaxKind.FunctionExpression, GetAccessor: tsApi.SyntaxKind.GetAccessor, ReturnStatement: tsApi.SyntaxKind.ReturnStatement, SetAccessor: tsApi.SyntaxKind.SetAccessor, VariableStatement: tsApi.SyntaxKind.VariableStatement, AnyKeyword: tsApi.SyntaxKind.AnyKeyword, BinaryExpression: tsApi.SyntaxKind.BinaryExpression, BooleanKeyword: tsApi.SyntaxKind.BooleanKeyword, CallExpression: tsApi.SyntaxKind.CallExpression, ClassDeclaration: tsApi.SyntaxKind.ClassDeclaration, Decorator: tsApi.SyntaxKind.Decorator, ElementAccessExpression: tsApi.SyntaxKind.ElementAccessExpression, EqualsToken: tsApi.SyntaxKind.EqualsToken, ExportDeclaration: tsApi.SyntaxKind.ExportDeclaration, FunctionDeclaration: tsApi.SyntaxKind.FunctionDeclaration, Identifier: tsApi.SyntaxKind.Identifier, ImportDeclaration: tsApi.SyntaxKind.ImportDeclaration, ImportType: tsApi.SyntaxKind.ImportType, IndexedAccessType: tsApi.SyntaxKind.IndexedAccessType, InterfaceDeclaration: tsApi.SyntaxKind.InterfaceDeclaration, JsxElement: tsApi.SyntaxKind.JsxElement, JsxOpeningElement: tsApi.SyntaxKind.JsxOpeningElement, JsxSelfClosingElement: tsApi.SyntaxKind.JsxSelfClosingElement, LiteralType: tsApi.SyntaxKind.LiteralType, MethodDeclaration: tsApi.SyntaxKind.MethodDeclaration, NeverKeyword: tsApi.SyntaxKind.NeverKeyword, NewExpression: tsApi.SyntaxKind.NewExpression, NoSubstitutionTemplateLiteral: tsApi.SyntaxKind.NoSubstitutionTemplateLiteral, NullKeyword: tsApi.SyntaxKind.NullKeyword, NumberKeyword: tsApi.SyntaxKind.NumberKeyword, PropertyAccessExpression: tsApi.SyntaxKind.PropertyAccessExpression, PropertyDeclaration: tsApi.SyntaxKind.PropertyDeclaration, PropertySignature: tsApi.SyntaxKind.PropertySignature, StringKeyword: tsApi.SyntaxKind.StringKeyword, StringLiteral: tsApi.SyntaxKind.StringLiteral, ThisKeyword: tsApi.SyntaxKind.ThisKeyword, ThisType: tsApi.SyntaxKind.ThisType, TypeAliasDeclaration: tsApi.SyntaxKind.TypeAliasDeclaration, TypeOperator: tsApi.SyntaxKind.TypeOperator, TypeParameter: tsApi.SyntaxKind.TypeParameter, TypePredicate: tsApi.SyntaxKind.TypePredicate, TypeQuery: tsApi.SyntaxKind.TypeQuery, TypeReference: tsApi.SyntaxKind.TypeReference, UndefinedKeyword: tsApi.SyntaxKind.UndefinedKeyword, UnknownKeyword: tsApi.SyntaxKind.UnknownKeyword, VariableDeclaration: tsApi.SyntaxKind.VariableDeclaration, VoidKeyword: tsApi.SyntaxKind.VoidKeyword };

const forEachChild = tsApi.forEachChild;
// What visit() does per node kind, as a byte table: a switch on small integer literals
// compiles to a jump table, where `case ts.SyntaxKind.X` would read a property per label.
const NO_NAMES: readonly NameHit[] = [];
// A presence test or a confirmation field names the datum without collecting it: kept, at low.
const onlyNamed = (h: NameHit): NameHit => ({ ...h, confidence: "low" });
const SKIP = 255;
const ACTION = new Uint8Array(1024);
const act = (code: number, ...kinds: ts.SyntaxKind[]) => kinds.forEach((k) => (ACTION[k] = code));
act(1, K.ImportDeclaration);
act(2, K.VariableDeclaration);
act(3, K.InterfaceDeclaration, K.TypeAliasDeclaration);
act(4, K.BinaryExpression);
act(5, K.FunctionDeclaration, K.MethodDeclaration, K.ClassDeclaration);
act(6, K.Decorator);
act(7, K.CallExpression, K.NewExpression);
act(8, K.PropertyAccessExpression, K.ElementAccessExpression);
act(9, K.JsxSelfClosingElement, K.JsxOpeningElement);
act(10, K.PropertySignature);
act(11, K.PropertyDeclaration);
act(12, K.StringLiteral, K.NoSubstitutionTemplateLiteral);
act(13, K.ArrowFunction, K.FunctionExpression, K.Constructor, K.GetAccessor, K.SetAccessor);
act(14, K.Block, K.ForStatement, K.ForOfStatement, K.ForInStatement, K.CatchClause);
act(15, K.ReturnStatement);
act(16, K.ClassExpression);
act(17, K.ExportAssignment);
act(18, K.VariableStatement);
act(19, K.ExportDeclaration);
act(20, K.IfStatement);
act(21, K.ConditionalExpression);
act(22, K.ObjectLiteralExpression);
act(23, tsApi.SyntaxKind.Parameter);
// Identifiers are a third of all nodes and no rule looks at one alone; type annotations other
// than object types name no data.
act(SKIP, K.Identifier, K.TypeReference, K.StringKeyword, K.NumberKeyword, K.BooleanKeyword, K.AnyKeyword, K.UnknownKeyword,
  K.VoidKeyword, K.NeverKeyword, K.UndefinedKeyword, K.NullKeyword, K.LiteralType, K.TypeQuery, K.TypeOperator, K.ImportType,
  K.TypeParameter, K.IndexedAccessType, K.ThisType, K.TypePredicate);

/** A raw detection, before positions and fingerprints are computed. */
export interface Hit {
  rule: RuleDef;
  category: string;
  kind: Kind;
  confidence: Confidence;
  node: ts.Node;
  /** The expression shown as evidence (the whole call, not just the name inside it). */
  evidenceNode: ts.Node;
  symbol: string | null;
  /**
   * The one place several hits are: the form field a JSX attribute belongs to (its element, or the
   * wrapper whose props hold that element), or the conditional that reads one header in each branch.
   */
  place?: ts.Node;
}

/** A parameter whose personal fields live in a class declared elsewhere (NestJS `@Body() dto: RegisterDto`). */
export interface DeferredType {
  rule: RuleDef;
  typeName: string;
  node: ts.Node;
  symbol: string | null;
}

export interface FileDetections {
  hits: Hit[];
  deferred: DeferredType[];
  /** Classes and interfaces declared here → their field names, for deferred lookups. */
  types: Map<string, TypeField[]>;
  nodes: number;
  truncated: boolean;
  /** Scopes, declarations, calls and writes for the flow engine. */
  facts: FileFacts;
}

/** The inline shapes a parameter's or variable's type annotation is made of (`{ host: string }[] | null`). */
function inlineShapes(t: ts.TypeNode | undefined, out: ts.TypeLiteralNode[] = []): ts.TypeLiteralNode[] {
  if (!t) return out;
  if (isTypeLiteralNode(t)) out.push(t);
  else if (tsApi.isArrayTypeNode(t)) inlineShapes(t.elementType, out);
  else if (tsApi.isParenthesizedTypeNode(t)) inlineShapes(t.type, out);
  else if (tsApi.isUnionTypeNode(t)) for (const x of t.types) inlineShapes(x, out);
  return out;
}

// A shape's field names, once per shape: siblings can say what a field is (`ip` beside `port`).
/** isStatisticRow of a type's or class's members, once per type (it is asked at each of its fields). */
const statisticRowOf = new WeakMap<ts.NodeArray<ts.Node>, boolean>();
function isStatisticMembers(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>, measureFields: Parameters<typeof isStatisticRow>[1]): boolean {
  let row = statisticRowOf.get(members);
  if (row === undefined) statisticRowOf.set(members, (row = isStatisticRow(members, measureFields)));
  return row;
}

const memberNamesOf = new WeakMap<ts.NodeArray<ts.Node>, string[]>();
function memberNames(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>): string[] {
  let names = memberNamesOf.get(members);
  if (!names) {
    names = [];
    for (const m of members) {
      const key = m.name ? propertyKey(m.name as ts.PropertyName) : null;
      if (key === null) continue;
      names.push(key);
      // `kind: "basic"`, `type = "digest"`: a discriminator's one literal says what the shape is (NameClassifier.vetoedBeside).
      const literal = tsApi.isPropertySignature(m) ? literalTypeText(m.type) : tsApi.isPropertyDeclaration(m) && m.initializer && tsApi.isStringLiteralLike(m.initializer) ? m.initializer.text : null;
      if (literal) names.push(besideLiteral(key, literal));
    }
    memberNamesOf.set(members, names);
  }
  return names;
}


/** `"basic"` in `kind: "basic"`: the text of a type that is one string literal. */
function literalTypeText(t: ts.TypeNode | undefined): string | null {
  return t && tsApi.isLiteralTypeNode(t) && tsApi.isStringLiteral(t.literal) ? t.literal.text : null;
}

// `const PdfPassword = forwardRef((props, ref) => …)`, `memo(() => …)`, `observer(…)`: the wrapped function is the component the variable names.
const COMPONENT_WRAPPERS = new Set(["forwardRef", "memo", "observer"]);
function wrapsComponent(init: ts.Expression): boolean {
  if (!isCallExpression(init) || init.arguments.length === 0) return false;
  const callee = isPropertyAccessExpression(init.expression) ? init.expression.name : init.expression;
  const fn = init.arguments[0];
  return isIdentifier(callee) && COMPONENT_WRAPPERS.has(callee.text) && (isArrowFunction(fn) || isFunctionExpression(fn));
}

export const NODE_BUDGET = 3_000_000;

const longestKeys = new WeakMap<Map<string, unknown>, number>();
/** The length of the longest key (-1 when there is none), once per map. */
function longestKey(map: Map<string, unknown>): number {
  let n = longestKeys.get(map);
  if (n === undefined) {
    n = -1;
    for (const k of map.keys()) n = Math.max(n, k.length);
    longestKeys.set(map, n);
  }
  return n;
}

/** One walk over one syntax tree; every rule is consulted through the compiled lookup tables. */
export function walkFile(sf: ts.SourceFile, rules: CompiledRules): FileDetections {
  const collector = new FactCollector(sf.fileName, sf);
  const longestString = longestKey(rules.strings);
  const out: FileDetections = { hits: [], deferred: [], types: new Map(), nodes: 0, truncated: false, facts: collector.facts };
  // Sink rules that matched the call being visited, handed to the flow engine with the call.
  let sinkRules: RuleDef[] | null = null;
  const loopDecls = new Set<ts.Node>();
  const symbols: string[] = [];
  // Parent pointers are off (they cost parse time), so the walk remembers what each decorator decorates.
  const decorated = new Map<ts.Decorator, ts.Node>();
  // Fields of a class that is a statistic's row (`class CountryDto { @IsISO31661Alpha2() code; weight: number }`):
  // a validator's category there is a bucket of the report, as a field's name is (vocabulary measureFields).
  const statisticFields = new Set<ts.Node>();
  const stringParents = new Set<ts.Node>();
  // String rules already reported once in this file for a literal that is only named, not read.
  const referencedStrings = new Set<string>();
  // Calls already read as part of an enclosing schema (z.object inside z.object): not a second shape.
  const innerSchemaCalls = new Set<ts.Node>();
  // What a field belongs to (interface, type alias, class, or the enclosing field), innermost last.
  const owners: string[] = [];
  // Type parameters in scope that stand for a flag (`<T extends boolean>`): a field typed by one is a selection flag.
  let flagParams: ReadonlySet<string> = new Set();
  // constructor(private config: { … }), const config: { … } = …: each inline shape → the name it types.
  const shapeOwners = new Map<ts.Node, string>();
  const nameShapes = (name: ts.BindingName, type: ts.TypeNode | undefined) => {
    if (type && isIdentifier(name)) for (const shape of inlineShapes(type)) shapeOwners.set(shape, name.text);
  };
  const symbol = () => (symbols.length ? symbols[symbols.length - 1] : null);
  // A form library's field wrapper (FormField, Form.Item, Controller) names the field its one input fills.
  const isFieldWrapper = (el: ts.JsxOpeningElement) =>
    /(Field|FormItem|Form\.Item|Controller)$/.test(el.tagName.getText(sf)) && el.attributes.properties.some((a) => isJsxAttribute(a) && isIdentifier(a.name) && a.name.text === "name");
  // The outermost JSX element whose attributes are being read (a JSX element's children are not its attributes).
  let formField: ts.Node | null = null;
  // The outermost conditional being read: `Array.isArray(h["x-vercel-ip-city"]) ? h["x-vercel-ip-city"][0] : h["x-vercel-ip-city"]`
  // reads one header in three places of one expression, one collection point.
  let choice: ts.Node | null = null;
  // The headers of a request the code builds (`new Headers({…})`, `{ headers: {…} }`): a header name
  // there is written, and with a fixed value ("x-forwarded-for": "127.0.0.1") it carries no one's data.
  let builtHeaders: ts.ObjectLiteralExpression | null = null;

  // A rule's `refine`: a more precise category when the enclosing function's name or the call's arguments say so.
  const argsText = (node: ts.Node) => (isCallExpression(node) || isNewExpression(node) ? (node.arguments ?? []).map((a) => sf.text.slice(a.pos, a.end)).join(" ") : undefined);
  const refined = (rule: RuleDef, sym: string | null, node: ts.Node): string | undefined => refinedCategory(rules, rule, sym, rule.refine ? argsText(node) : undefined);
  // Set while a call that reports on the installation itself is read: what it sends is kept at low.
  let aboutInstallation = false;
  const emit = (rule: RuleDef, category: string, node: ts.Node, evidenceNode: ts.Node, confidence = rule.confidence) => {
    if (rule.onlyWhenSent) return;
    if (aboutInstallation) {
      // A heartbeat keyed by the installation's id: an event rule's own category (browsing behaviour,
      // diagnostics) would be a person's usage, and no person is there; names sent with it stay, at low.
      if (rule.category !== NAMES && category === rule.category && SINK_KINDS.has(rule.kind)) return;
      confidence = "low";
    }
    const sym = symbol();
    category = refined(rule, sym, node) ?? category;
    const hit: Hit = { rule, category, kind: rule.kind as Kind, confidence, node, evidenceNode, symbol: sym };
    if (rule.jsx && formField) hit.place = formField;
    out.hits.push(hit);
  };
  const emitNames = (rule: RuleDef, names: readonly NameHit[], evidenceNode: ts.Node) => {
    if (names.length === 0) return;
    const seen = new Set<string>();
    for (const h of names) {
      if (seen.has(h.category)) continue;
      seen.add(h.category);
      emit(rule, h.category, evidenceNode, evidenceNode, weaker(rule.confidence, h.confidence));
    }
  };
  // saveToLibraryAsync(uri) inside saveClip(): no name says what the file is, the function does.
  const refineFallback = (rule: RuleDef, node: ts.Node) => {
    const category = refined(rule, symbol(), node);
    if (category) emit(rule, category, node, node);
  };
  // `const SmtpConfigSchema = z.object({ password })`: the variable names whose shape it is.
  // `const TeamsUpdateSchema = BaseSchema.extend({ body: z.object({ avatarUrl }) })`: nested in the initialiser, the variable still names it.
  const ownerOfCall = (node: ts.Node, parent: ts.Node | undefined): string | undefined =>
    parent && parent.kind === K.VariableDeclaration && (parent as ts.VariableDeclaration).initializer === node && isIdentifier((parent as ts.VariableDeclaration).name)
      ? ((parent as ts.VariableDeclaration).name as ts.Identifier).text
      : declaredBy[declaredBy.length - 1];
  /** Names of the variables whose call initialisers the walk is inside (innermost last). */
  const declaredBy: string[] = [];
  // A test console's or a demo's call that sends only what it builds from literals: nobody's data.
  const madeUp = (node: ts.Node) =>
    (isCallExpression(node) || isNewExpression(node)) && symbols.some((s) => rules.names.isMadeUpScope(s)) && argsMadeInPlace(node);
  // console.log('Cluster client connected.', socket.remoteAddress) in createClusterServer: the peer is one of the app's own nodes.
  const amongOwnPeers = () => symbols.some((s) => rules.names.isPeerScope(s));
  const yieldReads = new Map<string, boolean>();
  // `*.*.mac`: a key of any name, so the first named step is what the file must read.
  const readsYield = (paths: string[]) => paths.some((p) => {
    const head = p.split(".").find((x) => x !== "*");
    if (head === undefined) return true;
    let hit = yieldReads.get(head);
    if (hit === undefined) yieldReads.set(head, (hit = new RegExp(`\\b${head.replace(/[^\w$]/g, "\\$&")}\\b`).test(sf.text)));
    return hit;
  });
  // put(url, recordingData) with `recordingData: RecordingData`: the parameter's or variable's declared type says
  // what its name stands for, as a field's does (a shape of its own, a flag, a number).
  const declaredAsSetting = (h: NameHit) => {
    if (!isIdentifier(h.node)) return false;
    const d = collector.scope.lookup(h.node.text);
    return d !== undefined && rules.names.isSetting(h, declaredShape(d.node, rules.names));
  };
  const apply = (list: RuleDef[] | undefined, node: ts.Node, namesFrom: () => readonly ts.Node[], parent?: ts.Node) => {
    if (!list) return;
    aboutInstallation = (isCallExpression(node) || isNewExpression(node)) && list.some((r) => SINK_KINDS.has(r.kind)) && argsSentFor(node, (n) => rules.names.namesInstallation(n));
    try {
      applyRules(list, node, namesFrom, parent);
    } finally {
      aboutInstallation = false;
    }
  };
  const applyRules = (list: RuleDef[], node: ts.Node, namesFrom: () => readonly ts.Node[], parent?: ts.Node) => {
    for (const rule of list) {
      if (rule.argsHave && !argsHave(node, rule.argsHave)) continue;
      if (rule.argsMention && !argsMention(node, rule.argsMention, sf)) continue;
      if (rule.unlessConstant && argsConstant(node, rule.unlessConstant)) continue;
      if (rule.unlessFirstArg && firstArgMatches(node, rules.regex(rule.unlessFirstArg))) continue;
      if (rule.category !== NAMES && SINK_KINDS.has(rule.kind) && madeUp(node)) continue;
      // NetInfo.addEventListener(s => s.isConnected): the value carries its category only in `yields` paths; a file that never reads one gets none.
      if (rule.yields && rule.kind === "source" && !readsYield(rule.yields)) continue;
      // window.gtag = function () { dataLayer.push(arguments) }: a wrapper; its callers send what they pass.
      if (SINK_KINDS.has(rule.kind) && forwardsArguments(node)) continue;
      if (sinkRules && SINK_KINDS.has(rule.kind)) sinkRules.push(rule);
      if (rule.category === NAMES && rule.promptText) {
        const m = promptCategory(node as ts.CallExpression, rule, rules.names);
        if (m) emit(rule, m.category, node, node, weaker(rule.confidence, m.confidence));
        continue;
      }
      if (rule.category === NAMES) {
        if (rule.kind === "schema" && innerSchemaCalls.has(node)) continue;
        const schema = rule.kind === "schema";
        const roots = rule.kind === "store" ? withoutLookups(namesFrom(), rules.lookupKeys) : namesFrom();
        const url = rule.kind === "transmit" ? urlArgument(node) : undefined;
        const names = collectNames(roots, rules, url, schema, schema ? innerSchemaCalls : undefined, schema ? ownerOfCall(node, parent) : undefined, rule.kind === "log", url !== undefined && urlPathNamesEndpoint(node));
        let sent = SINK_KINDS.has(rule.kind) && amongOwnPeers() ? names.filter((h) => h.category !== IP_ADDRESS) : names;
        if (SINK_KINDS.has(rule.kind) && sent.length) sent = sent.filter((h) => !declaredAsSetting(h));
        // team.save({ avatarUrl }), prisma.organisationEmail.create({ data: { email } }): the record is the team's.
        const record = rule.kind === "store" ? recordOf(node) : undefined;
        if (record !== undefined) sent = sent.filter((h) => !rules.names.recordOfOthers(h.category, record));
        if (sent.length) emitNames(rule, sent, node);
        else if (rule.refine) refineFallback(rule, node);
      }
      else emit(rule, rule.category, node, node);
    }
  };

  const visitCall = (n: ts.CallExpression | ts.NewExpression, parent: ts.Node) => {
    const args = n.arguments ?? [];
    const bindings = collector.scope;
    const path = mayResolve(n.expression, bindings, rules.globals, thisBound()) ? apiPath(n.expression, bindings, rules.globals) : null;
    const matched = path === null ? undefined : lookupApi(rules, path);
    if (matched) {
      if (isDecorator(parent)) visitDecorator(matched, n, parent);
      else apply(matched, n, () => args, parent);
    }
    const callee = unwrap(n.expression);
    let methodMatched = false;
    if (isPropertyAccessExpression(callee)) {
      const methodRules = rules.methods.get(callee.name.text);
      if (methodRules) {
        const receiver = chainText(callee.expression);
        if (receiver !== null) {
          const reading = (r: RuleDef) => `${r.kind}:${r.category === NAMES ? NAMES : r.category}`;
          const kinds = new Set(matched?.map(reading));
          for (const { receiver: re, firstArg, rule } of methodRules) {
            // One reading per call and kind: api.post(...) is one request, whichever rules describe it.
            if (kinds.has(reading(rule))) continue;
            if (!re.test(receiver)) continue;
            if (firstArg && !(args.length > 0 && firstArg.test(leadingText(args[0])))) continue;
            methodMatched = true;
            kinds.add(reading(rule));
            apply([rule], n, () => args);
          }
        }
      }
    }
    // saveUser({ email }), this.repo.createSession(...): the called function's own name is the last resort.
    // Only plain calls of camelCase functions: `new PostHog()` and `Post()` are constructors, not actions.
    if (!matched && !methodMatched && rules.calls.size && args.length && isCallExpression(n)) {
      const fname = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : null;
      let list = fname ? rules.calls.get(fname.toLowerCase()) ?? callsByFirstWord(fname) : undefined;
      // res.send(…): a server's reply to whoever asked, not the app sending data on.
      // client.mutation.upsertCustomer(…): an API client's write is a request (onlyReceiver), not the app's storage.
      if (list && list.some((r) => r.unlessReceiver || r.onlyReceiver)) {
        const receiver = isPropertyAccessExpression(callee) ? chainText(callee.expression) : null;
        list = list.filter(
          (r) =>
            !(r.unlessReceiver && receiver !== null && rules.regex(r.unlessReceiver).test(receiver)) &&
            !(r.onlyReceiver && (receiver === null || !rules.regex(r.onlyReceiver).test(receiver))),
        );
      }
      if (list?.length) apply(list, n, () => args);
    }
  };

  const callsByFirstWord = (fname: string) => {
    const first = firstWord(fname);
    return first ? rules.calls.get(first) : undefined;
  };

  const visitBareDecorator = (deco: ts.Decorator) => {
    const e = deco.expression;
    const path = mayResolve(e, collector.scope, rules.globals, thisBound()) ? apiPath(e, collector.scope, rules.globals) : null;
    const matched = path === null ? undefined : lookupApi(rules, path);
    if (matched) visitDecorator(matched, e, deco);
  };
  // A decorator's data is the thing it decorates: `@Body() dto: RegisterDto` collects the DTO's fields.
  const visitDecorator = (matched: RuleDef[], call: ts.Expression, deco: ts.Decorator) => {
    const target = decorated.get(deco);
    for (const rule of matched) {
      if (rule.category !== NAMES) {
        if (target && statisticFields.has(target) && !rules.names.rowIdentities.has(rule.category)) continue;
        emit(rule, rule.category, target ?? call, target ?? call);
        continue;
      }
      const args = isCallExpression(call) || isNewExpression(call) ? (call.arguments ?? []) : [];
      if (args.length > 0 && isStringLiteralLike(args[0])) {
        emitNames(rule, collectNames([args[0]], rules), target ?? call);
        continue;
      }
      if (target && (isParameter(target) || isPropertyDeclaration(target))) {
        const typeName = target.type && isTypeReferenceNode(target.type) && isIdentifier(target.type.typeName) ? target.type.typeName.text : null;
        if (typeName) out.deferred.push({ rule, typeName, node: target, symbol: symbol() });
        else if (target.type && isTypeLiteralNode(target.type)) {
          emitNames(rule, collectNames(target.type.members.map((m) => m.name).filter((x): x is ts.PropertyName => !!x), rules), target);
        } else if (isPropertyDeclaration(target) && isIdentifier(target.name)) {
          // `@Column name: string` in class User: the model owns the column, as it owns a field.
          // The walk is inside the field, which names the nested shapes of its type: its class is the owner before it.
          const key = target.name.text;
          const owner = owners[owners.length - 1] === key ? owners[owners.length - 2] : owners[owners.length - 1];
          emitNames(rule, namesOf(key, target, owner), target);
        } else if (isIdentifier(target.name)) emitNames(rule, collectNames([target.name], rules), target);
      }
    }
  };

  // A handler's reads of each request field: the first read of req.body.email is the place of them all.
  const fieldReads = new Map<ts.Node, Map<string, ts.Node>>();
  const visitAccess = (n: ts.PropertyAccessExpression | ts.ElementAccessExpression, parent: ts.Node) => {
    const bindings = collector.scope;
    const path = mayResolve(n, bindings, rules.globals, thisBound()) ? apiPath(n, bindings, rules.globals) : null;
    if (path !== null) {
      const matched = lookupApi(rules, path);
      // `!window.gtag ||`, `if (!navigator?.mediaDevices?.getUserMedia)`: asking whether the SDK or the device API
      // is there sends and captures nothing; its call does. A rule that asks for arguments (getUserMedia({ audio }))
      // is about a call, never a bare read.
      const tested = matched !== undefined && isExistenceTest(n, parent);
      if (matched && !tested) for (const rule of matched) if (rule.category !== NAMES && !rule.argsHave) emit(rule, rule.category, n, n);
    }
    const root = chainRoot(n);
    if (root.kind !== K.Identifier || !rules.requestRoots.has((root as ts.Identifier).text)) return;
    const name = n.kind === K.PropertyAccessExpression ? (n as ts.PropertyAccessExpression).name.text : isStringLiteralLike((n as ts.ElementAccessExpression).argumentExpression) ? ((n as ts.ElementAccessExpression).argumentExpression as ts.StringLiteral).text : null;
    if (name === null) return;
    const owner = chainText(n.expression);
    if (owner === null) return;
    // `req.body.emails === undefined`: whether the client sent it, not what it says (read elsewhere, if at all).
    const presence = isPresenceTest(n, parent);
    // req.ip, req.socket.remoteAddress
    if (rules.requestMembers.size) {
      const dot = owner.indexOf(".");
      const root = dot < 0 ? owner : owner.slice(0, dot);
      if (rules.requestObjects.has(root) || rules.requestObjects.has(owner)) {
        const rest = dot < 0 ? name : `${owner.slice(dot + 1)}.${name}`;
        for (const rule of rules.requestMembers.get(rest) ?? []) if (rule.request!.objects.some((o) => o === root || o === owner)) emit(rule, rule.category, n, n, presence ? "low" : rule.confidence);
      }
    }
    // req.body.email
    const lastDot = owner.lastIndexOf(".");
    if (lastDot > 0) {
      const obj = owner.slice(0, lastDot);
      const prop = owner.slice(lastDot + 1);
      const before = out.hits.length;
      for (const rule of rules.requestProperties.get(prop) ?? []) {
        if (rule.request!.objects.includes(obj)) emitNames(rule, presence ? namesOf(name, n).map(onlyNamed) : namesOf(name, n), n);
      }
      // `typeof req.body.email === "string" ? req.body.email.toLowerCase() : ""`: one handler reading the
      // same field twice takes one input, shown where it is read most surely.
      const fn = collector.scope.fn;
      if (fn && fn.node !== (sf as unknown as ts.SignatureDeclaration) && out.hits.length > before) {
        let reads = fieldReads.get(fn.node);
        if (!reads) fieldReads.set(fn.node, (reads = new Map()));
        const first = reads.get(`${owner}.${name}`) ?? (reads.set(detach(`${owner}.${name}`), n), n);
        for (let i = before; i < out.hits.length; i++) out.hits[i].place ??= first;
      }
    }
  };
  const namesOf = (name: string, node: ts.Node, owner?: string): readonly NameHit[] => {
    const m = rules.names.classify(name, owner);
    return m ? [{ ...m, node, name }] : NO_NAMES;
  };

  // const { email, password } = req.body;   const { ip } = req;
  const visitDestructure = (decl: ts.VariableDeclaration) => {
    if (!decl.initializer || !isObjectBindingPattern(decl.name)) return;
    const from = chainText(decl.initializer);
    if (from === null) return;
    const keys = decl.name.elements.map((el) => (el.propertyName ? propertyKey(el.propertyName) : isIdentifier(el.name) ? el.name.text : null));
    const lastDot = from.lastIndexOf(".");
    if (lastDot > 0) {
      for (const rule of rules.requestProperties.get(from.slice(lastDot + 1)) ?? []) {
        if (!rule.request!.objects.includes(from.slice(0, lastDot))) continue;
        const els = (decl.name as ts.ObjectBindingPattern).elements;
        // { linkType, password } = req.body: a sibling key says whose the field is, as in a shape.
        const siblings = keys.filter((k): k is string => k !== null);
        const hits = keys.flatMap((k, i) => (k ? namesOf(k, els[i]) : [])).filter((h) => !rules.names.vetoedBeside(h, siblings));
        emitNames(rule, hits, decl);
      }
    }
    if (rules.requestObjects.has(from)) {
      for (const k of keys) for (const rule of (k && rules.requestMembers.get(k)) || []) emit(rule, rule.category, decl, decl);
    }
  };

  // textContentType='password' in PdfPassword: the secret that opens a file, no account's credential.
  const inSettingsScope = () => {
    const subject = subjectOf(symbol());
    return !!subject && rules.names.isSettingsSubject(subject);
  };
  const unlocksDocument = (subject: string | undefined) => !!subject && rules.names.isDocumentSubject(subject);
  const asDocumentSecret = (h: NameHit): NameHit => (h.category === "password" ? { ...h, confidence: "low" } : h);
  // The names of a component's fields (name="host", name="database"): a field is judged beside the
  // form's other fields as an object's key is beside its siblings (a password beside a database is a
  // data source's login). The outermost function around the element is the component.
  const formFieldNames = new Map<ts.Node, string[]>();
  const fieldsOfForm = (): string[] => {
    let outer: ts.Node | null = null;
    for (let s: typeof collector.scope | null = collector.scope; s; s = s.parent) if (s.fn && s.fn.node !== (sf as unknown as ts.Node)) outer = s.fn.node;
    if (!outer) return [];
    let names = formFieldNames.get(outer);
    if (!names) {
      const found: string[] = [];
      const scan = (n: ts.Node): void => {
        if (isJsxAttribute(n) && isIdentifier(n.name) && n.name.text === "name") {
          const v = jsxStringValue(n);
          if (v !== null) found.push(v);
        }
        tsApi.forEachChild(n, scan);
      };
      scan(outer);
      formFieldNames.set(outer, (names = found));
    }
    return names;
  };
  const besideOtherFields = (h: { rule: string; category: string; confidence: Confidence }) =>
    rules.names.vetoableBeside(h) && rules.names.vetoedBeside(h, fieldsOfForm());
  const visitJsxAttribute = (attr: ts.JsxAttribute, tag: string, el: ts.JsxOpeningLikeElement) => {
    const name = isIdentifier(attr.name) ? attr.name.text : attr.name.name.text;
    const list = rules.jsx.get(name);
    if (!list) return;
    const value = jsxStringValue(attr);
    // value={email} / value={form.phone}: the bound variable names what is typed.
    const bound = value === null ? jsxBoundExpression(attr) : undefined;
    if (value === null && !bound) return;
    // <Input type="email" /> in EmailTransportForm: the sender's SMTP settings, nobody's own address.
    const subject = subjectOf(symbol());
    if (subject && rules.names.isSettingsSubject(subject)) return;
    let compared: boolean | undefined;
    // Typed only to confirm an action (`disabled={email !== user.email}`): kept, at low.
    const confirming = () => (compared ??= typedOnlyToCompare(el, sf));
    for (const rule of list) {
      const spec = rule.jsx!;
      if (spec.elements && !rules.regex(spec.elements).test(tag)) continue;
      if (spec.values && value !== null) {
        const cat = spec.values[value] ?? spec.values[value.toLowerCase()];
        // <FormField name="emailReplyTo"><Input type="email" /></FormField>, <Input id="client-secret" type="password" />:
        // the field's own name says the address or the secret is the app's setting.
        if (cat && spec.unlessNamed && namedAsSetting(spec.unlessNamed, el)) continue;
        // <input type="email" autoComplete="username">: the hint tells a password manager the address is the login.
        if (cat && spec.unlessAttributes && hasAttributeValue(el, spec.unlessAttributes[value] ?? spec.unlessAttributes[value.toLowerCase()])) continue;
        // <input type="password" name="credential" /> in a form with host, port and database: the data source's login.
        const asName = cat ? rules.names.classify(cat, undefined) : null;
        if (cat && asName?.category === cat && besideOtherFields(asName)) continue;
        if (cat) emit(rule, cat, attr, attr, (cat === "password" && unlocksDocument(subject)) || confirming() ? "low" : rule.confidence);
      } else if (spec.names && !(spec.boundOnly && value !== null)) {
        // A bare value={name} in DeviceSettingsScreen is the device's name; in ProfileScreen the person's;
        // name="avatarUrl" in an OAuth Application's form is the app's logo.
        const named = value !== null ? namesOf(value, attr, subject) : isIdentifier(bound!) ? namesOf(bound.text, attr, subject) : collectNames([bound!], rules);
        const hits = named.filter((h) => !besideOtherFields(h));
        emitNames(rule, unlocksDocument(subject) ? hits.map(asDocumentSecret) : hits.length && confirming() ? hits.map(onlyNamed) : hits, attr);
      }
    }
  };

  const hasAttributeValue = (el: ts.JsxOpeningLikeElement, pairs: readonly string[] | undefined) =>
    !!pairs &&
    el.attributes.properties.some((a) => {
      if (!isJsxAttribute(a)) return false;
      const v = jsxStringValue(a);
      const n = isIdentifier(a.name) ? a.name.text : a.name.name.text;
      return v !== null && pairs.includes(`${n}=${v}`);
    });

  const namedAsSetting = (words: readonly string[], el: ts.JsxOpeningLikeElement) => {
    const wrapper = formField !== null && formField !== el && isJsxOpeningLikeElement(formField) ? formField : null;
    return fieldNames(el, wrapper).some((n) => rules.names.words(n).some((w) => words.includes(w)));
  };

  const visitField = (kind: "type-field" | "class-field", member: ts.PropertySignature | ts.PropertyDeclaration, owner: string | null, siblings: readonly string[], statistic = false): string | null => {
    const key = propertyKey(member.name);
    if (key === null) return null;
    if (owner) {
      const fields = out.types.get(owner) ?? [];
      const type = typeName(member.type);
      const shape = fieldShape(member, rules.names);
      fields.push({ name: detach(key), type: type === undefined ? undefined : detach(type), ...(shape ? { shape } : {}) });
      out.types.set(detach(owner), fields);
    }
    const list = rules.syntax.get(kind);
    if (!list || !holdsData(member, flagParams)) return key;
    // A report's row is a bucket (a country, a plan) with its tally; an address in one still names its person.
    const named = namesOf(key, member, rules.names.ownerOf(owners));
    const names = statistic ? named.filter((h) => rules.names.rowIdentities.has(h.category)) : named;
    if (names.length && rules.names.vetoedBeside(names[0], siblings)) return key;
    for (const rule of list) emitNames(rule, names, member);
    return key;
  };
  const bindThis = (name: ts.PropertyName | ts.MemberName, init: ts.Expression) => {
    const key = propertyKey(name as ts.PropertyName);
    const path = key === null ? null : apiPath(init, collector.scope, rules.globals);
    if (path !== null) collector.scope.set(`this.${key}`, path);
  };
  const thisBound = () => (collector.scope.cls?.bindings.size ?? 0) > 0;
  const enterFunction = (fn: ts.SignatureDeclaration, name: string | null) => {
    const saved = collector.enterFunction(fn, name);
    for (const p of fn.parameters) {
      if (!isIdentifier(p.name)) continue;
      // `next: HttpHandler`: a parameter typed by an API's imported type is a handle of it.
      const handle = p.type && rules.apiTypes.size ? typedHandle(p.type, collector.scope, rules.apiTypes) : null;
      if (handle !== null) collector.scope.set(p.name.text, handle);
      else hideName(p.name.text, collector.scope, rules.globals);
    }
    return saved;
  };

  // The callback handed to forEachChild for the whole walk (no closure per node); the parent is
  // in `current`. Identifiers are a third of all nodes and no rule looks at one alone, and type
  // annotations other than object types name no data: both are counted and left at once.
  const visit = (n: ts.Node): void => {
    const action = ACTION[n.kind];
    if (++out.nodes > NODE_BUDGET) {
      out.truncated = true;
      return;
    }
    if (action === SKIP) return;
    const parent = current;
    let pushed = false;
    let owned = false;
    let guarded = false;
    let declared = false;
    let savedScope: Parameters<typeof collector.leave>[0] | null = null;
    let enteredField = false;
    let chose = false;
    let builtHere = false;
    let savedFlags: ReadonlySet<string> | null = null;
    let savedHeaders: ts.ObjectLiteralExpression | null = null;
    // <FormField name="password"><PasswordField autoComplete="new-password" /></FormField>: a form
    // library's field wrapper and the input it wraps are one field.
    if (n.kind === K.JsxElement && formField === null && isFieldWrapper((n as ts.JsxElement).openingElement)) {
      formField = (n as ts.JsxElement).openingElement;
      enteredField = true;
    }
    switch (action) {
      case 1: // ImportDeclaration
        bindImport(n as ts.ImportDeclaration, collector.scope);
        collector.importDeclaration(n as ts.ImportDeclaration);
        return;
      case 2: { // VariableDeclaration
        const d = n as ts.VariableDeclaration;
        nameShapes(d.name, d.type);
        if (!loopDecls.has(d)) collector.variable(d, parent);
        bindVariable(d, collector.scope, rules.globals, thisBound());
        visitDestructure(d);
        if (isIdentifier(d.name) && d.initializer && (isArrowFunction(d.initializer) || isFunctionExpression(d.initializer) || wrapsComponent(d.initializer))) {
          symbols.push(d.name.text);
          pushed = true;
        }
        if (isIdentifier(d.name) && d.initializer && isCallExpression(d.initializer)) {
          declaredBy.push(d.name.text);
          declared = true;
        }
        break;
      }
      case 3: { // InterfaceDeclaration, TypeAliasDeclaration
        const decl = n as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
        owners.push(decl.name.text);
        owned = true;
        const flags = flagParameters(decl.typeParameters);
        if (flags.length) {
          savedFlags = flagParams;
          flagParams = new Set([...flagParams, ...flags]);
        }
        break;
      }
      case 4: { // BinaryExpression
        // this.transporter = nodemailer.createTransport(…) in a constructor
        const b = n as ts.BinaryExpression;
        if (b.operatorToken.kind === K.EqualsToken && isPropertyAccessExpression(b.left) && b.left.expression.kind === K.ThisKeyword) bindThis(b.left.name, b.right);
        collector.assignment(b);
        break;
      }
      case 5: { // FunctionDeclaration, MethodDeclaration, ClassDeclaration
        const named = n as ts.FunctionDeclaration | ts.MethodDeclaration | ts.ClassDeclaration;
        const nm = named.name && (isIdentifier(named.name) || isStringLiteral(named.name)) ? named.name.text : null;
        if (nm && n.kind === K.ClassDeclaration) {
          owners.push(nm);
          owned = true;
        }
        const cls = n.kind === K.MethodDeclaration && isClassLike(parent) && parent.name ? `${parent.name.text}.` : "";
        if (nm) {
          symbols.push(cls + nm);
          pushed = true;
        }
        if (n.kind === K.ClassDeclaration) savedScope = collector.enterClass(n as ts.ClassDeclaration);
        else {
          if (n.kind === K.FunctionDeclaration && nm) hideName(nm, collector.scope, rules.globals);
          savedScope = enterFunction(n as ts.SignatureDeclaration, nm ? cls + nm : null);
        }
        break;
      }
      case 6: { // Decorator
        const deco = n as ts.Decorator;
        decorated.set(deco, parent);
        // `@Column email: string` (sequelize-typescript): a decorator used bare, without a call.
        if (isIdentifier(deco.expression) || isPropertyAccessExpression(deco.expression)) visitBareDecorator(deco);
        break;
      }
      case 7: // CallExpression, NewExpression
        sinkRules = [];
        visitCall(n as ts.CallExpression, parent);
        collector.call(n as ts.CallExpression, symbol(), sinkRules);
        sinkRules = null;
        break;
      case 8: // PropertyAccessExpression, ElementAccessExpression
        // The callee of a call is judged as a call; an assignment target is not collection.
        if (!((isCallExpression(parent) || isNewExpression(parent)) && parent.expression === n) && !isAssignmentTarget(n, parent)) {
          visitAccess(n as ts.PropertyAccessExpression, parent);
        }
        break;
      case 9: { // JsxSelfClosingElement, JsxOpeningElement
        const el = n as ts.JsxOpeningLikeElement;
        const tag = el.tagName.getText(sf);
        // A disabled or read-only field shows data; nobody types into it.
        // <FormField name="email" render={() => <Input type="email" />} />: the wrapper and the
        // element in its props are one field, so the attributes of both are read as one place.
        if (formField === null) {
          formField = el;
          enteredField = true;
        }
        if (!isReadOnlyElement(el)) for (const a of el.attributes.properties) if (isJsxAttribute(a)) visitJsxAttribute(a, tag, el);
        break;
      }
      case 10: // PropertySignature
        if (isInterfaceDeclaration(parent) || isTypeLiteralNode(parent)) {
          const typeOwner = isInterfaceDeclaration(parent) ? parent.name.text : null;
          const statistic = isStatisticMembers(parent.members, rules.names.measureFields) || typedAsStatisticRows((n as ts.PropertySignature).type, rules.names.measureFields);
          // this._request<{ username; password }>() in fetchMqttConfig: a shape no type names, in a function
          // about one of the app's own settings (its last word in ownerExclude), holds that setting.
          const setting = isTypeLiteralNode(parent) && inSettingsScope();
          // constructor(private config: { username; password }), const config: { host; password } = …: an inline
          // shape belongs to the parameter or variable it types, as a property's belongs to the property.
          const declared = isTypeLiteralNode(parent) ? (shapeOwners.get(parent) ?? null) : null;
          if (declared !== null) owners.push(declared);
          const key = visitField("type-field", n as ts.PropertySignature, typeOwner, memberNames(parent.members), statistic || setting);
          if (declared !== null) owners.pop();
          if (key !== null) {
            owners.push(key);
            owned = true;
          }
        }
        break;
      case 11: { // PropertyDeclaration
        const p = n as ts.PropertyDeclaration;
        if (isClassDeclaration(parent)) {
          const statistic = isStatisticMembers(parent.members, rules.names.measureFields);
          if (statistic && p.modifiers?.some(isDecorator)) statisticFields.add(p);
          const key = visitField("class-field", p, parent.name?.text ?? null, memberNames(parent.members), statistic);
          // availableTeams?: { avatarUrl: string }[]: an inline type's fields belong to the property.
          if (key !== null && p.type) {
            owners.push(key);
            owned = true;
          }
        }
        // private readonly stripe = new Stripe(key) → this.stripe is a Stripe client
        if (p.initializer) {
          bindThis(p.name, p.initializer);
          const key = propertyKey(p.name);
          if (key !== null && collector.scope.cls) collector.fieldWrite(collector.scope.cls, key, p.initializer);
        }
        break;
      }
      case 12: { // StringLiteral, NoSubstitutionTemplateLiteral
        // Lower-casing never shortens a string, so a literal longer than every key is none of them.
        const text = (n as ts.StringLiteral).text;
        const list = text.length <= longestString ? rules.strings.get(text.toLowerCase()) : undefined;
        if (list && !isImportDeclaration(parent) && !isLiteralTypeNode(parent) && !stringParents.has(parent) && !(builtHeaders && setsFixedHeader(n, parent, builtHeaders))) {
          // A list of proxy headers is one collection point, not one per header.
          if (isArrayLiteralExpression(parent)) stringParents.add(parent);
          const read = isReadKey(n, parent);
          for (const rule of list) {
            if (read) {
              const before = out.hits.length;
              emit(rule, rule.category, n, n);
              if (choice && out.hits.length > before) out.hits[before].place = choice;
            }
            // A table of header names says the file may read them: one low finding for it, not one per entry.
            else if (!referencedStrings.has(rule.id)) {
              referencedStrings.add(rule.id);
              emit(rule, rule.category, n, n, "low");
            }
          }
        }
        return;
      }
      case 13: { // ArrowFunction, FunctionExpression, Constructor, accessors
        const f = n as ts.FunctionExpression;
        const own = f.name && isIdentifier(f.name) ? f.name.text : isVariableDeclaration(parent) && isIdentifier(parent.name) ? parent.name.text : n.kind === K.Constructor ? "constructor" : null;
        const cls = n.kind !== K.ArrowFunction && n.kind !== K.FunctionExpression && isClassLike(parent) && parent.name ? `${parent.name.text}.` : "";
        savedScope = enterFunction(f, own ? cls + own : symbol());
        break;
      }
      case 14: // Block, for statements, catch
        savedScope = collector.enterBlock();
        if (n.kind === K.ForOfStatement || n.kind === K.ForInStatement) {
          const loop = n as ts.ForOfStatement;
          if (isVariableDeclarationList(loop.initializer)) {
            for (const d of loop.initializer.declarations) {
              loopDecls.add(d);
              collector.loopVariable(d, loop.expression, n.kind === K.ForOfStatement);
            }
          }
        } else if (n.kind === K.CatchClause && (n as ts.CatchClause).variableDeclaration) {
          loopDecls.add((n as ts.CatchClause).variableDeclaration!);
          collector.catchVariable((n as ts.CatchClause).variableDeclaration!);
        }
        break;
      case 15: // ReturnStatement
        collector.returnStatement((n as ts.ReturnStatement).expression);
        break;
      case 16: // ClassExpression
        savedScope = collector.enterClass(n as ts.ClassExpression);
        break;
      case 17: // ExportAssignment
        collector.exportAssignment(n as ts.ExportAssignment);
        break;
      case 18: // VariableStatement
        collector.exportedStatement(n as ts.VariableStatement);
        break;
      case 19: // ExportDeclaration
        collector.exportDeclaration(n as ts.ExportDeclaration);
        return;
      case 20: // IfStatement: writes inside it happen only when its condition holds
        collector.ifs.push(n as ts.IfStatement);
        guarded = true;
        break;
      case 21: // ConditionalExpression
        if (choice === null) {
          choice = n;
          chose = true;
        }
        break;
      case 23: // Parameter
        nameShapes((n as ts.ParameterDeclaration).name, (n as ts.ParameterDeclaration).type);
        break;
      case 22: // ObjectLiteralExpression
        if (isRequestHeaders(n as ts.ObjectLiteralExpression, parent)) {
          savedHeaders = builtHeaders;
          builtHeaders = n as ts.ObjectLiteralExpression;
          builtHere = true;
        }
        break;
    }
    const outer = current;
    current = n;
    forEachChild(n, visit);
    current = outer;
    if (pushed) symbols.pop();
    if (owned) owners.pop();
    if (guarded) collector.ifs.pop();
    if (declared) declaredBy.pop();
    if (savedScope) collector.leave(savedScope);
    if (enteredField) formField = null;
    if (chose) choice = null;
    if (builtHere) builtHeaders = savedHeaders;
    if (savedFlags) flagParams = savedFlags;
  };
  let current: ts.Node = sf;
  forEachChild(sf, visit);
  collector.finish();
  return out;
}
