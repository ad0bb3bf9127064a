// The draft as YAML, built with the yaml package's Document API so every comment (the
// policy's wording beside each id, review notes above each activity) is part of the tree
// and the output is valid YAML whatever the policy's text contains.

import { Document, isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { BASES } from "../config/manifest-schema.js";
import type { DraftActivity } from "./draft-activity.js";

export interface DraftHeader {
  policyFile: string;
  policyName?: string;
  updated?: string;
  toolVersion: string;
  /** The scanned folder that suggested `code` globs; undefined: none was given. */
  codeDir?: string;
  schemaUrl?: string;
  layout: "table" | "sections";
}

const WIDTH = 96;

export function draftManifestText(activities: DraftActivity[], h: DraftHeader): string {
  const policy: Record<string, string> = {};
  if (h.policyName) policy.name = h.policyName;
  if (h.updated) policy.updated = h.updated;
  const doc = new Document({
    version: 1,
    ...(Object.keys(policy).length ? { policy } : {}),
    activities: activities.map((a) => ({
      id: a.id,
      ref: a.ref,
      title: a.title,
      data: a.data.length ? a.data.map((d) => d.id) : ["TODO: the categories of this row's data"],
      purposes: a.purposes.length ? a.purposes.map((p) => p.id) : ["TODO: why is this collected?"],
      basis: a.basis ?? "TODO",
      ...(a.code?.globs.length ? { code: a.code.globs } : {}),
    })),
  });
  doc.commentBefore = header(activities, h).join("\n");
  const list = doc.get("activities", true);
  if (!isSeq(list)) throw new Error("activities is a sequence");
  list.items.forEach((node, i) => annotate(node as YAMLMap, activities[i]));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function annotate(node: YAMLMap, a: DraftActivity): void {
  const notes: string[] = [`${a.ref} (policy line ${a.line})`];
  if (a.inherits) notes.push(`data includes ${a.inherits.ref}'s, as the row says: "${a.inherits.wording}"`);
  if (!a.data.length) notes.push(a.descriptionOnly ? "REVIEW: the policy gives only a description here, no data: name the categories or remove the activity" : "REVIEW: no wording in this row maps to a category");
  for (const u of a.unmapped) notes.push(`unmapped: "${u.wording}"${u.suggestion ? ` (did you mean "${u.suggestion}"?)` : ""} — add a category or an alias, or leave it out`);
  if (!a.basis) notes.push(`REVIEW: no lawful basis found${a.basisText ? ` in "${clip(a.basisText, 60)}"` : ""}; basis is one of ${BASES.join(" | ")}`);
  const several = a.otherBases.length ? `names several bases (${[a.basis, ...a.otherBases].join(", ")}); the first is taken — check which one this activity relies on` : "";
  if (a.basisSpannedFrom) notes.push(`basis: the policy's basis cell spans down from ${a.basisSpannedFrom}${several ? ` and ${several}` : ""}`);
  else if (several) notes.push(`basis: the row ${several}`);
  if (a.code) notes.push(`REVIEW code: suggested from ${a.code.why.join("; ")}`);
  node.commentBefore = notes.flatMap((n) => wrap(n, WIDTH - 4)).map((l) => ` ${l}`).join("\n");

  const get = (key: string) => node.get(key, true);
  const data = get("data");
  if (isSeq(data)) data.items.forEach((item, i) => {
    const d = a.data[i];
    if (d && isScalar(item) && d.wording.toLowerCase() !== d.id) item.comment = ` ${clip(d.wording, 80)}`;
  });
  const purposes = get("purposes");
  if (isSeq(purposes)) purposes.items.forEach((item, i) => {
    const p = a.purposes[i];
    if (p && isScalar(item)) item.comment = ` ${clip(p.text, 110)}`;
  });
  const basis = get("basis");
  if (isScalar(basis) && a.basisText) basis.comment = ` ${clip(a.basisText, 110)}`;
  if (a.code) {
    const code = get("code");
    if (isSeq(code) || isMap(code)) (code as { comment?: string }).comment = " REVIEW: suggested, not verified";
  }
}

function header(activities: DraftActivity[], h: DraftHeader): string[] {
  const lines = [
    ...(h.schemaUrl ? [` yaml-language-server: $schema=${h.schemaUrl}`, ""] : []),
    ` privacy-manifest.yml — drafted by \`policytrace draft\` (policytrace ${h.toolVersion}) from ${h.policyFile}`,
    ` (${h.policyName ?? "policy"}${h.updated ? `, last modified ${h.updated}` : ""}): ${activities.length} activities, one per ${h.layout === "table" ? "row of its processing table" : "numbered section that names data"}.`,
    "",
    " A draft to review against the policy, not a finished manifest:",
    "   - data: the row's wording mapped through the category aliases (`policytrace categories`);",
    "     wording that maps to no category is listed as \"unmapped\" above its activity.",
    "   - purposes: short ids for the row's purpose text, which is beside each one.",
    "   - basis: the first lawful basis the row names; rows naming several say so.",
    "   - TODO markers: `policytrace scan` refuses the manifest until each one is filled in.",
  ];
  if (h.codeDir === undefined) {
    lines.push(
      "",
      " No code folder was given, so no activity has `code`: each one covers ALL of the code, and",
      " scan cannot tell activities apart. Add `code:` globs (relative to this file), or run",
      ` \`policytrace draft ${h.policyFile} <dir>\` for suggestions.`,
    );
  } else {
    lines.push("", ` \`code\` globs are suggestions from what \`scan\` finds in ${h.codeDir || "."} (folder names and categories):`, " check each one; an activity without `code` covers all of the code.");
  }
  return lines;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length <= n ? one : `${one.slice(0, n - 1).trimEnd()}…`;
}

function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const w of s.split(" ")) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = `  ${w}`;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}
