// Google Play Data safety CSV: every row of Play Console's template, in its order, with the
// answers the code and the manifest give. Questions neither can answer (encryption in transit,
// account creation, deletion) stay blank for the Console, and the notes list them.

import { stringify } from "csv-stringify/sync";
import type { ScanResult } from "../types.js";
import { collectedCategories } from "./collected.js";
import { activityAnswers, undeclaredAnswers, type ActivityAnswers } from "./label-purposes.js";
import { labelTables } from "./label-tables.js";
import { mappingNotes, type LabelExport } from "./export-notes.js";

interface TypeAnswer {
  collected: ActivityAnswers[];
  /** Answers of the activities whose data of this type reaches a third party. */
  shared: ActivityAnswers[];
}

const TRUE = "TRUE";
const FALSE = "FALSE";

export function exportPlay(result: ScanResult): LabelExport {
  const t = labelTables().play;
  const collected = collectedCategories(result);
  const byType = new Map<string, TypeAnswer>();
  for (const c of collected) {
    const type = t.categories[c.category]!.type;
    const slot = byType.get(type) ?? { collected: [], shared: [] };
    const answers = new Map(c.activities.map((a) => [a.id, activityAnswers(a)]));
    slot.collected.push(...answers.values());
    if (c.undeclared) slot.collected.push(undeclaredAnswers());
    for (const f of c.findings) {
      if (f.recipient === null) continue;
      slot.shared.push(...(f.activities.length ? f.activities.map((id) => answers.get(id)!).filter(Boolean) : [undeclaredAnswers()]));
    }
    byType.set(type, slot);
  }

  const rows: string[][] = [t.header];
  for (const [q, r, req, label] of t.questions) {
    const value = q === "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA" ? (byType.size ? TRUE : FALSE) : "";
    rows.push([q, r, value, req, label]);
  }
  for (const [id, q, label] of t.types) rows.push([q, id, byType.has(id) ? TRUE : "", "MULTIPLE_CHOICE", label]);
  for (const [id, , label] of t.types) {
    const name = label.split(" / ").pop()!;
    const a = byType.get(id);
    const optional = a !== undefined && a.collected.every((x) => x.optional);
    const collectedPurposes = new Set(a?.collected.flatMap((x) => x.play));
    const sharedPurposes = new Set(a?.shared.flatMap((x) => x.play));
    const value = (sub: string, response: string): string => {
      if (!a) return "";
      switch (sub) {
        case "PSL_DATA_USAGE_COLLECTION_AND_SHARING":
          return response === "PSL_DATA_USAGE_ONLY_COLLECTED" || a.shared.length ? TRUE : "";
        case "PSL_DATA_USAGE_EPHEMERAL":
          return FALSE; // the code keeps or sends it; ephemeral processing is not something a scan can show
        case "DATA_USAGE_USER_CONTROL":
          return (response === "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL") === optional ? TRUE : "";
        case "DATA_USAGE_COLLECTION_PURPOSE":
          return collectedPurposes.has(response) ? TRUE : "";
        case "DATA_USAGE_SHARING_PURPOSE":
          return sharedPurposes.has(response) ? TRUE : "";
      }
      return "";
    };
    const usage = `PSL_DATA_USAGE_RESPONSES:${id}`;
    for (const [sub, response, req, text] of t.usage) rows.push([`${usage}:${sub}`, response, value(sub, response), req, `Data usage and handling (${name}) / ${text}`]);
    for (const [sub, text] of t.purposeQuestions) {
      for (const [purpose, purposeLabel] of t.purposes) {
        rows.push([`${usage}:${sub}`, purpose, value(sub, purpose), "MULTIPLE_CHOICE", `Data usage and handling (${name}) / ${text} / ${purposeLabel}`]);
      }
    }
  }
  const notes = [
    ...mappingNotes(collected, t.categories, "play"),
    "left blank for Play Console: encryption in transit, account creation methods, account and data deletion, and the optional badges — the code cannot tell them.",
  ];
  return { text: stringify(rows, { record_delimiter: "unix" }), notes };
}
