// What an activity's manifest purposes say on each label (rules/labels/purposes.yml), and the
// answers that come from its basis: an activity's `labels:` overrides any of them.

import type { ActivityView } from "../types.js";
import { labelTables, type PurposeEntry, type PurposeTable } from "./label-tables.js";

export interface ActivityAnswers {
  apple: string[];
  play: string[];
  /** One fideslang data use per distinct purpose entry (fides allows one use per declaration). */
  fides: string[];
  subjects: string[];
  tracking: boolean;
  linked: boolean;
  optional: boolean;
  /** Manifest purposes no table entry names, which took the default. */
  defaulted: string[];
}

/** The entries a manifest purpose maps to: whole words of the id, or the whole id in `ids`. */
export function purposeEntries(purpose: string, table: PurposeTable = labelTables().purposes): PurposeEntry[] {
  const id = purpose.toLowerCase().trim();
  const words = new Set(id.split(/[-_\s]+/).filter(Boolean));
  const exact = table.entries.filter((e) => e.ids?.includes(id));
  if (exact.length) return exact;
  return table.entries.filter((e) => e.words?.some((w) => words.has(w)));
}

const ordered = (values: Iterable<string>, order: readonly string[]) =>
  [...new Set(values)].sort((a, b) => order.indexOf(a) - order.indexOf(b));

export function activityAnswers(a: ActivityView): ActivityAnswers {
  const t = labelTables();
  const o = a.labels ?? {};
  const entries: PurposeEntry[] = [];
  const defaulted: string[] = [];
  for (const p of a.purposes) {
    const hit = purposeEntries(p, t.purposes);
    if (hit.length) entries.push(...hit);
    else defaulted.push(p);
  }
  const mapped = [...entries, ...(defaulted.length || !entries.length ? [{ id: "default", ...t.purposes.default }] : [])];
  return {
    apple: ordered(o.apple ?? mapped.flatMap((e) => e.apple), t.apple.purposes),
    play: ordered(o.play ?? mapped.flatMap((e) => e.play), t.play.purposes.map(([id]) => id)),
    fides: o.fides ? [o.fides] : [...new Set(mapped.map((e) => e.fides))].sort(),
    subjects: o.subjects ?? t.fides.defaultSubjects,
    tracking: o.tracking ?? false,
    linked: o.linked ?? true,
    optional: o.optional ?? a.basis === "consent",
    defaulted: o.apple && o.play && o.fides ? [] : defaulted,
  };
}

/** Answers for collection no activity declares: the default purposes, required, linked. */
export function undeclaredAnswers(): ActivityAnswers {
  const d = labelTables().purposes.default;
  return { apple: d.apple, play: d.play, fides: [d.fides], subjects: labelTables().fides.defaultSubjects, tracking: false, linked: true, optional: false, defaulted: [] };
}
