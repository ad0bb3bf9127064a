// src/report/report-schema.ts is the JSON report's contract (SPEC §5). These tests keep it
// honest in both directions: real reports pass it, and it rejects what SPEC forbids.

import { describe, expect, it } from "vitest";
import { CATEGORY_IDS, GROUP_IDS, reportSchema, STATUSES } from "../../src/report/report-schema.js";
import { renderJson } from "../../src/report/json.js";
import { loadTaxonomy } from "../../src/config/categories.js";
import { KINDS, CONFIDENCES } from "../../src/types.js";
import { sampleResult, inventoryResult, passingResult } from "../report/sample-result.js";
import { LOG_EMAIL, MANIFEST, project, run } from "./helpers.js";
import { validateReport } from "./validate-report.js";

describe("the report schema matches SPEC §5", () => {
  it("has an $id, and enums equal to the SPEC's fixed values", () => {
    expect(reportSchema.$id).toBe("https://policytrace.dev/schemas/report-v1.json");
    expect([...STATUSES]).toEqual(["declared", "undeclared", "unchecked", "suppressed"]);
    expect([...KINDS]).toEqual(["source", "input", "transmit", "store", "log", "schema"]);
    expect([...CONFIDENCES]).toEqual(["high", "medium", "low"]);
    // SPEC §2's leaf ids, as rules/categories.yml holds them.
    expect([...CATEGORY_IDS].sort()).toEqual(loadTaxonomy().categories.map((c) => c.id).sort());
    expect([...GROUP_IDS].sort()).toEqual(loadTaxonomy().groups.map((g) => g.id).sort());
    const finding = reportSchema.properties.findings.items;
    expect(finding.required).toEqual(["id", "file", "line", "column", "category", "kind", "rule", "confidence", "evidence", "symbol", "recipient", "status", "activities"]);
    expect(reportSchema.properties.summary.required).toEqual(["files", "findings", "declared", "undeclared", "suppressed", "unused", "errors", "durationMs"]);
  });

  it.each([["sample", sampleResult], ["inventory", inventoryResult], ["passing", passingResult]])("the reporters' %s result is valid", (_n, result) => {
    const ok = validateReport(JSON.parse(renderJson(result)));
    expect(validateReport.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("a real scan with every status, unused declarations and errors is valid", async () => {
    const dir = project({
      "privacy-manifest.yml": MANIFEST.replace("[email, phone]", "[email, precise-location]"),
      "src/a.ts": `${LOG_EMAIL}console.log(user.phone);\n// policytrace-ignore-next-line email: support desk only\nconsole.log(user.email);\n`,
      "src/broken.ts": "const = ;\n",
    });
    const r = await run(["scan", ".", "--format", "json"], dir);
    const report = JSON.parse(r.stdout);
    expect(new Set(report.findings.map((f: { status: string }) => f.status))).toEqual(new Set(["declared", "undeclared", "suppressed"]));
    expect(report.unused.length).toBeGreaterThan(0);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it("rejects what SPEC forbids", () => {
    const good = () => JSON.parse(renderJson(sampleResult));
    const broken: [string, (r: Record<string, any>) => void][] = [
      ["an unknown status", (r) => (r.findings[0].status = "ignored")],
      ["an unknown kind", (r) => (r.findings[0].kind = "collect")],
      ["an unknown category", (r) => (r.findings[0].category = "emails")],
      ["a group as a finding's category", (r) => (r.findings[0].category = "contact")],
      ["line 0", (r) => (r.findings[0].line = 0)],
      ["a missing field", (r) => delete r.findings[0].recipient],
      ["an undocumented field", (r) => (r.findings[0].severity = "high")],
      ["a fractional count", (r) => (r.summary.files = 1.5)],
      ["a missing summary field", (r) => delete r.summary.unused],
      ["another schemaVersion", (r) => (r.schemaVersion = 2)],
      ["the reporter-only context", (r) => (r.context = {})],
      ["an error without message", (r) => r.errors.push({ file: "x.ts" })],
    ];
    for (const [what, breakIt] of broken) {
      const r = good();
      breakIt(r);
      expect(validateReport(r), what).toBe(false);
    }
  });
});
