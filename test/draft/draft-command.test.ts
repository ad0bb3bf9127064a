// policytrace draft end to end: the file it writes loads with the project's manifest loader
// (its only errors are the TODO markers left for review), it never overwrites without
// --force, and bad input exits 2 with a message instead of a stack trace.

import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadManifest } from "../../src/config/load-manifest.js";
import { ConfigError, ConfigErrors } from "../../src/config/config-error.js";
import { project, run } from "../cli/helpers.js";

const POLICIES = resolve("fixtures/policies");
const taxonomy = loadTaxonomy();

interface DraftedActivity {
  id: string;
  ref: string;
  data: string[];
  purposes: string[];
  basis: string;
  code?: string[];
}

/** Loads the draft; then again without its TODO-marked activities, which must load cleanly. */
function loadsExceptTodos(path: string): { todoActivities: string[] } {
  const m = parse(readFileSync(path, "utf8")) as { activities: DraftedActivity[] };
  const todo = m.activities.filter((a) => JSON.stringify(a).includes("TODO"));
  if (todo.length) {
    // Every problem the loader reports is one of the draft's TODO markers, all in one run.
    let problems: ConfigError[] = [];
    try {
      loadManifest(path, taxonomy);
    } catch (err) {
      problems = err instanceof ConfigErrors ? err.problems : [err as ConfigError];
    }
    expect(problems.length).toBeGreaterThanOrEqual(todo.length);
    for (const p of problems) expect(p.message).toContain("TODO");
  }
  const clean = `${path}.clean.yml`;
  writeFileSync(clean, stringify({ ...m, activities: m.activities.filter((a) => !todo.includes(a)) }));
  expect(() => loadManifest(clean, taxonomy)).not.toThrow();
  rmSync(clean);
  return { todoActivities: todo.map((a) => a.ref) };
}

describe("policytrace draft", () => {
  it("drafts the seed policy: the golden draft, loadable but for its review markers", async () => {
    const dir = project({});
    copyFileSync(join(POLICIES, "imou.txt"), join(dir, "imou.txt"));
    const r = await run(["draft", "imou.txt"], dir);
    expect(r.stderr).toContain("drafted 36 activities from imou.txt (table rows)");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote privacy-manifest.yml");
    const text = readFileSync(join(dir, "privacy-manifest.yml"), "utf8");
    expect(text).toBe(readFileSync(join(POLICIES, "imou.draft.yml"), "utf8"));
    expect(text).toContain("No code folder was given, so no activity has `code`");
    expect(loadsExceptTodos(join(dir, "privacy-manifest.yml")).todoActivities).toEqual(["A.21", "E.1", "E.2", "E.3"]);
  });

  it("keeps the policy's wording beside each id and unmapped wording in a comment with a did-you-mean", async () => {
    const text = readFileSync(join(POLICIES, "imou.draft.yml"), "utf8");
    expect(text).toMatch(/- device-serial # Device SN\n/);
    expect(text).toMatch(/- mac-address # Media Access Control Address \(MAC\)\n/);
    expect(text).toContain('# unmapped: "Devices Channel ID" (did you mean "channel name"?)');
    expect(text).toContain("basis: the policy's basis cell spans down from A.1a and names several bases (contract,\n  #   legitimate-interest)");
    expect(text).toMatch(/basis: consent # Consent\n/);
  });

  it("suggests code globs from a scanned folder, marked for review, relative to the manifest", async () => {
    const dir = project({});
    cpSync(resolve("fixtures/imou-app"), join(dir, "app"), { recursive: true });
    rmSync(join(dir, "app/privacy-manifest.yml"));
    const r = await run(["draft", join(POLICIES, "imou.txt"), "app", "--quiet"], dir);
    expect(r.code).toBe(0);
    const path = join(dir, "app/privacy-manifest.yml");
    const m = parse(readFileSync(path, "utf8")) as { activities: DraftedActivity[] };
    const byRef = Object.fromEntries(m.activities.map((a) => [a.ref, a]));
    expect(byRef["A.4"].code).toEqual(["mobile/src/liveview/**"]);
    expect(byRef["A.16"].code).toEqual(["mobile/src/geofence/**", "server/src/geofence/**"]);
    expect(readFileSync(path, "utf8")).toContain("# REVIEW code: suggested from mobile/src/liveview");
    loadsExceptTodos(path);
  }, 120_000);

  it("drafts Markdown and HTML policies in other layouts", async () => {
    const dir = project({});
    const md = await run(["draft", join(POLICIES, "trailmark.md"), "--output", "t.yml"], dir);
    expect(md.code).toBe(0);
    expect(md.stderr).toContain("drafted 9 activities");
    expect(md.stderr).toContain("(numbered sections)");
    expect(loadsExceptTodos(join(dir, "t.yml")).todoActivities).toEqual(["2.9"]);
    const html = await run(["draft", join(POLICIES, "cadenza.html"), "--output", "c.yml"], dir);
    expect(html.code).toBe(0);
    expect(loadsExceptTodos(join(dir, "c.yml")).todoActivities).toEqual([]);
  });

  it("never overwrites a file without --force", async () => {
    const dir = project({ "privacy-manifest.yml": "# mine\n" });
    copyFileSync(join(POLICIES, "cadenza.html"), join(dir, "p.html"));
    const r = await run(["draft", "p.html"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("privacy-manifest.yml already exists; not overwriting it");
    expect(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")).toBe("# mine\n");
    const forced = await run(["draft", "p.html", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")).toContain("Cadenza Privacy Policy");
  });

  it("exits 2 with a clear message on bad input", async () => {
    const dir = project({
      "prose.txt": "Acme Privacy Policy\n\nWe care about your privacy. We collect your email address to send you our newsletter.\n\nContact us at any time.\n",
      "empty.md": "\n\n",
      "policy.pdf": "%PDF-1.7\n\u0000\u0001binary",
    });
    const cases: [string[], RegExp][] = [
      [["draft", "missing.txt"], /missing\.txt: cannot read the policy \(ENOENT: file not found\)/],
      [["draft", "."], /cannot read the policy: it is a folder/],
      [["draft", "empty.md"], /the policy file is empty/],
      [["draft", "policy.pdf"], /binary file \(a PDF/],
      [["draft", "prose.txt"], /prose\.txt: no processing activities found in the policy \(read as text\)\n {2}draft looks for a table/],
      [["draft"], /missing required argument 'policy-file'/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, dir);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(readFileSync(join(dir, "prose.txt"), "utf8")).toContain("Acme"); // and nothing written
    expect(() => readFileSync(join(dir, "privacy-manifest.yml"))).toThrow();
  });

  it("refuses an --output outside the scanned folder, where code globs would climb out", async () => {
    const dir = project({ "app/src/a.ts": "export const x = 1;\n" });
    const r = await run(["draft", join(POLICIES, "cadenza.html"), "app/src", "--output", "app/src/../../x/m.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not in app/src or a folder above it");
  });
});
