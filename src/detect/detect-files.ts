import { join } from "node:path";
import type { Finding, ScanError } from "../types.js";
import { readSource } from "../parse/read-source.js";
import { firstSyntaxError, parseSource } from "../parse/parse-source.js";
import type { CompiledRules } from "./compiled-rules.js";
import { walkFile, NODE_BUDGET, type DeferredType } from "./walk-file.js";
import { toFindings } from "./to-findings.js";
import { withoutSettingFields } from "./field-values.js";
import { resolveDeferred, type TypeIndex } from "./resolve-deferred.js";
import { DIRECTIVE_MARK } from "../suppress/inline-suppressions.js";
import { evaluateFile } from "./flow/evaluate-file.js";
import type { FileFlow } from "./flow/file-flow.js";
import { propagate } from "./flow/propagate.js";
import { ModuleResolver } from "./link/module-resolver.js";
import { mergeFlowFindings } from "./merge-flow.js";

export interface DetectOptions {
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Detection {
  findings: Finding[];
  errors: ScanError[];
  /** Sources of files that hold a suppression comment, for src/suppress. */
  texts: Map<string, string>;
}

export function detectFiles(root: string, files: string[], rules: CompiledRules, opts: DetectOptions = {}): Detection {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const texts = new Map<string, string>();
  const types: TypeIndex = new Map();
  const deferred: { file: string; items: DeferredType[]; sf: ReturnType<typeof parseSource> }[] = [];
  const flows: FileFlow[] = [];
  const resolver = new ModuleResolver(root, new Set(files));
  const local = (file: string, spec: string) => resolver.mayBeLocal(file, spec);
  files.forEach((file, i) => {
    opts.onProgress?.(i, files.length);
    const src = readSource(join(root, file), opts.maxFileBytes);
    if ("skipped" in src) {
      errors.push({ file, message: src.skipped });
      return;
    }
    if (src.note) errors.push({ file, message: src.note });
    try {
      const sf = parseSource(file, src.text);
      const syntax = firstSyntaxError(sf);
      if (syntax) errors.push({ file, line: syntax.line, column: syntax.column, message: `syntax error: ${syntax.message} (the rest of the file was still scanned)` });
      const d = walkFile(sf, rules);
      if (d.truncated) errors.push({ file, message: `stopped after ${NODE_BUDGET.toLocaleString("en")} syntax nodes (per-file budget); findings after that point are missing` });
      const found = toFindings(file, sf, withoutSettingFields(d.hits, rules.names));
      // Only sources that hold a suppression comment are kept for the suppression pass: keeping
      // every file with a finding held the whole tree in memory and re-read it for nothing.
      if (src.text.includes(DIRECTIVE_MARK)) texts.set(file, src.text);
      // Not push(...found): a spread passes every finding as an argument, and a file with
      // 100,000 findings overflows the stack (it looked like deep nesting).
      for (const f of found) findings.push(f);
      for (const [name, fields] of d.types) types.set(name, fields);
      if (d.deferred.length) deferred.push({ file, items: d.deferred, sf });
      flows.push(evaluateFile(d.facts, rules, local));
    } catch (err) {
      // Deep nesting (roughly 1,000 levels and more) overflows the parser's or the walker's
      // recursion; the file is reported, the scan goes on. Not every RangeError is that.
      const overflow = err instanceof RangeError && /call stack/i.test(err.message);
      const msg = overflow
        ? "skipped: code nested too deeply to analyse (the stack ran out, typically past 1,000 levels); nothing in this file was reported"
        : `skipped: internal error while scanning (${(err as Error).message})`;
      errors.push({ file, message: msg });
    }
  });
  opts.onProgress?.(files.length, files.length);
  for (const d of deferred) {
    const found = resolveDeferred(d.file, d.sf, d.items, types, rules);
    for (const f of found) findings.push(f);
  }
  const flow = propagate(flows, resolver);
  mergeFlowFindings(findings, flow, (id) => !!rules.byId.get(id)?.calls);
  for (const n of flow.notes) errors.push(n);
  for (const p of resolver.configProblems) errors.push({ file: p.file, message: `tsconfig could not be read (${p.message}); imports were resolved without its paths` });
  return { findings, errors, texts };
}
