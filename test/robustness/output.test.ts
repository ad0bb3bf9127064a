// --output: atomic (the report appears whole or not at all), clear errors for paths that
// cannot take a file, and byte-identical reports for the same input.
// Root ignores permissions, so "read-only" targets are ones that fail for root too: a
// folder, a path under a file, a missing folder, a broken link, a link loop.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOG_EMAIL, MANIFEST, project, run, tempDir, write } from "./helpers.js";

const BIN = fileURLToPath(new URL("../../bin/policytrace.js", import.meta.url));
const code = { "src/a.ts": LOG_EMAIL, "src/b.ts": "fetch('/api', { method: 'POST', body: JSON.stringify({ phone, mac }) });\n" };

async function outputError(dir: string, output: string): Promise<string> {
  const r = await run(["scan", ".", "--format", "json", "--output", output], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  return r.stderr;
}

describe("--output targets that cannot take a file exit 2 with a clear message", () => {
  it("a missing folder, a folder, a folder that is a file", async () => {
    const dir = project({ ...code, "reports/.keep": "", "a-file": "x" });
    expect(await outputError(dir, "missing/report.json")).toBe(`policytrace: cannot write ${join(dir, "missing/report.json")}: folder ${join(dir, "missing")} does not exist\n  Create the folder first. Choose another output path.\n`);
    expect(await outputError(dir, "reports")).toBe(`policytrace: cannot write ${join(dir, "reports")}: it is a folder\n  Give a file name, e.g. ${join(dir, "reports/policytrace-report")}.\n`);
    expect(await outputError(dir, "a-file/report.json")).toBe(`policytrace: cannot write ${join(dir, "a-file/report.json")}: ${join(dir, "a-file")} is a file, not a folder\n  Choose another output path.\n`);
  });

  it("a link loop; a link into a missing folder", async () => {
    const dir = project(code);
    symlinkSync("loop-b.json", join(dir, "loop-a.json"));
    symlinkSync("loop-a.json", join(dir, "loop-b.json"));
    symlinkSync("gone/report.json", join(dir, "dangling.json"));
    expect(await outputError(dir, "loop-a.json")).toMatch(/: too many levels of symbolic links\n/);
    expect(await outputError(dir, "dangling.json")).toBe(`policytrace: cannot write ${join(dir, "dangling.json")}: folder ${join(dir, "gone")} does not exist\n  Create the folder first. Choose another output path.\n`);
  });
});

describe("--output writes atomically", () => {
  it("writes the report, leaves no temporary file, and replaces a linked file rather than the link", async () => {
    const dir = project(code);
    mkdirSync(join(dir, "out"));
    symlinkSync("out/real.json", join(dir, "latest.json"));
    const r = await run(["scan", ".", "--format", "json", "--output", "latest.json"], dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "latest.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "out/real.json"), "utf8")).findings.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["real.json"]);
  });

  it("a scan killed just before the rename leaves the previous report untouched", () => {
    const dir = project(code);
    writeFileSync(join(dir, "report.json"), "PREVIOUS REPORT");
    // The preload kills the process at the moment the finished temp file would be renamed.
    write(dir, "kill-at-rename.cjs", [
      "const fs = require('node:fs');",
      "fs.renameSync = () => process.kill(process.pid, 'SIGKILL');",
      "require('node:module').syncBuiltinESMExports();",
    ].join("\n"));
    const r = spawnSync(process.execPath, ["--require", join(dir, "kill-at-rename.cjs"), BIN, "scan", ".", "--format", "json", "--output", "report.json"], { cwd: dir, encoding: "utf8" });
    expect(r.signal).toBe("SIGKILL");
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("PREVIOUS REPORT");
    const temp = readdirSync(dir).filter((f) => f.startsWith(".report.json."));
    expect(temp).toHaveLength(1); // the whole new report sat beside it, never in it
    expect(JSON.parse(readFileSync(join(dir, temp[0]), "utf8")).schemaVersion).toBe(1);
  });

  it("a FIFO target is written as a stream, never replaced by a plain file", async () => {
    const dir = project(code);
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const reader = spawn("cat", [join(dir, "pipe")]);
    let got = "";
    reader.stdout.on("data", (d: Buffer) => (got += d.toString()));
    const closed = new Promise((done) => reader.on("close", done));
    const r = await run(["scan", ".", "--format", "json", "--output", "pipe"], dir);
    await closed;
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "pipe")).isFIFO()).toBe(true);
    expect(JSON.parse(got).schemaVersion).toBe(1);
  });
});

describe("the same input gives byte-identical reports", () => {
  // The start time and the duration are the only things that may differ between runs.
  const normalise = (s: string) =>
    s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<date>").replace(/"durationMs": \d+/g, '"durationMs": 0').replace(/, \d+\.\ds\b/g, ", <s>");

  const tree: Record<string, string> = {
    ...code,
    "privacy-manifest.yml": MANIFEST,
    "src/z/late.ts": "localStorage.setItem('deviceSn', sn); console.log(user.email, user.phone);\n",
    "src/m/mid.tsx": 'export const F = () => <><input type="email" /><input type="tel" /></>;\n',
    "src/broken.ts": "const = ;\n",
    "src/types.ts": "export interface User { email: string; phone: string; ip: string }\n",
  };

  it.each(["json", "sarif", "markdown", "text"])("%s", async (format) => {
    const dir = tempDir();
    const reports: string[] = [];
    // The second tree is written in the opposite order, so the filesystem lists it differently.
    for (const order of [Object.keys(tree), Object.keys(tree).reverse()]) {
      rmSync(join(dir, "src"), { recursive: true, force: true });
      for (const p of order) write(dir, p, tree[p]);
      const r = await run(["scan", ".", "--format", format, "--output", `report.${format}`, "--fail-on", "none"], dir);
      // Only the one-line summary a report written to a file gets (issue 9), no warning.
      expect(r.stderr).toMatch(/^policytrace: [^\n]*report written to report\.\w+\n$/);
      reports.push(readFileSync(join(dir, `report.${format}`), "utf8"));
    }
    expect(reports[0]).toContain("src/z/late.ts");
    expect(normalise(reports[1])).toBe(normalise(reports[0]));
    expect(existsSync(join(dir, `report.${format}`))).toBe(true);
  });
});
