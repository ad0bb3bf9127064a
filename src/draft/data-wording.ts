// The policy's data wording → category ids, through the aliases in rules/categories.yml.
//
// A data cell is a list: "Device SN; Device QR code, Device model; wifi info; …". It is split
// on the policy's separators (line breaks, ";", ","), then each item is tried whole, without
// its parenthetical asides ("telephone number (only of customers who …)") and leading
// determiners ("your", "like"), then split on "and"/"or"/"&", and last searched for the
// longest aliases it contains ("permission that provide access to the microphone" → audio).
// An item with no alias in it is kept as unmapped wording, with a did-you-mean, never dropped.

import type { Taxonomy } from "../config/categories.js";

export interface Mapped {
  /** The policy's words, as written. */
  wording: string;
  ids: string[];
}

export interface DataMapping {
  mapped: Mapped[];
  unmapped: { wording: string; suggestion?: string }[];
  /** "the above information", "the information mentioned under item 1". */
  references: { wording: string; item?: string }[];
}

const REFERENCE = /\b(?:(?:the |any of the )?above(?:[- ]mentioned)? information|information (?:mentioned|listed|described) (?:under|in) (?:item|row|section) ([0-9]+[a-z]?)|aforementioned information)\b/i;
const LEADING = /^(?:(?:your|the|its|their|our|a|an|any|like|i\.e\.|e\.g\.|and|or|etc\.?|including|such as|as well as)\s+)+/i;
const EXAMPLES = /\s+(?:such as|e\.g\.|for example)\s+.*$/i;
const CONJUNCTION = /\s+(?:and \(or\)|and\/or|and|or|&)\s+/i;
/** Fragments that only qualify the list ("… of abnormal equipment", "if applicable"). */
const QUALIFIER = /^(?:of|on|for|from|to|with|when|where|that|which|via|during|in|by|at|if|etc)\b/i;

export function mapDataWording(text: string, taxonomy: Taxonomy): DataMapping {
  const result: DataMapping = { mapped: [], unmapped: [], references: [] };
  const scanner = aliasScanner(taxonomy);
  for (const raw of splitList(text)) {
    const ref = REFERENCE.exec(raw);
    if (ref) {
      result.references.push({ wording: raw, item: ref[1] });
      continue;
    }
    mapItem(raw, taxonomy, scanner, result);
  }
  return result;
}

function mapItem(raw: string, taxonomy: Taxonomy, scan: Scanner, out: DataMapping): void {
  const exact = resolveLoose(raw, taxonomy);
  if (exact) return void out.mapped.push({ wording: taxonomy.resolve(raw.replace(/[.;:,]+$/, "").trim()) ? raw : clean(raw), ids: exact });
  const plain = clean(raw.replace(EXAMPLES, ""));
  if (!plain || QUALIFIER.test(plain)) return;
  const parts = plain.split(CONJUNCTION).map(clean).filter(Boolean);
  const found: Mapped[] = [];
  const missing: string[] = [];
  for (const part of parts.length > 1 ? parts : [plain]) {
    const whole = resolveLoose(part, taxonomy);
    if (whole) found.push({ wording: part, ids: whole });
    else {
      const hits = scan(part);
      if (hits.length) found.push(...hits);
      else if (!QUALIFIER.test(part)) missing.push(part);
    }
  }
  // "User data (email address, date of birth, country)": the aside lists what the head names.
  if (!found.length) {
    for (const aside of raw.match(/\(([^()]+)\)/g) ?? []) {
      const inner: DataMapping = { mapped: [], unmapped: [], references: [] };
      for (const item of splitList(aside.slice(1, -1))) mapItem(item, taxonomy, scan, inner);
      found.push(...inner.mapped);
    }
  }
  out.mapped.push(...found);
  // "network access method and type": when nothing in the item maps, keep it whole.
  const unmapped = found.length ? missing : [plain];
  for (const wording of unmapped) out.unmapped.push({ wording, suggestion: suggest(wording, taxonomy) });
}

function resolveLoose(s: string, taxonomy: Taxonomy): string[] | undefined {
  const t = s.replace(/[.;:,]+$/, "").trim();
  const c = clean(t);
  // "crash reports" is the alias "crash report" in the plural.
  return taxonomy.resolve(t) ?? taxonomy.resolve(c) ?? (c.endsWith("s") ? taxonomy.resolve(c.slice(0, -1)) : undefined);
}

function clean(s: string): string {
  return s
    .replace(/\([^()]*\)?/g, " ") // asides, and an aside the cell cut off
    .replace(/\s+/g, " ")
    .trim()
    .replace(LEADING, "")
    .replace(/[\s.;:,]+$/, "")
    .trim();
}

/** Items of a list cell: lines, then ";", then "," outside parentheses. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let depth = 0;
    let item = "";
    for (const ch of line) {
      if (ch === "(") depth++;
      if (ch === ")") depth = Math.max(0, depth - 1);
      if ((ch === ";" || ch === ",") && depth === 0) {
        if (item.trim()) out.push(item.trim());
        item = "";
      } else item += ch;
    }
    if (item.trim()) out.push(item.trim());
  }
  return out;
}

type Scanner = (text: string) => Mapped[];

/** Finds the longest aliases (and leaf ids) an item contains, as whole words, without overlap. */
function aliasScanner(taxonomy: Taxonomy): Scanner {
  const terms: { term: string; id: string }[] = [];
  for (const c of taxonomy.categories) {
    for (const t of [c.id, ...c.aliases]) terms.push({ term: t.toLowerCase().replace(/[\s_-]+/g, " "), id: c.id });
  }
  terms.sort((a, b) => b.term.length - a.term.length);
  return (text) => {
    const hay = text.toLowerCase().replace(/[\s_]+/g, " ");
    const taken: [number, number][] = [];
    const hits: { at: number; m: Mapped }[] = [];
    for (const { term, id } of terms) {
      let from = 0;
      for (;;) {
        const at = hay.indexOf(term, from);
        if (at < 0) break;
        from = at + 1;
        let end = at + term.length;
        if (hay[end] === "s" && !/[a-z0-9]/.test(hay[end + 1] ?? "")) end++; // a plural
        if (/[a-z0-9]/.test(hay[at - 1] ?? "") || /[a-z0-9]/.test(hay[end] ?? "")) continue;
        // "the emergency contact you name": a verb, not the data
        if (/\b(you|we|they|i)\s$/.test(hay.slice(Math.max(0, at - 6), at))) continue;
        if (taken.some(([s, e]) => at < e && end > s)) continue;
        taken.push([at, end]);
        hits.push({ at, m: { wording: text.slice(at, end), ids: [id] } });
      }
    }
    hits.sort((a, b) => a.at - b.at);
    // After the item's head, "… of your phone" / "… on the device" qualifies it: not more data.
    return hits.filter((h, i) => i === 0 || !/\b(of|on|from|in|with|by)\s+(your|the|their|a|an|our)\s$/.test(hay.slice(Math.max(0, h.at - 12), h.at))).map((h) => h.m);
  };
}

/** A did-you-mean: the nearest term by spelling, else an alias sharing a telling word. */
function suggest(wording: string, taxonomy: Taxonomy): string | undefined {
  // Spelling distance only means something for a short term; a sentence is near anything.
  const near = wording.split(" ").length <= 3 ? taxonomy.suggest(wording) : undefined;
  if (near) return near;
  const GENERIC = new Set(["device", "devices", "data", "information", "info", "details", "your", "the", "of", "and", "or", "on", "to", "with", "for", "user", "personal",
    "that", "this", "will", "which", "from", "access", "provide", "permission", "status", "method", "type", "collected", "ones", "replacement", "other", "when"]);
  const words = new Set(wording.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3 && !GENERIC.has(w)));
  if (!words.size) return undefined;
  let best: { alias: string; score: number } | undefined;
  for (const c of taxonomy.categories) {
    for (const alias of [c.id, ...c.aliases]) {
      const score = alias.toLowerCase().split(/[^a-z0-9]+/).filter((w) => words.has(w)).length;
      if (score > (best?.score ?? 0)) best = { alias, score };
    }
  }
  return best?.alias;
}
