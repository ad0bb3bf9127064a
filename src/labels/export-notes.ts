// What every export tells the user besides the file: categories a label has no type for, and
// collection no activity declares (its purposes on the label are the defaults, not the policy's).

import { activityAnswers } from "./label-purposes.js";
import type { CollectedCategory } from "./collected.js";
import type { LabelFormat, TypeMapping } from "./label-tables.js";

export interface LabelExport {
  text: string;
  /** One line each, for stderr; export never hides a guess inside the label. */
  notes: string[];
}

export function mappingNotes(collected: CollectedCategory[], table: Record<string, TypeMapping | { key: string; note: string }>, format: LabelFormat): string[] {
  const notes: string[] = [];
  for (const c of collected) {
    const m = table[c.category];
    if (m?.note) notes.push(`${c.category} → ${"type" in m ? m.type : m.key}: ${m.note}.`);
  }
  for (const c of collected) {
    if (c.undeclared) notes.push(`${c.category}: ${c.undeclared} collection point${c.undeclared === 1 ? "" : "s"} no activity declares; labelled with the default purposes. Declare it in the manifest for the ${format} label to state the policy's purposes.`);
  }
  const defaulted = new Set(collected.flatMap((c) => c.activities.flatMap((a) => activityAnswers(a).defaulted.map((p) => `${a.id}: ${p}`))));
  if (defaulted.size) notes.push(`purposes mapped to the default (app functionality) because rules/labels/purposes.yml names none of their words: ${[...defaulted].sort().join(", ")}. Set the activity's \`labels:\` to say otherwise.`);
  return notes;
}
