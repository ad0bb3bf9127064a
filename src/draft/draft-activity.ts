// A policy row turned into a manifest activity: wording mapped to category ids, purposes to
// ids, the basis to one of the four values, with everything a reviewer needs to check it.

import type { Taxonomy } from "../config/categories.js";
import { basesIn, type Basis } from "./basis.js";
import { mapDataWording } from "./data-wording.js";
import { activityId, purposeClauses, purposeId, titleOf } from "./naming.js";
import type { RawActivity } from "./raw-activity.js";
import { uniqueIds } from "../init/feature-folders.js";

export interface DraftActivity {
  id: string;
  ref: string;
  title: string;
  line: number;
  /** Category ids (or a group id), each with the policy's words that gave it. */
  data: { id: string; wording: string }[];
  unmapped: { wording: string; suggestion?: string }[];
  /** Data taken over from the row another row refers to ("the above information"). */
  inherits?: { ref: string; wording: string };
  purposes: { id: string; text: string }[];
  basis?: Basis;
  /** The basis cell's words, and the other bases the row names after the first. */
  basisText?: string;
  otherBases: Basis[];
  basisSpannedFrom?: string;
  descriptionOnly: boolean;
  code?: { globs: string[]; why: string[] };
}

export function draftActivities(raw: RawActivity[], taxonomy: Taxonomy, brand: Set<string>): DraftActivity[] {
  const out: DraftActivity[] = [];
  for (const r of raw) {
    const title = titleOf(r.title);
    const entries = new Map<string, string>();
    const unmapped: DraftActivity["unmapped"] = [];
    let inherits: DraftActivity["inherits"];
    for (const cell of r.data) {
      const m = mapDataWording(cell.text, taxonomy);
      for (const x of m.mapped) {
        const id = entryId(x.ids, taxonomy);
        if (!entries.has(id)) entries.set(id, x.wording);
      }
      if (!r.prose) unmapped.push(...m.unmapped);
      const ref = m.references[0];
      if (ref && !inherits) {
        const target = referred(out, r, ref.item);
        if (target) {
          inherits = { ref: target.ref, wording: ref.wording };
          for (const d of target.data) if (!entries.has(d.id)) entries.set(d.id, d.wording);
        }
      }
    }
    const purposeTexts = r.purposes.length ? r.purposes : r.descriptionOnly ? [{ text: r.title, line: r.line }] : [];
    const purposes: DraftActivity["purposes"] = [];
    for (const p of purposeTexts) {
      for (const clause of purposeClauses(p.text)) {
        const id = purposeId(clause, brand);
        if (!purposes.some((x) => x.id === id)) purposes.push({ id, text: clause });
      }
    }
    const named = r.bases.flatMap((b) => basesIn(b.text));
    const distinct = [...new Set(named)];
    out.push({
      id: "",
      ref: r.ref,
      title,
      line: r.line,
      data: [...entries].map(([id, wording]) => ({ id, wording })),
      unmapped,
      inherits,
      purposes,
      basis: distinct[0],
      basisText: r.bases.map((b) => b.text.replace(/\s+/g, " ")).filter((t, i, all) => all.indexOf(t) === i).join(" | ") || undefined,
      otherBases: distinct.slice(1),
      basisSpannedFrom: r.bases.length && r.bases.every((b) => b.spannedFrom) ? r.bases[0].spannedFrom : undefined,
      descriptionOnly: Boolean(r.descriptionOnly),
    });
  }
  const ids = uniqueIds(out.map((a) => activityId(a.title, brand)));
  out.forEach((a, i) => (a.id = ids[i]));
  return out;
}

/** A single leaf id, or the group id when the wording names a whole group ("location"). */
function entryId(ids: string[], taxonomy: Taxonomy): string {
  if (ids.length === 1) return ids[0];
  const group = taxonomy.groups.find((g) => g.members.length === ids.length && g.members.every((m) => ids.includes(m)));
  return group?.id ?? ids[0];
}

/** "item 1" → the first row numbered 1 (1a) in the same part; no number → the row above. */
function referred(done: DraftActivity[], r: RawActivity, item: string | undefined): DraftActivity | undefined {
  if (!item) return done[done.length - 1];
  const prefix = r.ref.includes(".") ? r.ref.slice(0, r.ref.lastIndexOf(".") + 1) : "";
  return done.find((a) => a.ref === `${prefix}${item}`) ?? done.find((a) => a.ref.startsWith(`${prefix}${item}`) && /^[a-z]$/.test(a.ref.slice(prefix.length + item.length)));
}
