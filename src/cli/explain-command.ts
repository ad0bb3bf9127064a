// `policytrace explain <finding> [dir]` (SPEC §1): scans as `scan` does, then prints one
// finding (by id or file:line) with its status, activities, recipient, violation and its
// whole trace, each step with its line of code and what classified it.

import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { readSource } from "../parse/read-source.js";
import { pickFindings } from "../explain/pick-findings.js";
import { renderExplanation, type LineReader } from "../explain/render-explanation.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import { baselineHook } from "./baseline-command.js";
import type { Io } from "./io.js";
import type { RegisterCommand } from "./command.js";

interface ExplainFlags extends ScanFlags {
  baseline?: string;
}

const EXAMPLES = [
  "",
  "Examples:",
  "  policytrace explain 3f2a9c                       # by id (from any report; a unique prefix is enough)",
  "  policytrace explain src/account/signup.ts:12     # every finding on that line",
  "  policytrace explain app/src/api.ts:40:7 app --manifest policy/privacy-manifest.yml",
  "",
  "Exit codes: 0 explained · 2 no such finding (with the nearest ids, lines or files) or a usage error.",
].join("\n");

export const registerExplain: RegisterCommand = (program, { io, setExitCode }) => {
  const cmd = program
    .command("explain")
    .description("one finding (its id, or file:line) with its trace and what classified each step")
    .argument("<finding>", "a finding id from a report (a unique prefix is enough), or file:line[:column]")
    .argument("[dir]", "folder to scan", ".")
    .option("--baseline <file>", "as scan --baseline: show which findings it accepts");
  addScanFlags(cmd)
    .addHelpText("after", EXAMPLES)
    .action(async (query: string, dir: string, o: ExplainFlags) => setExitCode(await explainCommand(query, dir, o, io)));
};

export async function explainCommand(query: string, dir: string, o: ExplainFlags, io: Io): Promise<number> {
  const postEvaluate = baselineHook(o.baseline, io);
  const result = await runScan(dir, o, io, { postEvaluate });
  const root = result.context.root;
  // A path the shell completed from the cwd (app/src/a.ts while scanning app) still names the file.
  const toRootRelative = (file: string) => {
    const rel = relative(root, resolve(io.cwd, file));
    return rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel) ? undefined : rel.split(sep).join("/");
  };
  const picked = pickFindings(result.findings, query, toRootRelative);
  io.stdout(renderExplanation(picked, result, lineReader(root)));
  return 0;
}

/** Reads each file once, as the scan decoded it (BOM, UTF-16), and splits lines as TypeScript counts them. */
function lineReader(root: string): LineReader {
  const files = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!files.has(file)) {
      const src = readSource(join(root, file), Number.MAX_SAFE_INTEGER);
      files.set(file, "text" in src ? src.text.split(/\r\n|[\n\r\u2028\u2029]/) : undefined);
    }
    return files.get(file)?.[line - 1];
  };
}
