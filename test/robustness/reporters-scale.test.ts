// Every reporter stays linear in the number of findings: a generated or vendored file can
// hold 100,000 of them, and a quadratic step turns that into minutes.

import { describe, expect, it } from "vitest";
import { FORMATS } from "../../src/report/formats.js";
import type { Finding, ScanResult } from "../../src/types.js";
import { sampleResult } from "../report/sample-result.js";

function manyFindings(n: number): ScanResult {
  const statuses = ["declared", "undeclared", "suppressed"] as const;
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    id: `fp-${i}`,
    file: `src/m${i % 1000}/f.ts`,
    line: 1 + Math.floor(i / 1000),
    column: 1 + (i % 7),
    category: ["email", "phone", "ip-address"][i % 3],
    kind: "log",
    rule: "log.logger",
    confidence: "high",
    evidence: `logger.info({ email${i % 50} })`,
    symbol: null,
    recipient: null,
    status: statuses[i % 3],
    activities: i % 3 === 0 ? ["sign-up"] : [],
    ...(i % 3 === 2 ? { suppression: { source: "inline" as const, reason: "reviewed" } } : {}),
  }));
  const summary = { ...sampleResult.summary, findings: n, declared: Math.ceil(n / 3), undeclared: Math.ceil((n - 1) / 3), suppressed: Math.floor(n / 3) };
  return { ...sampleResult, findings, summary };
}

describe("reporters on 100,000 findings", () => {
  const result = manyFindings(100_000);
  it.each(Object.keys(FORMATS))("%s renders in seconds", (format) => {
    const started = Date.now();
    const out = FORMATS[format](result, { color: false });
    expect(out.length).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("text lists the undeclared among 300,000 findings in well under the quadratic time (27 s before)", () => {
    const big = manyFindings(300_000);
    const started = Date.now();
    FORMATS.text(big, { color: false });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
