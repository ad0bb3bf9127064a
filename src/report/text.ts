import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, ScanResult } from "../types.js";
import { labelsText, labelsVerdict } from "../labels/render-labels.js";
import type { FailOn } from "../evaluate/exit-code.js";
import { isViolation } from "../evaluate/violations.js";

export interface TextOptions {
  color: boolean;
  /** List declared and suppressed findings too, not only what needs attention. */
  verbose?: boolean;
  /** What fails the run, so the verdict line says what failed (default undeclared). */
  failOn?: FailOn;
}

/**
 * Human output. With a manifest, what needs attention (undeclared collection, unused
 * declarations, notes) is listed and the declared rest is counted; without one, the whole
 * inventory is listed. Repeats of the same finding in a file share one line.
 */
export function renderText(result: ScanResult, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const checked = result.manifest !== null;
  const shown = result.findings.filter((f) => !checked || opts.verbose || f.status === "undeclared");
  const lines: string[] = [];
  for (const [file, list] of groupBy(shown, (f) => f.file)) {
    lines.push(c.underline(file));
    for (const group of groupBy(list, (f) => [f.status, f.category, f.kind, f.rule, f.evidence, f.violation ?? ""].join("\u0000")).values()) {
      lines.push(formatGroup(group, c, checked));
    }
    lines.push("");
  }
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) {
    const listed = new Set(shown); // not shown.includes: quadratic on 100,000 findings
    const files = new Set(result.findings.filter((f) => !listed.has(f)).map((f) => f.file)).size;
    lines.push(c.gray(`${hidden} declared or suppressed finding${hidden === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} not listed (--verbose lists them).`), "");
  }
  if (result.unused.length) {
    lines.push(c.yellow.bold("Declared but never collected (unused):"));
    for (const u of result.unused) lines.push(`  ${c.yellow("unused")}  ${c.bold(u.activity)} declares ${c.bold(u.category)}, but no code it covers collects it`);
    lines.push("");
  }
  lines.push(...labelsText(result, c));
  const notes = noteLines(result);
  if (notes.length) {
    for (const n of notes) lines.push(`${c.gray("note")} ${n}`);
    lines.push("");
  }
  lines.push(verdict(result, c, opts.failOn ?? "undeclared", notes.length));
  const labels = labelsVerdict(result);
  if (labels) lines.push(c.red.bold(`✖ Privacy labels: ${labels}`));
  return `${lines.join("\n")}\n`;
}

/** Every note the text report prints; the verdict counts exactly these. */
export function noteLines(result: ScanResult): string[] {
  const notes: string[] = [];
  for (const n of result.context.notes ?? []) notes.push(`${n.file}:${n.line}:${n.column}: ${n.message}${n.hint ? ` — ${n.hint}` : ""}`);
  for (const s of result.context.staleSuppressions) notes.push(`${s.file}:${s.line}: suppression for ${s.category} matches no finding ("${s.reason}")`);
  for (const s of result.context.staleBaseline) notes.push(`baseline entry ${s.id} (${s.category} in ${s.file}) matches no finding any more; refresh the baseline`);
  for (const e of result.errors) notes.push(`${e.file}${e.line ? `:${e.line}:${e.column}` : ""}: ${e.message}`);
  return notes;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function formatGroup(group: Finding[], c: ChalkInstance, checked: boolean): string {
  const f = group[0];
  const status =
    f.status === "undeclared" ? c.red.bold("undeclared") : f.status === "declared" ? c.green("declared  ") : f.status === "suppressed" ? c.gray("suppressed") : c.cyan("found     ");
  const where = `${f.line}:${f.column}`;
  const what = `${c.bold(f.category)} ${c.gray(`(${f.kind}${f.recipient ? ` → ${f.recipient}` : ""})`)}`;
  const why = f.status === "undeclared" && f.violation === "recipient" ? c.red(` [reaches undeclared third party ${f.recipient ?? "?"}]`) : "";
  const extra =
    f.status === "declared" && checked ? c.gray(` [${f.activities.join(", ")}]`) : f.status === "suppressed" && f.suppression ? c.gray(` [${f.suppression.reason}]`) : "";
  const more = group.length > 1 ? c.gray(` (also lines ${group.slice(1).map((g) => g.line).join(", ")})`) : "";
  return `  ${c.gray(where.padEnd(8))} ${status}  ${what}  ${f.evidence}${why}${extra}${more}${origin(f, c)}  ${c.dim(f.rule)}`;
}

/** Where the value came from, when it travelled: the first step of its trace. */
function origin(f: Finding, c: ChalkInstance): string {
  const first = f.trace?.[0];
  if (!first) return "";
  const at = first.file === f.file ? `line ${first.line}` : `${first.file}:${first.line}`;
  return c.gray(` ← from ${at}${first.note ? ` (${first.note})` : ""}`);
}

const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function verdict(r: ScanResult, c: ChalkInstance, failOn: FailOn, notes: number): string {
  const sum = r.summary;
  const tail = `${s(sum.files, "file")}, ${s(notes, "note")}, ${(sum.durationMs / 1000).toFixed(1)}s`;
  if (!r.manifest) {
    return `${c.cyan.bold("Inventory")} (no manifest): ${s(sum.findings, "collection point")} — ${tail}. ` +
      "Nothing was checked: no privacy-manifest.yml in the scanned folder or above it (up to the repository root). " +
      "Run `policytrace init` to start one, or pass --manifest.";
  }
  const counts = `${sum.declared} declared, ${sum.undeclared} undeclared, ${sum.suppressed} suppressed, ${s(sum.unused, "unused declaration")}`;
  // Undeclared data shapes are inventory (SPEC §3): listed and counted, but not a failure.
  const violations = r.findings.filter(isViolation).length;
  const shapes = sum.undeclared - violations;
  const undeclared = `${s(violations, "undeclared collection point")}`;
  const inventory = shapes > 0 ? ` (${s(shapes, "undeclared data shape")}, inventory only)` : "";
  const declared = shapes > 0 ? c.green.bold("✔ No undeclared collection") + inventory : c.green.bold("✔ All collection is declared");
  if (failOn === "none") {
    const label = violations > 0 ? c.yellow.bold(`! ${undeclared} (not failing: --fail-on none)`) : declared;
    return `${label} — ${counts}; ${tail}`;
  }
  if (violations > 0) return `${c.red.bold(`✖ ${undeclared}`)} — ${counts}; ${tail}`;
  if (failOn === "unused" && sum.unused > 0) {
    return `${c.red.bold(`✖ ${s(sum.unused, "unused declaration")} (--fail-on unused)`)}: all collection is declared, but the manifest declares data no code collects — ${counts}; ${tail}`;
  }
  return `${declared} — ${counts}; ${tail}`;
}
