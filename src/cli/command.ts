// What every command file under src/cli/ exports: a function that adds its command to the
// program. Adding a command is adding one file and one line in src/cli.ts.

import type { Command } from "commander";
import type { Io } from "./io.js";

export interface CommandContext {
  io: Io;
  /** The process exit code the command decided (SPEC §1: 0, 1, or 2 for usage errors). */
  setExitCode: (code: number) => void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** The exit-code table every scanning command shows at the end of its --help. */
export const EXIT_CODES_HELP = [
  "",
  "Exit codes:",
  "  0  nothing at or above --fail-on (always 0 for an inventory scan, which has no manifest)",
  "  1  violations: undeclared collection (with --fail-on unused, also unused declarations)",
  "  2  usage or configuration error (bad flag, unreadable folder, invalid manifest, rule or baseline file)",
].join("\n");
