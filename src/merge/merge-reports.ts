// `policytrace merge`: one result from the JSON reports of several repositories or packages
// (SPEC §5). Every path gets its report's name as first segment, so the merged report reads
// as one scan of a folder holding them all; the result model is the same, so every
// reporter renders it unchanged.

import { posix } from "node:path";
import type { Taxonomy } from "../config/categories.js";
import { assignFingerprints } from "../baseline/fingerprint.js";
import { compareFindings } from "../detect/to-findings.js";
import { summarise } from "../run.js";
import type { Finding, ScanContext, ScanError, ScanResult, UnusedDeclaration } from "../types.js";
import type { JsonReport } from "./read-report.js";
import { mergedManifestView } from "./merged-manifest.js";

export interface NamedReport {
  /** The prefix of its paths: repository or package name. */
  name: string;
  report: JsonReport;
}

export interface MergeContext {
  taxonomy: Taxonomy;
  rules: ScanContext["rules"];
  /** Absolute folder the merged paths are relative to (for links in Markdown). */
  root: string;
  startedAt: string;
  toolVersion: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function mergeReports(inputs: NamedReport[], ctx: MergeContext): ScanResult {
  // The order of the arguments must not change the bytes of the report.
  const sorted = [...inputs].sort((a, b) => cmp(a.name, b.name));
  const findings = sorted.flatMap(({ name, report }) => report.findings.map((f) => prefixFinding(f, name)));
  findings.sort(compareFindings);
  // Ids are fingerprints of the path too: recomputed on the merged path, they stay unique
  // across reports and equal what a scan of the folder holding all of them would give.
  assignFingerprints(findings);

  const manifests = sorted.filter((r) => r.report.manifest !== null);
  const manifest = mergedManifestName(manifests);
  const result: ScanResult = {
    schemaVersion: 1,
    tool: { name: "policytrace", version: ctx.toolVersion },
    manifest,
    findings,
    unused: mergeUnused(sorted, findings, ctx.taxonomy),
    errors: sorted.flatMap(({ name, report }) => report.errors.map((e) => prefixError(e, name))).sort(compareErrors),
    summary: { files: sum(sorted, (r) => r.summary.files), findings: 0, declared: 0, undeclared: 0, suppressed: 0, unused: 0, errors: 0, durationMs: 0 },
    context: {
      root: ctx.root,
      manifest: manifest === null ? null : mergedManifestView(manifest, manifests, ctx.taxonomy),
      rules: ctx.rules,
      categories: ctx.taxonomy.categories,
      staleSuppressions: [],
      staleBaseline: [],
      startedAt: ctx.startedAt,
    },
  };
  summarise(result, 0);
  // The time the scans took, not the merge: the same reports give the same summary.
  result.summary.durationMs = sum(sorted, (r) => r.summary.durationMs);
  return result;
}

export function prefixPath(name: string, file: string): string {
  return posix.join(name, file);
}

function prefixFinding(f: Finding, name: string): Finding {
  const out: Finding = { ...f, file: prefixPath(name, f.file), activities: [...f.activities] };
  if (f.trace) out.trace = f.trace.map((s) => ({ ...s, file: prefixPath(name, s.file) }));
  return out;
}

function prefixError(e: ScanError, name: string): ScanError {
  return { ...e, file: e.file ? prefixPath(name, e.file) : name };
}

function compareErrors(a: ScanError, b: ScanError): number {
  return cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.message, b.message);
}

/**
 * The manifest line of the merged report: the file name of each service's manifest (usually
 * one, privacy-manifest.yml), null when no report had one. Names, not paths: a path is
 * relative to one service's folder and would point nowhere in the merged tree.
 */
function mergedManifestName(withManifest: NamedReport[]): string | null {
  if (withManifest.length === 0) return null;
  return [...new Set(withManifest.map((r) => posix.basename(r.report.manifest!)))].sort(cmp).join(", ");
}

/**
 * Activities are matched by id across reports (one policy, many services). A declaration one
 * service never uses is still used when another service collects that category for the same
 * activity; it is unused in the merged report only if no report's finding uses it.
 */
function mergeUnused(inputs: NamedReport[], findings: Finding[], taxonomy: Taxonomy): UnusedDeclaration[] {
  const seen = new Set<string>();
  for (const f of findings) for (const a of f.activities) seen.add(`${a}\u0000${f.category}`);
  const out = new Map<string, UnusedDeclaration>();
  for (const { report } of inputs) {
    for (const u of report.unused) {
      const members = taxonomy.resolve(u.category) ?? [u.category];
      if (members.some((c) => seen.has(`${u.activity}\u0000${c}`))) continue;
      out.set(`${u.activity}\u0000${u.category}`, { activity: u.activity, category: u.category });
    }
  }
  return [...out.values()].sort((x, y) => cmp(x.activity, y.activity) || cmp(x.category, y.category));
}

function sum(inputs: NamedReport[], of: (r: JsonReport) => number): number {
  return inputs.reduce((n, r) => n + of(r.report), 0);
}
