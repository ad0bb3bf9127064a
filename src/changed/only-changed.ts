// Narrows a finished scan to the files a change touches (`scan --changed-since`). It runs
// after evaluation and the baseline, so statuses and stale baseline entries are those of
// the whole project; what is dropped is only what lies in files the change left alone.

import { existsSync } from "node:fs";
import type { ScanResult } from "../types.js";
import { changedFiles } from "./changed-files.js";

export interface Narrowed {
  /** Findings kept, of how many. */
  kept: number;
  total: number;
}

/**
 * Keeps findings, per-file notes, stale suppressions and stale baseline entries of changed
 * files. Unused declarations stay: they are a property of the whole project, and a change
 * that deletes the last collection of a declared category is exactly what makes one.
 */
export function onlyChanged(result: ScanResult, changed: ReadonlySet<string>): Narrowed {
  const total = result.findings.length;
  result.findings = result.findings.filter((f) => changed.has(f.file));
  result.errors = result.errors.filter((e) => changed.has(e.file));
  result.context.staleSuppressions = result.context.staleSuppressions.filter((s) => changed.has(s.file));
  result.context.staleBaseline = result.context.staleBaseline.filter((s) => changed.has(s.file));
  return { kept: result.findings.length, total };
}

/**
 * For `scan --changed-since`: lists the changed files before the scan (a bad ref is exit 2
 * before any work) and returns the post-evaluation step that narrows the result.
 */
export function changedSinceStep(ref: string, root: string, note: (text: string) => void): (result: ScanResult) => void {
  const changed = existsSync(root) ? changedFiles(root, ref) : new Set<string>(); // a missing folder is scan's error to report
  return (result) => {
    const { kept, total } = onlyChanged(result, changed);
    note(`policytrace: --changed-since ${ref}: ${kept} of ${total} finding${total === 1 ? "" : "s"} in the ${changed.size} changed file${changed.size === 1 ? "" : "s"} reported\n`);
  };
}
