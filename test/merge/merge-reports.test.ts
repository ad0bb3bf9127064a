// mergeReports (SPEC §5): hand-built reports in, one result out, exactly.

import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { mergeReports, type NamedReport } from "../../src/merge/merge-reports.js";
import type { JsonReport } from "../../src/merge/read-report.js";
import type { Finding } from "../../src/types.js";
import { validateReport } from "../robustness/validate-report.js";

const taxonomy = loadTaxonomy();
const ctx = { taxonomy, rules: [], root: "/merged", startedAt: "2026-01-01T00:00:00.000Z", toolVersion: "9.9.9" };

function finding(f: Partial<Finding> & Pick<Finding, "file" | "line" | "category" | "status">): Finding {
  return { id: "x", column: 1, kind: "transmit", rule: "net.fetch", confidence: "high", evidence: "fetch(u)", symbol: null, recipient: null, activities: [], ...f };
}

function report(over: Partial<JsonReport>): JsonReport {
  const findings = over.findings ?? [];
  return {
    schemaVersion: 1, tool: { name: "policytrace", version: "0.1.0" }, manifest: "privacy-manifest.yml", findings, unused: [], errors: [],
    summary: { files: 10, findings: findings.length, declared: 0, undeclared: 0, suppressed: 0, unused: 0, errors: 0, durationMs: 100 },
    ...over,
  };
}

const web: NamedReport = {
  name: "web",
  report: report({
    findings: [
      finding({ file: "src/signup.ts", line: 3, category: "email", status: "declared", activities: ["sign-up"], recipient: "stripe" }),
      finding({ file: "src/ping.ts", line: 9, category: "mac-address", status: "undeclared", violation: "category",
        trace: [{ file: "src/mac.ts", line: 2, column: 1, note: "mac-address: os.networkInterfaces()" }, { file: "src/ping.ts", line: 9, column: 1, note: "→ fetch body" }] }),
    ],
    unused: [{ activity: "sign-up", category: "phone" }, { activity: "newsletter", category: "contact" }],
    errors: [{ file: "src/broken.ts", message: "could not parse", line: 1, column: 2 }],
  }),
};
const api: NamedReport = {
  name: "billing-api",
  report: report({
    findings: [
      finding({ file: "src/signup.ts", line: 3, category: "email", status: "declared", activities: ["sign-up"] }),
      finding({ file: "src/register.ts", line: 5, category: "phone", status: "declared", activities: ["sign-up"] }),
      finding({ file: "src/pay.ts", line: 1, category: "payment", status: "undeclared", recipient: "adyen", violation: "recipient", activities: [] }),
    ],
    unused: [{ activity: "newsletter", category: "contact" }],
    summary: { files: 5, findings: 3, declared: 2, undeclared: 1, suppressed: 0, unused: 1, errors: 0, durationMs: 50 },
  }),
};

describe("mergeReports", () => {
  it("prefixes every path with its report's name and sorts by file, line, column, category", () => {
    const r = mergeReports([web, api], ctx);
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.category}`)).toEqual([
      "billing-api/src/pay.ts:1 payment",
      "billing-api/src/register.ts:5 phone",
      "billing-api/src/signup.ts:3 email",
      "web/src/ping.ts:9 mac-address",
      "web/src/signup.ts:3 email",
    ]);
    expect(r.findings[3].trace?.map((s) => s.file)).toEqual(["web/src/mac.ts", "web/src/ping.ts"]);
    expect(r.errors).toEqual([{ file: "web/src/broken.ts", message: "could not parse", line: 1, column: 2 }]);
    expect(r.tool.version).toBe("9.9.9");
  });

  it("gives the same bytes whatever the order of the reports, and unique ids", () => {
    const a = renderJson(mergeReports([web, api], ctx));
    expect(renderJson(mergeReports([api, web], ctx))).toBe(a);
    const ids = mergeReports([web, api], ctx).findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length); // the two src/signup.ts findings had the same fingerprint before
  });

  it("does not change the reports it was given", () => {
    const before = JSON.stringify(web.report);
    mergeReports([web, api], ctx);
    expect(JSON.stringify(web.report)).toBe(before);
  });

  it("keeps a declaration unused only when no report uses it; a group counts as used by any member", () => {
    // web never collects phone for sign-up, but billing-api does; nobody collects contact data for the newsletter.
    expect(mergeReports([web, api], ctx).unused).toEqual([{ activity: "newsletter", category: "contact" }]);
    expect(mergeReports([web], ctx).unused).toEqual([{ activity: "newsletter", category: "contact" }, { activity: "sign-up", category: "phone" }]);
  });

  it("recomputes the summary; files and durations are the sums of the scans", () => {
    expect(mergeReports([web, api], ctx).summary).toEqual({ files: 15, findings: 5, declared: 3, undeclared: 2, suppressed: 0, unused: 1, errors: 1, durationMs: 150 });
  });

  it("writes a JSON report valid against the published schema", () => {
    const json = JSON.parse(renderJson(mergeReports([web, api], ctx)));
    expect(validateReport(json)).toBe(true);
    expect(json.manifest).toBe("privacy-manifest.yml");
  });

  it("is an inventory when no report had a manifest, and names each manifest file otherwise", () => {
    const inv = (n: NamedReport): NamedReport => ({ ...n, report: { ...n.report, manifest: null } });
    expect(mergeReports([inv(web), inv(api)], ctx).manifest).toBeNull();
    expect(mergeReports([inv(web), inv(api)], ctx).context.manifest).toBeNull();
    const other = { ...api, report: { ...api.report, manifest: "../../policy/privacy.yml" } };
    expect(mergeReports([web, other, inv({ ...api, name: "docs" })], ctx).manifest).toBe("privacy-manifest.yml, privacy.yml");
  });

  it("rebuilds the manifest view the Markdown audit needs: activities, their data, recipients and known files", () => {
    const view = mergeReports([web, api], ctx).context.manifest!;
    expect(view.activities.map((a) => [a.id, a.data, a.recipients, a.code])).toEqual([
      ["newsletter", ["email", "phone", "postal-address"], [], ["code not known from the reports/"]],
      ["sign-up", ["email", "phone"], ["stripe"], ["billing-api/src/register.ts", "billing-api/src/signup.ts", "web/src/signup.ts"]],
    ]);
    expect(view.recipients).toEqual([{ id: "stripe", name: "stripe" }]);
  });

  it("renders one Markdown audit across services: one policy table, one data map with every service's recipients", () => {
    const md = renderMarkdown(mergeReports([web, api], ctx));
    expect(md).toContain("| — | sign-up | billing-api/src/register.ts, billing-api/src/signup.ts, web/src/signup.ts | Email address (email), Telephone number (phone) | Email address (email), Telephone number (phone) |");
    expect(md).toContain("[web/src/ping.ts:9](web/src/ping.ts#L9)");
    expect(md).toContain("[billing-api/src/pay.ts:1](billing-api/src/pay.ts#L1)");
    const map = md.slice(md.indexOf("```mermaid"));
    expect(map).toContain("act_sign_up -->|1| rcp_stripe");
    expect(map).toContain("undeclared -->|1| rcp_adyen");
    expect(map).toMatch(/class .*rcp_adyen.* violation/);
    // A declaration known only as unused claims no code: it covers no undeclared finding.
    expect(md).toMatch(/\| — \| newsletter \|[^\n]*⚠️ 1 unused declaration \|/);
  });
});
