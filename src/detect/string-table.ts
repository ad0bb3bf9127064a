import type { FileResult } from "./analyse-file.js";

const MIN_SLICED_LENGTH = 13;

/**
 * One copy of each string the scan keeps from its files' analyses. A name, an evidence
 * snippet or a specifier cut from a source is, in V8, a slice that keeps the whole source
 * alive: kept in every file's summaries, they held every source text of the project until
 * the report (13 MB of a 2,000-file project's 112 MB heap). A table entry is a copy of its
 * own, and longer names repeated across files (a path, an evidence snippet) are kept once.
 */
export class StringTable {
  private readonly copies = new Map<string, string>();

  own(s: string): string {
    // V8 copies a substring shorter than 13 characters instead of slicing; a table lookup for each one cost more than the copies it would share.
    if (s.length < MIN_SLICED_LENGTH) return s;
    let copy = this.copies.get(s);
    if (copy === undefined) {
      // A JSON round trip builds a flat string of its own (slice, substring and concatenation may all share the source).
      copy = JSON.parse(JSON.stringify(s)) as string;
      this.copies.set(copy, copy);
    }
    return copy;
  }

  /** The result with every string it keeps taken from the table (the source kept for suppressions stays as it is). */
  ownResult(r: FileResult): FileResult {
    const seen = new Set<object>();
    const { text, ...rest } = r;
    const owned = this.ownValue(rest, seen) as FileResult;
    if (text !== undefined) owned.text = text;
    return owned;
  }

  // In place, so objects the analysis shared stay shared; frozen ones (EMPTY) hold no string.
  private ownValue(v: unknown, seen: Set<object>): unknown {
    if (typeof v === "string") return this.own(v);
    if (typeof v !== "object" || v === null || seen.has(v) || Object.isFrozen(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.ownValue(v[i], seen);
    } else if (v instanceof Map) {
      const entries = [...v];
      v.clear();
      for (const [k, x] of entries) v.set(this.ownValue(k, seen), this.ownValue(x, seen));
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = this.ownValue(o[k], seen);
    }
    return v;
  }
}
