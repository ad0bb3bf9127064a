// GitHub Actions workflow commands: one `::error` annotation per undeclared finding, so a
// violation shows on the pull request's diff at the line that collects the data.

import { posix } from "node:path";
import type { Finding, ScanResult } from "../types.js";
import { byLocation } from "./markdown.js";
import { isViolation } from "../evaluate/violations.js";

export interface GithubOptions {
  /** Path of the scanned directory inside the repository, e.g. "packages/app", when it is not the repo root. */
  pathPrefix?: string;
}

const MAX_EVIDENCE = 200;

/** Escapes the message part of a workflow command (GitHub's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value of a workflow command (GitHub's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function renderGithubAnnotations(result: ScanResult, opts: GithubOptions = {}): string {
  const titles = new Map(result.context.categories.map((c) => [c.id, c.title]));
  const manifest = result.manifest ?? "the manifest";
  const lines = result.findings
    .filter(isViolation)
    .sort(byLocation)
    .map((f) => annotation(f, titles.get(f.category) ?? f.category, manifest, opts.pathPrefix ?? ""));
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

function annotation(f: Finding, title: string, manifest: string, prefix: string): string {
  const file = prefix ? posix.join(prefix, f.file) : f.file;
  const label = title === f.category ? title : `${title} (${f.category})`;
  const evidence = Array.from(f.evidence.replace(/\s+/g, " ").trim());
  const snippet = evidence.length > MAX_EVIDENCE ? evidence.slice(0, MAX_EVIDENCE - 1).join("") + "…" : evidence.join("");
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(f.violation === "recipient" ? `Personal data reaches an undeclared third party: ${label}` : `Undeclared personal data: ${label}`)}`,
  ].join(",");
  const what = f.violation === "recipient"
    ? `${f.kind} of ${label} reaches the undeclared third party ${f.recipient ?? "(unknown)"}: list it in the recipients of the activity that declares ${f.category} in ${manifest}, or stop sending the data there.`
    : `${f.kind} of ${label} is not declared by any activity covering this file${f.recipient ? ` (reaches ${f.recipient})` : ""}: declare it in ${manifest} or remove the collection.`;
  const origin = f.trace?.[0] ? `\nFrom: ${posix.join(prefix, f.trace[0].file)}:${f.trace[0].line}${f.trace[0].note ? ` (${f.trace[0].note})` : ""}` : "";
  const message = `${what}${snippet ? `\nEvidence: ${snippet}` : ""}${origin}\nRule: ${f.rule}`;
  return `::error ${props}::${escapeData(message)}`;
}
