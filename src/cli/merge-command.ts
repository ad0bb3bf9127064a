// `policytrace merge <report.json...>`: one report from the JSON reports of a CI matrix
// (one job per repository or package), in any format. The matrix is the distributed
// engine; this only combines what its jobs uploaded.

import { dirname, relative, resolve, sep } from "node:path";
import { Option } from "commander";
import { loadTaxonomy } from "../config/categories.js";
import { toolVersion } from "../config/package-paths.js";
import { loadRuleSet } from "../config/rules-loader.js";
import { exitCodeFor, FAIL_ON, type FailOn } from "../evaluate/exit-code.js";
import { readReport } from "../merge/read-report.js";
import { mergeReports } from "../merge/merge-reports.js";
import { parseNameFlag, reportNames } from "../merge/report-names.js";
import { FORMATS } from "../report/formats.js";
import { ruleViews } from "../run.js";
import { writeOutputAtomic } from "../report/write-output.js";
import type { Io } from "./io.js";
import { colorWanted } from "./color.js";
import { EXIT_CODES_HELP, type RegisterCommand } from "./command.js";
import { summaryLine } from "./scan-command.js";

interface MergeFlags {
  format: string;
  output?: string;
  name: string[];
  failOn: FailOn;
  verbose?: boolean;
  quiet?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

const EXAMPLES = [
  "",
  "Examples:",
  "  policytrace merge reports/*/policytrace.json -f markdown -o privacy-audit.md",
  "  policytrace merge web.json api.json --name api.json=billing-api -f json -o merged.json",
  "  policytrace merge reports/*/policytrace.json --fail-on undeclared",
  "",
  "Each report's paths are prefixed with its folder's name (or its repository's, for a report at",
  "the top of a git checkout); see docs/ci-recipes.md for a GitHub Actions matrix that merges.",
].join("\n");

export const registerMerge: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command("merge")
    .description("one report from several JSON reports (repositories or packages scanned by a CI matrix)")
    .argument("<report.json...>", "reports written by `policytrace scan --format json`")
    .addOption(new Option("-f, --format <format>", "report format").choices(Object.keys(FORMATS)).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout (a one-line summary goes to stderr)")
    .option("--name <report=name>", "the prefix for one report's paths (default: its folder, or its repository at a checkout's top)", collect, [])
    .addOption(new Option("--fail-on <level>", "what fails the run (default none: the matrix jobs gate each scan)").choices([...FAIL_ON]).default("none"))
    .option("--verbose", "text format: also list declared and suppressed findings")
    .option("--quiet", "no summary line on stderr")
    .addHelpText("after", `${EXIT_CODES_HELP}\n${EXAMPLES}`)
    .action((files: string[], o: MergeFlags) => setExitCode(mergeCommand(files, o, io)));
};

export function mergeCommand(files: string[], o: MergeFlags, io: Io): number {
  const given = new Map(o.name.map(parseNameFlag));
  const paths = files.map((display) => ({ display, abs: resolve(io.cwd, display) }));
  const reports = paths.map((p) => readReport(p.abs, p.display)); // all validated before any output
  const names = reportNames(paths, given);
  const taxonomy = loadTaxonomy();
  const result = mergeReports(reports.map((report, i) => ({ name: names[i], report })), {
    taxonomy,
    rules: ruleViews(loadRuleSet(taxonomy, [], io.cwd)),
    root: io.cwd,
    startedAt: new Date().toISOString(),
    toolVersion,
  });
  const reportDir = o.output ? dirname(resolve(io.cwd, o.output)) : io.cwd;
  const linkBase = relative(reportDir, result.context.root).split(sep).join("/");
  const text = FORMATS[o.format](result, { color: colorWanted(io, Boolean(o.output)), verbose: o.verbose, failOn: o.failOn, linkBase: linkBase ? `${linkBase}/` : "" });
  const code = exitCodeFor(result, o.failOn);
  if (o.output) {
    writeOutputAtomic(resolve(io.cwd, o.output), text);
    if (!o.quiet) io.stderr(`policytrace: merged ${reports.length} report${reports.length === 1 ? "" : "s"}, ${summaryLine(result, o.failOn, code)}; ${o.format} report written to ${o.output}\n`);
  } else io.stdout(text);
  return code;
}
