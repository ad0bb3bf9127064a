// `scan --labels`: a label beside what the code collects. A category the code collects that the
// label leaves out is `omitted` (a violation); a type the label claims that no collected
// category maps to is `unused` (the label over-claims), like an unused manifest declaration.

import type { LabelCheck, ScanResult } from "../types.js";
import { collectedCategories } from "./collected.js";
import { fidesKey } from "./export-fides.js";
import { labelTables, type LabelFormat, type TypeMapping } from "./label-tables.js";
import type { LabelClaims } from "./read-label.js";

/** The label type a category maps to in a format, and the note when it is only the nearest. */
export function labelType(format: LabelFormat, category: string, result: ScanResult): TypeMapping {
  const t = labelTables();
  if (format === "apple") return t.apple.categories[category] ?? { type: t.apple.other, note: "Apple has no type for it" };
  if (format === "play") return t.play.categories[category]!;
  const k = fidesKey(category, result.context.categories);
  return { type: k.key, ...(k.note ? { note: k.note } : {}) };
}

/** fideslang keys are a tree: a label that names a parent (user.contact) covers its children. */
function covers(format: LabelFormat, claimed: string, type: string): boolean {
  if (claimed === type) return true;
  return format === "fides" && (type.startsWith(`${claimed}.`) || claimed.startsWith(`${type}.`));
}

export function checkLabel(result: ScanResult, file: string, label: LabelClaims): LabelCheck {
  const collected = collectedCategories(result);
  const categories = collected.map((c) => {
    const m = labelType(label.format, c.category, result);
    const first = c.findings[0];
    return {
      category: c.category,
      type: m.type,
      ...(m.note ? { note: m.note } : {}),
      status: label.claims.some((x) => covers(label.format, x.type, m.type)) ? ("labelled" as const) : ("omitted" as const),
      file: first.file,
      line: first.line,
      column: first.column,
      findings: c.findings.length,
    };
  });
  const seen = new Set<string>();
  const unused = label.claims.filter((x) => {
    if (seen.has(x.type)) return false;
    seen.add(x.type);
    return !categories.some((c) => covers(label.format, x.type, c.type));
  }).map((x) => ({ type: x.type, ...(x.line ? { line: x.line } : {}) }));
  return { file, format: label.format, categories, unused };
}

export const omissions = (result: ScanResult) => (result.labels ?? []).reduce((n, l) => n + l.categories.filter((c) => c.status === "omitted").length, 0);
export const overClaims = (result: ScanResult) => (result.labels ?? []).reduce((n, l) => n + l.unused.length, 0);
