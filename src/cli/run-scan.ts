// The scan as every command runs it: shared flags, inline suppressions and progress.

import { Option, type Command } from "commander";
import { loadTaxonomy } from "../config/categories.js";
import { ConfigError } from "../config/config-error.js";
import { scan, type ScanOptions } from "../run.js";
import type { Confidence, ScanResult } from "../types.js";
import { MIN_CONFIDENCE_CHOICES } from "../evaluate/min-confidence.js";
import { applyInlineSuppressions } from "../suppress/inline-suppressions.js";
import { createProgress, progressWanted } from "./progress.js";
import type { Io } from "./io.js";

export interface ScanFlags {
  manifest?: string;
  rules: string[];
  all?: boolean;
  maxFileSize: number;
  quiet?: boolean;
  minConfidence?: Confidence;
  jobs?: number;
  cache?: boolean;
  cacheLocation?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** The flags that decide what is found; `init` has no --manifest (it writes one). */
export function addScanFlags(cmd: Command, withManifest = true): Command {
  if (withManifest) cmd.option("--manifest <file>", "manifest path (default: the nearest privacy-manifest.yml in dir or above it, up to the repository root)");
  return cmd
    .option("--rules <dir>", "extra rule files (repeatable)", collect, [])
    .option("--all", "also scan node_modules, build output and .gitignored files")
    .option("--max-file-size <kb>", "skip files larger than this many KB", (v) => parsePositive(v, "--max-file-size"), 2048)
    .option("--quiet", "no progress line on stderr")
    .addOption(new Option("--min-confidence <level>", "report and fail only on findings at or above this confidence (default: all)").choices([...MIN_CONFIDENCE_CHOICES]))
    .option("--jobs <n>", "threads for parsing and per-file analysis (default: one less than the cores from 4 cores, for scans big enough to gain; else 1); the report does not depend on it", (v) => parseWhole(v, "--jobs"))
    .option("--cache", "reuse the analysis of unchanged files from the last run")
    .option("--cache-location <dir>", "folder for the cache (implies --cache; default node_modules/.cache/policytrace under the scanned folder)");
}

export async function runScan(dir: string, flags: ScanFlags, io: Io, extra: Partial<ScanOptions> = {}): Promise<ScanResult> {
  const progress = createProgress({ write: io.stderr, enabled: progressWanted(Boolean(io.stderrIsTTY), io.env, flags.quiet) });
  const taxonomy = loadTaxonomy();
  try {
    return await scan({
      dir,
      manifest: flags.manifest,
      rules: flags.rules,
      all: flags.all,
      maxFileBytes: flags.maxFileSize * 1024,
      minConfidence: flags.minConfidence,
      jobs: flags.jobs,
      cache: flags.cache,
      cacheLocation: flags.cacheLocation,
      cwd: io.cwd,
      onProgress: progress.update,
      postDetect: (findings, texts, result) => applyInlineSuppressions(findings, texts, result, taxonomy),
      ...extra,
    });
  } finally {
    progress.done();
  }
}

function parsePositive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${flag} needs a positive number, got "${v}"`);
  return n;
}

function parseWhole(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} needs a whole number of 1 or more, got "${v}"`, undefined, undefined, undefined, "Use --jobs 1 to scan on one thread.");
  return n;
}
