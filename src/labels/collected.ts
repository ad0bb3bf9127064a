// What the code collects, per category, as a label sees it: every finding that obtains or moves
// the data (not a `schema` shape, not a finding suppressed in the code), the activities that declare it,
// and the third parties it reaches.

import type { ActivityView, Finding, ScanResult } from "../types.js";
import { byLocation } from "../report/markdown.js";

export interface CollectedCategory {
  category: string;
  /** Sorted by location; the first is where a label check points. */
  findings: Finding[];
  /** Activities that declare the category where the code collects it. */
  activities: ActivityView[];
  /** Collection points no activity declares. */
  undeclared: number;
  /** Third-party recipients (SDK ids or hosts) the data reaches. */
  recipients: string[];
}

/** A baseline accepts undeclared collection without making it less real; an inline suppression says it is not collection. */
export const countsAsCollection = (f: Finding) => f.kind !== "schema" && (f.status !== "suppressed" || f.suppression?.source === "baseline");

/** In catalogue order (SPEC §2), so every label lists types the same way for the same code. */
export function collectedCategories(result: ScanResult): CollectedCategory[] {
  const byId = new Map((result.context.manifest?.activities ?? []).map((a) => [a.id, a]));
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (!countsAsCollection(f)) continue;
    const list = groups.get(f.category);
    if (list) list.push(f);
    else groups.set(f.category, [f]);
  }
  const order = result.context.categories.map((c) => c.id);
  return [...groups.keys()]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((category) => {
      const findings = groups.get(category)!.sort(byLocation);
      const ids = new Set(findings.flatMap((f) => f.activities));
      return {
        category,
        findings,
        activities: [...ids].sort().map((id) => byId.get(id)!).filter(Boolean),
        undeclared: findings.filter((f) => f.activities.length === 0).length,
        recipients: [...new Set(findings.map((f) => f.recipient).filter((r): r is string => r !== null))].sort(),
      };
    });
}
