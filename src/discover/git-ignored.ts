import { execFileSync } from "node:child_process";
import { SAFE_GIT } from "./git-info.js";

/**
 * The paths git ignores (.gitignore at every level, .git/info/exclude, the user's excludes),
 * asked of git itself in one call: ~10 ms for thousands of paths, where reading every
 * .gitignore through the glob library costs ~200 ms. Undefined when root is not in a git
 * work tree or git is missing; the caller then falls back to reading .gitignore files.
 */
export function gitIgnored(root: string, paths: string[]): Set<string> | undefined {
  if (paths.length === 0) return new Set();
  try {
    // The scanned repository is untrusted: its .git/config may name a core.fsmonitor
    // command, which check-ignore would run (it reads the index). Switch it off.
    const out = execFileSync("git", [...SAFE_GIT, "check-ignore", "--stdin", "-z"], {
      cwd: root,
      input: paths.join("\0"),
      stdio: ["pipe", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 30_000,
    });
    return new Set(out.toString("utf8").split("\0").filter(Boolean));
  } catch (err) {
    // Exit 1 means "nothing is ignored"; 128 means "not a git repository".
    const e = err as { status?: number; stdout?: Buffer };
    if (e.status === 1) return new Set();
    return undefined;
  }
}
