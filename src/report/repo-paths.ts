// Reports name files relative to the scanned folder (what a person typed). Machines that
// read a report from a checkout (code scanning, workflow annotations) need them relative to
// the repository root: these helpers turn one into the other.

import { isAbsolute, relative } from "node:path";
import { posix } from "node:path";
import type { ScanResult } from "../types.js";

const toPosix = (p: string) => p.split("\\").join("/");

/** The scanned folder relative to the repository root ("" at the root, or when it is not in a repository). */
export function scannedPathInRepo(result: ScanResult, fallbackRoot?: string): string {
  const top = result.context.repoRoot ?? fallbackRoot;
  if (!top) return "";
  const rel = toPosix(relative(top, result.context.root));
  return rel.startsWith("..") || isAbsolute(rel) ? "" : rel;
}

/** A report path (relative to the scanned folder) as a path from the repository root. */
export function repoPath(prefix: string, file: string): string {
  return prefix ? posix.normalize(posix.join(prefix, file)) : file;
}

/** A `file://` URI of the repository root (or the scanned folder), ending in a slash as SARIF requires. */
export function folderUri(abs: string): string {
  const p = toPosix(abs);
  const path = p.startsWith("/") ? p : `/${p}`;
  return `file://${path.split("/").map(encodeURIComponent).join("/").replace(/%3A/g, ":")}${path.endsWith("/") ? "" : "/"}`;
}
