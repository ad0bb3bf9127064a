// `policytrace init`: a starter privacy-manifest.yml from an inventory scan. It states what
// the code collects, grouped by feature folder, and leaves the why (purposes, lawful basis)
// as TODOs that the manifest loader rejects, so it cannot pass CI until a person fills it in.
// Built as text, not through a YAML library, so it can carry the comments that guide that
// person; every user-derived string goes through JSON.stringify (JSON strings are YAML).

import type { CategoryView, Finding, ScanResult } from "../types.js";
import { isHost } from "../recipients/hosts.js";
import { activityIdOf, globOf, groupByFeatureFolder, uniqueIds, type FeatureFolder } from "./feature-folders.js";
import { BASES } from "../config/manifest-schema.js";

interface Activity {
  id: string;
  feature: FeatureFolder;
  files: Set<string>;
  findings: Finding[];
}

export interface StarterManifest {
  text: string;
  activities: number;
  findings: number;
}

export function starterManifest(result: ScanResult): StarterManifest {
  const activities = groupByFeature(result.findings);
  const catalogue = new Map(result.context.categories.map((c, i) => [c.id, { view: c, order: i }]));
  const recipients = [...new Set(result.findings.flatMap((f) => (f.recipient ? [f.recipient] : [])))].sort();
  const out: string[] = [...header(result.tool.version), "version: 1", ""];
  out.push(
    "# policy:                                 # the policy this manifest mirrors (optional)",
    "#   name: Example Privacy Policy",
    "#   updated: 2024-01-31",
    "",
  );
  if (recipients.length) {
    out.push("# Third parties the code sends data to (found from SDK and API calls). Use the names", "# your policy uses; add any the scan cannot see (hosting, e-mail providers).", "recipients:");
    for (const r of recipients) out.push(`  - id: ${entryId(r)}`, `    name: ${JSON.stringify(titleOf(r))}`, ...(isHost(r) ? [`    hosts: [${r}]`] : []));
    out.push("");
  }
  out.push("activities:");
  if (activities.length === 0) out.push(...placeholderActivity());
  for (const a of activities) out.push(...activityLines(a, catalogue));
  out.push(
    "",
    "# audit:                                  # optional scan settings",
    '#   exclude: ["**/*.test.ts", "**/__mocks__/**"]',
    "",
  );
  return { text: out.join("\n"), activities: activities.length, findings: result.findings.length };
}

function header(version: string): string[] {
  return [
    `# privacy-manifest.yml — starter written by \`policytrace init\` (policytrace ${version}).`,
    "#",
    "# It lists what the code collects today, one activity per feature folder, but not yet why:",
    "# `policytrace scan` refuses it until every TODO is replaced. To finish it:",
    "#   1. Give each activity the purposes and lawful basis of its row in your privacy",
    `#      policy's table. basis is one of: ${BASES.join(" | ")}.`,
    "#   2. Rename ids after the policy's rows, and add `ref:` (the row's number, e.g. A.1a)",
    "#      and `title:` (its wording). Merge folders that are one row (list several globs",
    "#      under `code:`), or split a folder across rows.",
    "#   3. Delete from `data:` whatever the policy does not disclose: the scan then reports that",
    "#      collection as undeclared, which is the gap to close, in the code or in the policy.",
    "#   4. `data:` takes category ids, group ids (contact, device-identifiers, …) or the",
    '#      policy\'s own wording ("Device SN"); `policytrace categories` lists them all.',
    "#",
    "# Grouping: a feature folder is the folder right below the first source root (src, lib,",
    "# app, source) — e.g. mobile/src/account — with everything under it. Files directly in a",
    "# source root, or in a path without one, are grouped by their own folder: `folder/**`, or",
    "# `folder/*` (its own files only) when another activity's folder lies below it.",
    "# No two activities' code globs overlap. `code:` globs are relative to this file's folder.",
    "",
  ];
}

function groupByFeature(findings: Finding[]): Activity[] {
  const byFolder = groupByFeatureFolder(findings).map((g) => ({ id: "", feature: g.feature, files: new Set(g.items.map((f) => f.file)), findings: g.items }));
  const list = byFolder.sort((x, y) => cmp(globOf(x.feature), globOf(y.feature)));
  const ids = uniqueIds(list.map((a) => activityIdOf(a.feature)));
  list.forEach((a, i) => (a.id = ids[i]));
  return list;
}

function activityLines(a: Activity, catalogue: Map<string, { view: CategoryView; order: number }>): string[] {
  const kinds = new Map<string, Set<string>>();
  for (const f of a.findings) {
    const s = kinds.get(f.category) ?? new Set<string>();
    s.add(f.kind);
    kinds.set(f.category, s);
  }
  const order = (id: string) => catalogue.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const categories = [...kinds.keys()].sort((x, y) => order(x) - order(y) || cmp(x, y));
  const width = Math.max(...categories.map((c) => c.length));
  const recipients = [...new Set(a.findings.flatMap((f) => (f.recipient ? [f.recipient] : [])))].sort();
  const where = a.feature.folder || "(the scanned folder)";
  const lines = [
    "",
    `  # ${where}${a.feature.deep ? "" : " (its own files only)"}: ${plural(a.files.size, "file")}, ${plural(a.findings.length, "collection point")}`,
    `  - id: ${a.id}`,
    "    data:",
  ];
  for (const c of categories) {
    const view = catalogue.get(c)?.view;
    const wording = view ? (view.aliases[0] ?? view.title) : c;
    lines.push(`      - ${c.padEnd(width)}  # ${JSON.stringify(wording)} (${[...kinds.get(c)!].sort().join(", ")})`);
  }
  lines.push(
    '    purposes: ["TODO: why is this collected?"]',
    `    basis: TODO                          # ${BASES.join(" | ")}`,
  );
  if (recipients.length) lines.push(`    recipients: [${[...new Set(recipients.map(entryId))].join(", ")}]`);
  lines.push(`    code: [${JSON.stringify(globOf(a.feature))}]`);
  return lines;
}

function placeholderActivity(): string[] {
  return [
    "",
    "  # The scan found no personal-data collection. Describe each row of your policy's table",
    "  # as an activity like this one, with the code that implements it.",
    "  - id: example-activity",
    "    data: [email]",
    '    purposes: ["TODO: why is this collected?"]',
    `    basis: TODO                          # ${BASES.join(" | ")}`,
    '    code: ["src/**"]',
  ];
}

/** google-analytics → Google Analytics: a readable starting point for the policy's name. */
/** A recipient that is a bare host (api.example.com) is declared under an id made from it, with that host. */
const entryId = (recipient: string) => (isHost(recipient) ? recipient.replace(/\./g, "-") : recipient);

function titleOf(id: string): string {
  return id.split("-").map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w)).join(" ");
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
