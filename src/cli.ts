// Argument parsing only: each command lives in its own file under src/cli/ and registers
// itself here. SPEC §1 is the contract for commands, flags and exit codes.

import { Command, CommanderError } from "commander";
import { ConfigError } from "./config/config-error.js";
import { toolVersion } from "./config/package-paths.js";
import { defaultIo, type Io } from "./cli/io.js";
import type { RegisterCommand } from "./cli/command.js";
import { registerScan } from "./cli/scan-command.js";
import { registerBaseline } from "./cli/baseline-command.js";
import { registerInit } from "./cli/init-command.js";
import { registerDraft } from "./cli/draft-command.js";
import { registerCategories } from "./cli/categories-command.js";
import { addExportCommand } from "./cli/export-command.js";
import { registerRecipients } from "./cli/recipients-command.js";
import { registerMerge } from "./cli/merge-command.js";
import { registerExplain } from "./cli/explain-command.js";

export type { Io } from "./cli/io.js";

/** In the order `--help` lists them. */
const COMMANDS: RegisterCommand[] = [
  registerScan,
  registerInit,
  registerDraft,
  registerBaseline,
  (program, { io, setExitCode }) => addExportCommand(program, io, setExitCode),
  registerExplain,
  registerMerge,
  registerCategories,
  registerRecipients,
];

/** Parses argv and runs a command. Returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  const program = new Command("policytrace")
    .description("Find personal-data collection in TypeScript/JavaScript code and check it against a privacy manifest.")
    .version(toolVersion)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", "\nExit codes: 0 nothing at or above --fail-on · 1 violations · 2 usage or configuration error.\n" +
      "Run `policytrace <command> --help` for a command's flags and examples.");
  for (const register of COMMANDS) register(program, { io, setExitCode: (c) => void (code = c) });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ConfigError) {
      io.stderr(`policytrace: ${err.format()}\n`);
      return 2;
    }
    io.stderr(`policytrace: internal error: ${(err as Error).message}\nPlease report this with the command you ran.\n`);
    if (io.env.POLICYTRACE_DEBUG) io.stderr(`${(err as Error).stack}\n`);
    return 2;
  }
}
