// Short kebab ids and titles from the policy's own words. The ids only need to be stable
// and readable ("When you use Device Share function" → device-share); the policy's full
// wording stays beside them as the title or a comment.


const FILLER = new Set([
  "a", "an", "the", "to", "of", "for", "with", "in", "on", "at", "by", "from", "into", "and", "or", "as", "so",
  "you", "your", "yours", "we", "us", "our", "it", "its", "they", "their", "that", "this", "these", "those", "which", "who",
  "is", "are", "be", "been", "can", "may", "might", "will", "would", "shall", "do", "does", "such", "any", "all", "other",
  "allow", "allows", "enable", "enables", "help", "let", "lets", "when", "if", "where", "whether", "use", "using", "uses",
  "function", "functions", "feature", "features", "app", "apps", "application", "about", "more", "some", "also", "etc",
  "i", "e", "g", "ie", "eg", "there", "them", "me", "my", "than", "then", "via", "upon", "order", "purpose", "purposes",
]);
/** Words after which a title's id stops: what follows is circumstance ("… with Imou App for the first time"). */
const STOP = new Set(["you", "either", "both", "with", "for", "from", "through", "which", "that", "who", "when", "where", "while", "by", "via", "such", "including", "during"]);

export function kebab(words: string[]): string {
  return words.join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Verb and particle that name one act ("log in", "sign up", "take part") stay one word. */
const PHRASAL = /\b(log|sign|opt|check|take|set|turn)\s+(in|up|out|on|off|part)\b/g;

function words(text: string): string[] {
  return text.toLowerCase().replace(/[’']s\b/g, "").replace(PHRASAL, "$1_$2").split(/[^a-z0-9_]+/).filter(Boolean).flatMap((w) => w.split("_").length > 1 ? [w.replace("_", "-")] : [w]);
}

/** The title as the policy words it, without its number and asides ("(on the Device interface, …)"). */
export function titleOf(cell: string): string {
  let t = cell.split("\n")[0].replace(/^\d{1,3}[a-z]?[.)]\s+/, "").replace(/^[A-Z]\.\s+/, "");
  t = t.replace(/\s*\([^)]*\)?/g, "").replace(/,?\s+(including|such as|e\.g\.)\s.*$/i, "").trim();
  const sentence = /^(.{20,}?[.;:])(\s|$)/.exec(t);
  if (sentence && sentence[1].length < t.length) t = sentence[1];
  // A description row's first sentence can run long: its first clause names it.
  if (t.length > 90 && t.indexOf(",") > 20) t = t.slice(0, t.indexOf(","));
  return t.replace(/[.;:,]+$/, "").trim();
}

/** An activity id from its title: the first few telling words before its circumstances. */
export function activityId(title: string, brand: Set<string>): string {
  const ws = words(title).filter((w) => !brand.has(w));
  const out: string[] = [];
  for (const w of ws) {
    if (out.length && STOP.has(w)) break;
    if (!FILLER.has(w)) out.push(w);
    if (out.length === 4) break;
  }
  return kebab(out) || "activity";
}

/** A purpose id: the first telling words of a purpose clause ("To process your order" → process-order). */
export function purposeId(clause: string, brand: Set<string>): string {
  const out = words(clause).filter((w) => !FILLER.has(w) && !brand.has(w)).slice(0, 3);
  return kebab(out) || "purpose";
}

/**
 * The purposes in a purpose cell: its first sentence, split into clauses on "," ";" and on an
 * "and" that starts a new verb phrase ("complete your registration, communicate with you and
 * administer your account" → three). Later sentences explain, and stay in the comment only.
 */
export function purposeClauses(cell: string): string[] {
  const first = (/^(.+?[.!?])(\s|$)/s.exec(cell.replace(/\n/g, " "))?.[1] ?? cell).replace(/[.;:]+$/, "");
  const body = first.replace(/^(to|in order to)\s+(allow|enable|help)\s+(us|you)\s+(to\s+)?/i, "").replace(/^to\s+/i, "");
  const parts = body.split(/\s*[;,]\s*(?:and\s+|or\s+)?(?:to\s+)?|\s+and\s+(?:to\s+)?(?=(?:communicate|administer|provide|maintain|optimi[sz]e|secure|inform|send|improve|ensure|allow|process|protect|manage|keep|develop|answer|handle|deliver|offer|verify|prevent|detect|analy[sz]e|personali[sz]e|promote|register|respond|support|notify|contact)\b)/i);
  return parts.map((p) => p.trim()).filter((p) => p.length > 2).slice(0, 4);
}

/** Words of the policy's name that every id would otherwise carry ("Imou Privacy Policy" → imou). */
export function brandWords(policyName: string | undefined): Set<string> {
  const generic = new Set(["privacy", "policy", "notice", "statement", "the", "of", "and", "data", "protection", "cookie", "cookies", "personal", "information", "global", "app"]);
  return new Set(words(policyName ?? "").filter((w) => !generic.has(w)));
}
