// Extras when the scan runs inside GitHub Actions: `::error` annotations on the pull
// request's diff, and the Markdown audit report as the job summary.

import { appendFileSync } from "node:fs";
import type { ScanResult } from "../types.js";
import { renderGithubAnnotations } from "../report/github.js";
import { renderMarkdown } from "../report/markdown.js";
import { scannedPathInRepo } from "../report/repo-paths.js";

/** GitHub rejects a step summary over 1 MiB; stay under it with room for the note. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;

/** The scanned folder relative to the repository (else the checkout), so annotation paths resolve there. */
export function pathInWorkspace(result: ScanResult, env: NodeJS.ProcessEnv, cwd: string): string {
  return scannedPathInRepo(result, env.GITHUB_WORKSPACE || cwd);
}

export function githubAnnotations(result: ScanResult, env: NodeJS.ProcessEnv, cwd: string): string {
  return renderGithubAnnotations(result, { pathPrefix: pathInWorkspace(result, env, cwd) });
}

/** Appends the Markdown report to $GITHUB_STEP_SUMMARY; a failure is a warning, never a crash. */
export function appendStepSummary(result: ScanResult, env: NodeJS.ProcessEnv, cwd: string, warn: (s: string) => void): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const prefix = pathInWorkspace(result, env, cwd);
  const blob = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${prefix ? `${prefix}/` : ""}`
    : undefined;
  let text = renderMarkdown(result, { linkBase: blob });
  if (Buffer.byteLength(text) > SUMMARY_LIMIT) {
    text = `${fitLines(text, SUMMARY_LIMIT)}\n\n…the report is longer than a job summary may be; run with \`--format markdown --output\` and upload it as an artifact for the full text.\n`;
  }
  try {
    appendFileSync(file, text);
  } catch (err) {
    warn(`policytrace: warning: could not write the job summary to ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the scan result is unaffected\n`);
  }
}

/** The longest run of whole lines from the start of text that fits in `bytes`. */
function fitLines(text: string, bytes: number): string {
  let used = 0;
  const kept: string[] = [];
  for (const line of text.split("\n")) {
    used += Buffer.byteLength(line) + 1;
    if (used > bytes) break;
    kept.push(line);
  }
  return kept.join("\n");
}
