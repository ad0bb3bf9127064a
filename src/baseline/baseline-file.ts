// A baseline records the collection points a team accepts today (by fingerprint), so CI
// fails only on new ones. `policytrace baseline` writes it; `scan --baseline` reads it.
// Fingerprints leave line numbers and the rest of the statement out (src/baseline/fingerprint.ts),
// so moving code or adding an unrelated value to the same call keeps an entry matching, while
// changing the matched call, key or name makes a new finding. A baseline written with version 1
// fingerprints (no `fingerprintVersion`) is still applied, by those fingerprints, with a note
// asking to rewrite it.

import { existsSync, readFileSync } from "node:fs";
import type { Finding, Kind, ScanResult } from "../types.js";
import { ConfigError } from "../config/config-error.js";
import { FINGERPRINT_VERSION, legacyFingerprints } from "./fingerprint.js";

export const BASELINE_NAME = ".policytrace-baseline.json";

export interface BaselineEntry {
  id: string;
  file: string;
  category: string;
  rule: string;
  kind: Kind;
  evidence: string;
}

export interface Baseline {
  schemaVersion: 1;
  /** How `id`s were computed; absent in baselines written before version 2. */
  fingerprintVersion?: number;
  tool: { name: "policytrace"; version: string };
  createdAt: string;
  findings: BaselineEntry[];
}

/**
 * The findings a baseline accepts: the undeclared ones (all of them, unchecked, in an
 * inventory scan). Declared and inline-suppressed findings need no acceptance, and leaving
 * them out means a later manifest change or a removed comment is still reported.
 */
export function baselineOf(result: ScanResult, createdAt: string): Baseline {
  const findings = result.findings
    .filter((f) => f.status === "undeclared" || f.status === "unchecked")
    .map((f): BaselineEntry => ({ id: f.id, file: f.file, category: f.category, rule: f.rule, kind: f.kind, evidence: f.evidence }));
  return { schemaVersion: 1, fingerprintVersion: FINGERPRINT_VERSION, tool: { name: "policytrace", version: result.tool.version }, createdAt, findings };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Is the file at `path` (which exists) a policytrace baseline, i.e. safe to overwrite? */
export function isBaselineFile(path: string): boolean {
  try {
    return problemWith(JSON.parse(readFileSync(path, "utf8"))) === undefined;
  } catch {
    return false;
  }
}

export function readBaseline(path: string, display = path): Baseline {
  if (!existsSync(path)) {
    throw new ConfigError(`baseline not found: ${display}`, undefined, undefined, undefined, "Create it with `policytrace baseline [dir]`, or check the --baseline path.");
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code ? `cannot read it (${code})` : `it is not valid JSON (${(err as Error).message})`;
    throw new ConfigError(`invalid baseline: ${why}`, display, undefined, undefined, "Regenerate it with `policytrace baseline [dir]`.");
  }
  const problem = problemWith(data);
  if (problem) throw new ConfigError(`not a policytrace baseline: ${problem}`, display, undefined, undefined, "Pass a file written by `policytrace baseline [dir]`.");
  return data as Baseline;
}

function problemWith(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "expected a JSON object";
  const d = data as Record<string, unknown>;
  if ((d.tool as { name?: unknown } | undefined)?.name !== "policytrace") return 'expected "tool": { "name": "policytrace" }';
  if (d.schemaVersion !== 1) return `unsupported schemaVersion ${JSON.stringify(d.schemaVersion)} (this version reads 1)`;
  if (!Array.isArray(d.findings)) return 'expected a "findings" list';
  const bad = d.findings.findIndex((e) => typeof (e as BaselineEntry | null)?.id !== "string");
  if (bad >= 0) return `findings[${bad}] has no string "id"`;
  const v = d.fingerprintVersion;
  if (v !== undefined && v !== 1 && v !== FINGERPRINT_VERSION) return `unsupported fingerprintVersion ${JSON.stringify(v)} (this version reads 1 and ${FINGERPRINT_VERSION})`;
  return undefined;
}

/**
 * After evaluation: findings the baseline accepts and that are still not declared become
 * `suppressed`; entries that match no finding at all are stale.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline, label: string): void {
  const legacy = (baseline.fingerprintVersion ?? 1) < FINGERPRINT_VERSION;
  const byId = legacy ? legacyFingerprints(result.findings) : new Map<string, Finding>(result.findings.map((f) => [f.id, f]));
  if (legacy) {
    (result.context.notes ??= []).push({ level: "info", file: label, line: 1, column: 1,
      message: `baseline uses version 1 fingerprints (whole evidence text); its entries were matched by them`,
      hint: `Run \`policytrace baseline --output ${label}\` to rewrite it: version ${FINGERPRINT_VERSION} fingerprints survive unrelated edits in the same statement.` });
  }
  for (const entry of baseline.findings) {
    const f = byId.get(entry.id);
    if (!f) {
      result.context.staleBaseline.push({ id: entry.id, file: String(entry.file ?? ""), category: String(entry.category ?? "") });
      continue;
    }
    if (f.status === "undeclared" || f.status === "unchecked") {
      f.status = "suppressed";
      f.suppression = { source: "baseline", reason: `baseline ${label}` };
    }
  }
  result.context.staleBaseline.sort((a, b) => cmp(a.file, b.file) || cmp(a.category, b.category) || cmp(a.id, b.id));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
