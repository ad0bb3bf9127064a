import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * Options for every git call in a scanned tree, which may be hostile: a repository's own
 * config can name commands git runs on its behalf (core.fsmonitor on any index read).
 */
export const SAFE_GIT = ["-c", "core.fsmonitor=false"];

/** git's trimmed output in `dir`, or undefined when git fails, prints nothing or is not installed. */
export function gitOutput(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", [...SAFE_GIT, ...args], { cwd: dir, stdio: ["ignore", "pipe", "ignore"], timeout: 3000 }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Commit and branch for report headers, in one git call; silently absent outside a git checkout. */
export function gitInfo(dir: string): { commit?: string; branch?: string } | undefined {
  const out = gitOutput(dir, ["rev-parse", "HEAD", "--abbrev-ref", "HEAD"]);
  const [commit, branch] = out?.split("\n") ?? [];
  if (!commit) return undefined;
  return { commit, branch: !branch || branch === "HEAD" ? undefined : branch };
}

/**
 * The nearest folder at or above `dir` holding `.git` (a folder, or a file in a worktree or
 * submodule): the repository root. Read from the file system, so it needs no git binary.
 */
export function findRepoRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return undefined;
  }
}
