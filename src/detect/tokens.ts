// Splits identifiers and key-like strings into lower-case words: camelCase, PascalCase,
// snake_case, SCREAMING_CASE, kebab-case, dotted keys and digit boundaries all separate.
// The words are what `/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g` matches in each run of ASCII
// letters and digits; this scanner finds the same ones without two regular expressions and
// an array per part (it was the name classifier's main cost).
export function splitWords(name: string): string[] {
  const out: string[] = [];
  const n = name.length;
  let i = 0;
  while (i < n) {
    const c = name.charCodeAt(i);
    if (isUpper(c)) {
      let j = i + 1;
      while (j < n && isUpper(name.charCodeAt(j))) j++;
      if (j < n && isLower(name.charCodeAt(j))) {
        // "HTMLParser": the capitals but the last are one word, the last starts the next.
        if (j - i >= 2) out.push(name.slice(i, j - 1).toLowerCase());
        let k = j + 1;
        while (k < n && isLower(name.charCodeAt(k))) k++;
        out.push(name.slice(j - 1, k).toLowerCase());
        i = k;
      } else {
        out.push(name.slice(i, j).toLowerCase());
        i = j;
      }
    } else if (isLower(c) || isDigit(c)) {
      const same = isLower(c) ? isLower : isDigit;
      let k = i + 1;
      while (k < n && same(name.charCodeAt(k))) k++;
      out.push(name.slice(i, k));
      i = k;
    } else i++;
  }
  return out;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

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
