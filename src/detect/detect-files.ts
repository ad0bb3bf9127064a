import os from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ConfigNote, Finding, ScanError } from "../types.js";
import type { CompiledRules } from "./compiled-rules.js";
import { analyseFile, withRules, type FileResult } from "./analyse-file.js";
import type { TypeField, TypeIndex } from "./resolve-deferred.js";
import type { FileFlow } from "./flow/file-flow.js";
import { propagate } from "./flow/propagate.js";
import { ModuleResolver } from "./link/module-resolver.js";
import { analyseInParallel, workersAvailable } from "./parallel/worker-pool.js";
import { encodeResult, visibleOf, type CachedFile, type FileStamp, type ScanCache } from "./cache/scan-cache.js";
import { StringTable } from "./string-table.js";
import { emptyOutcome, finishFile, fileListDigest, probesUnchanged, sameData, sliceByFile, type FileOutcome, type LinkState } from "./cache/linked-outcome.js";

export interface DetectOptions {
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** Threads for the per-file phase, this one included; undefined: one less than the cores (from 4 cores), when the scan is big enough to gain from them. */
  jobs?: number;
  /** How the rules were loaded, so that workers load the same ones; without it the scan runs on this thread. */
  ruleSource?: { dirs: string[]; cwd: string };
  cache?: ScanCache;
}

export interface Detection {
  findings: Finding[];
  errors: ScanError[];
  /** Sources of files that hold a suppression comment, for src/suppress. */
  texts: Map<string, string>;
  notes: ConfigNote[];
}

/** Below this many files per thread, starting a worker (it loads the compiler and the rules) costs more than it saves. */
const FILES_PER_THREAD = 150;
const MIN_CORES_FOR_WORKERS = 4;

/**
 * Per file (on worker threads when it pays, from the cache when unchanged): parse, walk,
 * findings and flow summaries. Then, on this thread and in file order, so that the output
 * does not depend on how the work was spread: deferred types, cross-module flow, merging.
 */
export async function detectFiles(root: string, files: string[], rules: CompiledRules, opts: DetectOptions = {}): Promise<Detection> {
  const resolver = new ModuleResolver(root, new Set(files));
  const local = (file: string, spec: string) => resolver.mayBeLocal(file, spec);
  const results: (FileResult | undefined)[] = new Array(files.length);
  const stamps: (FileStamp | null)[] = new Array(files.length).fill(null);
  const cached: (CachedFile | undefined)[] = new Array(files.length);
  const cache = opts.cache;
  let done = 0;
  const progress = () => opts.onProgress?.(done, files.length);
  const pending: number[] = [];
  files.forEach((file, i) => {
    if (cache) {
      stamps[i] = cache.stampOf(join(root, file));
      const hit = cache.get(file, join(root, file), stamps[i]);
      // An import the file's analysis took for a package may now be mapped to the project by a tsconfig, or the other way.
      if (hit && hit.bare.every(([spec, yes]) => local(file, spec) === yes)) {
        cached[i] = hit;
        done++;
        return;
      }
    }
    pending.push(i);
  });
  progress();
  const strings = new StringTable();
  const analyseHere = (i: number) => strings.ownResult(analyseFile(root, files[i], rules, local, { maxFileBytes: opts.maxFileBytes }));
  const record = (i: number, r: FileResult) => {
    results[i] = r;
    done++;
    progress();
  };
  const threads = threadCount(opts, pending.length);
  if (threads > 1 && opts.ruleSource) {
    const setup = { root, files, ruleDirs: opts.ruleSource.dirs, cwd: opts.ruleSource.cwd, maxFileBytes: opts.maxFileBytes };
    await analyseInParallel(setup, pending, threads - 1, analyseHere, (i, r) => {
      record(i, r);
      // This thread's module resolution reads the tsconfig files the workers read, and so notes the same problems.
      for (const [spec] of r.bare) local(files[i], spec);
    });
  } else for (const i of pending) record(i, analyseHere(i));
  if (!cache) {
    const linked = link(results as FileResult[], rules, resolver);
    return assemble(linked.outcomes, linked.state.errors, []);
  }
  const encoded = new Map(pending.map((i) => [i, encodeResult(results[i]!)]));
  files.forEach((file, i) => cache.set(file, join(root, file), stamps[i], encoded.get(i) ?? "reused"));
  const quick = relinkChanged(cache, files, pending, results, rules);
  if (quick) {
    cache.setLink("unchanged", quick.changed);
    cache.save();
    return assemble(quick.outcomes, quick.errors, cache.notes);
  }
  for (let i = 0; i < files.length; i++) {
    if (results[i]) continue;
    results[i] = cached[i]!.result();
    if (results[i]) continue;
    // A damaged entry is only a miss, and is replaced.
    results[i] = analyseHere(i);
    cache.set(files[i], join(root, files[i]), stamps[i], encodeResult(results[i]!));
  }
  const linked = link(results as FileResult[], rules, resolver);
  cache.setLink(linked.state, new Map(files.map((f, i) => [f, linked.outcomes[i]])));
  cache.save();
  return assemble(linked.outcomes, linked.state.errors, cache.notes);
}

/**
 * The last run's cross-file phase, when nothing it depended on changed: the same files, the
 * same config files, and no changed file showing others anything new. Only the changed
 * files are then merged again, with what the phase found at their sites last time.
 */
function relinkChanged(cache: ScanCache, files: string[], pending: number[], results: (FileResult | undefined)[], rules: CompiledRules) {
  // Compared as data, not as bytes: the bytes depend on which objects the analysis happened to share.
  if (!pending.every((i) => sameData(cache.previousVisible(files[i]), visibleOf(results[i]!)))) return undefined;
  const state = cache.previousLink();
  if (!state || state.files !== fileListDigest(files) || !probesUnchanged(state.probes)) return undefined;
  let types: TypeIndex | undefined;
  const typeIndex = () => (types ??= new Map(deserialize(state.types) as [string, TypeField[]][]));
  const changed = new Map<string, FileOutcome | "unchanged">();
  const outcomes: FileOutcome[] = files.map((file) => cache.previousOutcome(file) ?? emptyOutcome(file));
  for (const i of pending) {
    outcomes[i] = finishFile(results[i]!, outcomes[i].slice, typeIndex, rules);
    changed.set(files[i], outcomes[i]);
  }
  return { outcomes, errors: state.errors, changed };
}

/** Threads for the per-file phase, this one included. */
function threadCount(opts: DetectOptions, files: number): number {
  if (!workersAvailable()) return 1;
  if (opts.jobs !== undefined) return Math.min(opts.jobs, files);
  // One thread already keeps two cores busy (V8 compiles and collects garbage on the other),
  // and on two cores a second thread measured no faster: by default a core is left for that.
  const cores = coreCount();
  if (cores < MIN_CORES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD)));
}

function coreCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function link(results: FileResult[], rules: CompiledRules, resolver: ModuleResolver): { outcomes: FileOutcome[]; state: LinkState } {
  const types: TypeIndex = new Map();
  const flows: FileFlow[] = [];
  for (const r of results) {
    for (const [name, fields] of r.types) types.set(name, fields);
    if (r.flow) flows.push(withRules(r.flow, rules));
  }
  const flow = propagate(flows, resolver, rules);
  const slices = sliceByFile(flow);
  const outcomes = results.map((r) => finishFile(r, slices.get(r.file), () => types, rules));
  const errors: ScanError[] = [...flow.notes];
  for (const p of resolver.configProblems) errors.push({ file: p.file, message: p.partly ? `tsconfig could not be read whole (${p.message}); imports were resolved with its own settings only` : `tsconfig could not be read (${p.message}); imports were resolved without its paths` });
  const state = { files: fileListDigest(results.map((r) => r.file)), probes: [...resolver.probes], errors, types: serialize([...types]) };
  return { outcomes, state };
}

/** The report's findings and errors in file order, then what concerns the scan as a whole. */
function assemble(outcomes: FileOutcome[], linkErrors: ScanError[], notes: ConfigNote[]): Detection {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const texts = new Map<string, string>();
  for (const o of outcomes) {
    // Not push(...found): a spread passes every finding as an argument, and a file with
    // 100,000 findings overflows the stack (it looked like deep nesting).
    for (const f of o.findings) findings.push(f);
    for (const e of o.errors) errors.push(e);
    if (o.text !== undefined) texts.set(o.file, o.text);
  }
  for (const e of linkErrors) errors.push(e);
  return { findings, errors, texts, notes };
}
