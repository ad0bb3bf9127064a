// The lawful basis a policy names, in its own words, mapped to the manifest's four values.
// Patterns are GDPR Art. 6 wording as policies write it ("Performance of contract",
// "Your consent, which you can withdraw", "Our legitimate interests in …",
// "Compliance with a legal obligation").

import { BASES } from "../config/manifest-schema.js";

export type Basis = (typeof BASES)[number];

const PATTERNS: [Basis, RegExp][] = [
  ["contract", /\b(performance of (a |the |our )?contracts?|perform(ing)? (a |the |our )?contract|contractual (necessity|obligations?)|necessary (for|to perform) (the |a |our )?(contract|agreement)|terms of (service|use) with you)\b/i],
  ["consent", /\b(your )?consent\b/i],
  ["legitimate-interest", /\blegitimate[- ]interests?\b/i],
  ["legal-obligation", /\b(legal obligations?|required by (the )?law|compl(y|iance) with (a |the |our |any )?(legal|law|statutory|regulatory)|statutory (obligations?|duty))\b/i],
];

/** Every basis the text names, in the order it names them. */
export function basesIn(text: string): Basis[] {
  const hits: { basis: Basis; at: number }[] = [];
  for (const [basis, re] of PATTERNS) {
    const m = re.exec(text);
    if (m) hits.push({ basis, at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.basis);
}

/**
 * A table cell that is a basis and nothing else: short, and it opens with one of the
 * patterns ("Consent", "Performance of contract for …", "Our legitimate interests to …").
 * Purposes that merely mention consent ("you give us consent to collect …") are not.
 */
export function isBasisCell(text: string): boolean {
  const head = text.replace(/^(our|your|the|a|an|for|by|on|based on|where|in)\s+/i, "").slice(0, 60);
  return PATTERNS.some(([, re]) => {
    const m = re.exec(head);
    return m !== null && m.index <= 2;
  });
}
