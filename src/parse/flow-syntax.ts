/**
 * Flow-annotated JavaScript (`// @flow`, React Native apps of the Flow era) through the
 * TypeScript parser. Most of Flow's syntax is TypeScript's, but its exact objects `{| |}`,
 * variance `+field`, bounded generics `<T: Bound>`, casts `(x: any)`, `opaque type`,
 * `import typeof`, inexact `...` and `%checks` are syntax errors there, and the parser's
 * recovery loses the code after them (a component's props type made the rest of the file
 * one broken type). Each is rewritten to TypeScript of the same length — the Flow-only
 * characters become spaces — so every line and column still points at the original.
 * Strings, comments, template text and regular expressions are never touched.
 */

/** A file that asks Flow to check it: the pragma in a comment before its first statement. */
export function isFlowFile(text: string): boolean {
  const head = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/.exec(text)?.[0] ?? "";
  return /@flow\b/.test(head) && !/@noflow\b/.test(head);
}

const IDENT = /[A-Za-z0-9_$]/;
// After these words a parenthesis opens an expression (return (x: any)), not a call.
const EXPRESSION_WORDS = new Set(["return", "typeof", "case", "in", "of", "await", "yield", "void", "delete", "throw", "else", "do", "instanceof", "new", "export", "default"]);
// A declaration whose type parameters Flow may bound (type T<+K: string> = …).
const GENERIC_DECLARERS = new Set(["type", "class", "interface", "function"]);

export function flowToTypeScript(text: string): string {
  const code = codeMask(text);
  const out = text.split("");
  const at = (i: number) => (i >= 0 && i < text.length && code[i] ? text[i]! : " ");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = " ";
  };
  const codeView = () => out.map((c, i) => (code[i] ? c : c === "\n" ? "\n" : " ")).join("");

  // Exact objects: {| a: T |} → {  a: T  }. In JavaScript neither pair can be code.
  const exact = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (at(i) === "{" && at(i + 1) === "|") { out[i + 1] = " "; exact.add(i); }
    else if (at(i) === "|" && at(i + 1) === "}" && out[i] !== " ") out[i] = " ";
  }
  // The same text with everything but code as spaces, for the patterns below.
  let view = codeView();
  const blankMatches = (re: RegExp, ...groups: number[]) => {
    for (const m of view.matchAll(new RegExp(re.source, re.flags + "d"))) {
      for (const g of groups) {
        const span = m.indices?.[g];
        if (span) blank(span[0], span[1]);
      }
    }
  };
  // Variance: { +id: T, -[k: K]: V, +'quoted': T } — a sign before a field name and its colon, where a field starts.
  blankMatches(/(?:[{,;]|^)\s*([+-])(?=\s*(?:(?:[A-Za-z_$][\w$]*\s*)?\??\s*:|\[))/gm, 1);
  // Inexact objects: { a: T, ... } and {...}.
  blankMatches(/(?:[{,])\s*(\.\.\.)(?=\s*[},])/g, 1);
  // opaque type X: Super = …, declare opaque type.
  blankMatches(/(?:^|[\s;])(opaque)\s+type\s+[A-Za-z_$][\w$]*\s*(?:<[^<>=;]*>)?\s*(:[^=;]*)?(?==)/gm, 1, 2);
  blankMatches(/(?:^|[\s;])(opaque)(?=\s+type\s)/gm, 1);
  // Refinement predicates: function f(x): boolean %checks { … }.
  blankMatches(/(%checks)\b/g, 1);
  // import typeof X from, import { typeof X }: `typeof` → `type  `.
  for (const m of view.matchAll(/\bimport\s+[^;'"]*?\bfrom\b/g)) {
    for (const t of m[0].matchAll(/\btypeof(?=\s)/g)) blank(m.index! + t.index! + 4, m.index! + t.index! + 6);
  }
  view = codeView();

  const pair = matchBrackets(view);
  const prevIndex = (i: number) => {
    let j = i - 1;
    while (j >= 0 && /\s/.test(view[j]!)) j--;
    return j;
  };
  const wordBefore = (j: number) => {
    let k = j;
    while (k >= 0 && IDENT.test(view[k]!)) k--;
    return view.slice(k + 1, j + 1);
  };
  const nextIndex = (i: number) => {
    let j = i + 1;
    while (j < view.length && /\s/.test(view[j]!)) j++;
    return j;
  };

  const types = typeBraces();
  // Type spreads: {| ...Base, +extra: T |} — TypeScript has none; the spread goes (its fields with it).
  for (const open of types) {
    const close = pair.get(open)!;
    let i = nextIndex(open);
    while (i < close) {
      const end = fieldEnd(i, close);
      if (view.startsWith("...", i)) blank(i, Math.min(end + 1, close));
      i = nextIndex(end);
    }
  }
  view = codeView();

  for (let i = 0; i < view.length; i++) {
    const ch = view[i];
    if (ch === "(") { castAt(i); unnamedParams(i); }
    else if (ch === "<") genericsAt(i);
    else if (ch === ":") bareFunctionType(i);
  }
  return out.join("");

  /** Braces that open an object type: exact ones, a type alias's, a type argument's, any inside those. */
  function typeBraces(): number[] {
    const found: number[] = [];
    const stack: { at: number; type: boolean }[] = [];
    for (let i = 0; i < view.length; i++) {
      const c = view[i];
      if (c === "{") {
        const p = prevIndex(i);
        const inType = stack.length > 0 && stack[stack.length - 1]!.type;
        const alias = p >= 0 && view[p] === "=" && /(?:^|[\s;])type\s+[A-Za-z_$][\w$]*\s*(?:<[^;]*>)?\s*$/.test(view.slice(Math.max(0, p - 300), p));
        const type = exact.has(i) || inType || alias || (p >= 0 && view[p] === "<");
        stack.push({ at: i, type });
        if (type && pair.has(i)) found.push(i);
      } else if (c === "(" || c === "[") stack.push({ at: i, type: stack.length > 0 && stack[stack.length - 1]!.type });
      else if ((c === "}" || c === ")" || c === "]") && stack.length) stack.pop();
    }
    return found;
  }

  /** The , or closing bracket that ends the field starting at i (nested brackets and <…> skipped). */
  function fieldEnd(i: number, close: number): number {
    let j = i;
    while (j < close) {
      const c = view[j]!;
      if (c === "(" || c === "[" || c === "{") { j = (pair.get(j) ?? close) + 1; continue; }
      if (c === "<") { const e = matchAngle(view, j); j = e < 0 || e > close ? j + 1 : e + 1; continue; }
      if (c === "=" && view[j + 1] === ">") { j += 2; continue; }
      if (c === "," || c === ";") return j;
      j++;
    }
    return close;
  }

  function insideType(i: number): boolean {
    for (const open of types) if (open < i && pair.get(open)! > i) return true;
    return false;
  }

  // A cast (expr: Type) in expression position: the colon and its type become spaces.
  function castAt(open: number) {
    const close = pair.get(open);
    if (close === undefined) return;
    const p = prevIndex(open);
    if (p >= 0) {
      const c = view[p]!;
      if (c === ")" || c === "]" || (c === ">" && view[p - 1] !== "=")) return; // a call, or f<T>(params)
      if (IDENT.test(c) && !EXPRESSION_WORDS.has(wordBefore(p))) return;
    }
    const n = nextIndex(close);
    if (view.startsWith("=>", n) || view[n] === "{" || (view[n] === ":" && arrowReturn(n))) return;
    let ternary = 0, colon = -1;
    for (let i = open + 1; i < close; i++) {
      const c = view[i]!;
      if (c === "(" || c === "[" || c === "{") { const e = pair.get(i); if (e === undefined) return; i = e; continue; }
      if (c === "?") {
        if (view[i + 1] === "?") { i++; continue; }
        if (view[i + 1] === "." && !/\d/.test(view[i + 2] ?? "")) continue;
        ternary++;
      } else if (c === ":") {
        if (ternary > 0) ternary--;
        else colon = i;
      }
    }
    if (colon < 0 || view.slice(open + 1, colon).trim() === "") return;
    blank(colon, close);
  }

  /** After (params) and the colon at n: a return type, then =>? Else the colon is a ternary's. */
  function arrowReturn(n: number): boolean {
    let j = n + 1;
    while (j < view.length) {
      const c = view[j]!;
      if (c === "(" || c === "[" || c === "{") { const e = pair.get(j); if (e === undefined) return false; j = e + 1; continue; }
      if (c === "<") { const e = matchAngle(view, j); if (e < 0) return false; j = e + 1; continue; }
      if (c === "=" && view[j + 1] === ">") return true;
      if (c === "," || c === ";" || c === ")" || c === "]" || c === "}" || c === "=" || c === "?") return false;
      j++;
    }
    return false;
  }

  // A function type's unnamed parameters, (V | void) => V or (?string, number) => R: the list is emptied.
  function unnamedParams(open: number) {
    const close = pair.get(open);
    if (close === undefined || !view.startsWith("=>", nextIndex(close))) return;
    const p = prevIndex(open);
    const typed = insideType(open) || (p >= 0 && /[:<|&]/.test(view[p]!)) || (p >= 0 && view.startsWith("=>", p - 1) && insideType(p));
    if (!typed) return;
    let i = open + 1;
    while (i < close) {
      const end = fieldEnd(i, close);
      const param = view.slice(i, end).trim();
      if (param !== "" && !/^(?:\.\.\.)?[A-Za-z_$][\w$]*\s*\??\s*(?::[\s\S]*)?$/.test(param)) { blank(open + 1, close); view = codeView(); return; }
      i = end + 1;
    }
  }

  // A function type with one bare parameter, onSelect: Account => void: the parameter becomes an empty list.
  function bareFunctionType(colon: number) {
    const p = prevIndex(colon);
    let q = p;
    if (q >= 0 && view[q] === "?") q = prevIndex(q);
    if (q < 0 || !IDENT.test(view[q]!)) return;
    const name = wordBefore(q);
    const before = prevIndex(q - name.length + 1);
    const declared = ["const", "let", "var"].includes(wordBefore(before));
    const inParams = before >= 0 && /[(,]/.test(view[before]!) && enclosing(colon) === "(";
    const inTypeField = before >= 0 && /[{,;]/.test(view[before]!) && (insideType(colon) || inClassBody(colon));
    if (!declared && !inParams && !inTypeField) return;
    const m = /^(\s*)(\??[A-Za-z_$][\w$.]*)(\s*)=>/.exec(view.slice(colon + 1, colon + 200));
    let start = colon + 1, len = 0;
    if (m) { start += m[1]!.length; len = m[2]!.length + m[3]!.length; }
    else {
      // Account<T> => void
      const g = /^(\s*)[A-Za-z_$][\w$.]*</.exec(view.slice(colon + 1, colon + 200));
      if (!g) return;
      const lt = colon + 1 + g[0].length - 1;
      const gt = matchAngle(view, lt);
      if (gt < 0) return;
      const after = nextIndex(gt);
      if (!view.startsWith("=>", after)) return;
      start += g[1]!.length;
      len = after - start;
    }
    if (len < 2) return;
    out[start] = "(";
    blank(start + 1, start + len - 1);
    out[start + len - 1] = ")";
    view = codeView();
  }

  function inClassBody(i: number): boolean {
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
      const c = view[j]!;
      if (c === ")" || c === "]" || c === "}") depth++;
      else if (c === "(" || c === "[" || c === "{") {
        if (depth === 0) return c === "{" && /\bclass\b[^{};=]*$/.test(view.slice(Math.max(0, j - 300), j));
        depth--;
      }
    }
    return false;
  }

  function enclosing(i: number): string {
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
      const c = view[j]!;
      if (c === ")" || c === "]" || c === "}") depth++;
      else if (c === "(" || c === "[" || c === "{") {
        if (depth === 0) return c;
        depth--;
      }
    }
    return "";
  }

  // Type parameters: <+K: Bound, V = D> after type/class/interface/function names and methods; <T>(x) => at an arrow.
  function genericsAt(open: number) {
    const end = matchAngle(view, open);
    if (end < 0) return;
    const p = prevIndex(open);
    const inner = view.slice(open + 1, end);
    if (!/^\s*[+-]?\s*[A-Za-z_$][\w$]*\s*(?:[:,=]|$)/.test(inner)) return;
    const after = nextIndex(end);
    const isArrow = (p < 0 || /[=(,:?&|!{};[]/.test(view[p]!) || EXPRESSION_WORDS.has(wordBefore(p))) && view[after] === "(" && arrowAfter(after);
    if (isArrow) { blank(open, end + 1); return; }
    const word = p >= 0 && IDENT.test(view[p]!) ? wordBefore(p) : "";
    const declared = word !== "" && GENERIC_DECLARERS.has(wordBefore(prevIndex(p - word.length + 1)));
    const method = word !== "" && view[after] === "(";
    if (!declared && !method && !(word === "function")) return;
    // Each parameter at depth 0: blank its variance sign and its ": Bound" up to , = or the end.
    let i = open + 1;
    while (i < end) {
      while (i < end && /\s/.test(view[i]!)) i++;
      if (view[i] === "+" || view[i] === "-") blank(i, i + 1);
      let j = i;
      let bound = -1;
      while (j < end) {
        const c = view[j]!;
        if (c === "(" || c === "[" || c === "{") { const e = pair.get(j); if (e === undefined || e > end) return; j = e + 1; continue; }
        if (c === "<") { const e = matchAngle(view, j); if (e < 0 || e > end) return; j = e + 1; continue; }
        if (c === "=" && view[j + 1] === ">") { j += 2; continue; }
        if (c === ":" && bound < 0) bound = j;
        if (c === "," || c === "=") break;
        j++;
      }
      if (bound >= 0) blank(bound, j);
      // Skip a default: = Type up to the next comma at depth 0.
      while (j < end && view[j] !== ",") {
        const c = view[j]!;
        if (c === "(" || c === "[" || c === "{") { j = (pair.get(j) ?? end) + 1; continue; }
        if (c === "<") { const e = matchAngle(view, j); j = e < 0 ? end : e + 1; continue; }
        j++;
      }
      i = j + 1;
    }
  }

  function arrowAfter(parenOpen: number): boolean {
    const close = pair.get(parenOpen);
    if (close === undefined) return false;
    const n = nextIndex(close);
    return view.startsWith("=>", n) || view[n] === ":";
  }
}

/** 1 where a character is code, 0 inside a comment, a string, a template's text or a regular expression. */
function codeMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  // Open template literals: the brace depth at which each ${ … } returns to its template.
  const templates: number[] = [];
  let depth = 0;
  let last = ""; // the last code character that is not a space, to tell a regular expression from a division
  let i = 0;
  const n = text.length;
  const inTemplate = () => {
    // Template text from i to its end or the next ${.
    while (i < n) {
      const c = text[i]!;
      if (c === "\\") { i += 2; continue; }
      if (c === "`") { i++; return; }
      if (c === "$" && text[i + 1] === "{") { i += 2; templates.push(depth); depth++; return; }
      i++;
    }
  };
  while (i < n) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") { while (i < n && text[i] !== "\n") i++; continue; }
    if (c === "/" && text[i + 1] === "*") { const e = text.indexOf("*/", i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === "'" || c === '"') {
      // A string ends at its quote or, unterminated (an apostrophe in JSX text), at the line's end.
      i++;
      while (i < n && text[i] !== c && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
      last = "a";
      continue;
    }
    if (c === "`") { i++; inTemplate(); last = "a"; continue; }
    if (c === "/" && regexMayStart(text, i, last)) {
      i++;
      let cls = false;
      while (i < n && text[i] !== "\n") {
        const d = text[i]!;
        if (d === "\\") { i += 2; continue; }
        if (d === "[") cls = true;
        else if (d === "]") cls = false;
        else if (d === "/" && !cls) break;
        i++;
      }
      i++;
      while (i < n && IDENT.test(text[i]!)) i++;
      last = "a";
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        i++;
        inTemplate();
        last = "a";
        continue;
      }
    }
    mask[i] = 1;
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return mask;
}

function regexMayStart(text: string, i: number, last: string): boolean {
  if (last === "" || /[(,=:[!&|?{};+\-*%~^]/.test(last)) return true;
  if (last === "<") return false; // </Tag> closes a JSX element
  if (!IDENT.test(last)) return false;
  let k = i - 1;
  while (k >= 0 && /\s/.test(text[k]!)) k--;
  let s = k;
  while (s >= 0 && IDENT.test(text[s]!)) s--;
  return ["return", "typeof", "case", "in", "of", "void", "delete", "throw", "else", "do", "yield", "await"].includes(text.slice(s + 1, k + 1));
}

/** Each ( [ { of the code view to its closing partner. */
function matchBrackets(view: string): Map<number, number> {
  const pair = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < view.length; i++) {
    const c = view[i];
    if (c === "(" || c === "[" || c === "{") stack.push(i);
    else if (c === ")" || c === "]" || c === "}") {
      const o = stack.pop();
      if (o !== undefined) pair.set(o, i);
    }
  }
  return pair;
}

/** The > that closes the < at open (nested <…>, brackets skipped, => is no closer), or -1. */
function matchAngle(view: string, open: number): number {
  let depth = 0;
  const limit = Math.min(view.length, open + 2000);
  for (let i = open; i < limit; i++) {
    const c = view[i];
    if (c === "<") depth++;
    else if (c === ">" && view[i - 1] !== "=") {
      depth--;
      if (depth === 0) return i;
    } else if (c === ";" || (c === "&" && view[i + 1] === "&") || (c === "|" && view[i + 1] === "|")) return -1;
  }
  return -1;
}
