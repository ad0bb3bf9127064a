import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifest, project, run } from "./helpers.js";

const files = {
  "app/privacy-manifest.yml": manifest(["email"]),
  "app/src/track.ts": "export const f = (u: any) => console.log(u.phone);\n",
};

describe("inside GitHub Actions", () => {
  it("prints ::error annotations with repository paths after the text report", async () => {
    const repo = project(files);
    const r = await run(["scan", "app"], repo, { env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: repo } });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations[0]).toMatch(/^::error file=app\/src\/track\.ts,line=1,col=\d+,title=Undeclared personal data%3A /);
    expect(r.stdout.indexOf("::error")).toBeGreaterThan(r.stdout.indexOf("undeclared collection point"));
  });

  it("prints no annotations for other formats or outside Actions", async () => {
    const repo = project(files);
    expect((await run(["scan", "app", "--format", "json"], repo, { env: { GITHUB_ACTIONS: "true" } })).stdout).not.toContain("::error");
    expect((await run(["scan", "app"], repo)).stdout).not.toContain("::error");
  });

  it("appends the Markdown report to the job summary, for any format", async () => {
    const repo = project(files);
    const summary = join(repo, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const env = { GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: repo, GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "o/r", GITHUB_SHA: "abc123" };
    const r = await run(["scan", "app", "--format", "sarif"], repo, { env });
    expect(r.code).toBe(1);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step\n#")).toBe(true);
    expect(text).toContain("(https://github.com/o/r/blob/abc123/app/src/track.ts#L1)");
  });

  it("a summary it cannot write is a warning, not a failure", async () => {
    const repo = project(files);
    mkdirSync(join(repo, "a-folder"));
    const r = await run(["scan", "app"], repo, { env: { GITHUB_STEP_SUMMARY: join(repo, "a-folder") } });
    expect(r.code).toBe(1); // the scan's own verdict
    expect(r.stderr).toMatch(/^policytrace: warning: could not write the job summary to .*a-folder \(EISDIR\)/);
  });
});
