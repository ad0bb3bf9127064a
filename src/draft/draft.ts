// `policytrace draft`: policy text → activities → a reviewed-to-be manifest. Reading,
// finding rows, mapping wording and writing YAML are separate stages in their own files.

import { ConfigError } from "../config/config-error.js";
import type { Taxonomy } from "../config/categories.js";
import { draftActivities, type DraftActivity } from "./draft-activity.js";
import { draftManifestText, type DraftHeader } from "./draft-manifest.js";
import { brandWords } from "./naming.js";
import type { PolicyDocument } from "./policy-document.js";
import type { RawActivity } from "./raw-activity.js";
import { policyDate } from "./read-policy.js";
import { sectionActivities } from "./section-activities.js";
import { tableActivities } from "./table-activities.js";

export interface Draft {
  activities: DraftActivity[];
  policyName?: string;
  updated?: string;
  /** Where the activities came from: "table" rows or numbered "sections". */
  layout: "table" | "sections";
}

export function draftFromDocument(doc: PolicyDocument, taxonomy: Taxonomy, shown: string): Draft {
  const policyName = doc.title;
  const brand = brandWords(policyName);
  let layout: Draft["layout"] = "table";
  let raw: RawActivity[] = doc.blocks.flatMap((b) => (b.kind === "table" ? tableActivities(b.rows) : []));
  if (!raw.some((a) => a.data.length)) {
    layout = "sections";
    raw = sectionActivities(doc.blocks);
  }
  if (!raw.length) {
    throw new ConfigError(`no processing activities found in the policy (read as ${doc.format})`, shown, undefined, undefined,
      "draft looks for a table of activities (activity, data, purposes, lawful basis) or numbered sections that each say what data is used, why, and on what basis. " +
        "If the policy is prose only, start from `policytrace init` and its code instead.");
  }
  return { activities: draftActivities(raw, taxonomy, brand), policyName, updated: policyDate(doc), layout };
}

export function draftText(d: Draft, h: Omit<DraftHeader, "policyName" | "updated" | "layout">): string {
  return draftManifestText(d.activities, { ...h, policyName: d.policyName, updated: d.updated, layout: d.layout });
}
