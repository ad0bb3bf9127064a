import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import type { Confidence, Finding, Kind } from "../types.js";
import type { Hit } from "./walk-file.js";
import { detach } from "./tokens.js";

// ts-morph's `ts` namespace and its SyntaxKind enum are dictionary-mode objects: every
// `ts.isX` or `ts.SyntaxKind.X` read in a hot loop costs a hash lookup. Read them once here.
const { isStringLiteralLike } = tsApi;
const K = { EndOfFileToken: tsApi.SyntaxKind.EndOfFileToken, MultiLineCommentTrivia: tsApi.SyntaxKind.MultiLineCommentTrivia, SingleLineCommentTrivia: tsApi.SyntaxKind.SingleLineCommentTrivia };

const EVIDENCE_MAX = 160;
const RANK = { high: 3, medium: 2, low: 1 };

/** The less confident of two readings: a finding is as sure as the least sure thing it rests on. */
export const weaker = (a: Confidence, b: Confidence): Confidence => (RANK[a] <= RANK[b] ? a : b);

export function evidenceOf(node: ts.Node, sf: ts.SourceFile): string {
  const start = node.getStart(sf);
  // A bare string ('x-forwarded-for') says little; its line says what is done with it.
  const raw = isStringLiteralLike(node) ? lineAround(sf.text, start) : sf.text.slice(start, node.getEnd());
  const text = oneLine(raw);
  return detach(text.length > EVIDENCE_MAX ? `${text.slice(0, EVIDENCE_MAX - 1)}…` : text);
}

/** A hit with its place and evidence read from the syntax tree, so that it can outlive the tree (workers, cache, deferred types). */
export interface PlacedHit {
  rule: { id: string; recipient?: string };
  category: string;
  kind: Kind;
  confidence: Confidence;
  /** 0-based, as the compiler counts. */
  line: number;
  character: number;
  evidence: string;
  symbol: string | null;
  /** 0-based line of the place the hit belongs to (a form field, a conditional read), when it is one. */
  placeLine?: number;
}

export function placeHit(h: Hit, sf: ts.SourceFile): PlacedHit {
  const pos = sf.getLineAndCharacterOfPosition(h.node.getStart(sf));
  const placed: PlacedHit = { rule: { id: h.rule.id, ...(h.rule.recipient ? { recipient: h.rule.recipient } : {}) }, category: h.category, kind: h.kind, confidence: h.confidence, line: pos.line, character: pos.character, evidence: evidenceOf(h.evidenceNode, sf), symbol: h.symbol };
  if (h.place) placed.placeLine = sf.getLineAndCharacterOfPosition(h.place.getStart(sf)).line;
  return placed;
}

/**
 * The text without comments, its white space folded and trimmed. Of a long text (a call whose
 * callback is a whole module) only a head is read: the evidence shows its first characters, and
 * once the folded head is longer than EVIDENCE_MAX + 2 the rest cannot change what is shown
 * (folding a prefix gives a prefix of the folded whole; the margin covers a last character the
 * whole text may read differently and a trailing space the whole may trim). Searching and folding
 * all of it cost as much as the rest of the evaluation of such a file. The caller cuts the head.
 */
function oneLine(raw: string): string {
  // Heads of growing length: most code folds to the evidence's length within twice as many characters.
  for (let n = 2 * EVIDENCE_MAX; n < raw.length; n *= 4) {
    const head = raw.slice(0, n);
    // A comment is the only token that reads differently from its text, and none starts before
    // the head's last character: up to there the head is the code.
    if (head.includes("//") || head.includes("/*")) break;
    const folded = fold(head);
    if (folded.length > EVIDENCE_MAX + 2) return folded;
  }
  if (!raw.includes("//") && !raw.includes("/*")) return fold(raw).trimEnd();
  return withoutComments(raw, raw.length > HEAD_CHARS ? HEAD_CHARS : Infinity);
}

const HEAD_CHARS = 4 * EVIDENCE_MAX;
const fold = (s: string) => s.replace(/\s+/g, " ").trimStart();

/** Turns one file's hits into findings, one per (rule, category, location). */
export function toFindings(file: string, sf: ts.SourceFile, hits: Hit[]): Finding[] {
  return placedFindings(file, hits.map((h) => placeHit(h, sf)));
}

export function placedFindings(file: string, hits: PlacedHit[]): Finding[] {
  const seen = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const h of hits) {
    // Two rules reading the same call as the same category and kind are one collection point,
    // and so are two reads on one line (`navigator.userAgent` twice in one expression): keep
    // the first place, the more confident reading, and the one that knows the recipient.
    // Attributes of one form field (type="email" name="email" on two lines) are one place too,
    // shown where the most confident of them is.
    const key = h.placeLine === undefined ? `${h.category}\u0000${h.kind}\u0000${h.line}` : `${h.category}\u0000${h.kind}\u0000field ${h.placeLine}`;
    const prior = seen.get(key);
    if (prior) {
      if (RANK[h.confidence] > RANK[prior.confidence] || (!prior.recipient && h.rule.recipient && RANK[h.confidence] === RANK[prior.confidence])) {
        if (h.placeLine !== undefined) Object.assign(prior, { line: h.line + 1, column: h.character + 1, evidence: h.evidence });
        prior.rule = h.rule.id;
        prior.confidence = h.confidence;
        prior.recipient = h.rule.recipient ?? prior.recipient;
      }
      continue;
    }
    const finding: Finding = {
      id: "",
      file,
      line: h.line + 1,
      column: h.character + 1,
      category: h.category,
      kind: h.kind,
      rule: h.rule.id,
      confidence: h.confidence,
      evidence: h.evidence,
      symbol: h.symbol === null ? null : detach(h.symbol),
      recipient: h.rule.recipient ?? null,
      status: "unchecked",
      activities: [],
    };
    seen.set(key, finding);
    out.push(finding);
  }
  // A class field that is also a stored column (TypeORM @Column) is one place: the store.
  const stored = new Set(out.filter((f) => f.kind !== "schema").map((f) => `${f.category}\u0000${f.line}`));
  return stored.size ? out.filter((f) => f.kind !== "schema" || !stored.has(`${f.category}\u0000${f.line}`)) : out;
}

// Fingerprints (finding ids) are assigned after sorting, in src/baseline/fingerprint.ts.

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

function lineAround(text: string, pos: number): string {
  const from = text.lastIndexOf("\n", pos - 1) + 1;
  const to = text.indexOf("\n", pos);
  return text.slice(from, to < 0 ? text.length : to);
}

const scanner = tsApi.createScanner(tsApi.ScriptTarget.Latest, false, tsApi.LanguageVariant.JSX);

/**
 * Evidence is read in one line; a `// why` comment inside a call would swallow the rest. The
 * tokens are scanned left to right, so what is folded when it stops is a prefix of what the
 * whole text would give (see oneLine).
 */
function withoutComments(text: string, head: number): string {
  scanner.setText(text);
  let out = "";
  let check = head;
  for (let t = scanner.scan(); t !== K.EndOfFileToken; t = scanner.scan()) {
    if (t === K.SingleLineCommentTrivia || t === K.MultiLineCommentTrivia) continue;
    out += scanner.getTokenText();
    if (out.length >= check) {
      const folded = fold(out);
      if (folded.length > EVIDENCE_MAX + 2) return folded;
      check = out.length * 2;
    }
  }
  return fold(out).trimEnd();
}
