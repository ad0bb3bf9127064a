import fs from "node:fs";
import { globby } from "globby";
import type { ScanError } from "../types.js";
import { recordingReaddir, skippedEntry } from "./skipped-entries.js";
import { gitIgnored } from "./git-ignored.js";
import { inFolders, vendoredFolders } from "./vendored-copies.js";
import { findRepoRoot } from "./git-info.js";
import { ListedKinds } from "./listed-kinds.js";

export const SOURCE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];
/** Database schemas that are not code but say what the app stores (Prisma's models). */
const SCHEMA_EXTENSIONS = ["prisma"];
const SCANNED_EXTENSIONS = [...SOURCE_EXTENSIONS, ...SCHEMA_EXTENSIONS];

export const isPrismaSchema = (file: string): boolean => file.endsWith(".prisma");

// Dependencies and build output are someone else's code or a copy of ours.
export const DEFAULT_EXCLUDES = [
  "**/node_modules/**",
  "**/dist/**",
  "**/build/**",
  "**/out/**",
  "**/coverage/**",
  "**/.next/**",
  "**/.nuxt/**",
  "**/.expo/**",
  "**/.git/**",
  "**/vendor/**",
  // Tests, stories and mocks describe data; they do not collect it from anyone.
  "**/*.test.*",
  "**/*.spec.*",
  "**/*[-_]spec.*",
  "**/*.e2e.*",
  "**/test/**",
  "**/tests/**",
  "**/e2e/**",
  "**/cypress/**",
  // End-to-end frameworks' own folders (Detox and Maestro drive a mobile app, Playwright a browser): they sign in as fixtures.
  "**/detox/**",
  "**/maestro/**",
  "**/playwright/**",
  // Seed data and migrations are fixtures and table definitions, not collection.
  "**/seeds/**",
  "**/seed/**",
  // A database's seed script by its name (prisma/seed.ts, packages/database/src/seed.ts) writes the same made-up rows.
  "**/seed.*",
  "**/*.seed.*",
  // A dev script or tool that makes up data by its name (scripts/seed-events.mjs, scripts/mock.ts, tools/seed-snapshot).
  "**/scripts/seed*",
  "**/scripts/mock*",
  "**/tools/seed*/**",
  "**/tools/mock*/**",
  // A test bed: an app that exists to exercise the real one (apps/testbed signs in with made-up users).
  "**/testbed/**",
  "**/migrations/**",
  "**/__tests__/**",
  "**/__mocks__/**",
  // Jest's folder of test data beside __tests__ and __mocks__ (a remote query's typed fixture rows).
  "**/__fixtures__/**",
  // Flow's library definitions (flow-typed/npm/…: the declared types of installed packages) and its type tests.
  "**/flow-typed/**",
  "**/__flow-tests__/**",
  // A package or folder of tests or test tooling by its name (packages/integration-tests, api_tests, test-helpers), and mocks.
  "**/*-tests/**",
  "**/*_tests/**",
  "**/test-helpers/**",
  "**/test-utils/**",
  // Testcontainers' databases and brokers started for a test run (internal-packages/testcontainers): their logins are the fixtures'.
  "**/testcontainers/**",
  // A testing library or module by its name (libs/testing: factories of made-up users; an API's testing controller for end-to-end runs).
  "**/testing/**",
  "**/mocks/**",
  "**/mock/**",
  "**/*-mock/**",
  "**/*-mock-*/**",
  "**/mock-*/**",
  "**/*.stories.*",
  // A component folder's story file (button/stories.tsx), as Storybook's CSF allows.
  "**/stories.*",
  "**/*.min.js",
  "**/*.bundle.js",
];

export interface DiscoverOptions {
  include?: string[];
  exclude?: string[];
  /** Also scan node_modules, build output and .gitignored paths. */
  all?: boolean;
  /** Receives a note for every source-named entry or folder that is passed over, and why. */
  notes?: ScanError[];
  /** Tests only: the readdir under the walk, to simulate a folder that cannot be listed (root can list anything). */
  readdir?: typeof fs.readdir;
}

/** Source files under root, as sorted POSIX paths relative to it. Symlinks are not followed. */
export async function discoverFiles(root: string, opts: DiscoverOptions = {}): Promise<string[]> {
  const ext = `{${SCANNED_EXTENSIONS.join(",")}}`;
  const patterns = opts.include?.length ? opts.include : [`**/*.${ext}`];
  const notes = opts.notes ?? [];
  // Not onlyFiles: links and FIFOs named like sources must come back, to be named in a note.
  const glob = (gitignore: boolean) => {
    const kinds = new ListedKinds();
    // `promises` is not in the adapter's type, but globby stats through it.
    const adapter = { ...fs, readdir: kinds.readdir(recordingReaddir(root, notes, opts.readdir)), promises: { ...fs.promises, stat: kinds.stat() } };
    return globby(patterns, {
      cwd: root,
      ignore: [...(opts.all ? [] : DEFAULT_EXCLUDES), ...(opts.exclude ?? [])],
      gitignore,
      followSymbolicLinks: false,
      onlyFiles: false,
      objectMode: true,
      dot: false,
      suppressErrors: true,
      fs: adapter,
    });
  };
  const notesBefore = notes.length;
  // Outside any git repository git cannot answer: the first walk would be thrown away.
  let entries = await glob(opts.all ? false : !mayBeInGitWorkTree(root));
  if (!opts.all && mayBeInGitWorkTree(root)) {
    const ignored = gitIgnored(root, entries.map((e) => e.path));
    if (ignored) entries = entries.filter((e) => !ignored.has(e.path));
    else {
      // Not a git work tree after all: let the glob library read the .gitignore files itself.
      notes.length = notesBefore;
      entries = await glob(true);
    }
  }
  const wanted = new RegExp(`\\.(${SCANNED_EXTENSIONS.join("|")})$`);
  const realRoot = fs.realpathSync(root);
  const files: string[] = [];
  for (const e of entries) {
    if (!wanted.test(e.path)) continue;
    if (e.dirent.isFile()) files.push(e.path);
    else {
      const note = skippedEntry(root, realRoot, e.path, e.dirent);
      if (note) notes.push(note);
    }
  }
  return opts.all ? files.sort() : withoutCopiedLibraries(root, files, notes).sort();
}

function withoutCopiedLibraries(root: string, files: string[], notes: ScanError[]): string[] {
  const copies = vendoredFolders(root, files);
  if (copies.size === 0) return files;
  // One note per library: its own nested folders are in it.
  for (const dir of [...copies].sort()) {
    if (inFolders(dir, copies)) continue;
    notes.push({ file: `${dir}/`, message: "skipped folder: a third-party library copied in (its own open-source licence, no package.json); --all scans it" });
  }
  return files.filter((f) => !inFolders(f, copies));
}

/** A `.git` at or above root, or git told where its repository is: only then can `git check-ignore` answer. */
function mayBeInGitWorkTree(root: string): boolean {
  return findRepoRoot(root) !== undefined || process.env.GIT_DIR !== undefined;
}
