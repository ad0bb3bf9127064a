// Markdown audit report for a reader who never opens the code (a compliance officer).
// Every user-derived string (file names, evidence, manifest wording, reasons) goes through
// escapeCell, so a hostile file name or snippet can neither break a table nor inject HTML.
// Output is deterministic: everything is sorted, and the only time shown is startedAt.

import { basename, posix, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import type { ActivityView, Finding, ScanResult } from "../types.js";
import { labelsMarkdown, labelsVerdict } from "../labels/render-labels.js";
import { flowDiagram } from "./markdown-flow.js";
import { isViolation } from "../evaluate/violations.js";

export interface MarkdownOptions {
  /** Prefix for file links: "../" when the report is not written at the scanned root, or a blob URL. */
  linkBase?: string;
}

const MAX_EVIDENCE = 160;
const MAX_LABEL = 48;

/** Escapes text for a Markdown table cell or any inline position: one line, no HTML, no markup. */
export function escapeCell(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029\u0000-\u001f\u007f]/g, " ")
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "\uFFFD") // bidi overrides could disguise evidence
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[\\`*_[\]|~$@#]/g, "\\$&");
}

export function renderMarkdown(result: ScanResult, opts: MarkdownOptions = {}): string {
  const r = new Report(result, opts.linkBase ?? "");
  const sections = result.manifest === null || result.context.manifest === null
    ? [r.header(), r.inventory(), r.labels(), r.recipients(), r.flow(), r.stale(), r.errors()]
    : [r.header(), r.policyTable(), r.notes(), r.undeclared(), r.unused(), r.labels(), r.suppressed(), r.declared(),
       r.undeclaredShapes(), r.recipients(), r.flow(), r.stale(), r.errors()];
  return sections.filter((s) => s !== "").join("\n\n") + "\n";
}

/**
 * The activities whose `code` globs cover a file. Same rule as the evaluator (config's
 * `covers`): globs are picomatch patterns relative to the manifest's folder (which may be
 * above the scanned one), and a file outside that folder is covered only by activities
 * without `code`.
 */
export function coveringActivities(result: ScanResult): (file: string) => ActivityView[] {
  const activities = result.context.manifest?.activities ?? [];
  const fromManifest = manifestRelative(result);
  const matchers = activities.map((a) => codeMatcher(a.code));
  return (file) => {
    const rel = fromManifest(file);
    return activities.filter((_, i) => matchers[i](rel));
  };
}

/** A scanned-folder path → the same file relative to the manifest's folder (null when outside it). */
export function manifestRelative(result: ScanResult): (file: string) => string | null {
  const base = posix.normalize(posix.dirname(result.manifest ?? "."));
  if (base === ".") return (file) => file;
  if (!base.startsWith("..")) return (file) => (file.startsWith(`${base}/`) ? file.slice(base.length + 1) : null);
  // The manifest is above the scanned folder: files gain the folders in between.
  const manifestDir = resolve(result.context.root, base);
  const between = relative(manifestDir, result.context.root).split(sep).join("/");
  return (file) => posix.join(between, file);
}

function codeMatcher(globs: string[]): (file: string | null) => boolean {
  if (globs.length === 0) return () => true; // SPEC §4: code omitted = everywhere
  const isMatch = picomatch(globs, { dot: true });
  return (file) => file !== null && isMatch(file);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function byLocation(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column ||
    cmp(a.category, b.category) || cmp(a.rule, b.rule) || cmp(a.id, b.id);
}

function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : chars.join("");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Percent-encodes what would end or confuse a Markdown link destination. */
function safeUrl(text: string): string {
  return text.replace(/[\s<>()[\]|`"\\]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
}

function encodePath(file: string): string {
  return file.split("/").map((s) => safeUrl(encodeURIComponent(s))).join("/");
}

class Report {
  private readonly findings: Finding[];
  private readonly catIndex = new Map<string, number>();
  private readonly covering: (file: string) => ActivityView[];

  constructor(private readonly result: ScanResult, private readonly linkBase: string) {
    this.findings = [...result.findings].sort(byLocation);
    result.context.categories.forEach((c, i) => this.catIndex.set(c.id, i));
    const covering = coveringActivities(result);
    const memo = new Map<string, ActivityView[]>(); // per file: reports hold far more findings than files
    this.covering = (file) => {
      let list = memo.get(file);
      if (!list) memo.set(file, (list = covering(file)));
      return list;
    };
  }

  private get ctx() { return this.result.context; }
  private get activities() { return this.ctx.manifest?.activities ?? []; }

  private title(category: string): string {
    const c = this.ctx.categories.find((x) => x.id === category);
    return escapeCell(c && c.title !== c.id ? `${c.title} (${c.id})` : category);
  }

  private byCatalogue = (a: string, b: string): number => {
    const ia = this.catIndex.get(a) ?? Infinity;
    const ib = this.catIndex.get(b) ?? Infinity;
    return ia !== ib ? (ia < ib ? -1 : 1) : cmp(a, b);
  };

  private titles(categories: Iterable<string>, mark?: (c: string) => string): string {
    const list = [...new Set(categories)].sort(this.byCatalogue);
    return list.length === 0 ? "—" : list.map((c) => this.title(c) + (mark ? mark(c) : "")).join(", ");
  }

  private link(file: string, line?: number, label?: string): string {
    const text = escapeCell(label ?? (line === undefined ? file : `${file}:${line}`));
    return `[${text}](${safeUrl(this.linkBase)}${encodePath(file)}${line === undefined ? "" : `#L${line}`})`;
  }

  private activityLabel(a: ActivityView): string {
    return escapeCell(a.ref ? `${a.ref} ${a.title ?? a.id}` : a.title ?? a.id);
  }

  private evidence(f: Finding): string {
    return escapeCell(clip(f.evidence, MAX_EVIDENCE)) || "—";
  }

  header(): string {
    const { result, ctx } = this;
    const m = ctx.manifest;
    const project = basename(ctx.root) || ctx.root;
    const undeclared = this.findings.filter(isViolation).length;
    const verdict = result.manifest === null
      ? "➖ Not checked: no manifest, this is an inventory"
      : undeclared === 0 ? "✅ Pass" : `❌ ${plural(undeclared, "undeclared collection point")}`;
    const labels = labelsVerdict(result);
    const policy = m?.policy?.name
      ? ` — ${escapeCell(m.policy.name)}${m.policy.updated ? ` (updated ${escapeCell(m.policy.updated)})` : ""}`
      : "";
    const lines = [
      `# Privacy audit: ${escapeCell(project)}`,
      "",
      `**Verdict: ${verdict}**${labels ? ` · ❌ Privacy labels: ${labels}` : ""}`,
      "",
      `- **Project:** ${escapeCell(project)}`,
    ];
    if (ctx.git?.commit) lines.push(`- **Commit:** ${escapeCell(ctx.git.commit)}${ctx.git.branch ? ` on branch ${escapeCell(ctx.git.branch)}` : ""}`);
    else if (ctx.git?.branch) lines.push(`- **Branch:** ${escapeCell(ctx.git.branch)}`);
    lines.push(
      `- **Scanned:** ${escapeCell(ctx.startedAt)}`,
      `- **Manifest:** ${result.manifest === null ? "none (inventory scan)" : escapeCell(result.manifest) + policy}`,
      `- **Tool:** ${escapeCell(`${result.tool.name} ${result.tool.version}`)}`,
    );
    const s = result.summary;
    const statuses = result.manifest === null
      ? "not checked against a policy"
      : `${s.declared} declared, ${s.undeclared} undeclared, ${s.suppressed} suppressed`;
    const unused = result.manifest === null ? "" : `${plural(s.unused, "unused declaration")} · `;
    lines.push("", `**Summary:** ${plural(s.files, "file")} scanned · ${plural(s.findings, "collection point")} (${statuses}) · ` +
      `${unused}${plural(s.errors, "error")}`);
    return lines.join("\n");
  }

  policyTable(): string {
    const live = this.findings.filter((f) => f.status !== "suppressed");
    const byActivity = new Map<ActivityView, Finding[]>(this.activities.map((a) => [a, []]));
    const outside: Finding[] = [];
    for (const f of live) {
      const list = this.covering(f.file);
      if (list.length === 0) outside.push(f);
      for (const a of list) byActivity.get(a)?.push(f);
    }
    const rows = this.activities.map((a) => {
      const inCode = byActivity.get(a) ?? [];
      const undeclared = inCode.filter(isViolation).length;
      const unused = this.result.unused.filter((u) => u.activity === a.id).length;
      const status = [
        undeclared > 0 ? `❌ ${plural(undeclared, "undeclared collection point")} in its code` : "",
        unused > 0 ? `⚠️ ${plural(unused, "unused declaration")}` : "",
      ].filter(Boolean).join(" · ") || "✅ all declared data seen";
      const recipients = a.recipients.map((id) => this.recipientName(id));
      return [
        escapeCell(a.ref ?? "—"), escapeCell(a.title ?? a.id), this.codeCell(a), this.titles(a.data), this.foundCell(a, inCode),
        escapeCell(a.purposes.join(", ")) || "—", escapeCell(a.basis) || "—",
        recipients.length ? recipients.join(", ") : "—", status,
      ];
    });
    if (outside.length > 0) {
      const n = outside.filter(isViolation).length;
      rows.push(["—", "**Outside every activity**", "files no activity's code covers", "—", this.foundCell(null, outside),
        "—", "—", "—", n > 0 ? `❌ ${plural(n, "undeclared collection point")}` : "—"]);
    }
    return [
      "## Policy table",
      "",
      "Each row is one activity as the manifest declares it, beside every category the code it covers collects; " +
        "❌ marks collection the activity does not declare.",
      "✅ every declared category is collected and nothing undeclared is collected in its code · " +
        "⚠️ it declares data the code never collects · ❌ its code collects data it does not declare.",
      "",
      rows.length === 0 ? "The manifest declares no activities." :
        table(["Ref", "Activity", "Code", "Declared data", "Found in code", "Purposes", "Basis", "Recipients", "Status"], rows),
    ].join("\n");
  }

  labels(): string {
    return labelsMarkdown(this.result, (file, line) => this.link(file, line), (c) => this.title(c), escapeCell);
  }

  /** The activity's globs, or "all code" when it has none (SPEC §4: it then covers every file). */
  private codeCell(a: ActivityView): string {
    return a.code.length === 0 ? "**all code**" : a.code.map((g) => escapeCell(g)).join(", ");
  }

  /**
   * Every category found in the code an activity covers: plain when it declares it, ❌ when no
   * covering activity does, and, last and by id, those other activities covering the same
   * files declare (shared files are common: an API client used by several features).
   */
  private foundCell(a: ActivityView | null, inCode: Finding[]): string {
    const byCat = new Map<string, Finding[]>();
    for (const f of inCode) {
      const list = byCat.get(f.category);
      if (list) list.push(f);
      else byCat.set(f.category, [f]);
    }
    const own: string[] = [];
    const elsewhere: string[] = [];
    for (const c of [...byCat.keys()].sort(this.byCatalogue)) {
      const list = byCat.get(c)!;
      const title = this.title(c);
      const third = list.find((f) => f.status === "undeclared" && f.violation === "recipient");
      if (list.some((f) => isViolation(f) && f.violation !== "recipient")) own.push(`❌ ${title} (undeclared)`);
      else if (third) own.push(`❌ ${title} (reaches undeclared third party ${this.recipientName(third.recipient ?? "?")})`);
      else if (a === null || a.data.includes(c)) own.push(title);
      else elsewhere.push(escapeCell(c));
    }
    const parts = [own.join(", "), elsewhere.length ? `also, declared by other activities: ${elsewhere.join(", ")}` : ""].filter(Boolean);
    return parts.join(" · ") || "—";
  }

  undeclared(): string {
    // Undeclared data shapes are inventory (SPEC §3), not violations: they have their own section.
    const list = this.findings.filter(isViolation);
    // The same field declared twelve times in one file is one row, with every line linked.
    const groups = new Map<string, Finding[]>();
    for (const f of list) {
      const key = [f.file, f.category, f.kind, f.rule, f.evidence, f.violation ?? ""].join("\u0000");
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
    const rows = [...groups.values()].map((g) => {
      const f = g[0];
      const covering = this.covering(f.file).map((a) => this.activityLabel(a));
      const more = g.slice(1).map((x) => this.link(f.file, x.line, String(x.line)));
      return [this.title(f.category), this.violationCell(f), this.link(f.file, f.line) + (more.length ? ` (also ${more.join(", ")})` : ""),
        f.kind, this.evidence(f) + this.originCell(f), covering.length ? covering.join(", ") : "— (no activity covers this file)"];
    });
    const recipients = list.filter((f) => f.violation === "recipient").length;
    return [
      `## Undeclared collection (${list.length})`,
      "",
      list.length === 0 ? "None: every collection point is declared by an activity that covers its file." : [
        "Personal data the code collects that no activity covering the file declares" +
          (recipients ? ", or sends to a third party the declaring activity does not list" : "") + ". " +
          `Each is a violation: declare it in ${escapeCell(this.result.manifest ?? "the manifest")} or remove the collection.`,
        "",
        table(["Category", "Violation", "Location", "Kind", "Evidence", "Activity covering the file"], rows),
      ].join("\n"),
    ].join("\n");
  }

  private violationCell(f: Finding): string {
    return f.violation === "recipient"
      ? `reaches undeclared third party ${this.recipientName(f.recipient ?? "?")}`
      : "category not declared";
  }

  /** Where a travelling value was first obtained or named (its trace's first step). */
  private originCell(f: Finding): string {
    const first = f.trace?.[0];
    if (!first) return "";
    return ` (from ${this.link(first.file, first.line)}${first.note ? `: ${escapeCell(clip(first.note, MAX_LABEL))}` : ""})`;
  }

  notes(): string {
    const list = this.ctx.notes ?? [];
    if (list.length === 0) return "";
    const rows = list.map((n) => [n.level === "warning" ? "⚠️" : "ℹ️", `${escapeCell(n.file)}:${n.line}:${n.column}`,
      escapeCell(n.message) + (n.hint ? ` — ${escapeCell(n.hint)}` : "")]);
    return ["## Manifest notes", "", "What the manifest's `code` globs cover in this scan.".replace(/`/g, ""), "",
      table(["", "Where", "Note"], rows)].join("\n");
  }

  unused(): string {
    const order = new Map(this.activities.map((a, i) => [a.id, i]));
    const list = [...this.result.unused].sort((a, b) =>
      (order.get(a.activity) ?? Infinity) - (order.get(b.activity) ?? Infinity) || cmp(a.activity, b.activity) ||
      this.byCatalogue(a.category, b.category));
    const rows = list.map((u) => {
      const a = this.activities.find((x) => x.id === u.activity);
      return [a ? this.activityLabel(a) : escapeCell(u.activity), this.title(u.category)];
    });
    return [
      `## Unused declarations (${list.length})`,
      "",
      list.length === 0 ? "None: everything the manifest declares is collected somewhere in its activity's code." : [
        "Data an activity declares that its code never collects: the policy may say more than the product does.",
        "",
        table(["Activity", "Declared but not collected"], rows),
      ].join("\n"),
    ].join("\n");
  }

  suppressed(): string {
    const list = this.findings.filter((f) => f.status === "suppressed");
    const rows = list.map((f) => [
      this.title(f.category), this.link(f.file, f.line), f.kind, this.evidence(f),
      f.suppression?.source === "baseline" ? "baseline" : f.suppression?.source === "inline" ? "inline comment" : "—",
      escapeCell(f.suppression?.reason ?? "") || "—",
    ]);
    return [
      `## Suppressed (${list.length})`,
      "",
      list.length === 0 ? "None." : [
        "Collection points a developer accepted without declaring them, with the reason given.",
        "",
        table(["Category", "Location", "Kind", "Evidence", "Suppressed by", "Reason"], rows),
      ].join("\n"),
    ].join("\n");
  }

  declared(): string {
    const list = this.findings.filter((f) => f.status === "declared");
    if (list.length === 0) return "";
    const label = (id: string) => {
      const a = this.activities.find((x) => x.id === id);
      return a ? this.activityLabel(a) : escapeCell(id);
    };
    const rows = list.map((f) => [this.title(f.category), this.link(f.file, f.line), f.kind, this.evidence(f),
      [...f.activities].sort(cmp).map(label).join(", ") || "—"]);
    return [`## Declared collection (${list.length})`, "",
      table(["Category", "Location", "Kind", "Evidence", "Declared by"], rows)].join("\n");
  }

  /** Undeclared `schema` findings that do not fail the run (without --count-schema): inventory, not violations. */
  undeclaredShapes(): string {
    const list = this.findings.filter((f) => f.status === "undeclared" && !isViolation(f));
    if (list.length === 0) return "";
    const rows = list.map((f) => [this.title(f.category), this.link(f.file, f.line), this.evidence(f)]);
    return [`## Undeclared data shapes (${list.length})`, "",
      "Types and models that name personal data no covering activity declares. A shape is inventory, not a violation " +
        "(--count-schema makes it one): declare the data where the code really collects it.",
      "", table(["Category", "Location", "Evidence"], rows)].join("\n");
  }

  inventory(): string {
    const byCat = new Map<string, Finding[]>();
    for (const f of this.findings) {
      const list = byCat.get(f.category);
      if (list) list.push(f);
      else byCat.set(f.category, [f]);
    }
    const parts = [
      "## Inventory",
      "",
      "No manifest was given, so nothing was checked against a policy: this lists every place the code collects personal data, by category.",
    ];
    if (byCat.size === 0) parts.push("", "No collection points found.");
    for (const cat of [...byCat.keys()].sort(this.byCatalogue)) {
      const rows = byCat.get(cat)!.map((f) => [this.link(f.file, f.line), f.kind, this.evidence(f),
        f.recipient ? this.recipientName(f.recipient) : "—"]);
      parts.push("", `### ${this.title(cat)} · ${plural(rows.length, "collection point")}`, "", table(["Location", "Kind", "Evidence", "Recipient"], rows));
    }
    return parts.join("\n");
  }

  private recipientName(id: string): string {
    const r = this.ctx.manifest?.recipients.find((x) => x.id === id);
    return escapeCell(r && r.name !== r.id ? `${r.name} (${r.id})` : id);
  }

  recipients(): string {
    const manifest = this.ctx.manifest;
    const ids = new Set([...(manifest?.recipients.map((r) => r.id) ?? []),
      ...this.findings.flatMap((f) => (f.recipient ? [f.recipient] : []))]);
    const rows = [...ids].sort(cmp).map((id) => {
      const declaredFor = this.activities.filter((a) => a.recipients.includes(id));
      const reaching = this.findings.filter((f) => f.recipient === id).map((f) => f.category);
      if (!manifest) return [this.recipientName(id), this.titles(reaching)];
      const declaredData = new Set(declaredFor.flatMap((a) => a.data));
      return [
        this.recipientName(id),
        manifest.recipients.some((r) => r.id === id) ? "✅ yes" : "❌ no",
        declaredFor.map((a) => escapeCell(a.ref ?? a.id)).join(", ") || "—",
        this.titles(reaching, (c) => (declaredData.has(c) ? " ✅" : " ❌ not declared for this recipient")),
      ];
    });
    const headers = manifest
      ? ["Recipient", "Listed in the manifest", "Declared by activities", "Data reaching it in code"]
      : ["Recipient", "Data reaching it in code"];
    return ["## Third-party recipients", "",
      rows.length === 0 ? "No third-party recipient is declared or detected." : table(headers, rows)].join("\n");
  }

  flow(): string {
    const d = flowDiagram(this.result, this.findings, this.covering);
    if (d.mermaid === "") return "";
    const what = this.ctx.manifest
      ? "Data group → activity → third-party recipient, as the code does it (numbers are collection points; red is a violation)."
      : "Data group → how the code handles it → third-party recipient (numbers are collection points).";
    return ["## Data flow", "", what, "", d.mermaid,
      ...(d.omitted > 0 ? ["", `${plural(d.omitted, "smaller flow")} left out to keep the diagram readable; the tables above list every collection point.`] : [])].join("\n");
  }

  stale(): string {
    const { staleSuppressions, staleBaseline } = this.ctx;
    if (staleSuppressions.length === 0 && staleBaseline.length === 0) return "";
    const parts = ["## Stale suppressions and baseline entries", "",
      "These match no collection point any more; remove them so they cannot hide a future one."];
    if (staleSuppressions.length > 0) {
      const rows = [...staleSuppressions]
        .sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.category, b.category) || cmp(a.reason, b.reason))
        .map((s) => [this.link(s.file, s.line), this.title(s.category), escapeCell(s.reason) || "—"]);
      parts.push("", table(["Suppression comment", "Category", "Reason"], rows));
    }
    if (staleBaseline.length > 0) {
      const rows = [...staleBaseline]
        .sort((a, b) => cmp(a.file, b.file) || cmp(a.category, b.category) || cmp(a.id, b.id))
        .map((s) => [escapeCell(s.file), this.title(s.category), escapeCell(s.id)]);
      parts.push("", table(["Baseline entry file", "Category", "Fingerprint"], rows));
    }
    return parts.join("\n");
  }

  errors(): string {
    const list = [...this.result.errors].sort((a, b) =>
      cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.message, b.message));
    if (list.length === 0) return "";
    const rows = list.map((e) => [e.file ? this.link(e.file, e.line) : "—", escapeCell(e.message) || "—"]);
    return [`## Errors (${list.length})`, "", "Files that could not be analysed: collection in them is not reported above.", "",
      table(["File", "Message"], rows)].join("\n");
  }
}
