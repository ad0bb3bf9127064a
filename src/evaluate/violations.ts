import type { Finding } from "../types.js";

export interface EvaluateOptions {
  /** `--count-schema`: an undeclared data shape fails the run like any other finding. */
  countSchema?: boolean;
}

/**
 * SPEC §3: a `schema` finding describes a shape the code declares, not a place that obtains
 * or moves the data; undeclared, it is inventory. Every other kind of undeclared finding is a
 * violation.
 */
export function violates(f: Finding, opts: EvaluateOptions): boolean {
  return f.kind !== "schema" || opts.countSchema === true;
}

/**
 * The findings that fail `--fail-on undeclared`: undeclared, not suppressed, and not a data
 * shape left as inventory (evaluate() gives those no `violation`).
 */
export function isViolation(f: Finding): boolean {
  return f.status === "undeclared" && (f.violation !== undefined || f.kind !== "schema");
}
