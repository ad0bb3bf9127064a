// `policytrace explain <finding>`: which findings the user means, by id (or a unique prefix
// of one, as git takes commits) or by `file:line[:column]` as every report prints it.

import { closest, distance } from "fastest-levenshtein";
import { ConfigError } from "../config/config-error.js";
import type { Finding } from "../types.js";

const ID = /^[0-9a-f]{4,}$/i;
const LOCATION = /^(.+?):(\d+)(?::(\d+))?$/;
const MAX_SUGGESTIONS = 5;

/**
 * The findings `query` names, never empty: an unknown or ambiguous query is a ConfigError
 * (exit 2) that lists the nearest ids, lines or files. `file` in a location is relative to
 * the scanned folder (as reports print it); `toRootRelative` maps one written another way.
 */
export function pickFindings(findings: Finding[], query: string, toRootRelative: (file: string) => string | undefined): Finding[] {
  const q = query.trim();
  if (ID.test(q)) {
    const byId = findings.filter((f) => f.id.startsWith(q.toLowerCase()));
    if (byId.length === 1) return byId;
    if (byId.length > 1) {
      throw new ConfigError(`"${q}" is the start of ${byId.length} finding ids`, undefined, undefined, undefined,
        `Give more of the id: ${byId.slice(0, MAX_SUGGESTIONS).map(label).join("; ")}${byId.length > MAX_SUGGESTIONS ? "; …" : ""}`);
    }
  }
  const loc = LOCATION.exec(q);
  if (loc) return pickByLocation(findings, loc[1], Number(loc[2]), loc[3] === undefined ? undefined : Number(loc[3]), toRootRelative);
  if (ID.test(q)) throw unknownId(findings, q);
  throw new ConfigError(`"${q}" is neither a finding id nor a file:line`, undefined, undefined, undefined,
    "Pass an id from a report (its first characters are enough) or a location such as src/account/signup.ts:12.");
}

function pickByLocation(findings: Finding[], written: string, line: number, column: number | undefined, toRootRelative: (file: string) => string | undefined): Finding[] {
  const file = findings.some((f) => f.file === normalise(written)) ? normalise(written) : toRootRelative(written) ?? normalise(written);
  const inFile = findings.filter((f) => f.file === file);
  const hits = inFile.filter((f) => f.line === line && (column === undefined || f.column === column));
  if (hits.length > 0) return hits;
  const where = `${file}:${line}${column === undefined ? "" : `:${column}`}`;
  if (inFile.length > 0) {
    const lines = [...new Set(inFile.map((f) => f.line))].sort((a, b) => Math.abs(a - line) - Math.abs(b - line) || a - b).slice(0, MAX_SUGGESTIONS).sort((a, b) => a - b);
    const onLine = column === undefined ? [] : inFile.filter((f) => f.line === line).map((f) => `${f.line}:${f.column}`);
    const hint = onLine.length ? `On line ${line} a finding starts at ${[...new Set(onLine)].join(", ")}.` : `The nearest lines with findings in ${file}: ${lines.join(", ")}.`;
    throw new ConfigError(`no finding at ${where}`, undefined, undefined, undefined, hint);
  }
  const files = [...new Set(findings.map((f) => f.file))];
  const near = nearest(file, files);
  throw new ConfigError(`no finding in ${file}`, undefined, undefined, undefined,
    near.length ? `Did you mean ${near.map((f) => `${f}:${line}`).join(", ")}? Paths are relative to the scanned folder.` : "Paths are relative to the scanned folder; the scan found nothing to explain.");
}

function unknownId(findings: Finding[], q: string): ConfigError {
  const lower = q.toLowerCase();
  // Compare the typed length only: a mistyped prefix is close to the start of the real id.
  const scored = findings.map((f) => ({ f, d: distance(lower, f.id.slice(0, lower.length)) })).filter((x) => x.d <= Math.max(1, Math.floor(lower.length / 4)));
  scored.sort((a, b) => a.d - b.d || (a.f.id < b.f.id ? -1 : 1));
  const hint = scored.length
    ? `Did you mean ${scored.slice(0, MAX_SUGGESTIONS).map((x) => label(x.f)).join("; ")}?`
    : "Ids change when the collecting expression changes; take one from a fresh report, or pass file:line.";
  return new ConfigError(`no finding has an id starting "${q}"`, undefined, undefined, undefined, hint);
}

function label(f: Finding): string {
  return `${f.id} (${f.category} at ${f.file}:${f.line})`;
}

function normalise(file: string): string {
  return file.split("\\").join("/").replace(/^(\.\/)+/, "");
}

/** Up to five paths closest to `file`: same file name first, then by edit distance. */
function nearest(file: string, files: string[]): string[] {
  if (files.length === 0) return [];
  const base = file.split("/").pop()!;
  const sameName = files.filter((f) => f.split("/").pop() === base);
  if (sameName.length) return sameName.slice(0, MAX_SUGGESTIONS);
  const best = closest(file, files);
  return distance(file, best) <= Math.max(3, Math.floor(file.length / 3)) ? [best] : [];
}
