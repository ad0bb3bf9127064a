// scan --labels (SPEC §7): hand-written, drifted labels of the camera app in each format must
// fail with the right category, in every report format; look-alikes must not count.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildBinary, parse as parsePlist } from "plist";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { project, run } from "../cli/helpers.js";
import { validateReport } from "../robustness/validate-report.js";

const camera = fileURLToPath(new URL("./fixtures/camera-app", import.meta.url));
const label = (name: string) => join("labels", name);

interface Check {
  file: string;
  format: string;
  categories: { category: string; type: string; status: string; file: string; line: number; note?: string }[];
  unused: { type: string; line?: number }[];
}

async function checked(...argv: string[]) {
  const r = await run(["scan", ".", "--format", "json", "--quiet", ...argv], camera);
  const report = JSON.parse(r.stdout) as { labels: Check[] };
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return { code: r.code, labels: report.labels };
}

const omitted = (c: Check) => c.categories.filter((x) => x.status === "omitted").map((x) => x.category);

describe("scan --labels: drifted labels", () => {
  it("Apple: the phone number is omitted, health data is claimed and never collected", async () => {
    const { code, labels } = await checked("--labels", label("drifted.xcprivacy"));
    expect(code).toBe(1);
    expect(labels[0]).toMatchObject({ file: "labels/drifted.xcprivacy", format: "apple" });
    expect(omitted(labels[0])).toEqual(["phone"]);
    expect(labels[0].categories.find((c) => c.category === "phone")).toMatchObject({ type: "NSPrivacyCollectedDataTypePhoneNumber", file: "src/account/signup.ts", line: 4 });
    // Look-alike: Contacts appears only in an XML comment, which claims nothing.
    expect(labels[0].unused).toEqual([{ type: "NSPrivacyCollectedDataTypeHealth", line: 34 }]);
    // password has no Apple type of its own; OtherDataTypes covers it, with the note.
    expect(labels[0].categories.find((c) => c.category === "password")).toMatchObject({ status: "labelled", type: "NSPrivacyCollectedDataTypeOtherDataTypes", note: "Apple has no type for passwords or credentials" });
  });

  it("Play: App interactions answered FALSE is omitted; a blank Contacts row and usage rows are not claims", async () => {
    const { labels } = await checked("--labels", label("drifted.play.csv"));
    expect(omitted(labels[0])).toEqual(["browsing-behavior"]);
    expect(labels[0].unused).toEqual([{ type: "PSL_HEALTH", line: 8 }]);
  });

  it("fides: a parent key covers its children and a child key its parent; GPS and crash reports are omitted", async () => {
    const { labels } = await checked("--labels", label("drifted.fides.yml"));
    expect(omitted(labels[0])).toEqual(["precise-location", "diagnostics"]);
    expect(labels[0].unused).toEqual([{ type: "user.financial.credit_card", line: 14 }]);
  });

  it("Apple: a binary property list reads the same as the XML one", async () => {
    const xml = readFileSync(join(camera, label("drifted.xcprivacy")), "utf8");
    const dir = project({ "PrivacyInfo.xcprivacy": "" });
    writeFileSync(join(dir, "PrivacyInfo.xcprivacy"), buildBinary(parsePlist(xml)));
    const r = await run(["scan", camera, "--labels", join(dir, "PrivacyInfo.xcprivacy"), "--format", "json", "--quiet"], dir);
    const [check] = (JSON.parse(r.stdout) as { labels: Check[] }).labels;
    expect(omitted(check)).toEqual(["phone"]);
    expect(check.unused).toEqual([{ type: "NSPrivacyCollectedDataTypeHealth" }]); // no lines in a binary file
  });

  it("checks several labels in one scan", async () => {
    const { labels } = await checked("--labels", label("drifted.xcprivacy"), "--labels", label("drifted.fides.yml"));
    expect(labels.map((l) => l.format)).toEqual(["apple", "fides"]);
  });
});

describe("scan --labels: exit codes as for the manifest", () => {
  it("omissions fail by default and not with --fail-on none; over-claims fail only with --fail-on unused", async () => {
    const overOnly = project({
      "a.ts": "export const send = (email: string) => fetch('/x', { method: 'POST', body: JSON.stringify({ email }) });\n",
      "privacy-manifest.yml": "version: 1\nactivities:\n  - { id: app, data: [email], purposes: [support], basis: contract }\n",
      "label.fides.yml": "system:\n  - fides_key: a\n    system_type: Application\n    privacy_declarations:\n      - { data_categories: [user.contact.email, user.health_and_medical], data_use: essential.service }\n",
    });
    expect((await run(["scan", ".", "--labels", "label.fides.yml", "--quiet"], overOnly)).code).toBe(0);
    expect((await run(["scan", ".", "--labels", "label.fides.yml", "--fail-on", "unused", "--quiet"], overOnly)).code).toBe(1);
    expect((await run(["scan", ".", "--labels", label("drifted.xcprivacy"), "--fail-on", "none", "--quiet"], camera)).code).toBe(0);
  });

  it("an inventory scan (no manifest) still fails on a label omission", async () => {
    const dir = project({
      "a.ts": "export const send = (email: string) => fetch('/x', { method: 'POST', body: JSON.stringify({ email }) });\n",
      "label.fides.yml": "system:\n  - fides_key: a\n    system_type: Application\n    privacy_declarations:\n      - { data_categories: [user.device], data_use: essential.service }\n",
    });
    const r = await run(["scan", ".", "--labels", "label.fides.yml", "--quiet"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("omitted  email → user.contact.email: collected at a.ts:1:");
  });
});

describe("scan --labels: look-alikes that are not collection", () => {
  it("a data shape, a suppressed finding and an email template never make a label type needed", async () => {
    const dir = project({
      "src/models.ts": "export interface Customer { postalAddress: string; email: string }\n",
      "src/send.ts": "export function send(phone: string) {\n  const emailTemplate = 'Hi {{name}}';\n  // policytrace-ignore-next-line phone: hashed on the device before it is sent\n  fetch('/x', { method: 'POST', body: JSON.stringify({ phone }) });\n  return emailTemplate;\n}\n",
      "PrivacyInfo.xcprivacy": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>NSPrivacyCollectedDataTypes</key><array/></dict></plist>\n",
    });
    const r = await run(["scan", ".", "--labels", "PrivacyInfo.xcprivacy", "--format", "json", "--quiet"], dir);
    const report = JSON.parse(r.stdout) as { labels: Check[] };
    expect(report.labels[0].categories).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("scan --labels: every report format", () => {
  const drifted = ["--labels", label("drifted.xcprivacy")];

  it("text: the omission located in the code, the over-claim with its line, and a verdict", async () => {
    const r = await run(["scan", ".", ...drifted, "--quiet"], camera);
    expect(r.stdout).toContain("Privacy label labels/drifted.xcprivacy (Apple privacy manifest): 6/7 collected categories labelled, 1 omission, 1 unused");
    expect(r.stdout).toMatch(/omitted {2}phone → NSPrivacyCollectedDataTypePhoneNumber: collected at src\/account\/signup\.ts:4:\d+, missing from the label/);
    expect(r.stdout).toContain("unused   NSPrivacyCollectedDataTypeHealth (line 34): the label claims it, no code collects it");
    expect(r.stdout).toContain("✖ Privacy labels: 1 label omission, 1 unused label type");
  });

  it("markdown: a Labels section with each type beside what the code collects", async () => {
    const r = await run(["scan", ".", ...drifted, "--format", "markdown", "--quiet"], camera);
    expect(r.stdout).toContain("## Labels");
    expect(r.stdout).toContain("### labels/drifted.xcprivacy (Apple privacy manifest)");
    expect(r.stdout).toMatch(/\| Telephone number \(phone\) \| NSPrivacyCollectedDataTypePhoneNumber \| ❌ omitted \| \[src\/account\/signup\.ts:4\]\(src\/account\/signup\.ts#L4\) \|/);
    expect(r.stdout).toContain("- ⚠️ NSPrivacyCollectedDataTypeHealth ([labels/drifted.xcprivacy:34](labels/drifted.xcprivacy#L34))");
  });

  it("sarif: an error in the code for the omission, a warning in the label for the over-claim", async () => {
    const r = await run(["scan", ".", ...drifted, "--format", "sarif", "--quiet"], camera);
    const run0 = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] }).runs[0];
    const rules = run0.tool.driver.rules.map((x) => x.id);
    const omission = run0.results.find((x) => x.ruleId === "policytrace.label-omitted")!;
    expect(omission).toMatchObject({ level: "error" });
    expect(rules[omission.ruleIndex]).toBe("policytrace.label-omitted");
    // SARIF URIs are relative to the repository root (issue 9); the fixture lives in this repository.
    const inRepo = "test/labels/fixtures/camera-app/";
    expect(omission.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: `${inRepo}src/account/signup.ts` }, region: { startLine: 4 } });
    const over = run0.results.find((x) => x.ruleId === "policytrace.label-unused")!;
    expect(rules[over.ruleIndex]).toBe("policytrace.label-unused");
    expect(over).toMatchObject({ level: "warning" });
    expect(over.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: `${inRepo}labels/drifted.xcprivacy` }, region: { startLine: 34 } });
  });

  it("json: without --labels the report has no labels field (additive, schemaVersion 1)", async () => {
    const r = await run(["scan", ".", "--format", "json", "--quiet"], camera);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report.schemaVersion).toBe(1);
    expect(report).not.toHaveProperty("labels");
  });
});

describe("scan --labels: a label that cannot be read is a usage error (exit 2) with file:line", () => {
  it.each([
    ["bad.xcprivacy", "<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict><key>NSPrivacyCollectedDataTypes</key><array>\n<dict><key>NSPrivacyCollectedDataType</key><string>NSPrivacyCollectedDataTypePhone</string></dict>\n</array></dict></plist>\n",
      /bad\.xcprivacy:3:1: unknown Apple data type "NSPrivacyCollectedDataTypePhone"\n {2}Did you mean "NSPrivacyCollectedDataTypePhoneNumber"\?/],
    ["broken.xcprivacy", "<plist><dict><key>x</key>", /broken\.xcprivacy: not a valid property list/],
    ["bad.csv", "Question ID,Response ID\nPSL_X,,\n", /bad\.csv:1:1: not a Play Data safety CSV: the header row differs from Play Console's/],
    ["notes.txt", "just some notes\n", /notes\.txt:1:1: cannot tell what label this is/],
    ["missing.xcprivacy", null, /missing\.xcprivacy: cannot read the label \(ENOENT\)/],
  ])("%s", async (name, text, message) => {
    const dir = project(text === null ? { "a.ts": "" } : { "a.ts": "", [name]: text });
    const r = await run(["scan", ".", "--labels", name, "--quiet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("    at ");
  });
});
