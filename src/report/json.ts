import type { ScanResult } from "../types.js";

/** SPEC §5, schemaVersion 1: the result model without the reporter-only context. */
export function renderJson(result: ScanResult): string {
  const findings = result.findings.map((f) => {
    const { suppression, ...rest } = f;
    return suppression ? { ...rest, suppression } : rest;
  });
  const errors = result.errors.map((e) => ({ file: e.file, message: e.message, ...(e.line ? { line: e.line, column: e.column } : {}) }));
  const out = {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    manifest: result.manifest,
    findings,
    unused: result.unused,
    errors,
    summary: result.summary,
    ...(result.labels ? { labels: result.labels } : {}), // SPEC §7, additive: only with --labels
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
