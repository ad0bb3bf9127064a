// `scan --labels FILE` (repeatable): each label is read before the scan, so a broken one is a
// usage error (exit 2) before any work, and checked once the findings are evaluated.

import { relative, resolve } from "node:path";
import type { ScanResult } from "../types.js";
import { checkLabel } from "./check-labels.js";
import { readLabel } from "./read-label.js";

export function labelsHook(files: string[], cwd: string): ((r: ScanResult) => void) | undefined {
  if (!files.length) return undefined;
  const labels = files.map((f) => ({ abs: resolve(cwd, f), claims: readLabel(resolve(cwd, f), f) }));
  return (result) => {
    result.labels = labels.map((l) => checkLabel(result, relative(result.context.root, l.abs).split("\\").join("/"), l.claims));
  };
}
