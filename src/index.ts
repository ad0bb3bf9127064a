// The library API (package `exports`): the scan the CLI runs, the pure formatters, and the
// result types. The contract — report fields, manifest format, exit codes — is docs/contract.md.
//
//   import { scan, renderMarkdown, exitCodeFor } from "policytrace";
//   const result = await scan({ dir: "packages/app" });
//   console.log(renderMarkdown(result));
//   process.exitCode = exitCodeFor(result, "undeclared");

import { loadTaxonomy } from "./config/categories.js";
import { scan as runPipeline, type ScanOptions } from "./run.js";
import { applyInlineSuppressions } from "./suppress/inline-suppressions.js";
import type { ScanResult } from "./types.js";

export type { ScanOptions } from "./run.js";
export type * from "./types.js";
export type { FailOn } from "./evaluate/exit-code.js";
export type { RenderOptions } from "./report/formats.js";

/**
 * Audits `dir` against its manifest (the nearest privacy-manifest.yml up to the repository
 * root, or `manifest`), honouring inline `policytrace-ignore` comments as the CLI does.
 * Throws ConfigError (with file, line, column and a hint) for anything the user must fix.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const taxonomy = loadTaxonomy();
  return runPipeline({
    postDetect: (findings, texts, result) => applyInlineSuppressions(findings, texts, result, taxonomy),
    ...options,
  });
}

export { ConfigError, ConfigErrors } from "./config/config-error.js";
export { exitCodeFor, FAIL_ON } from "./evaluate/exit-code.js";
export { FORMATS } from "./report/formats.js";
export { renderText } from "./report/text.js";
export { renderJson } from "./report/json.js";
export { renderSarif, buildSarif } from "./report/sarif.js";
export { renderMarkdown } from "./report/markdown.js";
export { reportSchema } from "./report/report-schema.js";
export { manifestSchema } from "./config/manifest-schema.js";
export { MANIFEST_SCHEMA_ID } from "./config/manifest-json-schema.js";
export { toolVersion as version } from "./config/package-paths.js";
