// How a label check (`scan --labels`) reads in each report format. Kept here, beside the check,
// so that each reporter only calls one function: text lines, a Markdown section, SARIF rules and
// results. JSON serialises `result.labels` as it is.

import type * as Sarif from "sarif";
import type { ChalkInstance } from "chalk";
import type { LabelCheck, ScanResult } from "../types.js";

const FORMAT_NAME: Record<LabelCheck["format"], string> = {
  apple: "Apple privacy manifest",
  play: "Google Play Data safety",
  fides: "fides system",
};

const omittedOf = (l: LabelCheck) => l.categories.filter((c) => c.status === "omitted");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Text: one block per label, listing omissions (red) and over-claims (yellow), then a verdict line. */
export function labelsText(result: ScanResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const l of result.labels ?? []) {
    const omitted = omittedOf(l);
    lines.push(c.bold(`Privacy label ${l.file} (${FORMAT_NAME[l.format]}): ${l.categories.length - omitted.length}/${l.categories.length} collected categories labelled, ${plural(omitted.length, "omission")}, ${l.unused.length} unused`));
    for (const o of omitted) {
      const more = o.findings > 1 ? c.gray(` (+${o.findings - 1} more)`) : "";
      lines.push(`  ${c.red.bold("omitted")}  ${c.bold(o.category)} → ${o.type}: collected at ${o.file}:${o.line}:${o.column}${more}, missing from the label${o.note ? c.gray(` [${o.note}]`) : ""}`);
    }
    for (const u of l.unused) lines.push(`  ${c.yellow("unused")}   ${c.bold(u.type)}${u.line ? c.gray(` (line ${u.line})`) : ""}: the label claims it, no code collects it`);
    lines.push("");
  }
  return lines;
}

/** The verdict's words for labels, or "" when nothing is wrong. */
export function labelsVerdict(result: ScanResult): string {
  const omitted = (result.labels ?? []).reduce((n, l) => n + omittedOf(l).length, 0);
  const unused = (result.labels ?? []).reduce((n, l) => n + l.unused.length, 0);
  if (!result.labels?.length || (!omitted && !unused)) return "";
  return `${plural(omitted, "label omission")}, ${plural(unused, "unused label type")}`;
}

/** Markdown "Labels" section: each label's types beside what the code collects. */
export function labelsMarkdown(result: ScanResult, link: (file: string, line?: number) => string, title: (category: string) => string, esc: (s: string) => string): string {
  if (!result.labels?.length) return "";
  const out = ["## Labels", "", "Each privacy label given with `--labels`, beside what the code collects. " +
    "❌ the code collects it and the label leaves it out · ⚠️ the label claims it and no code collects it."];
  for (const l of result.labels) {
    const omitted = omittedOf(l);
    out.push("", `### ${esc(l.file)} (${FORMAT_NAME[l.format]})`, "",
      `${plural(l.categories.length, "collected category", "collected categories")} · ${plural(omitted.length, "omission")} · ${plural(l.unused.length, "unused type")}`, "");
    if (l.categories.length) {
      out.push("| Collected category | Label type | In the label | Collected at |", "| --- | --- | --- | --- |");
      for (const c of l.categories) {
        const where = `${link(c.file, c.line)}${c.findings > 1 ? ` (+${c.findings - 1} more)` : ""}`;
        out.push(`| ${title(c.category)} | ${esc(c.type)}${c.note ? ` (nearest: ${esc(c.note)})` : ""} | ${c.status === "omitted" ? "❌ omitted" : "✅ yes"} | ${where} |`);
      }
    }
    if (l.unused.length) {
      out.push("", "Claimed by the label, collected by no code:", "");
      for (const u of l.unused) out.push(`- ⚠️ ${esc(u.type)}${u.line ? ` (${link(l.file, u.line)})` : ""}`);
    }
  }
  return out.join("\n");
}

export const LABEL_OMITTED_RULE = "policytrace.label-omitted";
export const LABEL_UNUSED_RULE = "policytrace.label-unused";

export function labelSarifRules(result: ScanResult): Sarif.ReportingDescriptor[] {
  if (!result.labels?.length) return [];
  return [
    {
      id: LABEL_OMITTED_RULE,
      shortDescription: { text: "Collected data missing from a privacy label" },
      fullDescription: { text: "The code collects a data category that a privacy label (Apple privacy manifest, Play Data safety, fides) does not declare." },
      help: { text: "Add the category's type to the label (policytrace export regenerates it), or remove the collection." },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["privacy", "privacy-label"] },
    },
    {
      id: LABEL_UNUSED_RULE,
      shortDescription: { text: "Privacy label claims data no code collects" },
      fullDescription: { text: "A privacy label declares a data type that no collected category maps to." },
      help: { text: "Remove the type from the label, or check that the code that collects it is scanned." },
      defaultConfiguration: { level: "warning" },
      properties: { tags: ["privacy", "privacy-label"] },
    },
  ];
}

/** Results located in the code (omissions) and in the label file (over-claims); `base` is the first label rule's index. */
export function labelSarifResults(result: ScanResult, base: number, location: (file: string, line?: number, column?: number) => Sarif.Location): Sarif.Result[] {
  const out: Sarif.Result[] = [];
  for (const l of result.labels ?? []) {
    for (const c of omittedOf(l)) {
      out.push({
        ruleId: LABEL_OMITTED_RULE,
        ruleIndex: base,
        level: "error",
        message: { text: `${c.category} is collected here (${plural(c.findings, "collection point")} in all) but ${l.file} (${FORMAT_NAME[l.format]}) does not declare ${c.type}${c.note ? ` (${c.note})` : ""}.` },
        locations: [location(c.file, c.line, c.column)],
        partialFingerprints: { "policytraceLabel/v1": `${l.file}|${c.category}` },
        properties: { label: l.file, format: l.format, category: c.category, type: c.type },
      });
    }
    for (const u of l.unused) {
      out.push({
        ruleId: LABEL_UNUSED_RULE,
        ruleIndex: base + 1,
        level: "warning",
        message: { text: `${l.file} (${FORMAT_NAME[l.format]}) claims ${u.type}, but no code collects it.` },
        locations: [location(l.file, u.line)],
        partialFingerprints: { "policytraceLabel/v1": `${l.file}|${u.type}` },
        properties: { label: l.file, format: l.format, type: u.type },
      });
    }
  }
  return out;
}
