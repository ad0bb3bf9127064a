import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, ScanResult } from "../types.js";

export interface TextOptions {
  color: boolean;
}

/** Human output: findings grouped by file, then unused declarations, errors and a one-line verdict. */
export function renderText(result: ScanResult, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const checked = result.manifest !== null;
  for (const [file, list] of byFile) {
    // Declared findings are the policy working as intended; show them compactly.
    lines.push(c.underline(file));
    for (const f of list) lines.push(formatFinding(f, c, checked));
    lines.push("");
  }
  if (result.unused.length) {
    lines.push(c.yellow.bold("Declared but not found in code (unused):"));
    for (const u of result.unused) lines.push(`  ${c.yellow("unused")}  activity ${c.bold(u.activity)} declares ${c.bold(u.category)}, but its code never collects it`);
    lines.push("");
  }
  for (const s of result.context.staleSuppressions) lines.push(`${c.yellow("note")} ${s.file}:${s.line} suppression for ${s.category} matches no finding ("${s.reason}")`);
  for (const s of result.context.staleBaseline) lines.push(`${c.yellow("note")} baseline entry ${s.id} (${s.category} in ${s.file}) matches no finding any more; refresh the baseline`);
  for (const e of result.errors) lines.push(`${c.gray("note")} ${e.file}${e.line ? `:${e.line}:${e.column}` : ""}: ${e.message}`);
  if (result.errors.length || result.context.staleSuppressions.length || result.context.staleBaseline.length) lines.push("");
  lines.push(verdict(result, c));
  return `${lines.join("\n")}\n`;
}

function formatFinding(f: Finding, c: ChalkInstance, checked: boolean): string {
  const status =
    f.status === "undeclared" ? c.red.bold("undeclared") : f.status === "declared" ? c.green("declared  ") : f.status === "suppressed" ? c.gray("suppressed") : c.cyan("found     ");
  const where = c.gray(`${f.line}:${f.column}`.padEnd(8));
  const what = `${c.bold(f.category)} ${c.gray(`(${f.kind}${f.recipient ? ` → ${f.recipient}` : ""})`)}`;
  const extra = f.status === "declared" && checked ? c.gray(` [${f.activities.join(", ")}]`) : f.status === "suppressed" && f.suppression ? c.gray(` [${f.suppression.reason}]`) : "";
  return `  ${where} ${status}  ${what}  ${c.gray(f.evidence)}${extra}  ${c.dim(f.rule)}`;
}

function verdict(r: ScanResult, c: ChalkInstance): string {
  const s = r.summary;
  const notes = `${s.files} files, ${s.errors} note${s.errors === 1 ? "" : "s"}, ${(s.durationMs / 1000).toFixed(1)}s`;
  if (!r.manifest) {
    return `${c.cyan.bold("Inventory")} (no manifest): ${s.findings} collection point${s.findings === 1 ? "" : "s"} — ${notes}. Run \`policytrace init\` to start a privacy-manifest.yml.`;
  }
  const counts = `${s.declared} declared, ${s.undeclared} undeclared, ${s.suppressed} suppressed, ${s.unused} unused declaration${s.unused === 1 ? "" : "s"}`;
  if (s.undeclared > 0) return `${c.red.bold(`✖ ${s.undeclared} undeclared collection point${s.undeclared === 1 ? "" : "s"}`)} — ${counts}; ${notes}`;
  return `${c.green.bold("✔ All collection is declared")} — ${counts}; ${notes}`;
}
