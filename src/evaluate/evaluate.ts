import { join } from "node:path";
import type { Finding, UnusedDeclaration } from "../types.js";
import type { Manifest } from "../config/load-manifest.js";
import type { Taxonomy } from "../config/categories.js";
import { activityWithinScan } from "../config/code-coverage.js";
import type { RecipientDef } from "../config/recipients-loader.js";
import { manifestRecipientsOf } from "./recipients.js";
import { violates, type EvaluateOptions } from "./violations.js";

/**
 * SPEC §4: a finding is declared when an activity whose code covers its file lists its
 * category; an activity's declaration is unused when no finding of it lies in its code.
 * With a `recipients` list, a declared finding that reaches a third party must also reach it
 * for one of its declaring activities, or it is undeclared for its recipient.
 * Suppressed findings keep their status; they still count as "seen" for unused checks.
 * An undeclared `schema` finding is inventory, not a violation (SPEC §3), unless
 * `countSchema` says shapes count too.
 */
export function evaluate(findings: Finding[], manifest: Manifest | null, root: string, taxonomy: Taxonomy, catalogue: readonly RecipientDef[] = [], opts: EvaluateOptions = {}): UnusedDeclaration[] {
  if (!manifest) {
    for (const f of findings) if (f.status !== "suppressed") f.status = "unchecked";
    return [];
  }
  const seen = new Map<string, Set<string>>(); // activity → categories found in its code
  const coverCache = new Map<string, string[]>(); // file → activities covering it
  const byId = new Map(manifest.view.activities.map((a) => [a.id, a]));
  const recipientsOf = manifest.view.checksRecipients ? manifestRecipientsOf(manifest.view, catalogue) : null;
  for (const f of findings) {
    let covering = coverCache.get(f.file);
    if (!covering) {
      const abs = join(root, f.file);
      covering = manifest.view.activities.filter((a) => manifest.covers(a, abs)).map((a) => a.id);
      coverCache.set(f.file, covering);
    }
    const declaring = covering.filter((id) => byId.get(id)!.data.includes(f.category));
    f.activities = declaring;
    // An undeclared shape stays undeclared but is no violation unless --count-schema (SPEC §3).
    const violation = !declaring.length ? (violates(f, opts) ? "category" : undefined) : recipientsOf && f.recipient !== null && !reachesDeclared(declaring, recipientsOf(f.recipient)) ? "recipient" : undefined;
    if (f.status !== "suppressed") f.status = !declaring.length || violation ? "undeclared" : "declared";
    if (violation) f.violation = violation;
    for (const id of covering) {
      const s = seen.get(id) ?? new Set<string>();
      s.add(f.category);
      seen.set(id, s);
    }
  }
  function reachesDeclared(declaring: string[], standsFor: Set<string> | null): boolean {
    return standsFor === null || declaring.some((id) => byId.get(id)!.recipients.some((r) => standsFor.has(r)));
  }
  const unused: UnusedDeclaration[] = [];
  for (const a of manifest.view.activities) {
    if (!activityWithinScan(manifest, a.code, root)) continue; // part of its code is outside the scanned folder
    const found = seen.get(a.id) ?? new Set<string>();
    const reported = new Set<string>();
    for (const term of a.declared) {
      const ids = taxonomy.resolve(term) ?? [];
      if (ids.some((id) => found.has(id))) continue;
      // A group is one declaration: unused only if none of its members is found.
      const group = taxonomy.groups.find((g) => g.id === term.toLowerCase());
      const label = group ? group.id : ids[0];
      if (!reported.has(label)) {
        reported.add(label);
        unused.push({ activity: a.id, category: label });
      }
    }
  }
  return unused.sort((x, y) => (x.activity < y.activity ? -1 : x.activity > y.activity ? 1 : x.category < y.category ? -1 : x.category > y.category ? 1 : 0));
}
