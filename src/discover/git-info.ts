import { execFileSync } from "node:child_process";

/**
 * Options for every git call in a scanned tree, which may be hostile: a repository's own
 * config can name commands git runs on its behalf (core.fsmonitor on any index read).
 */
export const SAFE_GIT = ["-c", "core.fsmonitor=false"];

/** Commit and branch for report headers; silently absent outside a git checkout. */
export function gitInfo(dir: string): { commit?: string; branch?: string } | undefined {
  const run = (args: string[]) => {
    try {
      return execFileSync("git", [...SAFE_GIT, ...args], { cwd: dir, stdio: ["ignore", "pipe", "ignore"], timeout: 3000 }).toString().trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const commit = run(["rev-parse", "HEAD"]);
  if (!commit) return undefined;
  const branch = run(["rev-parse", "--abbrev-ref", "HEAD"]);
  return { commit, branch: branch === "HEAD" ? undefined : branch };
}
