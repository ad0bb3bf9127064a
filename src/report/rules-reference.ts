// docs/rules.md, generated from the built-in rules: one section per rule with what it finds,
// what it matches and its own samples. Each SARIF rule's helpUri points at its section here.
// `npm run docs:rules` rewrites the file; test/report/rules-reference.test.ts fails when a rule
// has no section (or a section names no rule), as ESLint's build does for undocumented rules.

import { relative } from "node:path";
import type { RuleDef, RuleSet } from "../config/rules-loader.js";
import type { Taxonomy } from "../config/categories.js";
import { builtinRulesDir } from "../config/package-paths.js";
import { describeMatcher, sentence } from "./rule-help.js";
import { LABEL_OMITTED_RULE, LABEL_UNUSED_RULE } from "../labels/render-labels.js";
import { UNUSED_RULE_ID } from "./sarif.js";

/** Rules that are not detection rules but still appear in SARIF, with their help. */
export const REPORT_RULES: { id: string; text: string }[] = [
  { id: UNUSED_RULE_ID, text: "An activity in the manifest lists a data category that no code it covers collects. Reported at the manifest line of the declaration (a warning; `--fail-on unused` fails on it). Remove the category from the activity's `data:` if the policy over-declares, or fix the activity's `code:` globs if they miss the files that collect it." },
  { id: LABEL_OMITTED_RULE, text: "The code collects a data category that a privacy label given with `scan --labels` (Apple privacy manifest, Play Data safety CSV, fides system) does not declare. Add its type to the label (`policytrace export` regenerates one) or remove the collection." },
  { id: LABEL_UNUSED_RULE, text: "A privacy label declares a data type that no collected category maps to. Remove it from the label, or check that the code that collects it is scanned." },
];

export function renderRulesReference(set: RuleSet, taxonomy: Taxonomy): string {
  const byFile = new Map<string, RuleDef[]>();
  for (const r of set.rules) {
    const file = relative(builtinRulesDir, r.file).split("\\").join("/");
    byFile.set(file, [...(byFile.get(file) ?? []), r]);
  }
  const out = [
    "# Rules reference",
    "",
    "<!-- Generated from rules/ by `npm run docs:rules`; edit the rule files, not this page. -->",
    "",
    "Every built-in rule, by the file that defines it. A finding names its rule (`rule` in JSON, `ruleId` in SARIF);",
    "code-scanning alerts link here. A finding is a violation only when no activity in `privacy-manifest.yml` whose",
    "`code` covers the file declares its category (or when the data reaches a third party that activity does not list).",
    "",
    `${set.rules.length} detection rules in ${byFile.size} files, and ${REPORT_RULES.length} report rules.`,
    "",
  ];
  for (const [file, rules] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`## rules/${file}`, "");
    for (const r of rules) out.push(...section(r, taxonomy));
  }
  out.push("## Report rules", "");
  for (const r of REPORT_RULES) out.push(`### ${r.id}`, "", r.text, "");
  return `${out.join("\n").trimEnd()}\n`;
}

function section(r: RuleDef, taxonomy: Taxonomy): string[] {
  const category = r.category === "names" ? "from the names in the arguments"
    : r.jsx?.values ? `by the attribute's value (${Object.entries(r.jsx.values).slice(0, 4).map(([v, c]) => `${v} → \`${c}\``).join(", ")}${Object.keys(r.jsx.values).length > 4 ? ", …" : ""})`
    : `${taxonomy.title(r.category)} (\`${r.category}\`)`;
  const lines = [
    `### ${r.id}`,
    "",
    sentence(r.description ?? "") || `Collection of ${category}.`,
    "",
    `- **Category:** ${category}`,
    `- **Kind:** ${r.kind} · **confidence:** ${r.confidence}${r.recipient ? ` · **recipient:** ${r.recipient}` : ""}`,
  ];
  const matches = describeMatcher(r);
  if (matches) lines.push(`- **Matches:** ${matches.replace(/^It matches /, "")}`);
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  if (r.tests?.positive?.length) lines.push(`- **Found in:** ${r.tests.positive.map(code).join(" · ")}`);
  if (r.tests?.negative?.length) lines.push(`- **Not found in:** ${r.tests.negative.map(code).join(" · ")}`);
  lines.push("");
  return lines;
}
