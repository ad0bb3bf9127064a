// SARIF 2.1.0 log for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).
// Built by hand on @types/sarif: the shape is small, and building it ourselves keeps key
// order and sorting under our control, so the same result always gives the same bytes.

import type * as Sarif from "sarif";
import type { CategoryView, Finding, RuleView, ScanResult, Status } from "../types.js";
import { byLocation, escapeCell } from "./markdown.js";
import { labelSarifResults, labelSarifRules } from "../labels/render-labels.js";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const FINGERPRINT_KEY = "policytraceFingerprint/v1";
const SRCROOT = "%SRCROOT%";

const LEVEL: Record<Status, Sarif.Result.level> = {
  undeclared: "error",
  declared: "note",
  unchecked: "warning",
  suppressed: "note",
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A relative URI reference for a POSIX path relative to the scanned root. */
function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

export function renderSarif(result: ScanResult): string {
  return JSON.stringify(buildSarif(result), null, 2) + "\n";
}

export function buildSarif(result: ScanResult): Sarif.Log {
  const { context } = result;
  const categories = new Map(context.categories.map((c) => [c.id, c]));
  const manifestName = result.manifest ?? "privacy-manifest.yml";
  const findings = [...result.findings].sort(byLocation);

  // One reporting rule per detection rule; a finding whose rule is unknown still gets one,
  // so every result has a valid ruleIndex.
  const views = new Map<string, RuleView>(context.rules.map((r) => [r.id, r]));
  for (const f of findings) {
    if (!views.has(f.rule)) {
      views.set(f.rule, { id: f.rule, category: f.category, kind: f.kind, confidence: f.confidence,
        description: `Collection of ${f.category} (${f.kind})` });
    }
  }
  const ruleViews = [...views.values()].sort((a, b) => cmp(a.id, b.id));
  const ruleIndex = new Map(ruleViews.map((r, i) => [r.id, i]));

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        rules: [...ruleViews.map((r) => rule(r, categories.get(r.category), manifestName)), ...labelSarifRules(result)],
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
          ...(e.file ? { locations: [location(e.file, e.line, e.column)] } : {}),
        })),
    }],
    originalUriBaseIds: { [SRCROOT]: { description: { text: "The directory policytrace scanned." } } },
    columnKind: "utf16CodeUnits",
    results: [
      ...findings.map((f) => resultOf(f, ruleIndex.get(f.rule)!, categories.get(f.category), manifestName)),
      ...labelSarifResults(result, ruleViews.length, location),
    ],
    properties: {
      manifest: result.manifest,
      ...(context.git?.commit ? { commit: context.git.commit } : {}),
      ...(context.git?.branch ? { branch: context.git.branch } : {}),
      summary: summaryWithoutTime(result),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

/** The summary without durationMs, which differs on every run and would break byte-identical output. */
function summaryWithoutTime(result: ScanResult): Omit<ScanResult["summary"], "durationMs"> {
  const { durationMs: _ignored, ...rest } = result.summary;
  return rest;
}

function categoryLabel(id: string, cat: CategoryView | undefined): string {
  return cat && cat.title !== id ? `${cat.title} (${id})` : id;
}

function rule(r: RuleView, cat: CategoryView | undefined, manifest: string): Sarif.ReportingDescriptor {
  const label = categoryLabel(r.category, cat);
  const kind = r.kind === "name" ? "named field" : r.kind;
  const todo = `If the collection is intended, declare ${r.category} in ${manifest} for the activity whose ` +
    "code covers the file (its policy-table row); otherwise remove the collection.";
  return {
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description}. Personal data category: ${label}; kind: ${kind}; confidence: ${r.confidence}.` },
    help: {
      text: `This rule finds collection of ${label} (${kind}). ${todo}`,
      markdown: `This rule finds collection of **${escapeCell(label)}** (${kind}).\n\n${escapeCell(todo)}`,
    },
    defaultConfiguration: { level: "error" },
    properties: {
      category: r.category,
      ...(cat ? { group: cat.group } : {}),
      kind: r.kind,
      confidence: r.confidence,
      precision: r.confidence,
      ...(r.recipient ? { recipient: r.recipient } : {}),
      tags: ["privacy", "personal-data", r.category],
    },
  };
}

function location(file: string, line?: number, column?: number, snippet?: string): Sarif.Location {
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
  };
}

function message(f: Finding, cat: CategoryView | undefined, manifest: string): string {
  const what = `${categoryLabel(f.category, cat)}: ${f.kind}${f.symbol ? ` in ${f.symbol}` : ""}` +
    `${f.recipient ? `, reaching ${f.recipient}` : ""}`;
  switch (f.status) {
    case "undeclared":
      return `Undeclared collection of ${what}. No activity covering ${f.file} declares ${f.category}: ` +
        `declare it in ${manifest} or remove the collection.`;
    case "declared":
      return `Declared collection of ${what}. Declared by: ${[...f.activities].sort(cmp).join(", ") || "—"}.`;
    case "unchecked":
      return `Collection of ${what}. Unchecked: no manifest was given.`;
    case "suppressed":
      return `Suppressed collection of ${what}. Suppressed (${f.suppression?.source ?? "unknown"}): ` +
        `${f.suppression?.reason ?? "no reason given"}.`;
  }
}

function resultOf(f: Finding, index: number, cat: CategoryView | undefined, manifest: string): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: f.rule,
    ruleIndex: index,
    level: LEVEL[f.status],
    message: { text: message(f, cat, manifest) },
    locations: [{
      ...location(f.file, f.line, f.column, f.evidence),
      ...(f.symbol ? { logicalLocations: [{ name: f.symbol }] } : {}),
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: {
      status: f.status,
      category: f.category,
      kind: f.kind,
      confidence: f.confidence,
      recipient: f.recipient,
      activities: [...f.activities].sort(cmp),
    },
  };
  if (f.status === "suppressed") {
    out.suppressions = [{
      kind: f.suppression?.source === "baseline" ? "external" : "inSource",
      status: "accepted",
      ...(f.suppression?.reason ? { justification: f.suppression.reason } : {}),
    }];
  }
  return out;
}
