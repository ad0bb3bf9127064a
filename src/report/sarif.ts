// SARIF 2.1.0 log for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).
// A result is something to act on: a violation (error: undeclared collection, or data reaching
// an undeclared third party) or an unused declaration (warning, at its manifest line).
// Declared and inventory findings are not alerts and stay out; violations accepted by an
// inline comment or the baseline are kept with a `suppressions` entry, so a dashboard closes
// them instead of forgetting them. URIs are relative to the repository root (%SRCROOT%), so
// an upload from a monorepo package points at the right files.
// Built by hand on @types/sarif: the shape is small, and building it ourselves keeps key
// order and sorting under our control, so the same result always gives the same bytes.

import type * as Sarif from "sarif";
import type { CategoryView, Finding, RuleView, ScanResult } from "../types.js";
import { byLocation, escapeCell } from "./markdown.js";
import { repoPath, scannedPathInRepo } from "./repo-paths.js";
import { ruleHelpUri, sentence } from "./rule-help.js";
import { labelSarifResults, labelSarifRules } from "../labels/render-labels.js";
import { isViolation as failsTheRun } from "../evaluate/violations.js";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** v2: fingerprints from what classified the finding (src/baseline/fingerprint.ts). */
export const FINGERPRINT_KEY = "policytraceFingerprint/v2";
export const UNUSED_RULE_ID = "policytrace.unused-declaration";
const SRCROOT = "%SRCROOT%";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A relative URI reference for a POSIX path. */
function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

export function renderSarif(result: ScanResult): string {
  return JSON.stringify(buildSarif(result), null, 2) + "\n";
}

/** A finding that is a violation: undeclared now, or accepted by a suppression although undeclared. */
export function isViolation(f: Finding): boolean {
  // An undeclared data shape carries no violation: it is inventory (SPEC §3), not a result.
  return failsTheRun(f) || (f.status === "suppressed" && f.violation !== undefined);
}

export function buildSarif(result: ScanResult): Sarif.Log {
  const { context } = result;
  const prefix = scannedPathInRepo(result);
  const where = (file: string) => repoPath(prefix, file);
  const categories = new Map(context.categories.map((c) => [c.id, c]));
  const manifestName = result.manifest ?? "privacy-manifest.yml";
  const findings = result.findings.filter(isViolation).sort(byLocation);

  // Reporting rules: the detection rules that raised a result (a finding whose rule is
  // unknown still gets one, so every result has a valid ruleIndex), then unused declarations.
  const known = new Map<string, RuleView>(context.rules.map((r) => [r.id, r]));
  const views = new Map<string, RuleView>();
  for (const f of findings) {
    views.set(f.rule, known.get(f.rule) ?? { id: f.rule, category: f.category, kind: f.kind, confidence: f.confidence,
      description: `Collection of ${f.category} (${f.kind})` });
  }
  const descriptors = [...views.values()].sort((a, b) => cmp(a.id, b.id)).map((r) => rule(r, categories.get(r.category), manifestName));
  if (result.unused.length > 0) descriptors.push(unusedRule(manifestName));
  const labelBase = descriptors.length;
  descriptors.push(...labelSarifRules(result).map((r) => ({ ...r, helpUri: ruleHelpUri(r.id) })));
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));

  const unusedResults = result.unused
    .map((u) => ({ u, at: unusedPosition(result, u.activity, u.category) }))
    .sort((a, b) => a.at.line - b.at.line || cmp(a.u.activity, b.u.activity) || cmp(a.u.category, b.u.category))
    .map(({ u, at }): Sarif.Result => ({
      ruleId: UNUSED_RULE_ID,
      ruleIndex: ruleIndex.get(UNUSED_RULE_ID)!,
      level: "warning",
      message: { text: `Activity "${u.activity}" declares ${categoryLabel(u.category, categories.get(u.category))}, ` +
        "but no code it covers collects it: the policy over-declares, or the activity's code globs miss its files." },
      locations: [location(where(manifestName), at.line, at.column)],
      partialFingerprints: { [FINGERPRINT_KEY]: `unused:${u.activity}:${u.category}` },
      properties: { activity: u.activity, category: u.category },
    }));

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: ruleHelpUri("").replace(/#$/, ""),
        rules: descriptors,
      },
    },
    invocations: [{
      executionSuccessful: true,
      startTimeUtc: context.startedAt,
      toolExecutionNotifications: [...result.errors]
        .sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message))
        .map((e) => ({
          level: "error" as const,
          message: { text: e.message },
          ...(e.file ? { locations: [location(where(e.file), e.line, e.column)] } : {}),
        })),
      toolConfigurationNotifications: (context.notes ?? []).map((n) => ({
        level: n.level === "warning" ? ("warning" as const) : ("note" as const),
        message: { text: `${n.message}${n.hint ? ` — ${n.hint}` : ""}` },
        locations: [location(where(result.manifest ?? n.file), n.line, n.column)],
      })),
    }],
    originalUriBaseIds: { [SRCROOT]: { description: { text: prefix
      ? `The repository root; policytrace scanned its folder ${prefix}/.`
      : "The repository root (the folder policytrace scanned)." } } },
    columnKind: "utf16CodeUnits",
    results: [
      ...findings.map((f) => resultOf(f, ruleIndex.get(f.rule)!, categories.get(f.category), manifestName, where)),
      ...unusedResults,
      ...labelSarifResults(result, labelBase, (file, line, column) => location(where(file), line, column)),
    ],
    properties: {
      manifest: result.manifest,
      ...(prefix ? { scannedFolder: prefix } : {}),
      ...(context.git?.commit ? { commit: context.git.commit } : {}),
      ...(context.git?.branch ? { branch: context.git.branch } : {}),
      summary: summaryWithoutTime(result),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

/** The manifest line that declares the unused category (its `data` entry), else the activity. */
function unusedPosition(result: ScanResult, activity: string, category: string): { line: number; column: number } {
  const a = result.context.manifest?.activities.find((x) => x.id === activity);
  return a?.positions?.data[category] ?? a?.positions?.activity ?? { line: 1, column: 1 };
}

/** The summary without durationMs, which differs on every run and would break byte-identical output. */
function summaryWithoutTime(result: ScanResult): Omit<ScanResult["summary"], "durationMs"> {
  const { durationMs: _ignored, ...rest } = result.summary;
  return rest;
}

function categoryLabel(id: string, cat: CategoryView | undefined): string {
  return cat && cat.title !== id ? `${cat.title} (${id})` : id;
}

const KIND_WORDS: Record<string, string> = {
  source: "read from a device, browser or OS API",
  input: "entered by a person or supplied by a client",
  transmit: "sent over the network or to a third-party SDK",
  store: "persisted",
  log: "written to a log",
  schema: "named in a data shape",
  name: "held in a field named like it",
};

function rule(r: RuleView, cat: CategoryView | undefined, manifest: string): Sarif.ReportingDescriptor {
  const category = r.category === "names" ? "the personal data named in the arguments" : categoryLabel(r.category, cat);
  const how = KIND_WORDS[r.kind] ?? r.kind;
  const what = sentence(r.description) || `Collection of ${category}.`;
  const todo = `If the collection is intended, list ${r.category === "names" ? "its category" : r.category} under \`data:\` of the ` +
    `activity in ${manifest} whose code covers the file (its row of the policy table)${r.recipient ? `, with ${r.recipient} under \`recipients:\`` : ""}; ` +
    "otherwise remove the collection, or accept it with a `policytrace-ignore-line` comment that gives the reason.";
  const example = r.example ? `\n\nExample of code it matches:\n\n    ${r.example}` : "";
  return {
    id: r.id,
    name: r.id.split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(""),
    shortDescription: { text: what },
    fullDescription: { text: `${what} Data: ${category}, ${how}; confidence ${r.confidence}.${r.matches ? ` ${r.matches}` : ""}` },
    helpUri: ruleHelpUri(r.id),
    help: {
      text: `${what}${r.matches ? ` ${r.matches}` : ""}${r.recipient ? ` The data reaches ${r.recipient}.` : ""}\n\n${todo}${example}`,
      markdown: `${escapeCell(what)}${r.matches ? ` ${escapeCell(r.matches)}` : ""}${r.recipient ? ` The data reaches **${escapeCell(r.recipient)}**.` : ""}` +
        `\n\n${todo}${r.example ? `\n\nExample of code it matches:\n\n\`\`\`ts\n${r.example}\n\`\`\`` : ""}`,
    },
    defaultConfiguration: { level: "error" },
    properties: {
      category: r.category,
      ...(cat ? { group: cat.group } : {}),
      kind: r.kind,
      confidence: r.confidence,
      precision: r.confidence === "low" ? "low" : r.confidence === "medium" ? "medium" : "high",
      ...(r.recipient ? { recipient: r.recipient } : {}),
      tags: ["privacy", "personal-data", r.category],
    },
  };
}

function unusedRule(manifest: string): Sarif.ReportingDescriptor {
  return {
    id: UNUSED_RULE_ID,
    name: "UnusedDeclaration",
    shortDescription: { text: "The manifest declares data that no code the activity covers collects." },
    fullDescription: { text: "An activity lists a data category, but no collection of it was found in the files its `code` globs cover." },
    helpUri: ruleHelpUri(UNUSED_RULE_ID),
    help: {
      text: `The policy (and ${manifest}) says this activity collects the category, but the code does not. ` +
        "Remove it from the activity's `data:` if the policy over-declares, or fix the activity's `code:` globs if they miss the files that collect it. " +
        "`--fail-on unused` makes this fail the run.",
    },
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["privacy", "manifest"], precision: "high" },
  };
}

function location(file: string, line?: number, column?: number, snippet?: string, message?: string): Sarif.Location {
  const region: Sarif.Region | undefined = line === undefined ? undefined : {
    startLine: line,
    ...(column === undefined ? {} : { startColumn: column }),
    ...(snippet ? { snippet: { text: snippet } } : {}),
  };
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
      ...(region ? { region } : {}),
    },
    ...(message ? { message: { text: message } } : {}),
  };
}

function message(f: Finding, cat: CategoryView | undefined, manifest: string): string {
  const what = `${categoryLabel(f.category, cat)}: ${f.kind}${f.symbol ? ` in ${f.symbol}` : ""}` +
    `${f.recipient ? `, reaching ${f.recipient}` : ""}`;
  const why = f.violation === "recipient"
    ? `Collection of ${what} reaches the undeclared third party ${f.recipient ?? "(unknown)"}. No activity declaring ${f.category} for ${f.file} lists it: ` +
      `add it to the activity's recipients in ${manifest}, or stop sending the data there.`
    : `Undeclared collection of ${what}. No activity covering ${f.file} declares ${f.category}: declare it in ${manifest} or remove the collection.`;
  if (f.status !== "suppressed") return why;
  return `${why} Accepted (${f.suppression?.source ?? "unknown"}): ${f.suppression?.reason ?? "no reason given"}.`;
}

function resultOf(f: Finding, index: number, cat: CategoryView | undefined, manifest: string, where: (file: string) => string): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: f.rule,
    ruleIndex: index,
    level: "error",
    message: { text: message(f, cat, manifest) },
    locations: [{
      ...location(where(f.file), f.line, f.column, f.evidence),
      ...(f.symbol ? { logicalLocations: [{ name: f.symbol }] } : {}),
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: {
      status: f.status,
      violation: f.violation ?? "category",
      category: f.category,
      kind: f.kind,
      confidence: f.confidence,
      recipient: f.recipient,
      activities: [...f.activities].sort(cmp),
    },
  };
  if (f.trace && f.trace.length > 0) {
    out.codeFlows = [{
      threadFlows: [{
        locations: f.trace.map((s) => ({ location: location(where(s.file), s.line, s.column, undefined, s.note || undefined) })),
      }],
    }];
  }
  if (f.status === "suppressed") {
    out.suppressions = [{
      kind: f.suppression?.source === "baseline" ? "external" : "inSource",
      status: "accepted",
      ...(f.suppression?.reason ? { justification: f.suppression.reason } : {}),
    }];
  }
  return out;
}
