import type { ts } from "ts-morph";
import { tsApi } from "../../parse/typescript.js";
import type { RuleDef } from "../../config/rules-loader.js";
import { NAMES, SINK_KINDS } from "../../config/rules-loader.js";
import { lookupApi, type CompiledRules } from "../compiled-rules.js";
import { apiPath, chainText, member, normaliseModule, requiredModule, unwrap } from "../api-paths.js";
import { argsHave } from "../syntax-facts.js";
import { isRowReference, ownerVetoes, propertyKey, readsSetting, recordOf } from "../collect-names.js";
import { IP_ADDRESS, type NameMatch } from "../name-classifier.js";
import { evidenceOf } from "../to-findings.js";
import { declaredShape } from "../field-values.js";
import { detach } from "../tokens.js";
import type { CallSite, ClassInfo, Decl, FnInfo, Scope } from "../extract/scope.js";
import type { FileFacts } from "../extract/file-facts.js";
import { CONSTANT, EMPTY, carries, memoised, field, join, joinAll, taint, taintsOf, through, withoutTaints, type Callee, type ParamRef, type Step, type Value } from "./value.js";
import { callbackInput, propagatedCall } from "./builtins.js";
import { hostOf } from "./recipient.js";
import { promptCategory } from "../prompt-text.js";
import type { ClassFlow, FileFlow, FlowCall, FlowSink, FnFlow, Site } from "./file-flow.js";

// The file phase of the flow engine: values are worked out on demand, starting from each
// call (a sink or a function of the app) and following declarations, writes, fields and
// callbacks backwards through the scope tree. Each declaration is evaluated once.

const { isArrowFunction, isBinaryExpression, isCallExpression, isFunctionExpression, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteral, isMethodDeclaration, isMetaProperty, isVariableDeclaration } = tsApi;
const K = { ThisKeyword: tsApi.SyntaxKind.ThisKeyword, TrueKeyword: tsApi.SyntaxKind.TrueKeyword, FalseKeyword: tsApi.SyntaxKind.FalseKeyword, NullKeyword: tsApi.SyntaxKind.NullKeyword, RegularExpressionLiteral: tsApi.SyntaxKind.RegularExpressionLiteral, BigIntLiteral: tsApi.SyntaxKind.BigIntLiteral, PlusToken: tsApi.SyntaxKind.PlusToken, QuestionQuestionToken: tsApi.SyntaxKind.QuestionQuestionToken, BarBarToken: tsApi.SyntaxKind.BarBarToken, AmpersandAmpersandToken: tsApi.SyntaxKind.AmpersandAmpersandToken, CommaToken: tsApi.SyntaxKind.CommaToken, EqualsToken: tsApi.SyntaxKind.EqualsToken, ExclamationToken: tsApi.SyntaxKind.ExclamationToken, MinusToken: tsApi.SyntaxKind.MinusToken, AsteriskToken: tsApi.SyntaxKind.AsteriskToken, SlashToken: tsApi.SyntaxKind.SlashToken };
/** What evalInner does per node kind, as a byte table (a chain of `isX` tests ran per evaluation step). */
const enum Form { None, Text, Constant, Identifier, This, Member, Element, Call, Template, Object, Array, Conditional, Binary, Prefix, Function, Class }
const EVAL_FORM = new Uint8Array(1024);
const form = (f: Form, ...kinds: ts.SyntaxKind[]) => kinds.forEach((k) => (EVAL_FORM[k] = f));
form(Form.Text, tsApi.SyntaxKind.StringLiteral, tsApi.SyntaxKind.NoSubstitutionTemplateLiteral);
form(Form.Constant, tsApi.SyntaxKind.NumericLiteral, K.TrueKeyword, K.FalseKeyword, K.NullKeyword, K.RegularExpressionLiteral, K.BigIntLiteral, tsApi.SyntaxKind.TypeOfExpression, tsApi.SyntaxKind.VoidExpression);
form(Form.Identifier, tsApi.SyntaxKind.Identifier);
form(Form.This, K.ThisKeyword);
form(Form.Member, tsApi.SyntaxKind.PropertyAccessExpression);
form(Form.Element, tsApi.SyntaxKind.ElementAccessExpression);
form(Form.Call, tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression);
form(Form.Template, tsApi.SyntaxKind.TemplateExpression);
form(Form.Object, tsApi.SyntaxKind.ObjectLiteralExpression);
form(Form.Array, tsApi.SyntaxKind.ArrayLiteralExpression);
form(Form.Conditional, tsApi.SyntaxKind.ConditionalExpression);
form(Form.Binary, tsApi.SyntaxKind.BinaryExpression);
form(Form.Prefix, tsApi.SyntaxKind.PrefixUnaryExpression);
form(Form.Function, tsApi.SyntaxKind.ArrowFunction, tsApi.SyntaxKind.FunctionExpression);
form(Form.Class, tsApi.SyntaxKind.ClassExpression);
const JOINING_OPERATORS = new Set([K.PlusToken, K.QuestionQuestionToken, K.BarBarToken, K.MinusToken, K.AsteriskToken, K.SlashToken]);
const BASE_URL_KEYS = new Set(["baseURL", "baseUrl", "prefixUrl", "prefixURL", "baseURI", "endpoint", "url", "host"]);
/**
 * `collection.archivedBy && presentUser(collection.archivedBy)`, `webhook.createdBy ? presentUser(webhook.createdBy) : undefined`:
 * a presenter that shows a record's relation only when a query loaded it. Which queries do is the ORM's
 * (an include, a default scope), not this code's: what the relation holds is not known to be there, so the
 * presented value carries nothing. A guard on the record itself (`model && presentUser(model)`) is a null check.
 * An include flag (`options?.includeUser ? presentUser(membership.user) : undefined`) says the same: the
 * relation is there when a caller that loaded it asks for it.
 */
function presentsGuardedRelation(guard: ts.Expression, presented: ts.Expression): boolean {
  const g = unwrap(guard);
  const call = unwrap(presented);
  if (!isPropertyAccessExpression(g) || !isCallExpression(call) || call.arguments.length === 0) return false;
  if (INCLUDE_FLAG.test(g.name.text)) return call.arguments.some((a) => isPropertyAccessExpression(unwrap(a)));
  const text = chainText(g);
  return text !== null && call.arguments.some((a) => chainText(a) === text);
}

const INCLUDE_FLAG = /^include[A-Z_]/;
const SCREAMING = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;
const ENUM_OWNER = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/;

/** Work per file: a file whose flows take more than this many evaluation steps stops with a note. */
export const FILE_EVAL_BUDGET = 400_000;
const MAX_DEPTH = 60;

/** Which import specifiers may name the project's own files (the rest are packages: opaque). */
export type LocalModules = (file: string, spec: string) => boolean;
const RELATIVE_ONLY: LocalModules = (_file, spec) => spec.startsWith(".");

export function evaluateFile(facts: FileFacts, rules: CompiledRules, local: LocalModules = RELATIVE_ONLY): FileFlow {
  return new FileEvaluator(facts, rules, local).run();
}

class FileEvaluator {
  private readonly sf: ts.SourceFile;
  private readonly file: string;
  private readonly declMemo = new Map<Decl, Value>();
  private readonly fieldMemo = new Map<string, Value>();
  private readonly returnMemo = new Map<FnInfo, Value>();
  private readonly inProgress = new Set<unknown>();
  /** A call's callee and arguments, by node: the call as a site and the call as a value (its return) ask for the same. */
  private readonly nodeMemo = new Map<ts.Node, Value>();
  private readonly classById = new Map<string, ClassInfo>();
  private readonly fnById = new Map<string, FnInfo>();
  private budget = FILE_EVAL_BUDGET;
  /** Name matches of this file: owner ("" for none) → name → match. Two levels, so no key string is built per read. */
  private readonly classified = new Map<string, Map<string, NameMatch | null>>();
  /** `local(file, spec)` per specifier: one file asks about the same imports at every call. */
  private readonly localSpecs = new Map<string, boolean>();
  private readonly calledHere = new Set<string>();
  private readonly exportedFns = new Set<string>();
  private depth = 0;
  private truncated?: string;

  constructor(
    private readonly facts: FileFacts,
    private readonly rules: CompiledRules,
    private readonly local: LocalModules,
  ) {
    this.sf = facts.sf;
    this.file = facts.file;
    for (const c of facts.classes) this.classById.set(c.id, c);
    for (const f of facts.fns) this.fnById.set(f.id, f);
  }

  run(): FileFlow {
    const sinks: FlowSink[] = [];
    const calls: FlowCall[] = [];
    for (const fn of this.facts.fns) {
      for (const site of fn.calls) {
        if (this.budget <= 0) break;
        this.visitCall(fn, site, sinks, calls);
      }
    }
    const fns = new Map<string, FnFlow>();
    // Returns are worked out only where they can be read: functions called in this file (their
    // call values are deferred), exported ones, and methods (reachable through instances).
    const wanted = (fn: FnInfo) => this.calledHere.has(fn.id) || fn.cls !== null || this.exportedFns.has(fn.id);
    const exports = this.exportValues();
    for (const fn of this.facts.fns) {
      fns.set(fn.id, { id: fn.id, name: fn.name, returns: fn.returns.length && this.budget > 0 && wanted(fn) ? this.returnsOf(fn) : EMPTY });
    }
    const classes = new Map<string, ClassFlow>();
    for (const c of this.facts.classes) {
      const methods = new Map([...c.methods].map(([k, f]) => [k, f.id]));
      const fields = new Map<string, Value>();
      if (this.budget > 0) for (const name of c.fieldWrites.keys()) fields.set(name, this.fieldValue(c, name));
      classes.set(c.id, { methods, fields });
    }
    return { file: this.file, sinks, calls, fns, classes, exports, reexports: this.facts.reexports, ...(this.truncated ? { truncated: this.truncated } : {}) };
  }

  private exportValues(): Map<string, Value> {
    const exports = new Map<string, Value>();
    for (const [name, e] of this.facts.exports) {
      let v: Value = EMPTY;
      if (e.local !== undefined) {
        const d = this.facts.module.lookup(e.local);
        v = d ? this.declValue(d) : EMPTY;
      } else if (e.expr) v = this.eval(e.expr, e.scope ?? this.facts.module);
      if (v.fn) this.exportedFns.add(v.fn);
      for (const x of v.f?.values() ?? []) if (x.fn) this.exportedFns.add(x.fn);
      exports.set(name, v);
    }
    return exports;
  }

  // --- calls: sinks and functions of the app -------------------------------------------------

  private visitCall(fn: FnInfo, site: CallSite, sinks: FlowSink[], calls: FlowCall[]): void {
    const node = site.node;
    const callee = this.calleeOf(node, site.scope);
    // A call that is neither a sink nor the app's own function moves nothing the engine reports.
    if (!callee && !site.sinks) return;
    const args = (node.arguments ?? []).map((a) => (isArrowFunction(a) || isFunctionExpression(a) ? EMPTY : this.evalOnce(a, site.scope)));
    let where: Site | undefined;
    const at = () => (where ??= this.site(node, site.symbol));
    if (callee) {
      // getSupportedVersionsCloud(uniqueId, domain): the app's own function that leads to a sink is judged like the sink.
      calls.push({ site: at(), callee, args: args.map((a) => this.withoutVetoedBeside(a, node)), fn: fn.id, name: calleeName(node) });
    }
    if (!site.sinks) return;
    const data = this.withoutOwnPeers(this.withoutVetoedBeside(joinAll(args), node), site.symbol);
    if (!carries(data) && !data.s) return;
    let written: Value | undefined;
    for (const rule of site.sinks) {
      // saveUser(…) named like a store: when the app's own function is called, its body decides.
      if (callee && rule.calls) continue;
      if (!SINK_KINDS.has(rule.kind)) continue;
      // update({ where: { email }, data }): the lookup finds the row, only the rest is written.
      const moved = rule.kind === "store" ? (written ??= this.withoutOthersRecord(this.withoutOwnPeers(this.withoutVetoedBeside(joinAll(args.map((a) => this.withoutLookups(a))), node), site.symbol), node)) : data;
      if (!carries(moved) && !moved.s) continue;
      const recipient = rule.recipient ?? this.hostOfCall(node, site.scope, args);
      const urlParam = recipient === null && rule.kind === "transmit" ? args[0]?.p?.find((p) => p.fn === fn.id && p.path.length === 0)?.index : undefined;
      sinks.push({ site: at(), rule, args: moved, fn: fn.id, recipient, ...(urlParam !== undefined ? { urlParam } : {}) });
    }
  }

  /**
   * `log(\`target ${ip}:${port}\`)`, `socket.send(buf, target.port, target.ip)`: a value seeded by a name
   * whose rule a sibling vetoes is dropped when the sink call also reads that sibling beside it, as
   * the walker drops the name itself there. A source's value (`req.socket.remoteAddress`) is never dropped.
   */
  private withoutVetoedBeside(data: Value, node: ts.CallExpression | ts.NewExpression): Value {
    return this.withoutVetoedAmong(data, node.arguments ?? []);
  }

  /** The same where a string is built: `${ip}:${port}`, `'<proxy>' + ip + '</proxy><proxyPort>' + port` is an endpoint wherever it goes. */
  private withoutVetoedAmong(data: Value, nodes: readonly ts.Node[]): Value {
    if (!taintsOf(data).some((t) => t.rule)) return data;
    const read = namesRead(nodes);
    return withoutTaints(data, (t) => t.rule !== undefined && this.rules.names.vetoedBeside({ rule: t.rule, category: t.category, confidence: t.confidence }, read));
  }

  /** An argument object without the keys that only find the rows a store call writes (vocabulary lookupKeys). */
  private withoutLookups(v: Value): Value {
    if (!v.f || ![...v.f.keys()].some((k) => this.rules.lookupKeys.has(k))) return v;
    return { ...v, f: new Map([...v.f].filter(([k]) => !this.rules.lookupKeys.has(k))) };
  }

  /** In createClusterServer a peer's address, named so, is one of the app's own nodes (vocabulary peerScopes); an address a source yields is kept. */
  private withoutOwnPeers(data: Value, symbol: string | null): Value {
    if (symbol === null || !this.rules.names.isPeerScope(symbol)) return data;
    return withoutTaints(data, (t) => t.named === true && t.category === IP_ADDRESS);
  }

  /** `team.save({ avatarUrl })`: what a name said is dropped when the record written is an owner its rules rule out (the walker's recordOfOthers). */
  private withoutOthersRecord(data: Value, node: ts.CallExpression | ts.NewExpression): Value {
    const record = recordOf(node);
    if (record === undefined) return data;
    return withoutTaints(data, (t) => t.named === true && this.rules.names.recordOfOthers(t.category, record));
  }

  /** The app's own function a call reaches: local, a class method, or an import. */
  private calleeOf(node: ts.CallExpression | ts.NewExpression, scope: Scope): Callee | null {
    const e = unwrap(node.expression);
    if (!isIdentifier(e) && !isPropertyAccessExpression(e)) return null;
    const v = this.evalOnce(e, scope);
    if (v.fn) return { k: "fn", id: v.fn };
    if (isNewExpression(node) && v.cls) {
      const ctor = this.classById.get(v.cls)?.methods.get("constructor");
      return ctor ? { k: "fn", id: ctor.id } : null;
    }
    const ref = v.r?.find((r) => r.k === "import");
    if (ref && ref.k === "import" && this.isLocal(ref.spec)) return { k: "import", file: ref.file, spec: ref.spec, name: ref.name, path: ref.path };
    const field = v.r?.find((r) => r.k === "field");
    if (field && field.k === "field" && field.path.length === 0) return { k: "method", cls: field.cls, name: field.name };
    return null;
  }

  private hostOfCall(node: ts.CallExpression | ts.NewExpression, scope: Scope, args: Value[]): string | null {
    const fromArg = hostOf(args[0]?.s) ?? hostOf(args[0]?.f?.get("url")?.s);
    if (fromArg) return fromArg;
    const callee = unwrap(node.expression);
    if (isPropertyAccessExpression(callee)) return hostOf(this.eval(callee.expression, scope).s);
    return null;
  }

  // --- expressions ---------------------------------------------------------------------------

  /** eval, remembered for the node: for a call's callee and arguments, which a call site and the call's value both read. */
  private evalOnce(node: ts.Expression, scope: Scope): Value {
    let v = this.nodeMemo.get(node);
    if (v === undefined) {
      v = this.eval(node, scope);
      this.nodeMemo.set(node, v);
    }
    return v;
  }

  eval(node: ts.Expression, scope: Scope): Value {
    if (--this.budget <= 0) {
      this.truncated ??= `flow analysis stopped after ${FILE_EVAL_BUDGET.toLocaleString("en")} evaluation steps (per-file budget); flows through the rest of this file are missing`;
      return EMPTY;
    }
    if (this.depth > MAX_DEPTH) return EMPTY;
    this.depth++;
    try {
      return this.evalInner(unwrap(node), scope);
    } finally {
      this.depth--;
    }
  }

  private evalInner(e: ts.Expression, scope: Scope): Value {
    switch (EVAL_FORM[e.kind]) {
      case Form.Text:
        return { s: (e as ts.StringLiteral).text, c: true };
      case Form.Constant:
        return CONSTANT;
      case Form.Identifier:
        return this.identifier(e as ts.Identifier, scope);
      case Form.This:
        return scope.cls ? { cls: scope.cls.id } : EMPTY;
      case Form.Member: {
        const m = e as ts.PropertyAccessExpression;
        return this.member(m, m.expression, m.name.text, scope);
      }
      case Form.Element: {
        const x = e as ts.ElementAccessExpression;
        const arg = unwrap(x.argumentExpression);
        if (isStringLiteral(arg) || isNoSubstitutionTemplateLiteral(arg)) return this.member(x, x.expression, arg.text, scope);
        const base = this.eval(x.expression, scope);
        // list[0], map[key]: one of the same things.
        return this.lookedUp(element(base), x.argumentExpression, scope);
      }
      case Form.Call:
        return this.callValue(e as ts.CallExpression | ts.NewExpression, scope);
      case Form.Template:
        return this.template(e as ts.TemplateExpression, scope);
      case Form.Object:
        return this.object(e as ts.ObjectLiteralExpression, scope);
      case Form.Array:
        return this.array(e as ts.ArrayLiteralExpression, scope);
      case Form.Conditional: {
        const c = e as ts.ConditionalExpression;
        if (presentsGuardedRelation(c.condition, c.whenTrue)) return this.eval(c.whenFalse, scope);
        return join(this.eval(c.whenTrue, scope), this.eval(c.whenFalse, scope));
      }
      case Form.Binary:
        return this.binary(e as ts.BinaryExpression, scope);
      case Form.Prefix: {
        const u = e as ts.PrefixUnaryExpression;
        return u.operator === K.ExclamationToken ? CONSTANT : this.eval(u.operand, scope);
      }
      case Form.Function: {
        const fn = this.facts.fnByNode.get(e);
        return fn ? { fn: fn.id } : EMPTY;
      }
      case Form.Class: {
        const c = this.facts.classes.find((x) => x.id === `${this.file}#c${e.pos}`);
        return c ? { cls: c.id } : EMPTY;
      }
    }
    return EMPTY;
  }

  private identifier(e: ts.Identifier, scope: Scope): Value {
    if (e.text === "undefined") return CONSTANT;
    const d = scope.lookup(e.text);
    let v: Value;
    if (d) v = this.declValue(d);
    else v = this.globalValue(e, scope) ?? EMPTY;
    if (d && (d.kind === "function" || d.kind === "class" || d.kind === "import")) return v;
    return this.seeded(v, e.text, undefined, e, d);
  }

  /** Names as seeds: a variable or key whose name classifies it marks a value nothing else explains. */
  private seeded(v: Value, name: string, owner: string | undefined, node: ts.Node, decl?: Decl): Value {
    // A parameter or a deferred reference is not knowledge of what the value is: the name still says.
    if (v.t?.length || v.c || v.fn || v.cls || v.f?.size) return v;
    // The (cached) match first: most names match nothing, and then the tests below need not run.
    const m = this.nameMatch(name, owner);
    if (!m) return v;
    // recordingData: RecordingData, enabled: boolean: the declared type says what the name stands for, as a field's does.
    if (decl && this.rules.names.isSetting(m, declaredShape(decl.node, this.rules.names))) return v;
    // EVENTS.COPY_PASSWORD, DistributionMethod.EMAIL: a constant or an enum member names a label, not the datum.
    if (SCREAMING.test(name) || (owner !== undefined && ENUM_OWNER.test(owner))) return v;
    const rule = this.rules.names.vetoableBeside(m) ? m.rule : undefined;
    return join(v, taint(m.category, m.confidence, this.step(node, `${m.category}: name \`${detach(name)}\``), true, rule));
  }

  private nameMatch(name: string, owner: string | undefined): NameMatch | null {
    // An owner is never "" (it is an identifier), so "" can stand for none.
    const o = owner ?? "";
    let byName = this.classified.get(o);
    if (!byName) this.classified.set(o, (byName = new Map()));
    let m = byName.get(name);
    if (m === undefined) byName.set(name, (m = this.rules.names.classify(name, owner)));
    return m;
  }

  private isLocal(spec: string): boolean {
    let hit = this.localSpecs.get(spec);
    if (hit === undefined) this.localSpecs.set(spec, (hit = this.local(this.file, spec)));
    return hit;
  }

  private member(node: ts.Expression, object: ts.Expression, name: string, scope: Scope): Value {
    // process.env.SMTP_PASSWORD, import.meta.env.VITE_KEY: the app's configuration, not a person's data.
    if (isEnvObject(object)) return CONSTANT;
    const base = this.eval(object, scope);
    // this.storageSettings.values.password, config.smtp.user: a setting owner up the chain makes it the app's own
    // setting (the walker's readsSetting); what a source put there (Settings.customHeaders = { 'User-Agent': … }) stays.
    if (readsSetting(node, this.rules) && taintsOf(base).every((t) => t.named)) return CONSTANT;
    // A field of a constant (`auth.username` of a configuration read) is as constant as its owner.
    if (isConstant(base)) return CONSTANT;
    const v = this.readField(base, name, node);
    const owner = isIdentifier(object) ? object.text : isPropertyAccessExpression(object) ? object.name.text : undefined;
    return this.seeded(v, name, owner, node);
  }

  private readField(base: Value, name: string, node?: ts.Node): Value {
    if (base.api) {
      const api = member(base.api, name);
      const src = this.sourceAt(api, node ?? this.sf, undefined);
      const v = field(base, name);
      return src ? { ...join(v, src), api } : { ...v, api };
    }
    if (base.cls) {
      const cls = this.classById.get(base.cls);
      const method = cls?.methods.get(name);
      if (method) return { fn: method.id };
      const handle = cls?.bindings.get(name);
      if (handle) return { api: handle };
      if (cls && cls.fieldWrites.has(name)) return this.fieldValue(cls, name);
      if (cls) return { r: [{ k: "field", cls: cls.id, name, path: [] }] };
    }
    return field(base, name);
  }

  /** A global (`navigator`, `window`, `fetch`): a handle of its API, and a source when a rule says so. */
  private globalValue(node: ts.Identifier, scope: Scope): Value | undefined {
    const path = apiPath(node, scope, this.rules.globals);
    if (path === null) return undefined;
    const src = this.sourceAt(path, node, undefined);
    return src ? { ...src, api: path } : { api: path };
  }

  private sourceAt(path: string, node: ts.Node, call: ts.CallExpression | ts.NewExpression | undefined): Value | undefined {
    const list = lookupApi(this.rules, path);
    let v: Value | undefined;
    for (const rule of list ?? []) {
      // A prompt's answer is what its question asks for.
      const asked = rule.promptText && call ? promptCategory(call, rule, this.rules.names) : null;
      if (!isSource(rule) && !asked) continue;
      if (rule.argsHave && !(call && argsHave(call, rule.argsHave))) continue;
      const category = asked?.category ?? rule.category;
      let t = taint(category, rule.confidence, this.step(call ?? node, `${category}: ${rule.id}${asked ? " (the question asks for it)" : ""}`));
      if (rule.unlessLogged) t = { t: t.t!.map((x) => ({ ...x, unlogged: true as const })) };
      // NetInfo state: `details.ssid` is Wi-Fi data, `isConnected` is not.
      if (rule.yields) t = rule.yields.reduce((acc: Value, path) => writeAt(acc, path.split("."), t), {});
      v = v ? join(v, t) : t;
    }
    return v;
  }

  private callValue(e: ts.CallExpression | ts.NewExpression, scope: Scope): Value {
    const req = isCallExpression(e) ? requiredModule(e) : null;
    if (req !== null) return { r: [{ k: "import", file: this.file, spec: req, name: "*", path: [] }], api: `${req}:` };
    const args = e.arguments ?? [];
    const calleeNode = unwrap(e.expression);
    // DOCUMENT_CONVERSION_AUTH(), NEXT_PUBLIC_WEBAPP_URL(): a function named like a constant reads the
    // app's configuration; the username and password it returns are the deployment's, nobody's.
    // (A call, with words joined by `_`: `new URL(href)` and `BTOA(x)` are no configuration.)
    if (isCallExpression(e) && isIdentifier(calleeNode) && calleeNode.text.includes("_") && SCREAMING.test(calleeNode.text)) return CONSTANT;
    const callee = this.evalOnce(calleeNode, scope);
    if (callee.api) {
      const src = this.sourceAt(callee.api, e, e);
      if (src) return { ...src, api: `${callee.api}()` };
    }
    const builtin = propagatedCall(e, (x) => this.eval(x, scope), (fn) => this.returnsOfNode(fn), (name) => isUserCode(scope.lookup(name)));
    if (builtin) return builtin;
    const base = baseUrlOf(e, (x) => this.eval(x, scope));
    if (callee.fn) {
      const fn = this.fnById.get(callee.fn);
      if (!fn) return EMPTY;
      const argValues = args.map((a) => this.evalOnce(a, scope));
      this.calledHere.add(fn.id);
      return { r: [{ k: "call", callee: { k: "fn", id: fn.id }, args: argValues, step: this.step(e, `returned by ${calleeName(e)}()`), path: [] }], ...(base ? { s: base } : {}) };
    }
    if (isNewExpression(e) && callee.cls) return { cls: callee.cls, ...(base ? { s: base } : {}) };
    const api = callee.api ? `${callee.api}()` : undefined;
    const imp = callee.r?.find((r) => r.k === "import");
    if (imp && imp.k === "import" && this.isLocal(imp.spec)) {
      const argValues = args.map((a) => this.evalOnce(a, scope));
      // `new Stripe(key)` under a baseUrl may be the app's module or the package: the handle stays for the package's case.
      return { r: [{ k: "call", callee: { k: "import", file: imp.file, spec: imp.spec, name: imp.name, path: imp.path }, args: argValues, step: this.step(e, `returned by ${calleeName(e)}()`), path: [] }], ...(base ? { s: base } : {}), ...(api ? { api } : {}) };
    }
    return base || api ? { ...(base ? { s: base } : {}), ...(api ? { api } : {}) } : EMPTY;
  }

  /** `[uniqueId, mac]`: each position keeps its own value; the list as a whole carries all of them. */
  private array(e: ts.ArrayLiteralExpression, scope: Scope): Value {
    const items: Value[] = [];
    let spread = false;
    for (const x of e.elements) {
      if (isSpreadElement(x)) spread = true;
      items.push(this.eval(isSpreadElement(x) ? x.expression : x, scope));
    }
    const whole = joinAll(items);
    if (spread || items.length > 16) return whole;
    const f = new Map(whole.f ?? []);
    for (let i = 0; i < items.length; i++) f.set(String(i), items[i]);
    // The list's taints are its items' (joinAll kept them): nothing to add.
    return { ...whole, f };
  }

  /**
   * `idMaps.mac[mac]`: a table named for a category and indexed by a value of that category is keyed
   * by it; what it holds (a device's own id) is not the key. `macs[i]` is still a MAC.
   */
  private lookedUp(el: Value, index: ts.Expression, scope: Scope): Value {
    if (!el.t?.some((t) => t.named)) return el;
    const keys = new Set(taintsOf(this.eval(index, scope)).map((t) => t.category));
    return keys.size ? withoutTaints(el, (t) => t.named === true && keys.has(t.category)) : el;
  }

  private template(e: ts.TemplateExpression, scope: Scope): Value {
    let text: string | undefined = e.head.text;
    let v: Value = { c: true };
    let allConstant = true;
    let before = e.head.text;
    for (const span of e.templateSpans) {
      let x = this.eval(span.expression, scope);
      // `http://${this.ip}/cgi-bin/…`: the host of a URL is where the request goes, an endpoint, not data it carries.
      if (before.endsWith("://")) x = withoutTaints(x, (t) => t.named === true && t.category === IP_ADDRESS);
      before = span.literal.text;
      if (!x.c) allConstant = false;
      text = text !== undefined && x.s !== undefined ? text + x.s + span.literal.text : text !== undefined && x.s === undefined ? `${text}\${}` : text;
      v = join(v, { ...x, s: undefined });
    }
    return this.withoutVetoedAmong({ ...v, s: text, c: allConstant || undefined }, e.templateSpans.map((span) => span.expression));
  }

  private binary(e: ts.BinaryExpression, scope: Scope): Value {
    const op = e.operatorToken.kind;
    if (op === K.EqualsToken) return this.eval(e.right, scope);
    if (op === K.AmpersandAmpersandToken && presentsGuardedRelation(e.left, e.right)) return EMPTY;
    if (op === K.CommaToken || op === K.AmpersandAmpersandToken) return this.eval(e.right, scope);
    if (!JOINING_OPERATORS.has(op)) return CONSTANT; // comparisons, instanceof, in: a boolean
    const l = this.eval(e.left, scope);
    const r = this.eval(e.right, scope);
    const v = join(l, r);
    if (op === K.PlusToken) {
      // A chain a + b + c is read one operand at a time: the one appended here, and the first.
      const added = isBinaryExpression(e.left) && e.left.operatorToken.kind === K.PlusToken ? [e.right] : [e.left, e.right];
      return this.withoutVetoedAmong({ ...v, s: l.s !== undefined ? l.s + (r.s ?? "${}") : undefined }, added);
    }
    // process.env.API_URL ?? "https://api.example.com": the default is the URL we can know.
    return { ...v, s: l.s ?? r.s };
  }

  private object(e: ts.ObjectLiteralExpression, scope: Scope): Value {
    const f = new Map<string, Value>();
    let whole: Value = EMPTY;
    let allConstant = true;
    const pairWords = new Set<string>();
    for (const p of e.properties) {
      if (isSpreadAssignment(p)) {
        const x = this.eval(p.expression, scope);
        for (const [k, v] of x.f ?? []) f.set(k, v);
        whole = join(whole, { ...x, f: undefined, s: undefined });
        if (!x.c) allConstant = false;
        continue;
      }
      if (isMethodDeclaration(p) || !p.name) continue;
      const key = propertyKey(p.name) ?? "*";
      let v: Value;
      // { device_id: this.device.id }: a reference to a row, whatever the key says.
      // { avatarUrl: team.avatarUrl }: the value's owner decided; the key only copies the name.
      if (isPropertyAssignment(p)) v = isRowReference(p.initializer) || ownerVetoes(p.initializer, this.rules) || this.keyVetoedBeside(key, e) ? this.eval(p.initializer, scope) : this.seeded(this.eval(p.initializer, scope), key, undefined, p.name);
      // { username, serverAddress }: a shorthand's value named by its own name, vetoed by a sibling key as a key would be.
      else if (isShorthandPropertyAssignment(p)) v = this.withoutVetoedKeys(this.eval(p.name, scope), key, e);
      else continue;
      if (!v.c) allConstant = false;
      const pw = this.rules.names.pairWord(key);
      if (pw && !v.c) pairWords.add(pw);
      f.set(key, f.has(key) ? join(f.get(key)!, v) : v);
    }
    const out: Value = { ...whole, f };
    // `const params = {} as TParams`, filled later by the form (params[key] = text): an empty literal is a container, not the code's constant.
    if (allConstant && e.properties.length > 0) out.c = true;
    if (pairWords.size > 1) {
      for (const m of this.rules.names.pairsIn(pairWords)) {
        const t = taint(m.category, m.confidence, this.step(e, `${m.category}: names ${[...pairWords].join(" + ")}`), true);
        out.t = [...(out.t ?? []), ...t.t!];
      }
    }
    return out;
  }

  /** A value's name-seeded taints whose rule a sibling key of the object vetoes; a source's value stays. */
  private withoutVetoedKeys(v: Value, key: string, e: ts.ObjectLiteralExpression): Value {
    if (!v.t?.some((t) => t.rule)) return v;
    const keys = e.properties.map((p) => (p.name ? propertyKey(p.name) : null)).filter((k): k is string => k !== null && k !== key);
    // Only the value's own taints: the fields of an object put under the key (`{ user, port }`) keep theirs.
    const t = v.t!.filter((x) => x.rule === undefined || !this.rules.names.vetoedBeside({ rule: x.rule, category: x.category, confidence: x.confidence }, keys));
    const out: Value = { ...v };
    if (t.length) out.t = t;
    else delete out.t;
    return out;
  }

  /**
   * `{ apiKey, secretKey, password: Schema.Types.String }`: a key whose name a sibling key vetoes (its rule's
   * unlessBeside) names nothing, as the walker reads it in a shape or a sink's arguments. Only the key's own
   * name: a value named so already (`deviceIp: session.deviceIp`) keeps what it is.
   */
  private keyVetoedBeside(key: string, e: ts.ObjectLiteralExpression): boolean {
    const m = this.nameMatch(key, undefined);
    if (!m || !this.rules.names.vetoableBeside(m)) return false;
    const keys = e.properties.map((p) => (p.name ? propertyKey(p.name) : null)).filter((k): k is string => k !== null && k !== key);
    return this.rules.names.vetoedBeside(m, keys);
  }

  // --- declarations, writes, fields, returns ---------------------------------------------------

  declValue(d: Decl): Value {
    return memoised(this.declMemo, this.inProgress, d, () => this.computeDecl(d));
  }

  private computeDecl(d: Decl): Value {
    switch (d.kind) {
      case "function":
        return d.fn ? { fn: d.fn.id } : EMPTY;
      case "class": {
        const c = this.facts.classes.find((x) => x.id === `${this.file}#c${d.node.pos}`);
        return c ? { cls: c.id } : EMPTY;
      }
      case "import": {
        const name = d.imported ?? "default";
        const module = normaliseModule(d.module!);
        const v: Value = { r: [{ k: "import", file: this.file, spec: d.module!, name, path: [] }], api: name === "default" || name === "*" ? `${module}:` : `${module}:${name}` };
        return this.writtenFields(v, d);
      }
      case "catch":
        return EMPTY;
      case "param":
        return this.paramValue(d);
      case "var":
        return this.varValue(d);
    }
  }

  private paramValue(d: Decl): Value {
    const fn = d.fn!;
    let v: Value;
    if (fn.invokedBy) {
      const arg = fn.invokedBy.node.arguments?.[d.paramIndex!];
      v = arg ? this.eval(arg, fn.invokedBy.scope) : EMPTY;
    } else if (fn.asArgument) {
      const input = callbackInput(fn.asArgument.call.node, fn.asArgument.index, d.paramIndex!, {
        source: (call) => this.callbackSource(call, fn.asArgument!.call.scope),
        receiver: (x) => this.eval(x, fn.asArgument!.call.scope),
      });
      v = input ?? { p: [{ fn: fn.id, index: d.paramIndex!, path: [] }] };
    } else v = { p: [{ fn: fn.id, index: d.paramIndex!, path: [] }] };
    v = this.pathOf(v, d.path, d.node);
    if (d.init) v = join(v, this.eval(d.init, d.scope));
    return v;
  }

  /** `navigator.geolocation.getCurrentPosition(cb)`: the callback receives what the source yields. */
  private callbackSource(call: ts.CallExpression | ts.NewExpression, scope: Scope): Value | undefined {
    const api = this.eval(unwrap(call.expression), scope).api;
    return api === undefined ? undefined : this.sourceAt(api, call, call);
  }

  private varValue(d: Decl): Value {
    let v: Value = d.init ? this.eval(d.init, d.scope) : EMPTY;
    if (d.element) v = element(v);
    v = this.pathOf(v, d.path, d.node);
    if (d.omit && v.f) v = { ...v, f: new Map([...v.f].filter(([k]) => !d.omit!.includes(k))) };
    if (d.fallback) v = join(v, this.eval(d.fallback, d.scope));
    if (d.setter) {
      for (const site of this.facts.callsByName.get(d.setter) ?? []) {
        const a = site.node.arguments?.[0];
        if (a && site.scope.lookup(d.setter)?.stateOf === d) v = join(v, stripParams(this.eval(a, site.scope)));
      }
    }
    for (const w of d.writes ?? []) {
      let x = stripParams(this.eval(w.expr, w.scope));
      const when = w.when && w.path.length ? this.optionGuards(w.when, w.scope) : undefined;
      if (when && carries(x)) x = { ...x, when };
      v = w.path.length ? writeAt(v, w.path, x) : join(v, x);
    }
    // const form = new FormData(); form.append('email', email): the object is filled by calls.
    const filled = d.init && d.path.length === 0 && (isNewExpression(unwrap(d.init)) || isObjectLiteralExpression(unwrap(d.init)));
    for (const site of filled ? this.facts.callsByReceiver.get(d.name) ?? [] : []) {
      const callee = unwrap(site.node.expression) as ts.PropertyAccessExpression;
      const method = callee.name.text;
      if ((method !== "append" && method !== "set") || site.scope.lookup(d.name) !== d) continue;
      const [k, val] = site.node.arguments ?? [];
      if (!k || !val) continue;
      const key = isStringLiteral(k) || isNoSubstitutionTemplateLiteral(k) ? k.text : "*";
      const x = this.seeded(stripParams(this.eval(val, site.scope)), key, undefined, k);
      v = writeAt(v, [key], x);
    }
    if (d.name && d.path.length === 0 && isIdentifierDecl(d)) v = this.seededAt(v, d);
    if (carries(v) && d.init) v = through(v, this.step(d.node, `held in \`${d.name}\``));
    return v;
  }

  /** `if (options.includeDetails)`: a condition that only reads a field of the function's own parameter, as a parameter reference. */
  private optionGuards(conditions: ts.Expression[], scope: Scope): ParamRef[] | undefined {
    let out: ParamRef[] | undefined;
    const fn = scope.functionScope().fn;
    for (const c of conditions) {
      const e = unwrap(c);
      if (!isPropertyAccessExpression(e)) continue;
      // `options.includeEmail` reads as an email by its name; as a condition it is a flag.
      const v = this.eval(e, scope);
      if (v.r?.length || v.t?.some((t) => !t.named)) continue;
      const own = v.p?.find((p) => p.fn === fn?.id && p.path.length > 0);
      // Nested conditions: the innermost one suffices (left out, the write never runs).
      if (own) out = [own];
    }
    return out;
  }

  /** `Settings.customHeaders = headers`: fields this file writes on an imported object are read back here. */
  private writtenFields(v: Value, d: Decl): Value {
    let out = v;
    for (const w of d.writes ?? []) if (w.path.length) out = writeAt(out, w.path, stripParams(this.eval(w.expr, w.scope)));
    return out;
  }

  /** `const email = readInput()`: the declaration's name is the seed, placed where it is named. */
  private seededAt(v: Value, d: Decl): Value {
    const node = (d.node as ts.VariableDeclaration).name ?? d.node;
    return this.seeded(v, d.name, undefined, node, d);
  }

  private pathOf(v: Value, path: string[], node: ts.Node): Value {
    let out = v;
    // const { host, password } = this.storageSettings.values: a field of a constant is as constant as its owner.
    for (const p of path) out = isConstant(out) ? CONSTANT : this.readField(out, p, node);
    return out;
  }

  private fieldValue(cls: ClassInfo, name: string): Value {
    return memoised(this.fieldMemo, this.inProgress, `${cls.id}.${name}`, () => {
      let v: Value = EMPTY;
      for (const w of cls.fieldWrites.get(name) ?? []) {
        const x = stripParams(this.eval(w.expr, w.scope));
        v = join(v, carries(x) ? through(x, this.step(w.expr, `stored in this.${detach(name)}`)) : x);
      }
      return v;
    });
  }

  private returnsOf(fn: FnInfo): Value {
    return memoised(this.returnMemo, this.inProgress, fn, () => joinAll(fn.returns.map((r) => this.eval(r.expr, r.scope))));
  }

  private returnsOfNode(node: ts.Node): Value {
    const fn = this.facts.fnByNode.get(node);
    return fn ? this.returnsOf(fn) : EMPTY;
  }

  // --- positions -------------------------------------------------------------------------------

  step(node: ts.Node, note: string): Step {
    const pos = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
    return { file: this.file, line: pos.line + 1, column: pos.character + 1, note };
  }

  private site(node: ts.Node, symbol: string | null): Site {
    const pos = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
    return { file: this.file, line: pos.line + 1, column: pos.character + 1, evidence: evidenceOf(node, this.sf), symbol: symbol === null ? null : detach(symbol) };
  }
}

/** Only what the code chose: no taint, no fields, no API handle. */
function isConstant(v: Value): boolean {
  return !!v.c && !v.t?.length && !v.f?.size && !v.api;
}

function isEnvObject(e: ts.Expression): boolean {
  if (!isPropertyAccessExpression(e) || e.name.text !== "env") return false;
  const o = e.expression;
  return (isIdentifier(o) && o.text === "process") || isMetaProperty(o);
}

/** A name the app declares itself (not an import): `const debounce = …` is not lodash's. */
function isUserCode(d: Decl | undefined): boolean {
  return d !== undefined && d.kind !== "import";
}

function isSource(rule: RuleDef): boolean {
  return (rule.kind === "source" || rule.kind === "input") && rule.category !== NAMES;
}

function isIdentifierDecl(d: Decl): boolean {
  return d.kind === "var" && isVariableDeclaration(d.node) && isIdentifier(d.node.name);
}

/** An element of a list (or a value of a map): the list's own categories. */
function element(v: Value): Value {
  return field(v, "*");
}

/** A parameter seen from another function means nothing there: only what is known stays. */
function stripParams(v: Value): Value {
  if (!v.p && !v.f) return v;
  const out: Value = { ...v };
  delete out.p;
  if (v.f) out.f = new Map([...v.f].map(([k, x]) => [k, stripParams(x)]));
  return out;
}

/** `data.id = x`: the object gains a field. */
function writeAt(v: Value, path: string[], x: Value): Value {
  if (path.length === 0) return join(v, x);
  const f = new Map(v.f ?? []);
  const [head, ...rest] = path;
  f.set(head, writeAt(f.get(head) ?? EMPTY, rest, x));
  return { ...v, f, c: v.c && x.c ? true : undefined };
}

function calleeName(e: ts.CallExpression | ts.NewExpression): string {
  const c = unwrap(e.expression);
  if (isIdentifier(c)) return c.text;
  if (isPropertyAccessExpression(c)) return c.name.text;
  return "function";
}

/** `axios.create({ baseURL })`, `new Client({ host })`: the instance sends to that URL. */
function baseUrlOf(e: ts.CallExpression | ts.NewExpression, evaluate: (x: ts.Expression) => Value): string | undefined {
  const first = e.arguments?.[0];
  if (!first) return undefined;
  const arg = unwrap(first);
  if (!isObjectLiteralExpression(arg)) return undefined;
  for (const p of arg.properties) {
    const key = p.name ? propertyKey(p.name) : null;
    if (key === null || !BASE_URL_KEYS.has(key)) continue;
    const v = isPropertyAssignment(p) ? evaluate(p.initializer) : isShorthandPropertyAssignment(p) ? evaluate(p.name) : undefined;
    if (v?.s && hostOf(v.s)) return v.s;
  }
  return undefined;
}

/**
 * The identifiers and member names an expression list reads beside each other: in a template,
 * as arguments, in an expression. Object literals are left out: `{ deviceIp, devicePort }` sent
 * to a server is a report about a device, not an address to connect to. Callbacks too.
 */
function namesRead(nodes: readonly ts.Node[]): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isArrowFunction(n) || isFunctionExpression(n) || isObjectLiteralExpression(n)) return;
    if (isIdentifier(n)) out.push(n.text);
    else tsApi.forEachChild(n, visit);
  };
  for (const n of nodes) visit(n);
  return out;
}
