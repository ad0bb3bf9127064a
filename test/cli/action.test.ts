// action.yml end to end: its steps run as GitHub's runner would run them (inputs through
// `${{ }}` into env, GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, bash), against a
// local fixture repository, with no network. The `uses:` step (upload-sarif) is GitHub's
// own: the test checks what it would be given.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { manifest, project } from "./helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { name: string; id?: string; if?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
};

interface Outcome { code: number; log: string; outputs: Record<string, string>; summary: string; upload?: Record<string, string> }

function runAction(repo: string, given: Record<string, string>): Outcome {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default]));
  const scratch = mkdtempSync(join(tmpdir(), "policytrace-runner-"));
  const files = { GITHUB_ENV: join(scratch, "env"), GITHUB_OUTPUT: join(scratch, "output"), GITHUB_STEP_SUMMARY: join(scratch, "summary") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const steps: Record<string, Record<string, string>> = {};
  const expr = (e: string): string => {
    const m = /^(inputs|github|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?$/.exec(e.trim());
    if (!m) throw new Error(`the test runner does not evaluate \${{ ${e} }}`);
    if (m[1] === "inputs") return inputs[m[2]] ?? "";
    if (m[1] === "github") return m[2] === "action_path" ? root : "";
    return steps[m[2]]?.[m[3]] ?? "";
  };
  const fill = (text: string) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => expr(e));
  const readKv = (file: string) => Object.fromEntries(readFileSync(file, "utf8").split("\n").filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  let env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CI: "true", GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: repo, ...files };
  let log = "";
  let upload: Record<string, string> | undefined;
  for (const step of action.runs.steps) {
    if (step.uses) {
      // Only the upload step; its condition is the inputs.sarif switch and the file existing.
      expect(step.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
      const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(String(v))]));
      if (inputs.sarif === "true" && existsSync(join(repo, withs.sarif_file))) upload = withs;
      continue;
    }
    writeFileSync(files.GITHUB_OUTPUT, "");
    const stepEnv = { ...env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))])) };
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], { cwd: repo, env: stepEnv, encoding: "utf8" });
    log += r.stdout + r.stderr;
    if (step.id) steps[step.id] = readKv(files.GITHUB_OUTPUT);
    env = { ...env, ...readKv(files.GITHUB_ENV) };
    if (r.status !== 0) return { code: r.status ?? -1, log, outputs: steps.scan ?? {}, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"), upload };
  }
  return { code: 0, log, outputs: steps.scan ?? {}, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"), upload };
}

function fixtureRepo(declared: string[]): string {
  const dir = project({
    "privacy-manifest.yml": manifest(declared),
    "packages/app/src/support.ts": "export const f = (u: any) => console.log(u.phone);\n",
  });
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

describe("action.yml", () => {
  it("is a composite action whose scripts take inputs only through env", () => {
    expect(action.runs.using).toBe("composite");
    for (const s of action.runs.steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
    expect(Object.keys(action.inputs)).toEqual(["path", "manifest", "fail-on", "baseline", "sarif", "sarif-file"]);
  });

  it("fails the job on undeclared collection, with annotations, a job summary and SARIF for upload", { timeout: 120_000 }, () => {
    const repo = fixtureRepo(["email"]);
    const r = runAction(repo, { path: "packages/app" });
    expect(r.code).toBe(1);
    expect(r.outputs["exit-code"]).toBe("1");
    // Annotation paths are from the repository root, though the scan started in packages/app.
    expect(r.log).toMatch(/^::error file=packages\/app\/src\/support\.ts,line=1,col=\d+,title=Undeclared personal data%3A /m);
    expect(r.log).toContain("policytrace: violations");
    expect(r.summary).toMatch(/^# Privacy audit: app/);
    expect(r.summary).toContain("**Verdict: ❌ 1 undeclared collection point**");
    expect(r.upload).toEqual({ sarif_file: "policytrace.sarif", category: "policytrace" });
    const sarif = JSON.parse(readFileSync(join(repo, "policytrace.sarif"), "utf8"));
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain("packages/app/src/support.ts");
    expect(uris).toContain("privacy-manifest.yml"); // the unused declaration of email, at its manifest line
  });

  it("passes when the collection is declared; fail-on and sarif inputs are honoured", { timeout: 120_000 }, () => {
    const ok = runAction(fixtureRepo(["phone"]), { path: "packages/app", sarif: "false" });
    expect(ok.code).toBe(0);
    expect(ok.outputs["exit-code"]).toBe("0");
    expect(ok.upload).toBeUndefined();
    expect(ok.log).not.toContain("::error");
    const lenient = runAction(fixtureRepo(["email"]), { path: "packages/app", "fail-on": "none" });
    expect(lenient.code).toBe(0);
    const strict = runAction(fixtureRepo(["phone", "precise-location"]), { path: "packages/app", "fail-on": "unused" });
    expect(strict.code).toBe(1);
  });

  it("a broken manifest fails with exit 2 and says where", { timeout: 120_000 }, () => {
    const repo = fixtureRepo(["emial"]);
    const r = runAction(repo, { path: "packages/app" });
    expect(r.code).toBe(2);
    expect(r.log).toContain('privacy-manifest.yml:4:12: unknown data category "emial"');
    expect(r.log).toContain("could not run as configured (exit 2");
  });
});

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; pass_filenames: boolean; files: string }[];

  it("declares one node hook that scans the whole tree", () => {
    expect(hooks.map((h) => h.id)).toEqual(["policytrace"]);
    expect(hooks[0]).toMatchObject({ language: "node", pass_filenames: false, entry: "policytrace scan . --quiet" });
    const files = new RegExp(hooks[0].files);
    for (const f of ["src/a.ts", "web/App.tsx", "privacy-manifest.yml", ".policytrace-baseline.json"]) expect(files.test(f), f).toBe(true);
    for (const f of ["README.md", "styles.css", "package.json"]) expect(files.test(f), f).toBe(false);
  });

  it("its entry blocks a commit with undeclared collection and lets a declared one through", { timeout: 60_000 }, () => {
    const [bin, ...args] = hooks[0].entry.split(" ");
    expect(bin).toBe("policytrace");
    const hook = (dir: string) => spawnSync(process.execPath, [join(root, "bin/policytrace.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "true" } });
    expect(hook(join(fixtureRepo(["email"]), "packages/app")).status).toBe(1);
    expect(hook(join(fixtureRepo(["phone"]), "packages/app")).status).toBe(0);
  });
});
