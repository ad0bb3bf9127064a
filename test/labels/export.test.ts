// policytrace export (SPEC §7): the three labels of a small example app against golden files,
// each parsed back as its format, the example IoT app end to end, and --output's refusal to
// overwrite.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parsePlist } from "plist";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { labelTables } from "../../src/labels/label-tables.js";
import { exportApple } from "../../src/labels/export-apple.js";
import { scan } from "../../src/run.js";
import { project, run } from "../cli/helpers.js";
import { fidesSystemFileSchema } from "./fides-system-schema.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const camera = join(here, "fixtures", "camera-app");
const imou = join(here, "..", "..", "fixtures", "imou-app");
const golden = (name: string) => join(here, "golden", name);
const GOLDEN = { apple: "camera-app.xcprivacy", play: "camera-app.play.csv", fides: "camera-app.fides.yml" } as const;

async function exported(dir: string, format: string): Promise<string> {
  const r = await run(["export", dir, "--format", format, "--quiet"], dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const validateFides = new Ajv({ allErrors: true }).compile(fidesSystemFileSchema);

describe("export: golden files of the camera app", () => {
  it.each(Object.entries(GOLDEN))("%s matches %s (UPDATE_GOLDEN=1 rewrites it)", async (format, file) => {
    const text = await exported(camera, format);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden(file))) writeFileSync(golden(file), text);
    expect(text).toBe(readFileSync(golden(file), "utf8"));
    expect(await exported(camera, format)).toBe(text); // deterministic
  });
});

describe("export --format apple", () => {
  it("is a property list with the keys Apple documents, one entry per collected data type", async () => {
    const t = labelTables().apple;
    const root = parsePlist(await exported(camera, "apple")) as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(["NSPrivacyTracking", "NSPrivacyTrackingDomains", "NSPrivacyCollectedDataTypes"]);
    expect(root.NSPrivacyTracking).toBe(false);
    expect(root.NSPrivacyTrackingDomains).toEqual([]);
    const entries = root.NSPrivacyCollectedDataTypes as Record<string, unknown>[];
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(["NSPrivacyCollectedDataType", "NSPrivacyCollectedDataTypeLinked", "NSPrivacyCollectedDataTypeTracking", "NSPrivacyCollectedDataTypePurposes"]);
      expect(t.types).toContain(e.NSPrivacyCollectedDataType);
      expect(typeof e.NSPrivacyCollectedDataTypeLinked).toBe("boolean");
      expect(typeof e.NSPrivacyCollectedDataTypeTracking).toBe("boolean");
      for (const p of e.NSPrivacyCollectedDataTypePurposes as string[]) expect(t.purposes).toContain(p);
    }
    const byType = Object.fromEntries(entries.map((e) => [e.NSPrivacyCollectedDataType, e]));
    // email is collected by sign-up (account-registration) and by analytics (usage-analysis).
    expect(byType.NSPrivacyCollectedDataTypeEmailAddress.NSPrivacyCollectedDataTypePurposes).toEqual(["NSPrivacyCollectedDataTypePurposeAnalytics", "NSPrivacyCollectedDataTypePurposeAppFunctionality"]);
    // The geofence activity's own labels: linked false.
    expect(byType.NSPrivacyCollectedDataTypePreciseLocation.NSPrivacyCollectedDataTypeLinked).toBe(false);
    // password has no Apple type: it goes to Other Data Types.
    expect(byType.NSPrivacyCollectedDataTypeOtherDataTypes).toBeDefined();
    // Declared and named only in a data shape (src/models): not collection, not on the label.
    expect(byType.NSPrivacyCollectedDataTypePhysicalAddress).toBeUndefined();
  });

  it("says which categories went to the nearest type", async () => {
    const r = await run(["export", ".", "--format", "apple", "--quiet"], camera);
    expect(r.stderr).toContain("policytrace: note: password → NSPrivacyCollectedDataTypeOtherDataTypes: Apple has no type for passwords or credentials.");
  });

  it("honours an activity's labels: tracking, purposes, and tracking domains from hosts reached", async () => {
    const dir = project({
      "privacy-manifest.yml": [
        "version: 1", "recipients: [{ id: ads, name: Ads Inc }]", "activities:",
        "  - { id: ads, data: [device-id], purposes: [third-party-advertising], basis: consent, recipients: [ads],",
        "      labels: { tracking: true } }", "",
      ].join("\n"),
      "src/ads.ts": "import DeviceInfo from 'react-native-device-info';\nexport async function send() {\n  const deviceId = await DeviceInfo.getUniqueId();\n  return fetch('https://track.ads.example/v1', { method: 'POST', body: JSON.stringify({ deviceId }) });\n}\n",
    });
    const root = parsePlist(await exported(dir, "apple")) as { NSPrivacyTracking: boolean; NSPrivacyTrackingDomains: string[]; NSPrivacyCollectedDataTypes: Record<string, unknown>[] };
    expect(root.NSPrivacyTracking).toBe(true);
    // Tracking domains are the hosts that a tracking activity's data reaches (SPEC §3 recipients).
    const result = await scan({ dir });
    for (const f of result.findings) if (f.kind === "transmit") f.recipient = "track.ads.example";
    expect((parsePlist(exportApple(result).text) as { NSPrivacyTrackingDomains: string[] }).NSPrivacyTrackingDomains).toEqual(["track.ads.example"]);
    expect(root.NSPrivacyCollectedDataTypes).toEqual([{
      NSPrivacyCollectedDataType: "NSPrivacyCollectedDataTypeDeviceID",
      NSPrivacyCollectedDataTypeLinked: true,
      NSPrivacyCollectedDataTypeTracking: true,
      NSPrivacyCollectedDataTypePurposes: ["NSPrivacyCollectedDataTypePurposeThirdPartyAdvertising"],
    }]);
  });
});

describe("export --format play", () => {
  it("has Play Console's exact header and every template row, in order", async () => {
    const t = labelTables().play;
    const rows = parseCsv(await exported(camera, "play")) as string[][];
    expect(rows[0]).toEqual(["Question ID (machine readable)", "Response ID (machine readable)", "Response value", "Answer requirement", "Human-friendly question label"]);
    const perType = t.usage.length + t.purposeQuestions.length * t.purposes.length;
    expect(perType).toBe(19);
    expect(rows).toHaveLength(1 + t.questions.length + t.types.length * (1 + perType));
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const ids = new Set(rows.slice(1).map((r) => `${r[0]}|${r[1]}`));
    expect(ids.size).toBe(rows.length - 1); // no row twice
    for (const id of ["PSL_DATA_TYPES_PERSONAL|PSL_EMAIL", "PSL_DATA_TYPES_IDENTIFIERS|PSL_DEVICE_ID", "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:DATA_USAGE_USER_CONTROL|PSL_DATA_USAGE_USER_CONTROL_REQUIRED"]) expect(ids).toContain(id);
  });

  it("answers collected, shared, required or optional, and purposes from the manifest", async () => {
    const rows = parseCsv(await exported(camera, "play")) as string[][];
    const value = (q: string, r = "") => rows.find((x) => x[0] === q && x[1] === r)?.[2];
    expect(value("PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA")).toBe("TRUE");
    expect(value("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL")).toBe("TRUE");
    expect(value("PSL_DATA_TYPES_PERSONAL", "PSL_ADDRESS")).toBe(""); // schema only
    const u = (type: string, q: string, r = "") => value(`PSL_DATA_USAGE_RESPONSES:${type}:${q}`, r);
    // email reaches Sentry (a third party): shared; sign-up's basis is contract: required.
    expect(u("PSL_EMAIL", "PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED")).toBe("TRUE");
    expect(u("PSL_EMAIL", "DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED")).toBe("TRUE");
    expect(u("PSL_EMAIL", "DATA_USAGE_COLLECTION_PURPOSE", "PSL_ACCOUNT_MANAGEMENT")).toBe("TRUE");
    expect(u("PSL_EMAIL", "DATA_USAGE_SHARING_PURPOSE", "PSL_ANALYTICS")).toBe("TRUE");
    expect(u("PSL_EMAIL", "DATA_USAGE_SHARING_PURPOSE", "PSL_ACCOUNT_MANAGEMENT")).toBe(""); // sign-up sends it to our own backend only
    // The phone goes to our own backend only: collected, not shared.
    expect(u("PSL_PHONE", "PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED")).toBe("");
    // Location is collected under consent: optional.
    expect(u("PSL_PRECISE_LOCATION", "DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL")).toBe("TRUE");
    expect(u("PSL_PRECISE_LOCATION", "PSL_DATA_USAGE_EPHEMERAL")).toBe("FALSE");
  });
});

describe("export --format fides", () => {
  it("is a fideslang system file: the model's fields, known data uses and subjects", async () => {
    const t = labelTables().fides;
    const doc = parseYaml(await exported(camera, "fides")) as { system: { privacy_declarations: { data_use: string; data_subjects: string[]; data_categories: string[]; legal_basis_for_processing?: string; name: string }[] }[] };
    expect(validateFides(doc), JSON.stringify(validateFides.errors)).toBe(true);
    const decls = doc.system[0].privacy_declarations;
    for (const d of decls) {
      expect(t.dataUses).toContain(d.data_use);
      for (const s of d.data_subjects) expect(t.dataSubjects).toContain(s);
    }
    expect(decls.map((d) => d.name)).toEqual([...decls.map((d) => d.name)].sort());
    const geofence = decls.find((d) => d.name === "When you set a geofence")!;
    expect(geofence).toMatchObject({ data_use: "essential.service", data_categories: ["user.location.precise"], legal_basis_for_processing: "Consent" });
  });
});

describe("export on the example IoT app (fixtures/imou-app)", () => {
  it.each(["apple", "play", "fides"])("%s: exports, and scan --labels on the export passes", async (format) => {
    const dir = project({});
    const out = join(dir, `label.${format}`);
    const r = await run(["export", imou, "--format", format, "--output", out, "--quiet"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}`);
    const check = await run(["scan", imou, "--labels", out, "--format", "json", "--fail-on", "none", "--quiet"], dir);
    const labels = (JSON.parse(check.stdout) as { labels: { categories: { status: string }[]; unused: unknown[] }[] }).labels;
    expect(labels[0].categories.length).toBeGreaterThan(20);
    expect(labels[0].categories.filter((c) => c.status === "omitted")).toEqual([]);
    expect(labels[0].unused).toEqual([]);
    if (format === "fides") expect(validateFides(parseYaml(readFileSync(out, "utf8"))), JSON.stringify(validateFides.errors)).toBe(true);
    if (format === "apple") expect(parsePlist(readFileSync(out, "utf8"))).toHaveProperty("NSPrivacyCollectedDataTypes");
  });
});

describe("export --output", () => {
  it("never overwrites an existing file without --force", async () => {
    const dir = project({ "PrivacyInfo.xcprivacy": "my own edits\n" });
    const r = await run(["export", camera, "--format", "apple", "--output", "PrivacyInfo.xcprivacy", "--quiet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("PrivacyInfo.xcprivacy already exists; not overwriting it");
    expect(readFileSync(join(dir, "PrivacyInfo.xcprivacy"), "utf8")).toBe("my own edits\n");
    const forced = await run(["export", camera, "--format", "apple", "--output", "PrivacyInfo.xcprivacy", "--force", "--quiet"], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, "PrivacyInfo.xcprivacy"), "utf8")).toContain("NSPrivacyCollectedDataTypes");
  });

  it("needs a manifest, and a known --format", async () => {
    const dir = project({ "src/a.ts": "fetch('/x', { method: 'POST', body: JSON.stringify({ email }) });\n" });
    const r = await run(["export", ".", "--format", "play", "--quiet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("export needs a privacy manifest");
    const bad = await run(["export", ".", "--format", "android"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are apple, play, fides/);
  });

  it("rejects an unknown label value in an activity's labels, with its line", async () => {
    const dir = project({
      "privacy-manifest.yml": "version: 1\nactivities:\n  - id: app\n    data: [email]\n    purposes: [support]\n    basis: contract\n    labels:\n      apple: [NSPrivacyCollectedDataTypePurposeAnalytic]\n",
    });
    const r = await run(["export", ".", "--format", "apple", "--quiet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('privacy-manifest.yml:8:15: unknown Apple purpose "NSPrivacyCollectedDataTypePurposeAnalytic"');
    expect(r.stderr).toContain('Did you mean "NSPrivacyCollectedDataTypePurposeAnalytics"?');
  });
});
