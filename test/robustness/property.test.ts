// Property tests: random code never makes the scanner throw and always yields a report
// that satisfies the JSON schema; random manifests either work or fail as a ConfigError
// that names the manifest, never anything else. numRuns are kept small: the suite must
// stay fast, and a failure prints its seed for replay.

import { rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { ConfigError } from "../../src/config/config-error.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";
import { renderJson } from "../../src/report/json.js";
import { CATEGORY_IDS } from "../../src/report/report-schema.js";
import { scan } from "../../src/run.js";
import { KINDS } from "../../src/types.js";
import { manifestText, sourceExtension, sourceText } from "./arbitraries.js";
import { LOG_EMAIL, run, tempDir, write } from "./helpers.js";
import { validateReport } from "./validate-report.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const categories = new Set<string>(CATEGORY_IDS);

describe("random source code", () => {
  it("never makes detection throw; every finding has a real position, category and kind", () => {
    fc.assert(
      fc.property(sourceText, sourceExtension, (text, ext) => {
        const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
        for (const f of scanText(`src/f.${ext}`, text, rules)) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(categories.has(f.category), f.category).toBe(true);
          expect(KINDS).toContain(f.kind);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("scanned as a project, always gives a JSON report that satisfies the schema", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(sourceText, sourceExtension), { minLength: 1, maxLength: 6 }), async (files) => {
        const dir = tempDir();
        files.forEach(([text, ext], i) => write(dir, `src/f${i}.${ext}`, text));
        const report = JSON.parse(renderJson(await scan({ dir })));
        expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
        expect(report.summary.files).toBe(files.length);
        expect(report.summary.findings).toBe(report.findings.length);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 15 },
    );
  });
});

describe("random manifests", () => {
  it("either scan with a schema-valid report or fail as a ConfigError at a position in the manifest", async () => {
    const outcomes = { ok: 0, config: 0 };
    await fc.assert(
      fc.asyncProperty(manifestText, async (text) => {
        const dir = tempDir();
        write(dir, "src/a.ts", LOG_EMAIL);
        write(dir, "privacy-manifest.yml", text);
        try {
          const report = JSON.parse(renderJson(await scan({ dir, cwd: dir })));
          expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
          outcomes.ok++;
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          outcomes.config++;
          // Everything wrong in a manifest is reported at a place in it (a rules folder it names included).
          expect(err.format()).toMatch(/^privacy-manifest\.yml:\d+:\d+: /);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
    // The generator must exercise both outcomes, or the property proves little.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.config).toBeGreaterThan(0);
  });

  it("through the CLI, an invalid manifest is exit 2 and one message, never a stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(manifestText, async (text) => {
        const dir = tempDir();
        write(dir, "src/a.ts", LOG_EMAIL);
        write(dir, "privacy-manifest.yml", text);
        const r = await run(["scan", ".", "--format", "json", "--fail-on", "none"], dir);
        if (r.code === 0) expect(validateReport(JSON.parse(r.stdout))).toBe(true);
        else {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^policytrace: /);
          expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        }
        rmSync(join(dir), { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  });
});
