// End-to-end runs: bin/policytrace.js as a child process (dist/ is rebuilt by test/global-setup.ts).

import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

export const repoRoot = join(import.meta.dirname, "../..");
const bin = join(repoRoot, "bin/policytrace.js");
const exec = promisify(execFile);

/** Runs the CLI as a process, without colour, progress or the host's GitHub Actions variables. */
export async function cli(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CI: "true", GITHUB_ACTIONS: "", GITHUB_STEP_SUMMARY: "", NO_COLOR: "1" };
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
