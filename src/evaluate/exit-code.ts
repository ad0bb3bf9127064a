import type { ScanResult } from "../types.js";
import { omissions, overClaims } from "../labels/check-labels.js";
import { isViolation } from "./violations.js";

export const FAIL_ON = ["undeclared", "unused", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * SPEC §1, docs/contract.md: 0 when nothing at or above --fail-on, 1 for violations. (2 is for usage errors.)
 * Undeclared data shapes carry no violation (SPEC §3), and findings below --min-confidence
 * are no longer in the result, so neither fails the run.
 */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (failOn === "none") return 0;
  // A label given with --labels is checked even in an inventory scan: the user asked for it.
  if (omissions(result) > 0 || (failOn === "unused" && overClaims(result) > 0)) return 1;
  if (result.manifest === null) return 0;
  if (result.findings.some(isViolation)) return 1;
  if (failOn === "unused" && result.summary.unused > 0) return 1;
  return 0;
}
