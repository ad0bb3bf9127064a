// `policytrace baseline [dir]`: record today's undeclared collection points, so that
// `scan --baseline` fails only on new ones.

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "../config/config-error.js";
import { BASELINE_NAME, baselineOf, isBaselineFile, readBaseline, renderBaseline, applyBaseline } from "../baseline/baseline-file.js";
import { writeOutputAtomic } from "../report/write-output.js";
import type { ScanResult } from "../types.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import type { Io } from "./io.js";
import type { RegisterCommand } from "./command.js";

export interface BaselineFlags extends ScanFlags {
  output?: string;
  force?: boolean;
}

export const registerBaseline: RegisterCommand = (program, { io, setExitCode }) => {
  const cmd = program
    .command("baseline")
    .description("record today's undeclared findings, so that scan --baseline fails only on new ones")
    .argument("[dir]", "folder to scan", ".")
    .option("-o, --output <file>", "baseline file (default: <dir>/.policytrace-baseline.json)")
    .option("--force", "overwrite --output even when it is not a policytrace baseline");
  addScanFlags(cmd)
    .addHelpText("after", "\nExamples:\n  policytrace baseline .\n  policytrace scan . --baseline .policytrace-baseline.json")
    .action(async (dir: string, o: BaselineFlags) => setExitCode(await baselineCommand(dir, o, io)));
};

export async function baselineCommand(dir: string, o: BaselineFlags, io: Io): Promise<number> {
  const shown = o.output ?? join(dir, BASELINE_NAME);
  const path = resolve(io.cwd, shown);
  // A baseline is regenerated routinely, so replacing one is fine; anything else is someone's file.
  if (existsSync(path) && !o.force && !isBaselineFile(path)) {
    throw new ConfigError(`refusing to overwrite ${shown}: it is not a policytrace baseline`, undefined, undefined, undefined, "Choose another --output path, or pass --force to replace it.");
  }
  const result = await runScan(dir, o, io);
  const baseline = baselineOf(result, result.context.startedAt);
  writeOutputAtomic(path, renderBaseline(baseline));
  const n = baseline.findings.length;
  const what = result.manifest === null ? "collection point" : "undeclared collection point";
  io.stdout(`policytrace: recorded ${n} ${what}${n === 1 ? "" : "s"} in ${shown}\n` +
    `Commit it and run \`policytrace scan ${dir} --baseline ${shown}\`: only collection added after today fails.\n`);
  return 0;
}

/** Reads --baseline before the scan (a bad file is a usage error, exit 2) and returns the hook that applies it. */
export function baselineHook(file: string | undefined, io: Io): ((r: ScanResult) => void) | undefined {
  if (!file) return undefined;
  const baseline = readBaseline(resolve(io.cwd, file), file);
  return (result) => applyBaseline(result, baseline, file.split("\\").join("/")); // as the user named it
}
