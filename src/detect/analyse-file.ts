import { join } from "node:path";
import type { Finding, ScanError } from "../types.js";
import { readSource } from "../parse/read-source.js";
import { firstSyntaxError, parseSource } from "../parse/parse-source.js";
import { withLineStarts } from "../parse/line-starts.js";
import type { CompiledRules } from "./compiled-rules.js";
import { walkFile, NODE_BUDGET } from "./walk-file.js";
import { toFindings } from "./to-findings.js";
import { withoutSettingFields } from "./field-values.js";
import { placeDeferred, type DeferredSite } from "./resolve-deferred.js";
import { DIRECTIVE_MARK } from "../suppress/inline-suppressions.js";
import { evaluateFile, type LocalModules } from "./flow/evaluate-file.js";
import type { FileFlow, FlowCall, FlowSink, Site } from "./flow/file-flow.js";
import { mayCarry } from "./flow/value.js";
import { isBareSpecifier } from "./link/module-resolver.js";
import { isPrismaSchema } from "../discover/discover-files.js";
import { prismaFindings } from "./prisma-fields.js";

/**
 * Everything one file contributes to a scan, as plain data: it crosses from a worker thread
 * by structured clone and is kept in the cache, so no syntax tree and no rule object is in it
 * (a flow sink names its rule by id; `withRules` puts the rules back).
 */
export interface FileResult {
  file: string;
  findings: Finding[];
  errors: ScanError[];
  /** The source, only when it holds a suppression comment (src/suppress reads it). */
  text?: string;
  /** Classes and interfaces declared here → their fields, for deferred lookups across files. */
  types: [string, { name: string; type?: string }[]][];
  deferred: DeferredSite[];
  flow?: WireFlow;
  /** Bare import specifiers the file's analysis asked about, with the answer (the cache re-asks them: a tsconfig may have changed). */
  bare: [string, boolean][];
}

export type WireFlow = Omit<FileFlow, "sinks"> & { sinks: (Omit<FlowSink, "rule"> & { rule: string })[] };

export interface AnalyseOptions {
  maxFileBytes?: number;
}

export function analyseFile(root: string, file: string, rules: CompiledRules, local: LocalModules, opts: AnalyseOptions = {}): FileResult {
  const out: FileResult = { file, findings: [], errors: [], types: [], deferred: [], bare: [] };
  const src = readSource(join(root, file), opts.maxFileBytes);
  if ("skipped" in src) {
    out.errors.push({ file, message: src.skipped });
    return out;
  }
  if (src.note) out.errors.push({ file, message: src.note });
  // Only sources that hold a suppression comment are kept for the suppression pass: keeping
  // every file with a finding held the whole tree in memory and re-read it for nothing.
  if (src.text.includes(DIRECTIVE_MARK)) out.text = src.text;
  if (isPrismaSchema(file)) {
    const prisma = prismaFindings(file, src.text, rules);
    out.findings = prisma.findings;
    out.errors.push(...prisma.errors);
    return out;
  }
  const asked = new Map<string, boolean>();
  const recording: LocalModules = (from, spec) => {
    const yes = local(from, spec);
    if (isBareSpecifier(spec)) asked.set(spec, yes);
    return yes;
  };
  try {
    const sf = withLineStarts(parseSource(file, src.text));
    const syntax = firstSyntaxError(sf);
    if (syntax) out.errors.push({ file, line: syntax.line, column: syntax.column, message: `syntax error: ${syntax.message} (the rest of the file was still scanned)` });
    const d = walkFile(sf, rules);
    if (d.truncated) out.errors.push({ file, message: `stopped after ${NODE_BUDGET.toLocaleString("en")} syntax nodes (per-file budget); findings after that point are missing` });
    out.findings = toFindings(file, sf, withoutSettingFields(d.hits, rules.names, d.types));
    out.types = [...d.types];
    out.deferred = placeDeferred(d.deferred, sf);
    out.flow = toWire(evaluateFile(d.facts, rules, recording));
  } catch (err) {
    // Deep nesting (roughly 1,000 levels and more) overflows the parser's or the walker's
    // recursion; the file is reported, the scan goes on. Not every RangeError is that.
    const overflow = err instanceof RangeError && /call stack/i.test(err.message);
    const msg = overflow
      ? "skipped: code nested too deeply to analyse (the stack ran out, typically past 1,000 levels); nothing in this file was reported"
      : `skipped: internal error while scanning (${(err as Error).message})`;
    // What was found before the stack ran out stays, as it always has.
    out.errors.push({ file, message: msg });
  }
  out.bare = [...asked];
  return out;
}

function toWire(flow: FileFlow): WireFlow {
  // A call none of whose arguments can carry anything passes nothing on; it is kept (calls of
  // the app's own functions decide function-name rules) without its arguments, which were
  // most of a large project's summaries, and with only its place: a finding is reported at a
  // call (with its evidence and symbol) only for a value passed there.
  // A method of an imported object (stripe.customers.create) keeps its evidence: the object may be an
  // SDK's client made in another module, and the call then a finding of its own (propagate).
  const calls = flow.calls.map((c) => (c.args.length && !c.args.some(mayCarry) ? { ...c, args: [], site: isClientCall(c) ? c.site : placeOnly(c.site) } : c));
  // Half of all functions return nothing and hold no sink or call: nothing across files asks for them.
  const asked = new Set<string>();
  for (const x of flow.sinks) asked.add(x.fn);
  for (const x of flow.calls) asked.add(x.fn);
  const fns = new Map([...flow.fns].filter(([id, fn]) => asked.has(id) || Object.keys(fn.returns).length > 0));
  return { ...flow, calls, fns, sinks: flow.sinks.map((s) => ({ ...s, rule: s.rule.id })) };
}

function isClientCall(c: FlowCall): boolean {
  return c.callee.k === "import" && c.callee.path.length > 0;
}

function placeOnly(site: Site): Site {
  return { file: site.file, line: site.line, column: site.column, evidence: "", symbol: null };
}

/** The file's flow with its sinks' rules looked up again; a rule no longer known drops its sink. */
export function withRules(flow: WireFlow, rules: CompiledRules): FileFlow {
  const sinks: FileFlow["sinks"] = [];
  for (const s of flow.sinks) {
    const rule = rules.byId.get(s.rule);
    if (rule) sinks.push({ ...s, rule });
  }
  return { ...flow, sinks };
}
