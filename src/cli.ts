import { Command, CommanderError, Option } from "commander";
import { loadTaxonomy } from "./config/categories.js";
import { ConfigError } from "./config/config-error.js";
import { toolVersion } from "./config/package-paths.js";
import { scan } from "./run.js";
import { FORMATS } from "./report/formats.js";
import { writeOutputAtomic } from "./report/write-output.js";
import { exitCodeFor, FAIL_ON } from "./evaluate/exit-code.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

const collect = (v: string, prev: string[]) => [...prev, v];

/** Parses argv and runs a command. Returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  const program = new Command("policytrace")
    .description("Find personal-data collection in TypeScript/JavaScript code and check it against a privacy manifest.")
    .version(toolVersion)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("scan")
    .description("audit a folder against its privacy-manifest.yml (inventory when there is none)")
    .argument("[dir]", "folder to scan", ".")
    .option("--manifest <file>", "manifest path (default: <dir>/privacy-manifest.yml if it exists)")
    .addOption(new Option("--format <format>", "report format").choices(Object.keys(FORMATS)).default("text"))
    .option("--output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "what fails the run").choices([...FAIL_ON]).default("undeclared"))
    .option("--rules <dir>", "extra rule files (repeatable)", collect, [])
    .option("--all", "also scan node_modules, build output and .gitignored files")
    .option("--max-file-size <kb>", "skip files larger than this many KB", (v) => parsePositive(v, "--max-file-size"), 2048)
    .action(async (dir: string, o: { manifest?: string; format: string; output?: string; failOn: (typeof FAIL_ON)[number]; rules: string[]; all?: boolean; maxFileSize: number }) => {
      const result = await scan({ dir, manifest: o.manifest, rules: o.rules, all: o.all, maxFileBytes: o.maxFileSize * 1024, cwd: io.cwd });
      const color = !o.output && io.isTTY && !io.env.NO_COLOR && io.env.FORCE_COLOR !== "0";
      const text = FORMATS[o.format](result, { color });
      if (o.output) writeOutputAtomic(o.output, text);
      else io.stdout(text);
      code = exitCodeFor(result, o.failOn);
    });

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

function parsePositive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${flag} needs a positive number, got "${v}"`);
  return n;
}
