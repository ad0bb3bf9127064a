// Inline suppression comments: a developer accepts one collection point in the code itself,
// with a reason a reviewer can read.
//
//   // policytrace-ignore-next-line email: sent only to our own support desk (DPIA-12)
//   sendFeedback({ email });
//   logger.info({ ip }); // policytrace-ignore-line ip-address: rate-limit audit log, kept 7 days
//   {/* policytrace-ignore-next-line device-serial, mac-address: shown to the owner only */}
//
// Categories are leaf ids, group ids (covering their members) or policy wording, comma-
// separated. There is no wildcard: a blanket suppression would also hide collection added
// to that line later. A comment without a reason, with an unknown category or with a
// misspelt directive suppresses nothing and is reported as a scan error at its position.

import type { Finding, ScanError, ScanResult } from "../types.js";
import type { Taxonomy } from "../config/categories.js";

export const DIRECTIVE_MARK = "policytrace-ignore";

export interface SuppressionComment {
  file: string;
  /** 1-based position of the directive. */
  line: number;
  column: number;
  /** The line whose findings it suppresses. */
  target: number;
  /** Category terms as written, each with the leaf ids it covers. */
  terms: { term: string; ids: string[] }[];
  reason: string;
}

const DIRECTIVE = /(\/\/|\/\*)\s*(policytrace-ignore[\w-]*)/g;
const EXAMPLE = "// policytrace-ignore-next-line email: <why this collection is acceptable>";

/** Finds the suppression comments in one file; malformed ones become problems, not comments. */
export function parseSuppressions(file: string, text: string, taxonomy: Taxonomy): { comments: SuppressionComment[]; problems: ScanError[] } {
  const comments: SuppressionComment[] = [];
  const problems: ScanError[] = [];
  if (!text.includes(DIRECTIVE_MARK)) return { comments, problems };
  const lines = text.split(/\r\n|\r|\n/);
  const directives: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = directivesOn(lines, i);
    directives.push(...found);
    i = Math.max(i, ...found.map((d) => d.endLine)); // the rest of a block comment is its body
  }
  // Lines that hold only a next-line directive: stacked ones all apply to the code below them.
  const stacked = new Set<number>();
  for (const d of directives) {
    if (d.name === NEXT_LINE && d.ownLine) for (let l = d.line; l <= d.endLine; l++) stacked.add(l);
  }
  // The first line at or after `from` that is not a stacked directive. Memoised: walking
  // the whole stack again for each comment in it is quadratic (20 s for a 2 MB file).
  const landing = new Map<number, number>();
  const below = (from: number): number => {
    let t = from;
    while (stacked.has(t) && !landing.has(t)) t++;
    const end = landing.get(t) ?? t;
    for (let l = from; l < t; l++) landing.set(l, end);
    return end;
  };
  for (const d of directives) {
    const at = { file, line: d.line + 1, column: d.column };
    if (d.name !== NEXT_LINE && d.name !== SAME_LINE) {
      problems.push({ ...at, message: `unknown suppression directive "${d.name}": use ${NEXT_LINE} or ${SAME_LINE}, e.g. ${EXAMPLE}; it suppresses nothing` });
      continue;
    }
    const parsed = parseBody(d.body, taxonomy);
    if ("problem" in parsed) {
      problems.push({ ...at, message: `${d.name}: ${parsed.problem}; it suppresses nothing` });
      continue;
    }
    const target = d.name === NEXT_LINE ? below(d.endLine + 1) : d.line;
    comments.push({ ...at, target: target + 1, ...parsed });
  }
  return { comments, problems };
}

const NEXT_LINE = "policytrace-ignore-next-line";
const SAME_LINE = "policytrace-ignore-line";

interface Directive {
  name: string;
  body: string;
  /** 0-based lines where the comment starts and ends. */
  line: number;
  endLine: number;
  /** 1-based column of the comment opener. */
  column: number;
  /** Nothing but the comment (or JSX's `{`) on its first line. */
  ownLine: boolean;
}

function directivesOn(lines: string[], i: number): Directive[] {
  const out: Directive[] = [];
  for (const m of lines[i].matchAll(DIRECTIVE)) {
    let body = lines[i].slice(m.index! + m[0].length);
    let endLine = i;
    if (m[1] === "/*") {
      // Collect up to the closing */, possibly on a later line; a leading " * " is decoration.
      while (!body.includes("*/") && endLine + 1 < lines.length) {
        endLine++;
        body += ` ${lines[endLine].replace(/^\s*\*(?!\/)/, "")}`;
      }
      body = body.split("*/")[0];
    }
    const ownLine = /^\s*\{?\s*$/.test(lines[i].slice(0, m.index));
    out.push({ name: m[2], body, line: i, endLine, column: m.index! + 1, ownLine });
  }
  return out;
}

function parseBody(body: string, taxonomy: Taxonomy): { terms: SuppressionComment["terms"]; reason: string } | { problem: string } {
  const colon = body.indexOf(":");
  const head = (colon < 0 ? body : body.slice(0, colon)).trim();
  const reason = colon < 0 ? "" : body.slice(colon + 1).replace(/\s+/g, " ").trim();
  const names = head.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) return { problem: `name the data category it accepts, e.g. ${EXAMPLE}` };
  if (!reason) return { problem: `a reason is required after the category, e.g. ${EXAMPLE}` };
  const terms: SuppressionComment["terms"] = [];
  for (const term of names) {
    if (term === "*") return { problem: `"*" is not allowed: name the categories (ids or groups), so that new collection on this line is still reported` };
    const ids = taxonomy.resolve(term);
    if (!ids) {
      const near = taxonomy.suggest(term);
      return { problem: `unknown data category "${term}"${near ? ` (did you mean "${near}"?)` : " (run `policytrace categories` for the ids)"}` };
    }
    terms.push({ term, ids });
  }
  return { terms, reason };
}

/**
 * Marks findings on a suppression comment's target line `suppressed`, records comments (or
 * terms) that matched nothing as stale, and malformed comments as scan errors.
 */
export function applyInlineSuppressions(findings: Finding[], texts: Map<string, string>, result: ScanResult, taxonomy: Taxonomy): void {
  const byFileLine = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.file}\u0000${f.line}`;
    const list = byFileLine.get(key) ?? [];
    list.push(f);
    byFileLine.set(key, list);
  }
  for (const [file, text] of texts) {
    const { comments, problems } = parseSuppressions(file, text, taxonomy);
    result.errors.push(...problems);
    for (const c of comments) {
      const onLine = byFileLine.get(`${c.file}\u0000${c.target}`) ?? [];
      for (const { term, ids } of c.terms) {
        const hits = onLine.filter((f) => ids.includes(f.category));
        for (const f of hits) {
          if (f.status === "suppressed") continue; // the first comment's reason wins
          f.status = "suppressed";
          f.suppression = { source: "inline", reason: c.reason };
        }
        if (hits.length === 0) result.context.staleSuppressions.push({ file: c.file, line: c.line, category: term, reason: c.reason });
      }
    }
  }
  result.errors.sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  result.context.staleSuppressions.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.category, b.category));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
