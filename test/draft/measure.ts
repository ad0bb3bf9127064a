// Figures for `draft`: activities found against the rows a careful reader lists, and the
// categories of each activity against that reading (precision/recall over (ref, category)
// pairs, after resolving groups and policy wording to leaf ids).

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadTaxonomy } from "../../src/config/categories.js";
import { draftFromDocument, type Draft } from "../../src/draft/draft.js";
import { readPolicy } from "../../src/draft/read-policy.js";

export interface ExpectedRow {
  ref: string;
  data: string[];
  optional?: string[];
}

export interface Figures {
  expected: number;
  found: number;
  matched: number;
  missing: string[];
  extra: string[];
  truePairs: number;
  reported: number;
  expectedPairs: number;
  precision: number;
  recall: number;
  /** Precision when the categories a reading marks optional count as wrong. */
  strictPrecision: number;
  /** Per row: what the draft lists beyond the reading, and what it misses. */
  diffs: { ref: string; extra: string[]; missing: string[] }[];
}

const taxonomy = loadTaxonomy();
const leaves = (terms: string[]) => new Set(terms.flatMap((t) => taxonomy.resolve(t) ?? [t]));

export function draftOf(path: string): Draft {
  return draftFromDocument(readPolicy(path, path), taxonomy, path);
}

export function expectedRows(path: string): ExpectedRow[] {
  return (parse(readFileSync(path, "utf8")) as { rows: ExpectedRow[] }).rows;
}

/** Activities of a manifest (e.g. the hand-written one) as rows to compare against. */
export function manifestRows(path: string): ExpectedRow[] {
  const m = parse(readFileSync(path, "utf8")) as { activities: { ref: string; data: string[] }[] };
  return m.activities.map((a) => ({ ref: String(a.ref), data: a.data }));
}

export function measure(draft: Draft, rows: ExpectedRow[]): Figures {
  const byRef = new Map(draft.activities.map((a) => [a.ref, a]));
  const expectedRefs = new Set(rows.map((r) => r.ref));
  let truePairs = 0;
  let reported = 0;
  let expectedPairs = 0;
  let optionalHits = 0;
  const diffs: Figures["diffs"] = [];
  for (const row of rows) {
    const a = byRef.get(row.ref);
    const want = leaves(row.data);
    const optional = leaves(row.optional ?? []);
    const got = leaves(a?.data.map((d) => d.id) ?? []);
    expectedPairs += want.size;
    const extra = [...got].filter((c) => !want.has(c) && !optional.has(c));
    const missing = [...want].filter((c) => !got.has(c));
    const hit = [...got].filter((c) => want.has(c)).length;
    optionalHits += [...got].filter((c) => !want.has(c) && optional.has(c)).length;
    truePairs += hit;
    reported += hit + extra.length;
    if (extra.length || missing.length) diffs.push({ ref: row.ref, extra, missing });
  }
  const missingRows = rows.filter((r) => !byRef.has(r.ref)).map((r) => r.ref);
  const extraRows = draft.activities.filter((a) => !expectedRefs.has(a.ref)).map((a) => a.ref);
  return {
    expected: rows.length,
    found: draft.activities.length,
    matched: rows.length - missingRows.length,
    missing: missingRows,
    extra: extraRows,
    truePairs,
    reported,
    expectedPairs,
    precision: reported ? truePairs / reported : 1,
    recall: expectedPairs ? truePairs / expectedPairs : 1,
    strictPrecision: reported + optionalHits ? truePairs / (reported + optionalHits) : 1,
    diffs,
  };
}

export function describe(name: string, f: Figures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${name}: activities ${f.matched}/${f.expected} matched by ref (${f.found} found${f.extra.length ? `; extra ${f.extra.join(", ")}` : ""}${f.missing.length ? `; missing ${f.missing.join(", ")}` : ""})`,
    `  categories: precision ${pct(f.precision)} (${f.truePairs}/${f.reported}), recall ${pct(f.recall)} (${f.truePairs}/${f.expectedPairs}); optional ones counted wrong: precision ${pct(f.strictPrecision)}`,
    ...f.diffs.map((d) => `  ${d.ref}: ${d.extra.length ? `+${d.extra.join(" +")}` : ""}${d.missing.length ? ` -${d.missing.join(" -")}` : ""}`),
  ].join("\n");
}

/** Feature folders a glob list names: "mobile/src/account/LoginScreen.tsx" and "mobile/src/account/**" → mobile/src/account. */
export function codeFolders(globs: string[]): Set<string> {
  return new Set(globs.map((g) => g.replace(/\/\*\*$|\/\*$/, "").split("/").slice(0, 3).join("/")));
}

export function measureCode(draft: Draft, manifestPath: string): { suggested: number; right: number; expected: number; covered: number; activitiesWithCode: number } {
  const m = parse(readFileSync(manifestPath, "utf8")) as { activities: { ref: string; code?: string[] }[] };
  const want = new Map(m.activities.map((a) => [String(a.ref), codeFolders(a.code ?? [])]));
  let suggested = 0, right = 0, expected = 0, covered = 0;
  for (const [ref, folders] of want) {
    const a = draft.activities.find((x) => x.ref === ref);
    const got = codeFolders(a?.code?.globs ?? []);
    suggested += got.size;
    right += [...got].filter((f) => folders.has(f)).length;
    expected += folders.size;
    covered += [...folders].filter((f) => got.has(f)).length;
  }
  return { suggested, right, expected, covered, activitiesWithCode: draft.activities.filter((a) => a.code).length };
}
