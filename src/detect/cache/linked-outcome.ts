import { createHash } from "node:crypto";
import type { Finding, ScanError } from "../../types.js";
import type { CompiledRules } from "../compiled-rules.js";
import type { FileResult } from "../analyse-file.js";
import { resolveDeferred, type TypeIndex } from "../resolve-deferred.js";
import { mergeFlowFindings } from "../merge-flow.js";
import type { FlowFinding, FlowResult } from "../flow/propagate.js";
import { configStamp } from "../link/module-resolver.js";

// The cross-file phase, file by file. Every flow finding, recipient and call of the app's own
// functions sits at one site in one file, so the phase's result splits by file; each file's
// final findings are its own findings merged with its slice. A re-scan in which no changed
// file shows other files anything new (same flow summaries, same declared types) keeps every
// slice, and so only the changed files are merged again.

/** What the cross-file phase found at one file's sites, as plain data (a rule by its id). */
export interface FlowSlice {
  findings: (Omit<FlowFinding, "rule"> & { rule: string })[];
  recipients: [string, string][];
  userCalls: string[];
}

/** One file's part of the report after the cross-file phase. */
export interface FileOutcome {
  file: string;
  findings: Finding[];
  errors: ScanError[];
  text?: string;
  slice: FlowSlice;
}

/** What the cross-file phase depended on beyond the files' summaries, and what it said of the scan as a whole. */
export interface LinkState {
  /** Digest of the scanned files' names, in order. */
  files: string;
  /** Config files module resolution looked at, with their stamps. */
  probes: [string, string][];
  /** Flow-analysis notes and unreadable tsconfig files, in report order. */
  errors: ScanError[];
  /** Declared classes and interfaces, for the deferred lookups of a changed file; serialised, since few re-scans read them. */
  types: Uint8Array;
}

const EMPTY_SLICE: FlowSlice = { findings: [], recipients: [], userCalls: [] };

/** A file the cross-file phase found nothing in and that has no findings or errors of its own (the cache does not store these). */
export function emptyOutcome(file: string): FileOutcome {
  return { file, findings: [], errors: [], slice: EMPTY_SLICE };
}

/** The phase's result cut at file boundaries. */
export function sliceByFile(flow: FlowResult): Map<string, FlowSlice> {
  const out = new Map<string, FlowSlice>();
  const of = (file: string) => {
    let s = out.get(file);
    if (!s) out.set(file, (s = { findings: [], recipients: [], userCalls: [] }));
    return s;
  };
  const fileOfKey = (key: string) => key.slice(0, key.indexOf("\u0000"));
  for (const x of flow.findings) of(x.site.file).findings.push({ ...x, rule: x.rule.id });
  for (const [key, host] of flow.recipients) of(fileOfKey(key)).recipients.push([key, host]);
  for (const key of flow.userCalls) of(fileOfKey(key)).userCalls.push(key);
  return out;
}

/** The file's final findings: its own, its deferred lookups, then what the cross-file phase found at its sites. */
export function finishFile(r: FileResult, slice: FlowSlice | undefined, types: () => TypeIndex, rules: CompiledRules): FileOutcome {
  const s = slice ?? EMPTY_SLICE;
  const findings = [...r.findings];
  if (r.deferred.length) for (const f of resolveDeferred(r.file, r.deferred, types(), rules)) findings.push(f);
  const flow: FlowResult = {
    findings: s.findings.map((x) => ({ ...x, rule: rules.byId.get(x.rule)! })),
    recipients: new Map(s.recipients),
    userCalls: new Set(s.userCalls),
    notes: [],
  };
  mergeFlowFindings(findings, flow, (id) => !!rules.byId.get(id)?.calls, (id) => rules.byId.get(id)?.unlessCategories);
  return { file: r.file, findings, errors: r.errors, ...(r.text !== undefined ? { text: r.text } : {}), slice: s };
}

/** Whether every config file module resolution looked at last time is as it was. */
export function probesUnchanged(probes: [string, string][]): boolean {
  return probes.every(([file, stamp]) => configStamp(file) === stamp);
}

export function fileListDigest(files: string[]): string {
  return createHash("sha256").update(files.join("\u0000")).digest("hex");
}

/**
 * Deep equality of plain data as the analysis builds it: arrays, Maps and objects in the same
 * order (order decides which of two equal findings the cross-file phase keeps), primitives by
 * value; anything else is unequal. Which objects are shared does not count.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    const right = [...b];
    let i = 0;
    for (const [k, v] of a) {
      const [k2, v2] = right[i++];
      if (k !== k2 || !sameData(v, v2)) return false;
    }
    return true;
  }
  // Anything but a plain object (a Set, a typed array) is never taken for equal.
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isPlainObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
