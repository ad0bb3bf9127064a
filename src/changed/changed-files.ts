// `scan --changed-since <ref>` (SPEC §1): which files of the scanned folder a pull request
// touches. The analysis still reads the whole project (data flows cross files); only the
// report is narrowed to these files (see only-changed.ts).

import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { ConfigError } from "../config/config-error.js";
import { SAFE_GIT } from "../discover/git-info.js";

/**
 * Files changed since `ref`, as POSIX paths relative to `root`: the diff from the merge base
 * of `ref` and HEAD to the working tree (committed, staged and unstaged changes), plus
 * untracked files that .gitignore does not exclude. Throws ConfigError (exit 2) when `root`
 * is not in a git checkout or `ref` names no commit.
 */
export function changedFiles(root: string, ref: string): Set<string> {
  if (ref.startsWith("-")) {
    throw new ConfigError(`--changed-since needs a git ref, got "${ref}"`, undefined, undefined, undefined, "Pass a branch, tag or commit, e.g. --changed-since origin/main.");
  }
  const top = git(root, ["rev-parse", "--show-toplevel"], () =>
    new ConfigError(`--changed-since: ${root} is not inside a git checkout`, undefined, undefined, undefined, "Run it in a git clone, or drop --changed-since to report the whole project."));
  const base = git(root, ["merge-base", ref, "HEAD"], () =>
    new ConfigError(`--changed-since: "${ref}" has no common commit with HEAD (unknown ref, or not fetched)`, undefined, undefined, undefined,
      "Check the name (git branch -a), fetch it (git fetch origin main), and in a shallow CI clone fetch the history (actions/checkout with fetch-depth: 0)."));
  // -z: names exactly as stored, no quoting of unusual characters; paths are relative to the top level.
  const diffed = git(root, ["diff", "--name-only", "--no-renames", "-z", base.trim(), "--"], failed);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", "."], failed);
  const realTop = realpathSync(top.trim());
  const realRoot = realpathSync(root);
  const out = new Set<string>();
  for (const name of [...diffed.split("\0"), ...untracked.split("\0")]) {
    if (!name) continue;
    const rel = relative(realRoot, join(realTop, name));
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue; // outside the scanned folder
    out.add(rel.split(sep).join("/"));
  }
  return out;
}

function failed(): ConfigError {
  return new ConfigError("--changed-since: git could not list the changed files", undefined, undefined, undefined, "Check that `git status` works in the scanned folder.");
}

function git(cwd: string, args: string[], error: () => ConfigError): string {
  try {
    return execFileSync("git", [...SAFE_GIT, ...args], { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 }).toString();
  } catch {
    throw error();
  }
}
