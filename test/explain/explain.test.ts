// policytrace explain (SPEC §1): picking findings by id or file:line, and printing one with its trace.

import { describe, expect, it } from "vitest";
import { pickFindings } from "../../src/explain/pick-findings.js";
import { clean, renderExplanation } from "../../src/explain/render-explanation.js";
import { ConfigError } from "../../src/config/config-error.js";
import type { Finding, ScanResult } from "../../src/types.js";
import { sampleResult } from "../report/sample-result.js";
import { manifest, project, run } from "../cli/helpers.js";
import { cli } from "../cli/run-bin.js";

function finding(f: Partial<Finding> & Pick<Finding, "id" | "file" | "line" | "category">): Finding {
  return { column: 1, kind: "transmit", rule: "net.fetch", confidence: "high", evidence: "fetch(u)", symbol: null, recipient: null, status: "declared", activities: [], ...f };
}

const findings = [
  finding({ id: "a1b2c3d4e5", file: "src/account/signup.ts", line: 12, column: 5, category: "email" }),
  finding({ id: "a1b2ffff00", file: "src/account/signup.ts", line: 12, column: 5, category: "phone" }),
  finding({ id: "0f0f0f0f0f", file: "src/account/signup.ts", line: 30, category: "password" }),
  finding({ id: "99aa99aa99", file: "src/device/bind.ts", line: 8, category: "mac-address" }),
];
const asIs = (f: string) => (f.startsWith("app/") ? f.slice(4) : undefined);

function pickError(query: string): ConfigError {
  try {
    pickFindings(findings, query, asIs);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`"${query}" picked something`);
}

describe("pickFindings", () => {
  it("takes a whole id or a unique prefix", () => {
    expect(pickFindings(findings, "99aa99aa99", asIs).map((f) => f.category)).toEqual(["mac-address"]);
    expect(pickFindings(findings, "a1b2c", asIs).map((f) => f.category)).toEqual(["email"]);
    expect(pickFindings(findings, "0F0F", asIs).map((f) => f.category)).toEqual(["password"]);
  });

  it("takes file:line (every finding on the line), file:line:column, ./ and paths from the cwd", () => {
    expect(pickFindings(findings, "src/account/signup.ts:12", asIs).map((f) => f.category)).toEqual(["email", "phone"]);
    expect(pickFindings(findings, "./src/account/signup.ts:30", asIs).map((f) => f.category)).toEqual(["password"]);
    expect(pickFindings(findings, "src/account/signup.ts:12:5", asIs)).toHaveLength(2);
    expect(pickFindings(findings, "app/src/device/bind.ts:8", asIs).map((f) => f.category)).toEqual(["mac-address"]);
  });

  it("refuses an ambiguous prefix, listing the candidates", () => {
    const e = pickError("a1b2");
    expect(e.message).toBe('"a1b2" is the start of 2 finding ids');
    expect(e.hint).toContain("a1b2c3d4e5 (email at src/account/signup.ts:12)");
    expect(e.hint).toContain("a1b2ffff00 (phone at src/account/signup.ts:12)");
  });

  it("suggests close ids, the nearest lines, or a file of the same name", () => {
    expect(pickError("99ab99").hint).toBe("Did you mean 99aa99aa99 (mac-address at src/device/bind.ts:8)?");
    expect(pickError("dddddddd").hint).toContain("take one from a fresh report");
    const line = pickError("src/account/signup.ts:13");
    expect(line.message).toBe("no finding at src/account/signup.ts:13");
    expect(line.hint).toBe("The nearest lines with findings in src/account/signup.ts: 12, 30.");
    expect(pickError("src/account/signup.ts:12:9").hint).toBe("On line 12 a finding starts at 12:5.");
    expect(pickError("account/signup.ts:12").hint).toBe("Did you mean src/account/signup.ts:12? Paths are relative to the scanned folder.");
    expect(pickError("src/nothing-like-it/at-all.tsx:1").hint).toBe("Paths are relative to the scanned folder; the scan found nothing to explain.");
    expect(pickError("hello").message).toBe('"hello" is neither a finding id nor a file:line');
  });
});

describe("renderExplanation", () => {
  const traced = {
    ...sampleResult.findings.find((f) => f.id === "fp-ping-mac")!,
    trace: [
      { file: "src/device/mac.ts", line: 2, column: 9, note: "mac-address: os.networkInterfaces()" },
      { file: "src/telemetry/payload.ts", line: 5, column: 3, note: "field `mac` of payload" },
      { file: "src/telemetry/ping.ts", line: 4, column: 7, note: "→ Sentry.setTag (sentry)" },
    ],
  };
  const code: Record<string, string[]> = {
    "src/device/mac.ts": ["import os from 'os';", "export const mac = os.networkInterfaces()['en0'][0].mac;"],
    "src/telemetry/payload.ts": ["", "", "", "export const payload = {", "  mac,\u001b]0;pwned\u0007", "};"],
    "src/telemetry/ping.ts": ["", "", "", "      Sentry.setTag('mac', payload.mac);"],
  };
  const read = (file: string, line: number) => code[file]?.[line - 1];

  it("prints status, activities, recipient, violation and every trace step with its code, source first", () => {
    const text = renderExplanation([traced], sampleResult as ScanResult, read);
    expect(text).toContain("src/telemetry/ping.ts:4:7  mac-address");
    expect(text).toContain("  id          fp-ping-mac\n");
    expect(text).toMatch(/ {2}status {6}undeclared \(violation: category\): /);
    expect(text).toContain("  recipient   sentry");
    expect(text).toContain("trace: 3 steps, from where the value is obtained to the sink\n" +
      "   1. src/device/mac.ts:2:9  mac-address: os.networkInterfaces()\n" +
      "     2 | export const mac = os.networkInterfaces()['en0'][0].mac;\n" +
      "       |         ^\n" +
      "   2. src/telemetry/payload.ts:5:3  field `mac` of payload\n" +
      "     5 |   mac,\\x1b]0;pwned\\x07\n" +
      "       |   ^\n" +
      "   3. src/telemetry/ping.ts:4:7  → Sentry.setTag (sentry)\n" +
      "     4 |       Sentry.setTag('mac', payload.mac);\n" +
      "       |       ^\n");
  });

  it("says when there is no trace, and when the source cannot be read", () => {
    const plain = sampleResult.findings.find((f) => f.id === "fp-signup-email")!;
    const text = renderExplanation([plain], sampleResult as ScanResult, () => undefined);
    expect(text).toContain("  status      declared\n");
    expect(text).toMatch(/activities {2}sign-up/);
    expect(text).toContain("trace: none — the value is obtained and used at this one place\n    12 | (source not readable)\n");
  });

  it("names the undeclared recipient and what the covering activities disclose to", () => {
    const f = { ...sampleResult.findings.find((x) => x.id === "fp-ga-device-id")!, status: "undeclared" as const, violation: "recipient" as const, recipient: "mixpanel" };
    expect(renderExplanation([f], sampleResult as ScanResult, () => undefined)).toContain("undeclared (violation: recipient): mixpanel receives device-id, but no activity that declares it here discloses to mixpanel");
  });

  it("shows terminal control characters and bidi overrides instead of obeying them", () => {
    expect(clean("a\u001b[2Jb\u202ec\td")).toBe("a\\x1b[2Jb\uFFFDc  d");
  });
});

const LOGS = "export function f(user: any) {\n  console.log(user.email);\n  console.log(user.phone);\n}\n";

describe("policytrace explain (end to end)", () => {
  it("explains a finding of a real scan by id and by file:line, with the same trace as the JSON report", async () => {
    const dir = project({ "src/a.ts": LOGS, "privacy-manifest.yml": manifest(["email"]) });
    const report = JSON.parse((await run(["scan", ".", "--format", "json"], dir)).stdout) as { findings: Finding[] };
    const phone = report.findings.find((f) => f.category === "phone")!;
    const r = await cli(["explain", phone.id.slice(0, 8), "."], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`src/a.ts:3:${phone.column}  phone`);
    expect(r.stdout).toMatch(/status {6}undeclared \(violation: category\): the activities covering this file \(app\) do not list phone/);
    if (phone.trace) for (const s of phone.trace) expect(r.stdout).toContain(`${s.file}:${s.line}:${s.column}  ${s.note}`);
    else expect(r.stdout).toContain("trace: none");
    expect(r.stdout).toContain("     3 |   console.log(user.phone);");

    const byLine = await cli(["explain", "src/a.ts:2", "."], dir);
    expect(byLine.code).toBe(0);
    expect(byLine.stdout).toContain("email");
    expect(byLine.stdout).toMatch(/status {6}declared/);
  }, 120_000); // two CLI processes on a loaded machine

  it("prints a real cross-file trace from the flow engine, source first, each step with its line", async () => {
    const dir = project({
      "src/form.ts": "export function readForm(form: any) {\n  const payload = { email: form.email.value };\n  return payload;\n}\n",
      "src/send.ts": "import { readForm } from \"./form\";\nexport async function submit(form: any) {\n  const data = readForm(form);\n" +
        "  await fetch(\"https://api.mixpanel.com/track\", { method: \"POST\", body: JSON.stringify(data) });\n}\n",
    });
    const r = await run(["explain", "src/send.ts:4", "."], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  recipient   mixpanel"); // the catalogue names the vendor behind api.mixpanel.com
    const trace = r.stdout.slice(r.stdout.indexOf("trace:"));
    expect(trace).toMatch(/^trace: \d+ steps/);
    const first = trace.indexOf("src/form.ts:2:");
    const last = trace.lastIndexOf("src/send.ts:4:");
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first); // the source comes first, the sink last
    expect(trace).toContain("     2 |   const payload = { email: form.email.value };");
    expect(trace).toMatch(/email: name `email`/);
  }, 120_000);

  it("takes the scan's options (--manifest) and exits 2 with did-you-mean for an unknown finding", async () => {
    const dir = project({ "app/src/a.ts": LOGS, "policy.yml": manifest(["phone"]) });
    const r = await run(["explain", "app/src/a.ts:3", "app", "--manifest", "policy.yml"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/status {6}declared/);
    const miss = await cli(["explain", "src/a.ts:4", "app"], dir);
    expect(miss.code).toBe(2);
    expect(miss.stdout).toBe("");
    expect(miss.stderr).toBe("policytrace: no finding at src/a.ts:4\n  The nearest lines with findings in src/a.ts: 2, 3.\n");
    expect((await run(["explain"], dir)).code).toBe(2);
  }, 120_000);
});
