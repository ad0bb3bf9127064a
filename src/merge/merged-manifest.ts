// The manifest view of a merged report, for the reporters that draw the policy table and the
// data map. A JSON report carries no manifest, only what it decided: which activities
// declared each finding, which declarations went unused. The view is rebuilt from that, so
// the merged Markdown shows one table and one data map across every service.

import type { Taxonomy } from "../config/categories.js";
import type { ActivityView, ManifestView } from "../types.js";
import { prefixPath, type NamedReport } from "./merge-reports.js";

/** For an activity known only from unused entries: a pattern that no file path matches. */
const UNKNOWN_CODE = "code not known from the reports/";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per activity id: the categories its findings and unused entries show it declares, the
 * recipients its declared findings reach (a recipient violation means it was not declared),
 * and as its code the files where it declared a finding: the report does not keep the
 * activity's globs, and a guess wider than what is known would claim coverage nobody wrote.
 * Purposes and bases are not in a JSON report either, so they stay empty.
 */
export function mergedManifestView(path: string, reports: NamedReport[], taxonomy: Taxonomy): ManifestView {
  const acts = new Map<string, { data: Set<string>; declared: Set<string>; recipients: Set<string>; code: Set<string> }>();
  const activity = (id: string) => {
    let a = acts.get(id);
    if (!a) acts.set(id, (a = { data: new Set(), declared: new Set(), recipients: new Set(), code: new Set() }));
    return a;
  };
  for (const { name, report } of reports) {
    for (const f of report.findings) {
      for (const id of f.activities) {
        const a = activity(id);
        a.data.add(f.category);
        a.declared.add(f.category);
        a.code.add(literalGlob(prefixPath(name, f.file)));
        if (f.recipient && f.status === "declared" && f.violation !== "recipient") a.recipients.add(f.recipient);
      }
    }
    for (const u of report.unused) {
      const a = activity(u.activity);
      for (const c of taxonomy.resolve(u.category) ?? [u.category]) a.data.add(c);
      a.declared.add(u.category);
    }
  }
  const activities: ActivityView[] = [...acts.keys()].sort(cmp).map((id) => {
    const a = acts.get(id)!;
    // No code at all would mean "everywhere" (SPEC §4); a folder pattern matches no file.
    const code = a.code.size > 0 ? [...a.code].sort(cmp) : [UNKNOWN_CODE];
    return { id, data: [...a.data].sort(cmp), declared: [...a.declared].sort(cmp), purposes: [], basis: "", recipients: [...a.recipients].sort(cmp), code };
  });
  const recipients = [...new Set(activities.flatMap((a) => a.recipients))].sort(cmp).map((id) => ({ id, name: id }));
  return { path, activities, recipients };
}

/** A glob that matches exactly this path (picomatch reads a backslash as an escape). */
function literalGlob(file: string): string {
  return file.replace(/[\\*?[\]{}()!+@]/g, "\\$&");
}
