// Colour follows the conventions other CLIs share: NO_COLOR (any non-empty value) turns it off
// (no-color.org), FORCE_COLOR turns it on even when piped (FORCE_COLOR=0 or false turns it
// off), and otherwise a terminal gets colour and a pipe or file does not.

import type { Io } from "./io.js";

export function colorWanted(io: Io, toFile: boolean): boolean {
  if (toFile) return false; // a report file is read later, by anything: never escape codes in it
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  return io.isTTY;
}
