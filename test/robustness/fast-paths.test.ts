// The scanner's fast paths must say exactly what their plain definitions say: splitWords is a
// hand-written scanner for one regular expression, and evidence of a long call folds only a
// head of its text. Each is checked against the definition it replaces, on random input.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { splitWords } from "../../src/detect/tokens.js";
import { evidenceOf } from "../../src/detect/to-findings.js";
import { parseSource } from "../../src/parse/parse-source.js";
import { lineStarts, withLineStarts } from "../../src/parse/line-starts.js";
import { looksMinified } from "../../src/parse/read-source.js";

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
const byRegex = (name: string) => name.split(/[^A-Za-z0-9]+/).flatMap((part) => (part.match(WORD) ?? []).map((w) => w.toLowerCase()));

const EVIDENCE_MAX = 160;
const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX);
/** Evidence by its definition: every comment token dropped, all white space folded, then cut. */
function evidenceByDefinition(text: string): string {
  scanner.setText(text);
  let out = "";
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t !== ts.SyntaxKind.SingleLineCommentTrivia && t !== ts.SyntaxKind.MultiLineCommentTrivia) out += scanner.getTokenText();
  }
  const folded = out.replace(/\s+/g, " ").trim();
  return folded.length > EVIDENCE_MAX ? `${folded.slice(0, EVIDENCE_MAX - 1)}…` : folded;
}

describe("splitWords", () => {
  it("finds the words the regular expression finds", () => {
    for (const name of ["HTMLParser", "getXMLHttpRequest", "user_ID2fa", "IPv6Address", "ABc", "x-forwarded-for", "SSN", "eMail", "", "__proto__", "émailÉ"]) {
      expect(splitWords(name), name).toEqual(byRegex(name));
    }
    const name = fc.stringMatching(/^[aAbBzZ09_.$ \-éß]{0,16}$/);
    fc.assert(fc.property(name, (n) => {
      expect(splitWords(n)).toEqual(byRegex(n));
    }), { numRuns: 2000 });
  });
});

describe("evidence of a long call", () => {
  it("is the head of its whole text without comments, folded into one line", () => {
    const piece = fc.constantFrom("send(", "user.email", ", ", ")", "\n", "   ", "\t", "// a note\n", "/* a\nblock */", "'//not a comment'", "`tpl ${x}`", "{ a: 1 }", "x".repeat(40), "/", "*");
    const body = fc.array(piece, { minLength: 0, maxLength: 120 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(body, (inner) => {
        const text = `track(${inner});`;
        const sf = parseSource("a.ts", text);
        const call = (sf.statements[0] as ts.ExpressionStatement).expression;
        expect(evidenceOf(call, sf)).toBe(evidenceByDefinition(text.slice(call.getStart(sf), call.getEnd())));
      }),
      { numRuns: 400 },
    );
  });
});

describe("line starts", () => {
  const byTypeScript = (text: string) => parseSource("a.ts", text).getLineStarts();
  it("are TypeScript's own where only newlines break lines", () => {
    for (const text of ["", "a", "a\n", "\n\n", "é\n𝒳\n"]) expect(lineStarts(text), JSON.stringify(text)).toEqual(byTypeScript(text));
    const text = fc.array(fc.constantFrom("a", "é", " ", "\n", "𝒳", "//", "`"), { maxLength: 60 }).map((xs) => xs.join(""));
    fc.assert(fc.property(text, (t) => {
      expect(lineStarts(t)).toEqual(byTypeScript(t));
    }), { numRuns: 1000 });
  });

  it("are left to TypeScript where a carriage return or a Unicode line separator breaks a line", () => {
    for (const text of ["a\r\nb", "a\rb", "a\u2028b", "a\u2029b"]) {
      expect(lineStarts(text), JSON.stringify(text)).toBeUndefined();
      expect(withLineStarts(parseSource("a.ts", text)).getLineStarts()).toEqual(byTypeScript(text));
    }
  });
});

/** Minified by its definition: at least half the text in lines over 500 characters, and at most a tenth of those spaces or tabs. */
function minifiedByDefinition(text: string): boolean {
  if (text.length < 2000) return false;
  const long = text.split("\n").filter((line) => line.length > 500);
  const chars = long.reduce((n, line) => n + line.length, 0);
  const spaces = long.reduce((n, line) => n + (line.match(/[ \t]/g)?.length ?? 0), 0);
  return chars >= text.length * 0.5 && spaces <= chars * 0.1;
}

describe("the minified-code test", () => {
  it("says what its definition says", () => {
    const line = fc.tuple(fc.integer({ min: 0, max: 1400 }), fc.constantFrom("x", "x ", "ab\t", "abcdefghij ", "abcdefghijklmnopqrstu "))
      .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
    const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join("\n"));
    fc.assert(fc.property(text, fc.boolean(), (t, trailing) => {
      const s = trailing ? `${t}\n` : t;
      expect(looksMinified(s)).toBe(minifiedByDefinition(s));
    }), { numRuns: 3000 });
    expect(looksMinified("a=1;".repeat(1000))).toBe(true);
    expect(looksMinified("const a = 1;\n".repeat(400))).toBe(false);
  });
});
