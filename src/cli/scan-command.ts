// `policytrace scan [dir]`: audit a folder against its manifest (SPEC §1).

import { dirname, relative, resolve, sep } from "node:path";
import { Option } from "commander";
import { FORMATS } from "../report/formats.js";
import { writeOutputAtomic } from "../report/write-output.js";
import { exitCodeFor, FAIL_ON, type FailOn } from "../evaluate/exit-code.js";
import type { ScanResult } from "../types.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import { baselineHook } from "./baseline-command.js";
import { labelsHook } from "../labels/labels-option.js";
import { changedSinceStep } from "../changed/only-changed.js";
import { appendStepSummary, githubAnnotations } from "./github-actions.js";
import { colorWanted } from "./color.js";
import { EXIT_CODES_HELP, type RegisterCommand } from "./command.js";

interface ScanCommandFlags extends ScanFlags {
  format: string;
  output?: string;
  failOn: FailOn;
  baseline?: string;
  verbose?: boolean;
  changedSince?: string;
  labels: string[];
  countSchema?: boolean;
}

const EXAMPLES = [
  "",
  "Examples:",
  "  policytrace scan                              # this folder, against the nearest privacy-manifest.yml",
  "  policytrace scan packages/app --fail-on unused",
  "  policytrace scan . -f sarif -o policytrace.sarif",
  "  policytrace scan . -f markdown -o privacy-report.md --fail-on none",
  "  policytrace scan . --baseline .policytrace-baseline.json",
  "  policytrace scan . --changed-since origin/main        # a pull request: only the files it changes",
  "  policytrace scan . --labels ios/PrivacyInfo.xcprivacy",
  "  policytrace scan . --min-confidence medium           # leave out the guesses (shapes, function names)",
].join("\n");

export const registerScan: RegisterCommand = (program, { io, setExitCode }) => {
  const cmd = program
    .command("scan")
    .description("audit a folder against its privacy-manifest.yml (inventory when there is none)")
    .argument("[dir]", "folder to scan", ".")
    .addOption(new Option("-f, --format <format>", "report format").choices(Object.keys(FORMATS)).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout (a one-line summary goes to stderr)")
    .addOption(new Option("--fail-on <level>", "what fails the run").choices([...FAIL_ON]).default("undeclared"))
    .option("--baseline <file>", "accept the findings recorded there (policytrace baseline); fail only on new ones")
    .option("--count-schema", "undeclared data shapes (schema findings) fail the run too; by default they are inventory")
    .option("--verbose", "text format: also list declared and suppressed findings")
    .option("--changed-since <git-ref>", "report and gate only findings in files changed since ref (the analysis still reads the whole project)")
    .option("--labels <file>", "also check a privacy label (PrivacyInfo.xcprivacy, Data safety CSV, fides YAML) against the code (repeatable)", (v: string, p: string[]) => [...p, v], []);
  addScanFlags(cmd)
    .addHelpText("after", `${EXIT_CODES_HELP}\n${EXAMPLES}`)
    .action(async (dir: string, o: ScanCommandFlags) => {
      const baselineStep = baselineHook(o.baseline, io);
      const labelsStep = labelsHook(o.labels, io.cwd);
      const changedStep = o.changedSince === undefined ? undefined : changedSinceStep(o.changedSince, resolve(io.cwd, dir), o.quiet ? () => {} : io.stderr);
      const postEvaluate = (r: ScanResult) => {
        baselineStep?.(r); // first: stale entries are judged against the whole project
        labelsStep?.(r); // before --changed-since: a label describes the whole app
        changedStep?.(r);
      };
      const result = await runScan(dir, o, io, { postEvaluate, countSchema: o.countSchema });
      // Links in a Markdown report are relative to where the report lives (or the cwd for stdout).
      const reportDir = o.output ? dirname(resolve(io.cwd, o.output)) : io.cwd;
      const linkBase = relative(reportDir, result.context.root).split(sep).join("/");
      const text = FORMATS[o.format](result, {
        color: colorWanted(io, Boolean(o.output)), verbose: o.verbose, failOn: o.failOn, linkBase: linkBase ? `${linkBase}/` : "",
      });
      const code = exitCodeFor(result, o.failOn);
      if (o.output) {
        writeOutputAtomic(resolve(io.cwd, o.output), text);
        if (!o.quiet) io.stderr(`policytrace: ${summaryLine(result, o.failOn, code)}; ${o.format} report written to ${o.output}\n`);
      } else io.stdout(text);
      if (io.env.GITHUB_ACTIONS === "true" && o.format === "text") io.stdout(githubAnnotations(result, io.env, io.cwd));
      appendStepSummary(result, io.env, io.cwd, io.stderr);
      setExitCode(code);
    });
};

/** The verdict in one line, for a run whose report went to a file. */
export function summaryLine(result: ScanResult, failOn: FailOn, code: number): string {
  const s = result.summary;
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? "" : "s"}`;
  if (result.manifest === null) return `inventory (no manifest): ${n(s.findings, "collection point")}, nothing checked`;
  const counts = `${s.declared} declared, ${s.undeclared} undeclared, ${s.suppressed} suppressed, ${n(s.unused, "unused declaration")}`;
  if (code === 0) return `${failOn === "none" && s.undeclared > 0 ? "not failing (--fail-on none)" : "pass"}: ${counts}`;
  return `fail (--fail-on ${failOn}): ${counts}`;
}
