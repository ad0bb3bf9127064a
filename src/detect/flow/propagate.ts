import type { Confidence, Kind } from "../../types.js";
import type { RuleDef } from "../../config/rules-loader.js";
import type { ModuleResolver } from "../link/module-resolver.js";
import { NAMES, SINK_KINDS } from "../../config/rules-loader.js";
import { lookupApi, refinedCategory, type CompiledRules } from "../compiled-rules.js";
import { member } from "../api-paths.js";
import { EMPTY, field, join, joinAll, memoised, paramsOf, taintsOf, through, type Callee, type ParamRef, type Step, type Taint, type Value } from "./value.js";
import { hostOf } from "./recipient.js";
import { weaker } from "../to-findings.js";
import { stepAt, type ClassFlow, type FileFlow, type FlowCall, type FlowSink, type FnFlow, type Site } from "./file-flow.js";

// The cross-module phase: joins the files' flows on summaries only. A function's summary is
// which of its parameters (and which fields of them) reach which sink; it is applied at every
// call of the function, in any file, until nothing new is learned (a bounded worklist).
// Deferred references (calls, imports, class fields) are resolved here.

export interface FlowFinding {
  site: Site;
  category: string;
  kind: Kind;
  rule: RuleDef;
  confidence: Confidence;
  recipient: string | null;
  trace: Step[];
}

export interface FlowResult {
  findings: FlowFinding[];
  /** Recipient hosts worked out at sink calls, by `file\0line\0column\0kind`. */
  recipients: Map<string, string>;
  /** Calls of the app's own functions (`file\0line\0column`): their bodies say what they do, not their names. */
  userCalls: Set<string>;
  notes: { file: string; message: string }[];
}

interface SinkEntry {
  index: number;
  path: string[];
  rule: RuleDef;
  recipient: string | null;
  /** Which parameter holds the URL when the recipient is not known inside the function. */
  urlParam?: number;
  steps: Step[];
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const MAX_ENTRIES = 32;
const MAX_DEPTH = 10;
/** Summary applications per scan; a hit is reported, never silent. */
export const PROPAGATION_BUDGET = 2_000_000;

export function siteKey(file: string, line: number, column: number, kind: string): string {
  return `${file}\u0000${line}\u0000${column}\u0000${kind}`;
}

/** `rules`: to read calls of an SDK client another module made (`export const stripe = new Stripe(key)`); without them those calls stay opaque. */
export function propagate(flows: FileFlow[], resolver: ModuleResolver | null, rules?: CompiledRules): FlowResult {
  return new Propagation(flows, resolver, rules).run();
}

const SOURCE_KINDS = new Set(["source", "input"]);

class Propagation {
  private readonly byFile = new Map<string, FileFlow>();
  private readonly fns = new Map<string, FnFlow>();
  private readonly classes = new Map<string, ClassFlow>();
  private readonly entries = new Map<string, SinkEntry[]>();
  private readonly entryKeys = new Map<string, Set<string>>();
  private readonly findings = new Map<string, FlowFinding>();
  private readonly importMemo = new Map<string, Value>();
  private readonly busy = new Set<string>();
  private readonly notes: { file: string; message: string }[] = [];
  private budget = PROPAGATION_BUDGET;
  private readonly capped = new Set<string>();

  constructor(
    private readonly flows: FileFlow[],
    private readonly resolver: ModuleResolver | null,
    private readonly rules?: CompiledRules,
  ) {
    for (const f of flows) {
      this.byFile.set(f.file, f);
      for (const [id, fn] of f.fns) this.fns.set(id, fn);
      for (const [id, c] of f.classes) this.classes.set(id, c);
      if (f.truncated) this.notes.push({ file: f.file, message: f.truncated });
    }
  }

  run(): FlowResult {
    const recipients = new Map<string, string>();
    // Each call's callee is resolved once: a call of the app's function is an edge, a method of an imported object may be an SDK client's.
    const edges = new Map<string, FlowCall[]>();
    const userCalls = new Set<string>();
    const importedCalls: FlowCall[] = [];
    for (const flow of this.flows) {
      for (const call of flow.calls) {
        const id = this.calleeId(call.callee, 0);
        if (!id) {
          if (call.callee.k === "import" && call.callee.path.length > 0) importedCalls.push(call);
          continue;
        }
        userCalls.add(`${call.site.file}\u0000${call.site.line}\u0000${call.site.column}`);
        const list = edges.get(id);
        if (list) list.push(call);
        else edges.set(id, [call]);
      }
    }
    const clientSinks = this.clientCalls(importedCalls);
    for (const [sinks, unseen] of [...this.flows.map((f) => [f.sinks, false] as const), [clientSinks, true] as const]) {
      for (const sink of sinks) {
        if (sink.recipient && !sink.rule.recipient) recipients.set(siteKey(sink.site.file, sink.site.line, sink.site.column, sink.rule.kind), sink.recipient);
        const v = this.resolve(sink.args, 0);
        const step = stepAt(sink.site, `→ ${sink.rule.id}${sink.recipient ? ` (${sink.recipient})` : ""}`);
        for (const t of taintsOf(v)) this.emit(sink.site, t, sink.rule, sink.recipient, [step], unseen);
        for (const p of paramsOf(v)) if (p.fn === sink.fn) this.addEntry(sink.fn, { index: p.index, path: p.path, rule: sink.rule, recipient: sink.recipient, urlParam: sink.urlParam, steps: [step] });
      }
    }
    const done = new Map<FlowCall, Set<SinkEntry>>();
    const work = [...this.entries.keys()];
    const queued = new Set(work);
    while (work.length) {
      const id = work.pop()!;
      queued.delete(id);
      for (const edge of edges.get(id) ?? []) {
        const seen = done.get(edge) ?? new Set<SinkEntry>();
        done.set(edge, seen);
        for (const entry of this.entries.get(id) ?? []) {
          if (seen.has(entry)) continue;
          seen.add(entry);
          if (--this.budget < 0) {
            if (this.budget === -1) this.notes.push({ file: edge.site.file, message: `flow analysis stopped after ${PROPAGATION_BUDGET.toLocaleString("en")} summary applications (per-scan budget), at a call of ${edge.name}(); flows through calls after that point are missing` });
            continue;
          }
          if (this.applyEntry(edge, entry) && !queued.has(edge.fn)) {
            queued.add(edge.fn);
            work.push(edge.fn);
          }
        }
      }
    }
    return { findings: [...this.findings.values()], recipients, userCalls, notes: this.notes };
  }

  /**
   * Calls of an SDK's client that another module of the app made or re-exported
   * (`export const stripe = new Stripe(key)`, `export default ImagePicker`): read as the SDK's
   * API, as the walker reads them when the client is made in the same file. A rule of the API's
   * own category (a source, Stripe's payment) is found at the call; a sink's data comes back as
   * sinks for the run, so that what reaches them is followed like any sink's.
   */
  private clientCalls(calls: readonly FlowCall[]): FlowSink[] {
    const sinks: FlowSink[] = [];
    if (!this.rules) return sinks;
    for (const call of calls) {
      const c = call.callee;
      if (c.k !== "import") continue;
      const handle = this.clientHandle(c.file, c.spec, c.name, 0);
      if (!handle) continue;
      const data = joinAll(call.args);
      // Rules that report what is passed first: at one place and category their reading wins (Stripe's data over its payment).
      const matched = [...(lookupApi(this.rules, c.path.reduce(member, handle)) ?? [])].sort((a, b) => Number(b.category === NAMES) - Number(a.category === NAMES));
      for (const rule of matched) {
        if (rule.category !== NAMES && (SINK_KINDS.has(rule.kind) || SOURCE_KINDS.has(rule.kind))) this.emitAt(call.site, refinedCategory(this.rules, rule, call.site.symbol, argsOf(call.site.evidence)) ?? rule.category, rule, rule.confidence);
        if (SINK_KINDS.has(rule.kind) && data !== EMPTY) sinks.push({ site: call.site, rule, args: data, fn: call.fn, recipient: rule.recipient ?? null });
      }
    }
    return sinks;
  }

  /** The API an export is a handle of, through the app's own re-exports (`import { stripe } from './client'; export default stripe`). */
  private clientHandle(file: string, spec: string, name: string, depth: number): string | undefined {
    const v = this.importValue(file, spec, name);
    const local = v.r?.find((r) => r.k === "import" && this.resolver?.resolve(r.file, r.spec));
    if (!local || local.k !== "import") return v.api;
    if (depth >= MAX_DEPTH) return undefined;
    const inner = this.clientHandle(local.file, local.spec, local.name, depth + 1);
    return inner === undefined ? undefined : local.path.reduce(member, inner);
  }

  /** A finding of the rule's own category at a place, with no value behind it (the API says what it is). */
  private emitAt(site: Site, category: string, rule: RuleDef, confidence: Confidence): void {
    const kind = rule.kind as Kind;
    const key = `${siteKey(site.file, site.line, site.column, kind)}\u0000${category}`;
    if (!this.findings.has(key)) this.findings.set(key, { site, category, kind, rule, confidence, recipient: rule.recipient ?? null, trace: [] });
  }

  /** A call of a function whose parameter reaches a sink: what the caller passes there. Returns true when the caller's own summary grew. */
  private applyEntry(edge: FlowCall, entry: SinkEntry): boolean {
    const arg = this.resolve(this.readPath(edge.args[entry.index] ?? EMPTY, entry.path), 0);
    const step = stepAt(edge.site, `passed to ${edge.name}()`);
    const steps = [step, ...entry.steps];
    // fetchWrapper('https://releases.example.com/…', body): the caller's URL names the recipient.
    let recipient = entry.recipient;
    let urlParam: number | undefined;
    if (recipient === null && entry.urlParam !== undefined) {
      const url = this.resolve(edge.args[entry.urlParam] ?? EMPTY, 0);
      recipient = hostOf(url.s);
      if (recipient === null) urlParam = url.p?.find((p) => p.fn === edge.fn && p.path.length === 0)?.index;
    }
    for (const t of taintsOf(arg)) this.emit(edge.site, t, entry.rule, recipient, steps);
    let grew = false;
    for (const p of paramsOf(arg)) if (p.fn === edge.fn && this.addEntry(edge.fn, { index: p.index, path: p.path, rule: entry.rule, recipient, urlParam, steps: steps.slice(0, 10) })) grew = true;
    return grew;
  }

  private addEntry(fn: string, given: SinkEntry): boolean {
    // `Object.entries(params).map(([k, v]) => …)` reads params.*.0 and params.*.1: under any key
    // (`*`) the parts of an entry are that key's value, and one path says it (else each sink
    // counts twice against MAX_ENTRIES).
    const any = given.path.indexOf("*");
    const e = any >= 0 && any < given.path.length - 1 ? { ...given, path: given.path.slice(0, any + 1) } : given;
    const key = `${e.index}\u0000${e.path.join(".")}\u0000${e.rule.id}\u0000${e.recipient ?? ""}`;
    const keys = this.entryKeys.get(fn) ?? new Set<string>();
    if (keys.has(key)) return false;
    if (keys.size >= MAX_ENTRIES) {
      if (!this.capped.has(fn)) {
        this.capped.add(fn);
        const name = this.fns.get(fn)?.name ?? "a function";
        this.notes.push({ file: fn.slice(0, fn.lastIndexOf("#")), message: `flow analysis follows at most ${MAX_ENTRIES} parameter-to-sink paths per function; ${name} has more, and the rest are not followed to its callers` });
      }
      return false;
    }
    keys.add(key);
    this.entryKeys.set(fn, keys);
    const list = this.entries.get(fn);
    if (list) list.push(e);
    else this.entries.set(fn, [e]);
    return true;
  }

  private emit(site: Site, t: Taint, rule: RuleDef, recipient: string | null, tail: Step[], unseen = false): void {
    const trace = collapse([...t.steps, ...tail]);
    // A name written at the sink itself is the walker's finding already (unless the walker could not know the sink); a flow adds a trace.
    if (trace.length < 2 && t.named && !unseen) return;
    const kind = rule.kind as Kind;
    // A server's own addresses in its startup log describe the server, not anyone it serves.
    if (t.unlogged && kind === "log") return;
    const key = `${siteKey(site.file, site.line, site.column, kind)}\u0000${t.category}`;
    const prior = this.findings.get(key);
    let confidence = weaker(t.confidence, rule.confidence);
    // A name in one place and a sink in another are two guesses: a travelled name is at most medium.
    // What a source API yields keeps its confidence.
    if (t.named && trace.length > 1 && confidence === "high") confidence = "medium";
    if (prior && (RANK[prior.confidence] > RANK[confidence] || (RANK[prior.confidence] === RANK[confidence] && prior.trace.length <= trace.length))) return;
    this.findings.set(key, { site, category: t.category, kind, rule, confidence, recipient: rule.recipient ?? recipient, trace: trace.length > 1 ? trace : [] });
  }

  // --- values ----------------------------------------------------------------------------------

  private resolve(v: Value, depth: number): Value {
    if (!v.r && !v.f) return v;
    if (depth > MAX_DEPTH) return { ...v, r: undefined };
    let out: Value = { ...v, r: undefined };
    if (v.f) out.f = new Map([...v.f].map(([k, x]) => [k, this.resolve(x, depth + 1)]));
    for (const ref of v.r ?? []) {
      let x: Value = EMPTY;
      if (ref.k === "import") x = this.readPath(this.importValue(ref.file, ref.spec, ref.name), ref.path);
      else if (ref.k === "field") x = this.readPath(this.classes.get(ref.cls)?.fields.get(ref.name) ?? EMPTY, ref.path);
      else {
        const id = this.calleeId(ref.callee, depth + 1);
        const fn = id ? this.fns.get(id) : undefined;
        if (fn) x = this.readPath(through(substitute(fn.returns, fn.id, ref.args), ref.step), ref.path);
      }
      out = join(out, this.resolve(x, depth + 1));
    }
    return out;
  }

  private readPath(v: Value, path: readonly string[]): Value {
    let out = v;
    for (const p of path) {
      if (out.cls) {
        const c = this.classes.get(out.cls);
        const m = c?.methods.get(p);
        out = m ? { fn: m } : c?.fields.get(p) ?? EMPTY;
      } else out = field(out, p);
    }
    return out;
  }

  private calleeId(c: Callee, depth: number): string | null {
    if (c.k === "fn") return c.id;
    if (c.k === "method") return this.classes.get(c.cls)?.methods.get(c.name) ?? null;
    if (depth > MAX_DEPTH) return null;
    let v = this.readPath(this.importValue(c.file, c.spec, c.name), c.path);
    if (v.r) v = this.resolve(v, depth + 1);
    if (v.fn) return v.fn;
    // new Api() of an imported class: its constructor.
    if (v.cls) return this.classes.get(v.cls)?.methods.get("constructor") ?? null;
    return null;
  }

  private importValue(from: string, spec: string, name: string): Value {
    if (!this.resolver) return EMPTY;
    const target = this.resolver.resolve(from, spec);
    if (!target) return EMPTY;
    return this.exportValue(target, name);
  }

  private exportValue(file: string, name: string): Value {
    return memoised(this.importMemo, this.busy, `${file}\u0000${name}`, () => this.computeExport(file, name));
  }

  private computeExport(file: string, name: string): Value {
    const flow = this.byFile.get(file);
    if (!flow) return EMPTY;
    if (name === "*") {
      // A namespace (import * as api, require('./api')): every export as a field; CommonJS's module.exports too.
      const f = new Map(flow.exports);
      const cjs = flow.exports.get("default");
      for (const r of flow.reexports) if (r.names) for (const [exported, imported] of r.names) f.set(exported, this.importValue(file, r.spec, imported));
      return cjs ? join({ f }, cjs) : { f };
    }
    const own = flow.exports.get(name);
    if (own) return own;
    for (const r of flow.reexports) {
      if (r.names) {
        const imported = r.names.get(name);
        if (imported !== undefined) return this.importValue(file, r.spec, imported);
      } else if (name !== "default") {
        const v = this.importValue(file, r.spec, name);
        if (v !== EMPTY) return v;
      }
    }
    // `module.exports = { send }` read as a named import.
    const cjs = flow.exports.get("default");
    return cjs?.f?.get(name) ?? EMPTY;
  }
}

/** A function's return seen at one call: its parameters replaced by the arguments. */
function substitute(v: Value, fn: string, args: Value[], depth = 0): Value {
  if (v.when?.some((g) => g.fn === fn)) {
    // The guards are alternatives: the value is gone only when none of them can hold.
    const others = v.when.filter((g) => g.fn !== fn);
    const passed = v.when.some((g) => g.fn === fn && !notPassed(args, g));
    if (!passed && !others.length) return EMPTY;
    v = { ...v };
    if (passed) delete v.when;
    else v.when = others;
  }
  if ((!v.p && !v.f && !v.r) || depth > 8) return v;
  let out: Value = { ...v };
  if (v.p) {
    const mine = v.p.filter((p) => p.fn === fn);
    const others = v.p.filter((p) => p.fn !== fn);
    out.p = others.length ? others : undefined;
    for (const p of mine) out = join(out, pick(args[p.index] ?? EMPTY, p));
  }
  if (v.f) out.f = new Map([...v.f].map(([k, x]) => [k, substitute(x, fn, args, depth + 1)]));
  if (v.r) out.r = v.r.map((r) => (r.k === "call" ? { ...r, args: r.args.map((a) => substitute(a, fn, args, depth + 1)) } : r));
  return out;
}

/**
 * The caller leaves the option out: no such argument, or an object literal without the key
 * (`presentUser(user)`, `presentUser(user, {})`). An argument the engine cannot see into may hold it.
 */
function notPassed(args: Value[], g: ParamRef): boolean {
  let v = args[g.index];
  if (v === undefined) return true;
  for (const name of g.path) {
    if (v.f && !v.f.has(name) && !v.f.has("*") && !v.p && !v.r && !v.t) return true;
    v = field(v, name);
  }
  return false;
}

function pick(arg: Value, p: ParamRef): Value {
  let out = arg;
  for (const name of p.path) out = field(out, name);
  return out;
}

/** Steps on the same line say one thing: keep the first. */
function collapse(steps: Step[]): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    const last = out[out.length - 1];
    if (last && last.file === s.file && last.line === s.line) {
      if (s.note.startsWith("→")) out[out.length - 1] = { ...last, note: `${last.note} ${s.note}` };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The arguments' text of a call's evidence (`ImagePicker.openCamera({ ...VIDEO_PICKER_CONFIG })` → its braces), for a rule's `refine` by arguments. */
function argsOf(evidence: string): string {
  const open = evidence.indexOf("(");
  return open < 0 ? "" : evidence.slice(open + 1);
}
