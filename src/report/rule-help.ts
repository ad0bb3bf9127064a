// Words for one rule: what it matches and an example, for SARIF help and the generated rules
// reference (docs/rules.md), so both say the same thing about each rule.

import type { RuleDef } from "../config/rules-loader.js";

export const RULES_REFERENCE = "docs/rules.md";
/** Where the repository keeps its files; helpUri links into the rules reference there. */
export const REPOSITORY_URL = "https://github.com/policytrace/policytrace";

/** GitHub's heading anchor for a rule's section, `### net.fetch` → `netfetch`. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/${RULES_REFERENCE}#${ruleAnchor(id)}`;
}

const list = (xs: readonly string[], max = 6) =>
  xs.length > max ? `${xs.slice(0, max).join(", ")} and ${xs.length - max} more` : xs.join(", ");

/** One sentence on what the rule looks at in the code. */
export function describeMatcher(r: RuleDef): string {
  const parts: string[] = [];
  if (r.api?.length) parts.push(`calls of ${list(r.api.map((a) => a.replace(/:$/, " (the module itself)")))}`);
  if (r.method) parts.push(`${list(r.method.names.map((n) => `.${n}()`))} on a client object${r.method.firstArg ? " whose first argument is a URL" : ""}`);
  if (r.request) parts.push(`request fields read from ${list(r.request.objects)}${r.request.members?.length ? ` (${list(r.request.members)})` : ""}`);
  if (r.jsx) parts.push(`the JSX attribute ${r.jsx.attribute}${r.jsx.values ? ` with a value such as ${list(Object.keys(r.jsx.values), 4)}` : ""}`);
  if (r.strings?.length) parts.push(`the string literals ${list(r.strings.map((s) => `"${s}"`))}`);
  if (r.calls?.length) parts.push(`functions whose name starts with ${list(r.calls)}`);
  if (r.syntax?.length) parts.push(r.syntax.map((s) => (s === "type-field" ? "interface and type fields" : "class fields")).join(" and "));
  if (r.names?.length || r.pair) parts.push(`names made of the words ${list([...(r.names ?? []), ...(r.pair?.flat() ?? [])])}`);
  let text = parts.length ? `It matches ${parts.join("; ")}.` : "";
  if (r.category === "names") text += `${text ? " " : ""}The category comes from the personal names in the arguments (rules/names/).`;
  if (r.argsHave?.length) text += ` Only when an argument has the key ${list(r.argsHave)}.`;
  if (r.argsMention?.length) text += ` Only when the arguments mention ${list(r.argsMention)}.`;
  if (r.unlessConstant?.length) text += ` Not when ${list(r.unlessConstant)} are literals or constants.`;
  if (r.unlessFirstArg) text += ` Not when the first argument matches /${r.unlessFirstArg}/.`;
  if (r.exclude?.length) text += ` Not for ${list(r.exclude)}.`;
  return text.trim();
}

/** A rule's description as one sentence ending in a single full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\.+$/, "");
  return t ? `${t}.` : "";
}
