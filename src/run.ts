import { existsSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Confidence, ScanResult, Finding, ScanError, ScanContext } from "./types.js";
import { loadTaxonomy } from "./config/categories.js";
import { loadRuleSet, type RuleSet } from "./config/rules-loader.js";
import { loadManifest, type Manifest } from "./config/load-manifest.js";
import { ConfigError } from "./config/config-error.js";
import { toolVersion } from "./config/package-paths.js";
import { discoverFiles } from "./discover/discover-files.js";
import { compileRules } from "./detect/compiled-rules.js";
import { detectFiles } from "./detect/detect-files.js";
import { ScanCache } from "./detect/cache/scan-cache.js";
import { compareFindings } from "./detect/to-findings.js";
import { assignFingerprints } from "./baseline/fingerprint.js";
import { describeMatcher } from "./report/rule-help.js";
import { evaluate } from "./evaluate/evaluate.js";
import { findRepoRoot, gitInfo } from "./discover/git-info.js";
import { findManifest } from "./config/find-manifest.js";
import { codeCoverageNotes } from "./config/code-coverage.js";
import { resolveRecipients } from "./recipients/resolve-recipients.js";
import { meetsConfidence } from "./evaluate/min-confidence.js";

export interface ScanOptions {
  dir: string;
  /** Explicit manifest path; otherwise the nearest privacy-manifest.yml in dir or above it, up to the repository root. */
  manifest?: string;
  /** Skip the manifest even if one exists (init uses this). */
  noManifest?: boolean;
  rules?: string[];
  /** Include node_modules, build output and .gitignored files. */
  all?: boolean;
  maxFileBytes?: number;
  cwd?: string;
  onProgress?: (done: number, total: number) => void;
  /** Post-detection step (inline suppression comments) run before evaluation. */
  postDetect?: (findings: Finding[], texts: Map<string, string>, result: ScanResult) => void;
  /** Post-evaluation step (baseline: it accepts only what is still undeclared) run before the summary. */
  postEvaluate?: (result: ScanResult) => void;
  /** Report (and fail on) only findings at or above this confidence; everything by default. */
  minConfidence?: Confidence;
  /** Undeclared `schema` findings are violations too (SPEC §3 makes them inventory by default). */
  countSchema?: boolean;
  /** Worker threads for the per-file phase (default: the cores, when the scan is big enough to gain). */
  jobs?: number;
  /** Reuse per-file analysis of unchanged files from the last run (SPEC §1 --cache). */
  cache?: boolean;
  /** The folder that holds the cache; default node_modules/.cache/policytrace under the scanned folder. */
  cacheLocation?: string;
}

export { MANIFEST_NAME } from "./config/find-manifest.js";

/** discover → parse → detect → recipients → evaluate. Throws ConfigError for anything the user must fix. */
export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const cwd = opts.cwd ?? process.cwd();
  const root = resolve(cwd, opts.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ConfigError(`cannot scan "${opts.dir}": not a directory`, undefined, undefined, undefined, "Pass the folder of the app to audit.");
  }
  const taxonomy = loadTaxonomy();
  const repoRoot = findRepoRoot(root);
  const manifest = loadManifestFor(opts, root, cwd, taxonomy, repoRoot);
  const ruleDirs = [...(opts.rules ?? [])];
  for (const r of manifest?.audit.rules ?? []) ruleDirs.push(resolve(manifest!.dir, r));
  const ruleSet: RuleSet = loadRuleSet(taxonomy, ruleDirs, cwd);
  // An id is known when the catalogue has it or a rule reports it as its recipient.
  manifest?.checkRecipients([...new Set([...ruleSet.recipients.map((r) => r.id), ...ruleSet.rules.flatMap((r) => (r.recipient ? [r.recipient] : []))])]);
  const compiled = compileRules(ruleSet);

  const scopeFromManifest = (globs: string[] | undefined) =>
    globs?.map((g) => relative(root, join(manifest!.dir, g)).split("\\").join("/") || g);
  const skipped: ScanError[] = [];
  const files = await discoverFiles(root, {
    include: scopeFromManifest(manifest?.audit.include),
    exclude: scopeFromManifest(manifest?.audit.exclude),
    all: opts.all,
    notes: skipped,
  });
  const notes = manifest ? codeCoverageNotes(manifest, root, files) : [];
  const cache = opts.cache || opts.cacheLocation
    ? new ScanCache(opts.cacheLocation ? resolve(cwd, opts.cacheLocation) : join(root, "node_modules", ".cache", "policytrace"), { root, rules: [ruleSet.rules, ruleSet.vocabulary], maxFileBytes: opts.maxFileBytes })
    : undefined;
  const detection = await detectFiles(root, files, compiled, { maxFileBytes: opts.maxFileBytes, onProgress: opts.onProgress, jobs: opts.jobs, ruleSource: { dirs: ruleDirs, cwd }, cache });
  notes.push(...detection.notes);
  const findings = detection.findings.sort(compareFindings);
  assignFingerprints(findings);
  resolveRecipients(findings, ruleSet.recipients);

  const result: ScanResult = {
    schemaVersion: 1,
    tool: { name: "policytrace", version: toolVersion },
    manifest: manifest ? relative(root, resolve(cwd, manifest.view.path)).split("\\").join("/") : null,
    findings,
    unused: [],
    errors: [...skipped, ...detection.errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    summary: { files: files.length, findings: 0, declared: 0, undeclared: 0, suppressed: 0, unused: 0, errors: 0, durationMs: 0 },
    context: {
      root,
      ...(repoRoot ? { repoRoot } : {}),
      manifest: manifest?.view ?? null,
      rules: ruleViews(ruleSet),
      categories: taxonomy.categories,
      staleSuppressions: [],
      staleBaseline: [],
      notes,
      startedAt: new Date(started).toISOString(),
      git: gitInfo(root),
    },
  };
  opts.postDetect?.(findings, detection.texts, result);
  result.unused = evaluate(findings, manifest, root, taxonomy, ruleSet.recipients, { countSchema: opts.countSchema });
  opts.postEvaluate?.(result);
  // After evaluation and the baseline: a weak finding still shows a declaration is used and
  // still matches its baseline entry; it is only left out of what is reported and fails.
  const min = opts.minConfidence;
  if (min) result.findings = result.findings.filter((f) => meetsConfidence(f, min));
  summarise(result, started);
  return result;
}

/** What reporters show of the rules (SARIF's rule descriptions). */
export function ruleViews(ruleSet: RuleSet): ScanContext["rules"] {
  return ruleSet.rules.map((r) => ({ id: r.id, category: r.category, kind: r.kind, confidence: r.confidence, description: r.description ?? "", recipient: r.recipient,
    matches: describeMatcher(r), ...(r.tests?.positive?.[0] ? { example: r.tests.positive[0] } : {}) }));
}

export function summarise(result: ScanResult, started: number): void {
  const count = (s: string) => result.findings.filter((f) => f.status === s).length;
  result.summary = {
    files: result.summary.files,
    findings: result.findings.length,
    declared: count("declared"),
    undeclared: count("undeclared"),
    suppressed: count("suppressed"),
    unused: result.unused.length,
    errors: result.errors.length,
    durationMs: Date.now() - started,
  };
}

function loadManifestFor(opts: ScanOptions, root: string, cwd: string, taxonomy: ReturnType<typeof loadTaxonomy>, repoRoot: string | undefined): Manifest | null {
  if (opts.noManifest) return null;
  if (opts.manifest) {
    const abs = resolve(cwd, opts.manifest);
    if (!existsSync(abs)) throw new ConfigError(`manifest not found: ${opts.manifest}`, undefined, undefined, undefined, "Check --manifest, or run `policytrace init` to write one.");
    return loadManifest(abs, taxonomy, relative(cwd, abs) || basename(abs));
  }
  const { found } = findManifest(root, repoRoot);
  return found ? loadManifest(found, taxonomy, relative(cwd, found) || basename(found)) : null;
}
