import type { Confidence } from "../../types.js";

// What the flow engine knows about a value, free of syntax trees so that summaries outlive
// the file they came from: the categories it carries (with the path they took), the
// parameters and deferred references (calls, imports, class fields) it depends on, the
// fields of an object literal, a known string (for URLs and hosts), and whether it is a
// constant the code chose.

export interface Step {
  file: string;
  line: number;
  column: number;
  note: string;
}

export interface Taint {
  category: string;
  confidence: Confidence;
  /** Where it was obtained or named first, then each place it moved through. */
  steps: Step[];
  /** Classified by a name (not by a source API). */
  named?: true;
  /** The name rule that classified it, when a name read beside it at a sink can veto it (`ip` beside `port`). */
  rule?: string;
  /** The machine's own fact (its addresses, its host name): a log of it collects nothing (a rule's unlessLogged). */
  unlogged?: true;
}

export interface ParamRef {
  fn: string;
  index: number;
  path: string[];
}

export type Callee =
  | { k: "fn"; id: string }
  | { k: "import"; file: string; spec: string; name: string; path: string[] }
  | { k: "method"; cls: string; name: string };

export type Ref =
  | { k: "call"; callee: Callee; args: Value[]; step: Step; path: string[] }
  | { k: "field"; cls: string; name: string; path: string[] }
  | { k: "import"; file: string; spec: string; name: string; path: string[] };

export interface Value {
  t?: Taint[];
  p?: ParamRef[];
  r?: Ref[];
  f?: Map<string, Value>;
  /** A string the code spells out (a literal, a template's known text, a constant). */
  s?: string;
  /** Only literals went into it: the app's own value, never a person's. */
  c?: boolean;
  /** A function value (its FnInfo id) and an instance of a class (ClassInfo id). */
  fn?: string;
  cls?: string;
  /** The API the value is a handle of ("axios:create()", "global:navigator"), for source rules. */
  api?: string;
  /** Present only when one of these parameter fields is passed (`if (options.includeDetails) data.email = …`). */
  when?: ParamRef[];
}

export const EMPTY: Value = Object.freeze({}) as Value;
export const CONSTANT: Value = Object.freeze({ c: true }) as Value;

export function isEmpty(v: Value): boolean {
  return !v.t?.length && !v.p?.length && !v.r?.length && !v.f?.size && !v.fn && !v.cls;
}

/** Carries something that may be personal (not only constants or nothing). */
export function carries(v: Value): boolean {
  if (v.t?.length || v.p?.length || v.r?.length) return true;
  if (v.f) for (const x of v.f.values()) if (carries(x)) return true;
  return false;
}

/** Could reading this argument (or a field of it) at a callee's parameter yield data: a taint, a parameter, a deferred reference, or a class instance whose fields may hold some. */
export function mayCarry(v: Value): boolean {
  if (v.t?.length || v.p?.length || v.r?.length || v.cls) return true;
  if (v.f) for (const x of v.f.values()) if (mayCarry(x)) return true;
  return false;
}

const MAX_TAINTS = 24;
const MAX_FIELDS = 64;

/** The union of two values; what a conditional, a `??` or an array of both can be. */
export function join(a: Value, b: Value): Value {
  if (a === b) return a;
  // Fields are set only when they hold something: a value with a property per field, most of
  // them undefined, cost memory here and in every copy, clone and cache entry of it.
  const out: Value = {};
  const t = mergeTaints(a.t, b.t);
  if (t) out.t = t;
  if (a.p || b.p) out.p = concatCapped(a.p, b.p);
  if (a.r || b.r) out.r = concatCapped(a.r, b.r);
  if (a.f || b.f) {
    const f = new Map(a.f ?? []);
    if (b.f) for (const [k, v] of b.f) if (f.size < MAX_FIELDS || f.has(k)) f.set(k, f.has(k) ? join(f.get(k)!, v) : v);
    out.f = f;
  }
  const s = a.s ?? b.s;
  if (s !== undefined) out.s = s;
  if (a.c && b.c) out.c = true;
  const fn = a.fn ?? b.fn;
  if (fn !== undefined) out.fn = fn;
  const cls = a.cls ?? b.cls;
  if (cls !== undefined) out.cls = cls;
  const api = a.api ?? b.api;
  if (api !== undefined) out.api = api;
  // Set on one path and not on the other, a field is there whatever the condition.
  const when = isEmpty(a) ? b.when : isEmpty(b) ? a.when : a.when && b.when ? concatCapped(a.when, b.when) : undefined;
  if (when) out.when = when;
  return out;
}

/** `[...a, ...b].slice(0, MAX_TAINTS)` without the two intermediate arrays. */
function concatCapped<T>(a: T[] | undefined, b: T[] | undefined): T[] {
  const out: T[] = [];
  if (a) for (let i = 0; i < a.length && out.length < MAX_TAINTS; i++) out.push(a[i]);
  if (b) for (let i = 0; i < b.length && out.length < MAX_TAINTS; i++) out.push(b[i]);
  return out;
}

export function joinAll(values: Value[]): Value {
  if (values.length === 0) return EMPTY;
  let v = values[0];
  for (let i = 1; i < values.length; i++) v = join(v, values[i]);
  return v;
}

function mergeTaints(a?: Taint[], b?: Taint[]): Taint[] | undefined {
  if (!a?.length) return b?.length ? b : undefined;
  if (!b?.length) return a;
  const out = [...a];
  for (const t of b) addTaint(out, t);
  return out;
}

/** Fields that are the datum itself (`emailInput.value`, `photo.uri`), not a part of it. */
const TRANSPARENT = new Set(["value", "current", "data", "uri", "url", "base64", "blob", "file", "text", "*", "0", "1"]);

/** `v.name`: a known field, else what the whole value carries, else a deferred reference one level deeper. */
export function field(v: Value, name: string): Value {
  // "*" is any key: `nics['en0']` of a map whose values a source describes (yields `*.*.mac`).
  const known = v.f?.get(name) ?? v.f?.get("*");
  if (known) return known;
  const out: Value = {};
  // `userWithSameEmail.id`: what a name said of the whole object is not true of each field.
  if (v.t) {
    const t = TRANSPARENT.has(name) ? v.t : v.t.filter((x) => !x.named);
    if (t.length) out.t = t;
  }
  if (v.p) out.p = v.p.map((p) => ({ ...p, path: [...p.path, name] }));
  if (v.r) out.r = v.r.map((r) => ({ ...r, path: [...r.path, name] }));
  // Any key of an object whose keys are known (`params[key]`, an entry of `Object.entries(params)`
  // handed to a callback): one of its values.
  if (name === "*" && v.f?.size) {
    let any: Value = out;
    for (const x of v.f.values()) any = join(any, x);
    return any;
  }
  return out;
}

export function fieldPath(v: Value, path: readonly string[]): Value {
  let out = v;
  for (const p of path) out = field(out, p);
  return out;
}

/** The same value seen one step later: each taint gains the step (a call, a return, an import). */
export function through(v: Value, step: Step): Value {
  if (!v.t?.length && !v.f?.size) return v;
  const out: Value = { ...v };
  if (v.t) out.t = v.t.map((t) => (t.steps.length < 12 ? { ...t, steps: [...t.steps, step] } : t));
  if (v.f) out.f = new Map([...v.f].map(([k, x]) => [k, through(x, step)]));
  return out;
}

/** Every taint a value holds, its fields' included, one per category. */
export function taintsOf(v: Value, depth = 0): Taint[] {
  const out: Taint[] = [...(v.t ?? [])];
  if (v.f && depth < 6) {
    for (const x of v.f.values()) for (const t of taintsOf(x, depth + 1)) addTaint(out, t);
  }
  return out;
}

/** One taint per category; what a source API yields says more than what a name suggests. */
function addTaint(list: Taint[], t: Taint): void {
  const i = list.findIndex((x) => x.category === t.category);
  if (i < 0) {
    if (list.length < MAX_TAINTS) list.push(t);
  } else if (list[i].named && !t.named) list[i] = t;
}

export function paramsOf(v: Value, depth = 0): ParamRef[] {
  const out: ParamRef[] = [...(v.p ?? [])];
  if (v.f && depth < 6) for (const x of v.f.values()) out.push(...paramsOf(x, depth + 1));
  return out;
}

export function refsOf(v: Value, depth = 0): Ref[] {
  const out: Ref[] = [...(v.r ?? [])];
  if (v.f && depth < 6) for (const x of v.f.values()) out.push(...refsOf(x, depth + 1));
  return out;
}

export function taint(category: string, confidence: Confidence, step: Step, named = false, rule?: string): Value {
  return { t: [{ category, confidence, steps: [step], ...(named ? { named: true as const } : {}), ...(rule ? { rule } : {}) }] };
}

/** The value without the taints `drop` picks, its fields' included. */
export function withoutTaints(v: Value, drop: (t: Taint) => boolean, depth = 0): Value {
  const out: Value = { ...v };
  if (v.t) {
    const t = v.t.filter((x) => !drop(x));
    if (t.length) out.t = t;
    else delete out.t;
  }
  if (v.f && depth < 6) out.f = new Map([...v.f].map(([k, x]) => [k, withoutTaints(x, drop, depth + 1)]));
  return out;
}

/**
 * A value worked out once per key; a key asked for again while it is being worked out
 * (recursion, an import cycle) is EMPTY, so cycles end.
 */
export function memoised<K>(memo: Map<K, Value>, busy: Set<unknown>, key: K, compute: () => Value): Value {
  const hit = memo.get(key);
  if (hit) return hit;
  if (busy.has(key)) return EMPTY;
  busy.add(key);
  let v: Value = EMPTY;
  try {
    v = compute();
  } finally {
    busy.delete(key);
  }
  memo.set(key, v);
  return v;
}
