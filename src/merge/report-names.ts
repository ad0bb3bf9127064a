// Which repository or package each merged report speaks for: the prefix of its file paths.
// A CI matrix downloads one artifact folder per job (reports/web/policytrace.json), and a
// report written in a checkout sits at the repository's top level, so the report's folder
// says it, or the repository's remote where that folder is the top of a git checkout.

import { realpathSync } from "node:fs";
import { basename, dirname, extname } from "node:path";
import { ConfigError } from "../config/config-error.js";
import { gitOutput } from "../discover/git-info.js";

export interface ReportPath {
  /** Absolute path of the report file. */
  abs: string;
  /** As the user wrote it, for messages and --name. */
  display: string;
}

/**
 * One name per report, in the same order. `given` maps a report (as written on the command
 * line) to its --name. Reports whose folders share a name fall back to their file names
 * (reports/web.json, reports/api.json); a clash left after that is exit 2.
 */
export function reportNames(reports: ReportPath[], given: ReadonlyMap<string, string>): string[] {
  const names = reports.map((r) => given.get(r.display) ?? folderName(r.abs));
  const clashing = (list: string[]) => list.map((n, i) => !given.has(reports[i].display) && list.filter((m) => m === n).length > 1);
  const byFile = clashing(names).map((c, i) => (c ? fileStem(reports[i].abs) : names[i]));
  for (let i = 0; i < reports.length; i++) {
    const j = byFile.findIndex((n, k) => k !== i && n === byFile[i]);
    if (j >= 0) {
      throw new ConfigError(`reports ${reports[Math.min(i, j)].display} and ${reports[Math.max(i, j)].display} would both be prefixed "${byFile[i]}"`, undefined, undefined, undefined,
        `Name each one: --name ${reports[Math.max(i, j)].display}=<repository or package>.`);
    }
  }
  return byFile;
}

/** Parses a `--name <report>=<name>` value; the last "=" splits, so report paths may hold one. */
export function parseNameFlag(value: string): [string, string] {
  const at = value.lastIndexOf("=");
  const report = value.slice(0, at);
  const name = value.slice(at + 1);
  if (at <= 0 || !name) throw new ConfigError(`--name needs <report>=<name>, got "${value}"`, undefined, undefined, undefined, "For example: --name reports/a.json=web");
  const problem = nameProblem(name);
  if (problem) throw new ConfigError(`--name ${value}: ${problem}`, undefined, undefined, undefined, "Use the repository or package name, e.g. web or billing-api.");
  return [report, name];
}

/** A prefix becomes the first segments of every path in the merged report. */
function nameProblem(name: string): string | undefined {
  if (name.includes("\\")) return "a name may not hold a backslash";
  if (name.startsWith("/") || name.endsWith("/")) return "a name may not start or end with /";
  if (name.split("/").some((s) => s === "" || s === "." || s === "..")) return "a name may not hold empty, . or .. segments";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "a name may not hold control characters";
  return undefined;
}

function folderName(abs: string): string {
  const dir = dirname(abs);
  return repositoryName(dir) ?? (basename(dir) || fileStem(abs));
}

function fileStem(abs: string): string {
  return basename(abs, extname(abs)) || basename(abs);
}

/** When `dir` is the top of a git checkout: the remote's repository name, else the checkout folder's. */
function repositoryName(dir: string): string | undefined {
  const git = (args: string[]) => gitOutput(dir, args);
  const top = git(["rev-parse", "--show-toplevel"]);
  if (!top || realpathSync(top) !== realpathSync(dir)) return undefined;
  const remote = git(["config", "--get", "remote.origin.url"]);
  // git@github.com:org/web.git, https://github.com/org/web, /srv/git/web.git
  const fromRemote = remote?.replace(/\/+$/, "").replace(/\.git$/, "").split(/[/:]/).pop();
  const name = fromRemote || basename(top);
  return nameProblem(name) ? undefined : name;
}
