import { execFileSync } from "node:child_process";
import { SAFE_GIT } from "./git-info.js";

/**
 * The paths git ignores (.gitignore at every level, .git/info/exclude, the user's excludes),
 * asked of git itself in one call. `ls-files --others --ignored --directory` lists the
 * untracked paths git ignores, an ignored folder once as `dir/`: ~10 ms on a 3,000-file
 * repository, where `check-ignore --stdin` checks every path against the index (~80 ms) and
 * reading every .gitignore through the glob library costs ~200 ms. A tracked file is never
 * ignored, as in git itself. Undefined when root is not in a git work tree or git is
 * missing; the caller then falls back to reading .gitignore files.
 */
export function gitIgnored(root: string, paths: string[]): Set<string> | undefined {
  if (paths.length === 0) return new Set();
  let out: Buffer;
  try {
    // The scanned repository is untrusted: its .git/config may name a core.fsmonitor
    // command, which ls-files would run (it reads the index). Switch it off.
    out = execFileSync("git", [...SAFE_GIT, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 30_000,
    });
  } catch {
    // 128: not a git repository (or git is missing).
    return undefined;
  }
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of out.toString("utf8").split("\0")) {
    if (entry.endsWith("/")) folders.add(entry.slice(0, -1));
    else if (entry) files.add(entry);
  }
  return new Set(paths.filter((p) => files.has(p) || inIgnoredFolder(p, folders)));
}

function inIgnoredFolder(path: string, folders: Set<string>): boolean {
  if (folders.size === 0) return false;
  for (let i = path.indexOf("/"); i > 0; i = path.indexOf("/", i + 1)) {
    if (folders.has(path.slice(0, i))) return true;
  }
  return false;
}
