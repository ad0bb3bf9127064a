// `policytrace export [dir] --format apple|play|fides [--output FILE]`: a privacy label from the
// manifest (purposes, basis, recipients) and what the code collects (SPEC §7).

import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { ConfigError } from "../config/config-error.js";
import { exportApple } from "../labels/export-apple.js";
import { exportFides } from "../labels/export-fides.js";
import { exportPlay } from "../labels/export-play.js";
import type { LabelExport } from "../labels/export-notes.js";
import { LABEL_FORMATS, type LabelFormat } from "../labels/label-tables.js";
import { writeOutputAtomic } from "../report/write-output.js";
import type { ScanResult } from "../types.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import type { Io } from "./io.js";

export interface ExportFlags extends ScanFlags {
  format: LabelFormat;
  output?: string;
  force?: boolean;
}

const EXPORTERS: Record<LabelFormat, (r: ScanResult) => LabelExport> = { apple: exportApple, play: exportPlay, fides: exportFides };

export function addExportCommand(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command("export")
    .description("write a privacy label (Apple PrivacyInfo.xcprivacy, Play Data safety CSV, fides system) from the manifest and what the code collects")
    .argument("[dir]", "folder to scan", ".")
    .addOption(new Option("--format <format>", "label format").choices([...LABEL_FORMATS]).makeOptionMandatory())
    .option("--output <file>", "write the label there instead of stdout")
    .option("--force", "replace --output when it already exists");
  addScanFlags(cmd).action(async (dir: string, o: ExportFlags) => done(await exportCommand(dir, o, io)));
}

export async function exportCommand(dir: string, o: ExportFlags, io: Io): Promise<number> {
  const path = o.output ? resolve(io.cwd, o.output) : undefined;
  if (path && existsSync(path) && !o.force) {
    throw new ConfigError(`${o.output} already exists; not overwriting it`, undefined, undefined, undefined,
      "A label may carry edits of your own (required-reason APIs, Console answers): pass --force to replace it, or choose another --output.");
  }
  const result = await runScan(dir, o, io);
  if (result.manifest === null) {
    throw new ConfigError(`export needs a privacy manifest: none found for ${dir}`, undefined, undefined, undefined,
      "A label states purposes, legal basis and recipients, which come from privacy-manifest.yml: run `policytrace init`, or pass --manifest.");
  }
  const label = EXPORTERS[o.format](result);
  if (!path) io.stdout(label.text);
  else if (o.force) writeOutputAtomic(path, label.text);
  else {
    try {
      writeFileSync(path, label.text, { flag: "wx" }); // wx: never clobber a file that appeared meanwhile
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ConfigError(`cannot write ${o.output} (${code ?? (err as Error).message})`, undefined, undefined, undefined,
        code === "EEXIST" ? "Pass --force to replace it." : "Check that the folder exists and is writable.");
    }
  }
  for (const n of label.notes) io.stderr(`policytrace: note: ${n}\n`);
  if (path) io.stderr(`policytrace: wrote ${o.output} (${o.format} label)\n`);
  return 0;
}
