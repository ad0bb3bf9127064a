// A finding's id (SPEC §5): a fingerprint of what classified it — rule, file, category, kind,
// enclosing symbol and the call, key or name that matched — never line numbers nor the rest
// of the statement. Moving code keeps it; so does adding an unrelated value to the same call
// (`api.post('/register', { email, phone, locale })` stays the email finding it was). Renaming
// the matched call or field, or moving it to another function, makes a new finding.
// Version 1 hashed the whole evidence text; baselines written then are still read (see
// legacyFingerprint and src/baseline/baseline-file.ts).

import { createHash } from "node:crypto";
import type { Finding } from "../types.js";

export const FINGERPRINT_VERSION = 2;

const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 20);

/** The part of the evidence that matched: a callee, a JSX attribute, a field or a member chain. */
export function anchorOf(evidence: string, kind?: Finding["kind"]): string {
  let t = stripDecorators(evidence.trim()).replace(/^(?:await|return|new|void|yield)\s+/, "");
  // JSX attributes are short and are what matched: name="phone", textContentType="emailAddress".
  const attr = /^([A-Za-z][\w-]*)=("[^"]*"|'[^']*'|\{[^}]*\})$/.exec(t);
  if (attr) return `${attr[1]}=${attr[2]}`;
  const head = /^[\w$#]+(?:\s*(?:\?\.|\.)\s*[\w$#]+|\[\s*['"][^'"\]]*['"]\s*\]|\(\s*\))*/.exec(t)?.[0];
  if (!head) return t;
  t = t.slice(head.length).trimStart();
  // A field declaration `macAddress!: string` or `email?: string`: its name.
  if (/^[?!]?:/.test(t)) return head;
  // A send or a write keeps a literal first argument: the URL or storage key is part of what
  // matched. A log call does not: its first argument is usually a label someone rewords.
  const literal = kind === "transmit" || kind === "store" ? /^\(\s*('[^']*'|"[^"]*"|`[^`$]*`)/.exec(t)?.[1] : undefined;
  return head.replace(/\s+/g, "") + (literal ? `(${literal}` : "");
}

function stripDecorators(text: string): string {
  let t = text;
  for (;;) {
    const m = /^@[\w$.]+/.exec(t);
    if (!m) return t;
    let i = m[0].length;
    if (t[i] === "(") {
      for (let depth = 0; i < t.length; i++) {
        if (t[i] === "(") depth++;
        else if (t[i] === ")" && --depth === 0) { i++; break; }
      }
    }
    t = t.slice(i).trimStart();
  }
}

/** Sets every finding's id; identical readings in one symbol are told apart by their order. */
export function assignFingerprints(findings: Finding[]): void {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const base = [f.rule, f.file, f.category, f.kind, f.symbol ?? "", anchorOf(f.evidence, f.kind)].join("\u0000");
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    f.id = sha(`v2\u0000${base}\u0000${n}`);
  }
}

/** Version 1 ids (whole evidence) of findings in the order given, for baselines written before version 2. */
export function legacyFingerprints(findings: readonly Finding[]): Map<string, Finding> {
  const counts = new Map<string, number>();
  const out = new Map<string, Finding>();
  for (const f of findings) {
    const base = [f.rule, f.file, f.category, f.kind, f.symbol ?? "", f.evidence].join("\u0000");
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    out.set(sha(`${base}\u0000${n}`), f);
  }
  return out;
}
