import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import type { RuleDef } from "../config/rules-loader.js";
import type { NameClassifier, NameMatch } from "./name-classifier.js";
import { splitWords } from "./tokens.js";

// "What is your email address?" asks for an email: the question's words, without the words
// every question has (the rule's `ignore` list), classified as a name the person answers to.

export function classifyPrompt(text: string, ignore: ReadonlySet<string>, names: NameClassifier): NameMatch | null {
  const words = splitWords(text).filter((w) => !ignore.has(w));
  if (words.length === 0 || words.length > 8) return null;
  const whole = names.classify(words.join("_"), "user");
  if (whole) return whole;
  // "Email (we never share it)": the first phrase that names something.
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const m = names.classify(words.slice(i, i + len).join("_"), "user");
      if (m) return m;
    }
  }
  return null;
}

const ignoreSets = new WeakMap<object, Set<string>>();

/** What a prompt call asks for: its string arguments, or the `message` of a question object. */
export function promptCategory(call: ts.CallExpression | ts.NewExpression, rule: RuleDef, names: NameClassifier): NameMatch | null {
  if (!rule.promptText) return null;
  let ignore = ignoreSets.get(rule);
  if (!ignore) ignoreSets.set(rule, (ignore = new Set(rule.promptText.ignore)));
  for (const a of call.arguments ?? []) {
    const text = tsApi.isStringLiteralLike(a) ? a.text : tsApi.isObjectLiteralExpression(a) ? messageOf(a) : null;
    if (text === null) continue;
    const m = classifyPrompt(text, ignore, names);
    if (m) return m;
  }
  return null;
}

function messageOf(o: ts.ObjectLiteralExpression): string | null {
  for (const p of o.properties) {
    if (tsApi.isPropertyAssignment(p) && tsApi.isIdentifier(p.name) && p.name.text === "message" && tsApi.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return null;
}
