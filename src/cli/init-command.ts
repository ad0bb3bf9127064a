// `policytrace init [dir]`: write a starter privacy-manifest.yml from an inventory scan.

import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { ConfigError } from "../config/config-error.js";
import { MANIFEST_NAME } from "../config/find-manifest.js";
import { MANIFEST_SCHEMA_FILE, MANIFEST_SCHEMA_ID } from "../config/manifest-json-schema.js";
import { packageRoot } from "../config/package-paths.js";
import { starterManifest } from "../init/starter-manifest.js";
import { writeOutputAtomic } from "../report/write-output.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import type { Io } from "./io.js";
import type { RegisterCommand } from "./command.js";

export interface InitFlags extends Omit<ScanFlags, "manifest"> {
  force?: boolean;
}

export const registerInit: RegisterCommand = (program, { io, setExitCode }) => {
  const cmd = program
    .command("init")
    .description("write a starter privacy-manifest.yml from what scan finds, one activity per feature folder")
    .argument("[dir]", "folder to scan and write the manifest into", ".")
    .option("--force", "replace an existing privacy-manifest.yml");
  addScanFlags(cmd, false)
    .addHelpText("after", "\nExamples:\n  policytrace init\n  policytrace init packages/app")
    .action(async (dir: string, o: InitFlags) => setExitCode(await initCommand(dir, o, io)));
};

export async function initCommand(dir: string, o: InitFlags, io: Io): Promise<number> {
  const shown = join(dir, MANIFEST_NAME);
  const path = resolve(io.cwd, shown);
  if (existsSync(path) && !o.force) {
    throw new ConfigError(`${shown} already exists; not overwriting it`, undefined, undefined, undefined,
      "Edit the existing manifest, or pass --force to replace it with a fresh starter (its edits would be lost).");
  }
  const result = await runScan(dir, o, io, { noManifest: true });
  const starter = starterManifest(result);
  // Editors (VS Code's YAML extension, JetBrains) complete and check the file from this line.
  const text = `# yaml-language-server: $schema=${schemaReference(dirname(path))}\n${starter.text}`;
  if (o.force) writeOutputAtomic(path, text);
  else {
    try {
      writeFileSync(path, text, { flag: "wx" }); // wx: never clobber a file that appeared meanwhile
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ConfigError(`cannot write ${shown} (${code ?? (err as Error).message})`, undefined, undefined, undefined,
        code === "EEXIST" ? "Pass --force to replace it." : "Check that the folder is writable.");
    }
  }
  const acts = `${starter.activities} activit${starter.activities === 1 ? "y" : "ies"}`;
  io.stdout(`policytrace: wrote ${shown}: ${acts} from ${starter.findings} collection point${starter.findings === 1 ? "" : "s"}\n` +
    "Next: replace every TODO (purposes, basis) with your privacy policy's table, trim `data:` to what\n" +
    `the policy discloses, then run \`policytrace scan ${dir}\`.\n`);
  return 0;
}

/**
 * The schema as a path relative to the manifest when policytrace is installed in the project
 * (it then matches the installed version, and works offline), else its published URL.
 */
export function schemaReference(manifestDir: string): string {
  const file = join(packageRoot, MANIFEST_SCHEMA_FILE);
  const rel = relative(manifestDir, file).split(sep).join("/");
  const installed = /^(\.\.\/)*node_modules\//.test(rel);
  return installed && existsSync(file) ? (rel.startsWith(".") ? rel : `./${rel}`) : MANIFEST_SCHEMA_ID;
}
