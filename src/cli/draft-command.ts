// `policytrace draft <policy-file> [dir]`: write a starter privacy-manifest.yml from the
// policy's own text; with [dir], suggest each activity's `code` from what scan finds there.

import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { loadTaxonomy } from "../config/categories.js";
import { ConfigError } from "../config/config-error.js";
import { toolVersion } from "../config/package-paths.js";
import { MANIFEST_NAME } from "../config/find-manifest.js";
import { manifestSchemaUrl } from "../draft/schema-url.js";
import { writeOutputAtomic } from "../report/write-output.js";
import { addScanFlags, runScan, type ScanFlags } from "./run-scan.js";
import type { Io } from "./io.js";
import type { RegisterCommand } from "./command.js";

export interface DraftFlags extends Omit<ScanFlags, "manifest"> {
  output?: string;
  force?: boolean;
}

export const registerDraft: RegisterCommand = (program, { io, setExitCode }) => {
  const cmd = program
    .command("draft")
    .description("write a starter privacy-manifest.yml from the privacy policy's own text (its table of activities)")
    .argument("<policy-file>", "the privacy policy as text, Markdown or HTML")
    .argument("[dir]", "code folder to scan for suggested `code` globs (default: none, each activity covers all code)")
    .option("--output <file>", "where to write the draft (default: <dir>/privacy-manifest.yml, or ./privacy-manifest.yml)")
    .option("--force", "replace an existing file at --output");
  addScanFlags(cmd, false)
    .addHelpText("after", "\nExamples:\n  policytrace draft privacy-policy.html\n  policytrace draft docs/privacy.md . --output privacy-manifest.yml\n\n" +
      "Exit codes: 0 draft written · 2 unreadable policy, no activities found, or an existing file without --force")
    .action(async (policy: string, dir: string | undefined, o: DraftFlags) => setExitCode(await draftCommand(policy, dir, o, io)));
};

export async function draftCommand(policy: string, dir: string | undefined, o: DraftFlags, io: Io): Promise<number> {
  // Loaded on use: the HTML and Markdown parsers stay out of every other command's start-up.
  const [{ draftFromDocument, draftText }, { readPolicy }, { suggestCode }] = await Promise.all([
    import("../draft/draft.js"),
    import("../draft/read-policy.js"),
    import("../draft/suggest-code.js"),
  ]);
  const shown = o.output ?? (dir ? join(dir, MANIFEST_NAME) : MANIFEST_NAME);
  const out = resolve(io.cwd, shown);
  if (existsSync(out) && !o.force) {
    throw new ConfigError(`${shown} already exists; not overwriting it`, undefined, undefined, undefined,
      "Write the draft elsewhere with --output, or pass --force to replace it (its edits would be lost).");
  }
  const taxonomy = loadTaxonomy();
  const policyPath = resolve(io.cwd, policy);
  const draft = draftFromDocument(readPolicy(policyPath, policy), taxonomy, policy);
  const manifestDir = dirname(out);
  const posix = (p: string) => p.split(sep).join("/") || ".";
  if (dir !== undefined) {
    const fromManifest = relative(manifestDir, resolve(io.cwd, dir));
    if (fromManifest.startsWith("..") || resolve(fromManifest) === fromManifest) {
      throw new ConfigError(`--output ${shown} is not in ${dir} or a folder above it`, undefined, undefined, undefined,
        "`code` globs are relative to the manifest's folder and cannot climb out of it: write the draft into the code folder or one of its parents.");
    }
    const result = await runScan(dir, o, io, { noManifest: true });
    suggestCode(draft.activities, result.findings, posix(relative(manifestDir, result.context.root)), taxonomy);
  }
  const text = draftText(draft, {
    policyFile: shownFrom(manifestDir, policyPath, policy),
    toolVersion,
    codeDir: dir === undefined ? undefined : posix(relative(manifestDir, resolve(io.cwd, dir))),
    schemaUrl: manifestSchemaUrl(manifestDir),
  });
  write(out, shown, text, Boolean(o.force));

  const acts = draft.activities;
  const mapped = acts.reduce((n, a) => n + a.data.length, 0);
  const unmapped = acts.reduce((n, a) => n + a.unmapped.length, 0);
  const todos = (text.match(/\bTODO\b/g) ?? []).length;
  const withCode = acts.filter((a) => a.code).length;
  io.stderr(
    `policytrace: drafted ${acts.length} activit${acts.length === 1 ? "y" : "ies"} from ${policy} (${draft.layout === "table" ? "table rows" : "numbered sections"}): ` +
      `${mapped} data categories mapped, ${unmapped} wording${unmapped === 1 ? "" : "s"} left unmapped (in comments), ${todos} TODO${todos === 1 ? "" : "s"}` +
      `${dir === undefined ? "" : `, code suggested for ${withCode}`}\n`,
  );
  io.stdout(`policytrace: wrote ${shown}\nNext: review it against the policy (comments mark what to check), fill in each TODO, then run \`policytrace scan\`.\n`);
  return 0;
}

/** The policy's path relative to the manifest, when that is short; else as the user typed it. */
function shownFrom(manifestDir: string, abs: string, typed: string): string {
  const rel = relative(manifestDir, abs).split(sep).join("/");
  return rel.startsWith("../..") ? typed : rel;
}

function write(path: string, shown: string, text: string, force: boolean): void {
  if (force) return writeOutputAtomic(path, text);
  try {
    writeFileSync(path, text, { flag: "wx" }); // wx: never clobber a file that appeared meanwhile
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot write ${shown} (${code ?? (err as Error).message})`, undefined, undefined, undefined,
      code === "EEXIST" ? "Pass --force to replace it." : code === "ENOENT" ? "Create its folder first." : "Check that the folder is writable.");
  }
}
