// A throwaway project that is a git repository, for the tests of git-aware features.

import { execFileSync } from "node:child_process";
import { project } from "../cli/helpers.js";

/** Runs git in `dir` with a fixed identity and no host config (hooks, fsmonitor, signing). */
export function git(dir: string, ...args: string[]): string {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };
  return execFileSync("git", ["-c", "core.fsmonitor=false", "-c", "commit.gpgsign=false", ...args], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

/** `files` committed on branch main. */
export function gitProject(files: Record<string, string>): string {
  const dir = project(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  return dir;
}
