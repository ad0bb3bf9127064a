// Splits identifiers and key-like strings into lower-case words: camelCase, PascalCase,
// snake_case, SCREAMING_CASE, kebab-case, dotted keys and digit boundaries all separate.
const SPLIT = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

export function splitWords(name: string): string[] {
  const out: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    const m = part.match(SPLIT);
    if (m) for (const w of m) out.push(w.toLowerCase());
  }
  return out;
}

/** A string literal is treated as a key only when it looks like one (no spaces, short). */
export function isKeyLike(text: string): boolean {
  return text.length > 0 && text.length <= 64 && /^@?[A-Za-z_$][\w$.:/-]*$/.test(text);
}

/**
 * A storage key's own name, without its namespace: "AuthProvider.authEmail" → "authEmail",
 * "@app:user_email" → "user_email". The namespace names the owner, not the datum.
 */
export function keyName(text: string): string {
  const i = Math.max(text.lastIndexOf("."), text.lastIndexOf(":"), text.lastIndexOf("/"));
  return i >= 0 && i < text.length - 1 ? text.slice(i + 1) : text;
}

/**
 * A copy of a string that does not keep its source file alive. V8 represents a substring of
 * 13+ characters as a view into the whole text it came from, so an identifier used as a cache
 * key, or evidence kept in a finding, would otherwise hold every scanned file in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}
