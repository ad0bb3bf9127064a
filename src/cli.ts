import { dirname, relative, resolve, sep } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { loadTaxonomy } from "./config/categories.js";
import { ConfigError } from "./config/config-error.js";
import { toolVersion } from "./config/package-paths.js";
import { FORMATS } from "./report/formats.js";
import { writeOutputAtomic } from "./report/write-output.js";
import { exitCodeFor, FAIL_ON } from "./evaluate/exit-code.js";
import { defaultIo, type Io } from "./cli/io.js";
import { addScanFlags, runScan, type ScanFlags } from "./cli/run-scan.js";
import { baselineCommand, baselineHook, type BaselineFlags } from "./cli/baseline-command.js";
import { initCommand, type InitFlags } from "./cli/init-command.js";
import { addExportCommand } from "./cli/export-command.js";
import { labelsHook } from "./labels/labels-option.js";
import { appendStepSummary, githubAnnotations } from "./cli/github-actions.js";
import { changedSinceStep } from "./changed/only-changed.js";
import type { ScanResult } from "./types.js";

export type { Io } from "./cli/io.js";

/** Parses argv and runs a command. Returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  const program = new Command("policytrace")
    .description("Find personal-data collection in TypeScript/JavaScript code and check it against a privacy manifest.")
    .version(toolVersion)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  const scanCommand = program
    .command("scan")
    .description("audit a folder against its privacy-manifest.yml (inventory when there is none)")
    .argument("[dir]", "folder to scan", ".")
    .addOption(new Option("--format <format>", "report format").choices(Object.keys(FORMATS)).default("text"))
    .option("--output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "what fails the run").choices([...FAIL_ON]).default("undeclared"))
    .option("--baseline <file>", "accept the findings recorded there (policytrace baseline); fail only on new ones")
    .option("--verbose", "text format: also list declared and suppressed findings")
    .option("--changed-since <git-ref>", "report and gate only findings in files changed since ref (the analysis still reads the whole project)")
    .option("--labels <file>", "also check a privacy label (PrivacyInfo.xcprivacy, Data safety CSV, fides YAML) against the code (repeatable)", (v: string, p: string[]) => [...p, v], []);
  addScanFlags(scanCommand).action(async (dir: string, o: ScanFlags & { format: string; output?: string; failOn: (typeof FAIL_ON)[number]; baseline?: string; verbose?: boolean; changedSince?: string; labels: string[] }) => {
    const baselineStep = baselineHook(o.baseline, io);
    const labelsStep = labelsHook(o.labels, io.cwd);
    const changedStep = o.changedSince === undefined ? undefined : changedSinceStep(o.changedSince, resolve(io.cwd, dir), o.quiet ? () => {} : io.stderr);
    const postEvaluate = (r: ScanResult) => {
      baselineStep?.(r); // first: stale entries are judged against the whole project
      labelsStep?.(r); // before --changed-since: a label describes the whole app
      changedStep?.(r);
    };
    const result = await runScan(dir, o, io, { postEvaluate });
    const color = !o.output && io.isTTY && !io.env.NO_COLOR && io.env.FORCE_COLOR !== "0";
    // Links in a Markdown report are relative to where the report lives (or the cwd for stdout).
    const reportDir = o.output ? dirname(resolve(io.cwd, o.output)) : io.cwd;
    const linkBase = relative(reportDir, result.context.root).split(sep).join("/");
    const text = FORMATS[o.format](result, { color, verbose: o.verbose, linkBase: linkBase ? `${linkBase}/` : "" });
    if (o.output) writeOutputAtomic(resolve(io.cwd, o.output), text);
    else io.stdout(text);
    if (io.env.GITHUB_ACTIONS === "true" && o.format === "text") io.stdout(githubAnnotations(result, io.env, io.cwd));
    appendStepSummary(result, io.env, io.cwd, io.stderr);
    code = exitCodeFor(result, o.failOn);
  });

  const baseline = program
    .command("baseline")
    .description("record today's undeclared findings, so that scan --baseline fails only on new ones")
    .argument("[dir]", "folder to scan", ".")
    .option("--output <file>", "baseline file (default: <dir>/.policytrace-baseline.json)")
    .option("--force", "overwrite --output even when it is not a policytrace baseline");
  addScanFlags(baseline).action(async (dir: string, o: BaselineFlags) => {
    code = await baselineCommand(dir, o, io);
  });

  const init = program
    .command("init")
    .description("write a starter privacy-manifest.yml from what scan finds, one activity per feature folder")
    .argument("[dir]", "folder to scan and write the manifest into", ".")
    .option("--force", "replace an existing privacy-manifest.yml");
  addScanFlags(init, false).action(async (dir: string, o: InitFlags) => {
    code = await initCommand(dir, o, io);
  });

  addExportCommand(program, io, (c) => { code = c; });

  program
    .command("categories")
    .description("list the data categories, their groups and the policy wording each one matches")
    .option("--json", "machine-readable output")
    .action((o: { json?: boolean }) => {
      const t = loadTaxonomy();
      if (o.json) {
        io.stdout(`${JSON.stringify({ groups: t.groups, categories: t.categories }, null, 2)}\n`);
        return;
      }
      for (const g of t.groups) {
        io.stdout(`${g.id} — ${g.title}${g.fideslang ? `  (fideslang ${g.fideslang})` : ""}\n`);
        for (const id of g.members) {
          const c = t.byId.get(id)!;
          io.stdout(`  ${c.id.padEnd(20)} ${c.title}${c.fideslang ? `  [${c.fideslang}]` : "  [no fideslang key]"}\n`);
          if (c.aliases.length) io.stdout(`  ${"".padEnd(20)} policy wording: ${c.aliases.map((a) => `"${a}"`).join(", ")}\n`);
        }
      }
    });

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
