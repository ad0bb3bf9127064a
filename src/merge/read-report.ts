// Reads one JSON report (SPEC §5) for `policytrace merge`. A CI matrix hands over whatever
// its jobs uploaded, so each file is checked against the published report schema before
// anything is combined, and a problem names the file, line and column and what to do.

import { readFileSync, statSync } from "node:fs";
import { lazyValidator } from "../config/lazy-validator.js";
import { ConfigError } from "../config/config-error.js";
import { toolVersion } from "../config/package-paths.js";
import { schemaError } from "../config/schema-errors.js";
import { parseYamlText } from "../config/yaml-file.js";
import { reportSchema } from "../report/report-schema.js";
import type { ScanResult } from "../types.js";

/** A JSON report as `scan --format json` writes it: the result model without the reporter-only context. */
export type JsonReport = Omit<ScanResult, "context">;

const reportValidator = lazyValidator(reportSchema);
const RESCAN = "Write it with `policytrace scan --format json --output <file>`.";

export function readReport(path: string, display: string): JsonReport {
  const text = readText(path, display);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, err as Error, display);
  }
  refuseOtherShapes(data, display);
  const validate = reportValidator();
  if (!validate(data)) {
    // Only a broken report pays for parsing it again with positions (JSON is YAML).
    let file;
    try {
      file = parseYamlText(text, display);
    } catch {
      throw new ConfigError(`not a valid policytrace report: ${validate.errors?.[0]?.instancePath || "/"} ${validate.errors?.[0]?.message ?? ""}`, display, undefined, undefined, RESCAN);
    }
    const e = schemaError(file, validate.errors ?? [], "the report");
    const version = String((data as JsonReport).tool.version);
    // Fields are added within schemaVersion 1: a newer writer's field is unknown to an older reader.
    const hint = version !== toolVersion
      ? `It was written by policytrace ${version}, this is ${toolVersion}: merge with the version that scanned.`
      : e.hint?.replace(/^Add "(.+):"\.$/, `A report is written, not edited: was "$1" removed? ${RESCAN}`) || RESCAN;
    throw new ConfigError(`not a valid policytrace report: ${e.message}`, display, e.line, e.column, hint);
  }
  return data as JsonReport;
}

function readText(path: string, display: string): string {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ConfigError(`cannot read: it is ${st.isDirectory() ? "a folder" : "not a regular file"}`, display, undefined, undefined, "Pass the path of a JSON report.");
    return readFileSync(path, "utf8");
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EACCES" || code === "EPERM" ? "permission denied" : "read failed";
    throw new ConfigError(`cannot read (${code ?? "unknown error"}: ${why})`, display, undefined, undefined, "Check the path: merge takes the JSON reports of earlier scans.");
  }
}

/** Node's JSON.parse names a character offset; a person editing the file wants a line and column. */
function jsonSyntaxError(text: string, err: Error, display: string): ConfigError {
  const offset = /at position (\d+)/.exec(err.message)?.[1];
  const message = err.message.replace(/\s*in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "");
  if (offset === undefined) return new ConfigError(`not JSON: ${message}`, display, undefined, undefined, RESCAN);
  const before = text.slice(0, Number(offset));
  const line = before.split("\n").length;
  const column = Number(offset) - before.lastIndexOf("\n");
  return new ConfigError(`not JSON: ${message}`, display, line, column, `A truncated upload or a text/Markdown report? ${RESCAN}`);
}

/** What users pass by mistake: a SARIF log, a baseline, a report of another schema version. */
function refuseOtherShapes(data: unknown, display: string): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigError("not a policytrace report: expected a JSON object", display, 1, 1, RESCAN);
  }
  const d = data as Record<string, unknown>;
  if (typeof d.$schema === "string" && d.$schema.includes("sarif") || Array.isArray(d.runs)) {
    throw new ConfigError("this is a SARIF log, not a policytrace JSON report", display, undefined, undefined, `merge reads the JSON format (it renders SARIF itself: merge --format sarif). ${RESCAN}`);
  }
  if ((d.tool as { name?: unknown } | undefined)?.name !== "policytrace") {
    throw new ConfigError('not a policytrace report: expected "tool": { "name": "policytrace" }', display, undefined, undefined, RESCAN);
  }
  if (typeof d.createdAt === "string" && !("summary" in d)) {
    throw new ConfigError("this is a policytrace baseline, not a report", display, undefined, undefined, RESCAN);
  }
  if (d.schemaVersion !== 1) {
    throw new ConfigError(`report of schemaVersion ${JSON.stringify(d.schemaVersion)}; this policytrace reads schemaVersion 1 only`, display, undefined, undefined,
      "Merge it with the policytrace version that wrote it, or scan again with this version.");
  }
}
