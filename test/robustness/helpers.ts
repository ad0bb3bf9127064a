// Shared by the robustness tests: throwaway trees in the OS temp folder (removed after
// each test) and main() driven in-process with a fake Io that records what it prints.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { main, type Io } from "../../src/cli.js";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** env is empty, so the host's CI or GITHUB_* variables never change what is printed. */
export async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: {}, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder; removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "policytrace-robust-"));
  made.push(dir);
  return dir;
}

/** A temp folder holding `files` (path → content). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) write(dir, path, text);
  return dir;
}

export function write(dir: string, path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export const LOG_EMAIL = "console.log(user.email);\n";

/** A valid manifest with one activity covering all code. */
export const MANIFEST = ["version: 1", "activities:", "  - id: app", "    data: [email, phone]", "    purposes: [support]", "    basis: contract", ""].join("\n");

export interface Report {
  findings: { file: string; line: number; column: number; category: string; evidence: string; status: string }[];
  errors: { file: string; message: string; line?: number; column?: number }[];
  summary: { files: number; findings: number };
}
