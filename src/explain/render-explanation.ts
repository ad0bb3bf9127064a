// The text `policytrace explain` prints for one finding: what it is, how the manifest judged
// it, and every step of its trace from where the value was obtained to the sink, each with
// the line of code it stands on and the rule or name that classified it.

import { coveringActivities } from "../report/markdown.js";
import type { ActivityView, Finding, ScanResult } from "../types.js";

/** The text of line `line` (1-based) of a scanned file, or undefined when it cannot be read. */
export type LineReader = (file: string, line: number) => string | undefined;

const MAX_EXCERPT = 160;

export function renderExplanation(findings: Finding[], result: ScanResult, readLine: LineReader): string {
  return `${findings.map((f) => explainOne(f, result, readLine)).join("\n")}`;
}

function explainOne(f: Finding, result: ScanResult, readLine: LineReader): string {
  const ctx = result.context;
  const rule = ctx.rules.find((r) => r.id === f.rule);
  const category = ctx.categories.find((c) => c.id === f.category);
  const lines = [
    `${f.file}:${f.line}:${f.column}  ${f.category}${category && category.title !== f.category ? ` (${category.title})` : ""}, ${f.kind}`,
    field("id", f.id),
    field("status", statusLine(f, result)),
    field("activities", f.activities.length ? f.activities.map((id) => activityLabel(id, ctx.manifest?.activities)).join(", ") : "none"),
    field("recipient", f.recipient ? recipientLabel(f.recipient, result) : "none known (the app's own backend, or a host not known statically)"),
    field("rule", `${f.rule}${rule?.description ? ` — ${rule.description}` : ""} (confidence ${f.confidence})`),
    field("evidence", clean(f.evidence)),
  ];
  if (f.symbol) lines.push(field("in", f.symbol));
  if (f.suppression) lines.push(field("suppressed", `${f.suppression.source === "inline" ? "inline comment" : "baseline"}: ${clean(f.suppression.reason)}`));
  lines.push("");
  const steps = f.trace && f.trace.length > 0 ? f.trace : undefined;
  if (!steps) {
    lines.push("trace: none — the value is obtained and used at this one place", ...excerpt(f.file, f.line, f.column, readLine));
  } else {
    lines.push(`trace: ${steps.length} steps, from where the value is obtained to the sink`);
    steps.forEach((s, i) => {
      lines.push(`  ${String(i + 1).padStart(2)}. ${s.file}:${s.line}:${s.column}  ${clean(s.note)}`, ...excerpt(s.file, s.line, s.column, readLine));
    });
  }
  return `${lines.join("\n")}\n`;
}

function field(name: string, value: string): string {
  return `  ${name.padEnd(11)} ${value}`;
}

function statusLine(f: Finding, result: ScanResult): string {
  switch (f.status) {
    case "declared":
      return "declared";
    case "unchecked":
      return "unchecked (inventory scan: no manifest)";
    case "suppressed":
      return "suppressed";
    case "undeclared": {
      const covering = coveringActivities(result)(f.file);
      if (f.violation === "recipient") {
        const listing = covering.filter((a) => a.data.includes(f.category));
        const by = listing.map((a) => `${a.id} lists ${a.recipients.length ? a.recipients.join(", ") : "no recipients"}`).join("; ");
        return `undeclared (violation: recipient): ${f.recipient} receives ${f.category}, but no activity that declares it here discloses to ${f.recipient}${by ? ` (${by})` : ""}`;
      }
      const where = covering.length
        ? `the activities covering this file (${covering.map((a) => a.id).join(", ")}) do not list ${f.category}`
        : "no activity's code covers this file";
      return `undeclared (violation: category): ${where}`;
    }
  }
}

function activityLabel(id: string, activities: ActivityView[] | undefined): string {
  const a = activities?.find((x) => x.id === id);
  const title = a?.title ? ` "${clean(a.title)}"` : "";
  return `${id}${a?.ref ? ` (${a.ref})` : ""}${title}`;
}

function recipientLabel(id: string, result: ScanResult): string {
  const r = result.context.manifest?.recipients.find((x) => x.id === id);
  return r && r.name !== id ? `${id} (${clean(r.name)})` : id;
}

/** The line, and a caret under the column when the line is shown as written up to it. */
function excerpt(file: string, line: number, column: number, readLine: LineReader): string[] {
  const text = readLine(file, line);
  const gutter = `${String(line).padStart(6)} | `;
  if (text === undefined) return [`${gutter}(source not readable)`];
  const chars = Array.from(clean(text.replace(/\s+$/, "")));
  const shown = chars.length > MAX_EXCERPT ? `${chars.slice(0, MAX_EXCERPT - 1).join("")}…` : chars.join("");
  const before = text.slice(0, column - 1);
  const plain = column - 1 < MAX_EXCERPT - 1 && clean(before) === before && Array.from(before).length === before.length;
  return plain ? [gutter + shown, `${" ".repeat(6)} | ${" ".repeat(column - 1)}^`] : [gutter + shown];
}

/**
 * Code and notes are printed to a terminal: control characters (escape sequences that move
 * the cursor or rewrite the title) and bidirectional overrides are shown, not obeyed.
 */
export function clean(text: string): string {
  return text
    .replace(/\t/g, "  ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
}
