// Shared by the CLI-level tests: a fake Io that records what main() prints, and throwaway
// projects in the OS temp folder (tests never write into the repository).

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

/** Runs the CLI in-process. env is empty unless given, so the host's CI/GITHUB_* variables never leak in. */
export async function run(argv: string[], cwd: string, over: Partial<Io> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd,
    ...over,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp folder holding `files` (path → content); removed after the test. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policytrace-test-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) write(dir, path, text);
  return dir;
}

export function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A manifest with one activity covering everything, declaring `data`. */
export function manifest(data: string[]): string {
  return ["version: 1", "activities:", "  - id: app", `    data: [${data.join(", ")}]`, "    purposes: [support]", "    basis: contract", ""].join("\n");
}

export interface JsonFinding {
  id: string;
  file: string;
  line: number;
  category: string;
  status: string;
  evidence: string;
  suppression?: { source: string; reason: string };
}

export function findingsOf(json: string): JsonFinding[] {
  return (JSON.parse(json) as { findings: JsonFinding[] }).findings;
}
