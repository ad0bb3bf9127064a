// The folder tree: links, special files, unreadable entries, default exclusions and size.
//
// The suite runs as root in CI, and root ignores file permissions (chmod 000 reads fine).
// So unreadable things are simulated by what fails for root too: a FIFO (which a naive
// read would block on forever), a dangling link, a folder named like a source file, a file
// that vanishes between discovery and reading; an unreadable folder is simulated by a
// readdir that fails with EACCES (discoverFiles' test seam). The real chmod 000 cases run
// only when the suite is not root.

import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "../../src/discover/discover-files.js";
import { detectFiles } from "../../src/detect/detect-files.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { loadTaxonomy } from "../../src/config/categories.js";
import type { ScanError } from "../../src/types.js";
import { LOG_EMAIL, project, run, tempDir, write, type Report } from "./helpers.js";

const isRoot = process.getuid?.() === 0;

async function scanJson(dir: string, ...flags: string[]): Promise<Report> {
  const r = await run(["scan", ".", "--format", "json", ...flags], dir);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Report;
}
const files = (rep: Report) => [...new Set(rep.findings.map((f) => f.file))];

describe("symbolic links are never followed", () => {
  it("a link loop ends the walk; links out of the tree are named, not scanned", async () => {
    const outside = project({ "secret.ts": "console.log(user.phone);\n", "lib/x.ts": "console.log(user.phone);\n" });
    const dir = project({ "src/a.ts": LOG_EMAIL });
    symlinkSync("..", join(dir, "src/loop")); // src/loop/src/loop/… for ever, if followed
    symlinkSync(join(dir, "src"), join(dir, "src/self"));
    symlinkSync(join(outside, "secret.ts"), join(dir, "src/secret.ts"));
    symlinkSync(join(outside, "lib"), join(dir, "src/lib"));
    symlinkSync("a.ts", join(dir, "src/alias.ts")); // inside the tree: its target is scanned anyway
    symlinkSync("nowhere.ts", join(dir, "src/dangling.ts"));
    symlinkSync("ping.ts", join(dir, "src/pong.ts"));
    symlinkSync("pong.ts", join(dir, "src/ping.ts"));
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["src/a.ts"]);
    expect(rep.findings).toHaveLength(1);
    expect(rep.summary.files).toBe(1);
    expect(rep.errors).toEqual([
      { file: "src/dangling.ts", message: "skipped: broken symbolic link; not scanned" },
      { file: "src/ping.ts", message: "skipped: symbolic link loop; not scanned" },
      { file: "src/pong.ts", message: "skipped: symbolic link loop; not scanned" },
      { file: "src/secret.ts", message: `skipped: symbolic link to "${join(outside, "secret.ts")}", outside the scanned folder; links are not followed` },
    ]);
  });
});

describe("unreadable entries are named, never a hang or a silent drop", () => {
  it("a FIFO named like a source file is skipped (reading it would block for ever)", async () => {
    const dir = project({ "src/a.ts": LOG_EMAIL });
    execFileSync("mkfifo", [join(dir, "src/pipe.ts")]);
    const rep = await scanJson(dir);
    expect(rep.errors).toEqual([{ file: "src/pipe.ts", message: "skipped: a FIFO, not a regular file" }]);
    expect(files(rep)).toEqual(["src/a.ts"]);
  });

  it("a folder named like a source file is walked into, not read", async () => {
    const dir = project({ "src/odd.ts/inner.ts": LOG_EMAIL });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["src/odd.ts/inner.ts"]);
    expect(rep.errors).toEqual([]);
  });

  it("a file that vanishes or turns into a FIFO or folder after discovery is reported by the reader", async () => {
    const dir = project({ "src/a.ts": LOG_EMAIL });
    execFileSync("mkfifo", [join(dir, "src/fifo.ts")]);
    mkdirSync(join(dir, "src/folder.ts"));
    const rules = compileRules(loadRuleSet(loadTaxonomy()));
    const d = await detectFiles(dir, ["src/a.ts", "src/fifo.ts", "src/folder.ts", "src/gone.ts"], rules);
    expect(d.findings.map((f) => f.file)).toEqual(["src/a.ts"]);
    expect(d.errors).toEqual([
      { file: "src/fifo.ts", message: "skipped: not a regular file (a FIFO, socket or device)" },
      { file: "src/folder.ts", message: "skipped: not a regular file (a folder)" },
      { file: "src/gone.ts", message: "skipped: cannot read (ENOENT: it disappeared or is a broken link)" },
    ]);
  });

  it("a folder that cannot be listed is named; the rest of the tree is scanned", async () => {
    const dir = project({ "src/a.ts": LOG_EMAIL, "src/locked/b.ts": LOG_EMAIL, "src/open/c.ts": LOG_EMAIL });
    const notes: ScanError[] = [];
    const denyLocked = ((path: fs.PathLike, ...rest: unknown[]) => {
      const cb = rest.pop() as (err: NodeJS.ErrnoException | null) => void;
      if (String(path).endsWith("locked")) return cb(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
      (fs.readdir as (...a: unknown[]) => void)(path, ...rest, cb);
    }) as unknown as typeof fs.readdir;
    const found = await discoverFiles(dir, { notes, readdir: denyLocked });
    expect(found).toEqual(["src/a.ts", "src/open/c.ts"]);
    expect(notes).toEqual([{ file: "src/locked/", message: "skipped folder: cannot list it (EACCES); files in it were not scanned" }]);
  });

  it.skipIf(isRoot)("chmod 000 on a file and a folder (only meaningful when not root)", async () => {
    const dir = project({ "src/a.ts": LOG_EMAIL, "src/secret.ts": LOG_EMAIL, "src/locked/b.ts": LOG_EMAIL });
    chmodSync(join(dir, "src/secret.ts"), 0o000);
    chmodSync(join(dir, "src/locked"), 0o000);
    try {
      const rep = await scanJson(dir);
      expect(files(rep)).toEqual(["src/a.ts"]);
      expect(rep.errors).toEqual([
        { file: "src/locked/", message: "skipped folder: cannot list it (EACCES); files in it were not scanned" },
        { file: "src/secret.ts", message: "skipped: cannot read (EACCES: permission denied)" },
      ]);
    } finally {
      chmodSync(join(dir, "src/locked"), 0o755);
    }
  });
});

describe("dependencies, build output and .gitignored paths are excluded by default", () => {
  const tree = {
    "src/app.ts": LOG_EMAIL,
    "node_modules/lib/index.js": LOG_EMAIL,
    "packages/x/node_modules/y/index.ts": LOG_EMAIL,
    "dist/app.js": LOG_EMAIL,
    "build/app.js": LOG_EMAIL,
    "coverage/lcov-report/x.js": LOG_EMAIL,
    "src/generated/api.ts": LOG_EMAIL,
    "src/local-only.ts": LOG_EMAIL,
    "src/keep/kept.ts": LOG_EMAIL,
    "src/keep/dropped.ts": LOG_EMAIL,
    ".gitignore": "src/generated/\n/src/local-only.ts\n",
    "src/keep/.gitignore": "*.ts\n!kept.ts\n",
  };

  it("honours .gitignore (nested, with negations) in a folder that is not a git repository", async () => {
    const rep = await scanJson(project(tree));
    expect(files(rep)).toEqual(["src/app.ts", "src/keep/kept.ts"]);
  });

  it("a .gitignore folder pattern (`linked.ts/`) drops a link to a folder named like a source; another such link is still named", async () => {
    const outside = project({ "lib/x.ts": LOG_EMAIL });
    const dir = project({ "src/a.ts": LOG_EMAIL, ".gitignore": "linked.ts/\n" });
    symlinkSync(join(outside, "lib"), join(dir, "src/linked.ts"));
    symlinkSync(join(outside, "lib"), join(dir, "src/other.ts"));
    const notes: ScanError[] = [];
    expect(await discoverFiles(dir, { notes })).toEqual(["src/a.ts"]);
    expect(notes.map((n) => n.file)).toEqual(["src/other.ts"]);
  });

  it("end-to-end tooling folders (detox/, maestro/, playwright/) are skipped; a source file named after the tool is kept", async () => {
    const dir = project({
      "app/actions/login.ts": LOG_EMAIL,
      "detox/utils/user.ts": LOG_EMAIL,
      "detox/maestro/flows/setup.js": LOG_EMAIL,
      "apps/web/playwright/utils/mock.ts": LOG_EMAIL,
      "app/utils/playwright.ts": LOG_EMAIL,
      "app/screens/detox_ids.ts": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["app/actions/login.ts", "app/screens/detox_ids.ts", "app/utils/playwright.ts"]);
    const kept = rep.findings.filter((f) => f.file === "app/utils/playwright.ts");
    expect(kept.map((f) => [f.line, f.category])).toContainEqual([1, "email"]);
  });

  it("a seed script and a story file are skipped by their names; files that merely contain the words are kept", async () => {
    const dir = project({
      "packages/database/src/seed.ts": LOG_EMAIL,
      "prisma/users.seed.ts": LOG_EMAIL,
      "ui/components/label/stories.tsx": LOG_EMAIL,
      "app/lib/seed-phrase.ts": LOG_EMAIL,
      "app/screens/user-stories.tsx": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["app/lib/seed-phrase.ts", "app/screens/user-stories.tsx"]);
    const kept = rep.findings.filter((f) => f.file === "app/lib/seed-phrase.ts");
    expect(kept.map((f) => [f.line, f.category])).toContainEqual([1, "email"]);
  });

  it("dev scripts and tools that make up data, and a test bed app, are skipped by their names; other scripts and a bed-booking feature are kept", async () => {
    const dir = project({
      "scripts/seed-events.mjs": LOG_EMAIL,
      "apps/api/scripts/mock.ts": LOG_EMAIL,
      "tools/seed-snapshot/src/index.ts": LOG_EMAIL,
      "apps/testbed/src/pages/Login.tsx": LOG_EMAIL,
      "packages/db/scripts/export-users.ts": LOG_EMAIL,
      "src/features/bed-booking/index.ts": LOG_EMAIL,
      "src/lib/seed-phrase.ts": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["packages/db/scripts/export-users.ts", "src/features/bed-booking/index.ts", "src/lib/seed-phrase.ts"]);
  });

  it("a package of tests or test tooling and a mock package are skipped by their folders' names; an A/B test, a load-testing report and a mockup are kept", async () => {
    const dir = project({
      "packages/integration-tests/src/api.ts": LOG_EMAIL,
      "services/api_tests/user.ts": LOG_EMAIL,
      "packages/test-helpers/src/login.ts": LOG_EMAIL,
      "packages/connectors/connector-mock-social/src/index.ts": LOG_EMAIL,
      "src/mocks/user.ts": LOG_EMAIL,
      "src/remote-query/__fixtures__/remote-query.ts": LOG_EMAIL,
      "libs/testing/src/user.service.ts": LOG_EMAIL,
      "src/features/load-testing-report/index.ts": LOG_EMAIL,
      "src/features/ab-test/variant.ts": LOG_EMAIL,
      "src/screens/mockup-gallery/index.tsx": LOG_EMAIL,
      "src/fixtures-editor/index.ts": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["src/features/ab-test/variant.ts", "src/features/load-testing-report/index.ts", "src/fixtures-editor/index.ts", "src/screens/mockup-gallery/index.tsx"]);
  });

  it("Testcontainers' package of test databases is skipped by its folder's name; a package of app containers is kept", async () => {
    const dir = project({
      "internal-packages/testcontainers/src/index.ts": LOG_EMAIL,
      "internal-packages/containers/src/index.ts": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["internal-packages/containers/src/index.ts"]);
    const kept = rep.findings.filter((f) => f.file === "internal-packages/containers/src/index.ts");
    expect(kept.map((f) => [f.line, f.category])).toContainEqual([1, "email"]);
  });

  it("Flow's library definitions and type tests are skipped by their folders' names; a folder merely named for flow is kept", async () => {
    const dir = project({
      "flow-typed/npm/expo-apple-authentication_vx.x.x.js": LOG_EMAIL,
      "flow-typed/translations.js": LOG_EMAIL,
      "src/__flow-tests__/nav-test.js": LOG_EMAIL,
      "src/flow-types/user.js": LOG_EMAIL,
      "src/workflow/typed.js": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["src/flow-types/user.js", "src/workflow/typed.js"]);
    const kept = rep.findings.filter((f) => f.file === "src/flow-types/user.js");
    expect(kept.map((f) => [f.line, f.category])).toContainEqual([1, "email"]);
  });

  it("--all includes all of them", async () => {
    const rep = await scanJson(project(tree), "--all");
    expect(files(rep)).toEqual(Object.keys(tree).filter((p) => /\.(ts|js)$/.test(p)).sort());
  });

  it("honours the repository's .gitignore files when the scanned folder is below the git root", async () => {
    const repo = tempDir();
    execFileSync("git", ["init", "-q", repo]);
    write(repo, ".gitignore", "packages/app/src/generated/\n");
    write(repo, "packages/.gitignore", "*.local.ts\n");
    write(repo, "packages/app/src/a.ts", LOG_EMAIL);
    write(repo, "packages/app/src/generated/b.ts", LOG_EMAIL);
    write(repo, "packages/app/src/c.local.ts", LOG_EMAIL);
    const rep = await scanJson(join(repo, "packages/app"));
    expect(files(rep)).toEqual(["src/a.ts"]);
  });

  it("in a git repository: nested negations, ignored folders, .git/info/exclude and odd names as git sees them; a tracked file is never ignored", async () => {
    const repo = tempDir();
    execFileSync("git", ["init", "-q", repo]);
    for (const [path, text] of Object.entries(tree)) write(repo, path, text);
    write(repo, "src/tracked-generated.ts", LOG_EMAIL);
    write(repo, "src/ünï cödé/a b.ts", LOG_EMAIL);
    write(repo, "src/excluded/x.ts", LOG_EMAIL);
    write(repo, ".git/info/exclude", "src/excluded/\n");
    execFileSync("git", ["add", "src/tracked-generated.ts"], { cwd: repo });
    write(repo, ".gitignore", "src/generated/\n/src/local-only.ts\nsrc/tracked-generated.ts\n");
    const rep = await scanJson(repo);
    expect(files(rep)).toEqual(["src/app.ts", "src/keep/kept.ts", "src/tracked-generated.ts", "src/ünï cödé/a b.ts"]);
  });

  it("ignores a .gitignore above the scanned folder when there is no repository (it governs someone else's tree)", async () => {
    const parent = project({ ".gitignore": "app/src/\n", "app/src/a.ts": LOG_EMAIL });
    const rep = await scanJson(join(parent, "app"));
    expect(files(rep)).toEqual(["src/a.ts"]);
  });
});

describe("a third-party library copied into the tree is someone else's code", () => {
  it("a folder with its own open-source licence and no package.json is skipped and named; a package's or an enterprise edition's licence is not", async () => {
    const dir = project({
      "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person\n",
      "src/app.ts": LOG_EMAIL,
      "src/sip/LICENSE": "Copyright (c) 2010 Someone\n\nPermission is hereby granted, free of charge, to any person\n",
      "src/sip/sip.js": LOG_EMAIL,
      "src/sip/lib/digest.js": LOG_EMAIL,
      "packages/ui/package.json": "{}",
      "packages/ui/LICENSE": "Apache License\nVersion 2.0, January 2004\n",
      "packages/ui/index.ts": LOG_EMAIL,
      "app/ee/LICENSE": "The Enterprise Edition (EE) license\nCopyright (c) 2020 Example Corp.\n",
      "app/ee/billing.ts": LOG_EMAIL,
    });
    const rep = await scanJson(dir);
    expect(files(rep)).toEqual(["app/ee/billing.ts", "packages/ui/index.ts", "src/app.ts"]);
    expect(rep.errors).toEqual([{ file: "src/sip/", message: "skipped folder: a third-party library copied in (its own open-source licence, no package.json); --all scans it" }]);
    const all = await scanJson(dir, "--all");
    expect(files(all)).toContain("src/sip/sip.js");
  });
});

describe("size", () => {
  it("50,000 tiny files in 500 folders are scanned in reasonable time", async () => {
    const dir = tempDir();
    for (let d = 0; d < 500; d++) {
      mkdirSync(join(dir, "src", `m${d}`), { recursive: true });
      for (let i = 0; i < 100; i++) writeFileSync(join(dir, "src", `m${d}`, `f${i}.ts`), i === 0 ? LOG_EMAIL : "export const x = 1;\n");
    }
    writeFileSync(join(dir, ".gitignore"), "*.log\n");
    const started = Date.now();
    const rep = await scanJson(dir);
    const ms = Date.now() - started;
    expect(rep.summary.files).toBe(50_000);
    expect(rep.findings).toHaveLength(500);
    expect(rep.errors).toEqual([]);
    // About 10 s alone on a laptop-class machine; the bound leaves room for a loaded CI
    // runner and the other test files running in parallel, and still catches a hang or
    // anything quadratic in the number of files.
    expect(ms).toBeLessThan(50_000);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
