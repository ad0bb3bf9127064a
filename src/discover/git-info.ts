import { execFileSync } from "node:child_process";

/** Commit and branch for report headers; silently absent outside a git checkout. */
export function gitInfo(dir: string): { commit?: string; branch?: string } | undefined {
  const run = (args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "ignore"], timeout: 3000 }).toString().trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const commit = run(["rev-parse", "HEAD"]);
  if (!commit) return undefined;
  const branch = run(["rev-parse", "--abbrev-ref", "HEAD"]);
  return { commit, branch: branch === "HEAD" ? undefined : branch };
}
