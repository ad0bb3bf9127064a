import { readFileSync } from "node:fs";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY, renderSarif, UNUSED_RULE_ID } from "../../src/report/sarif.js";
import type { ScanResult } from "../../src/types.js";
import { EVIL_FILE, inventoryResult, passingResult, sampleResult } from "./sample-result.js";

// test/schemas/sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 schema (errata01,
// $id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
// copied byte for byte from github.com/oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json at
// commit ffa72eb4d4d7504ac43736489b0444aff7afdd74 ("Update the github copies of the schemata to
// match the Approved Errata"), identical to sarif-2.1/schema/sarif-schema-2.1.0.json on its main
// branch. No npm package ships this final schema (only older rtm drafts), hence the copy.
// It is a draft-04 schema, so it is validated with Ajv's draft-04 class.
const schema = JSON.parse(readFileSync(new URL("../schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
// Both are CommonJS with `exports.default`: `.default` types and runs the same under NodeNext and vitest.
const ajv = new ajvDraft04.default({ allErrors: true });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const log = JSON.parse(renderSarif(sampleResult)) as Sarif.Log;
const run = log.runs[0];
const results = run.results!;
const byId = (id: string) => results.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === id)!;

describe("renderSarif schema", () => {
  it.each([["sample", sampleResult], ["inventory", inventoryResult], ["passing", passingResult]])(
    "%s result is valid SARIF 2.1.0",
    (_name, result) => {
      const ok = validate(JSON.parse(renderSarif(result as ScanResult)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it("the validator does reject a broken log", () => {
    const broken = JSON.parse(renderSarif(sampleResult));
    broken.runs[0].results[0].level = "fatal";
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
    const badUri = JSON.parse(renderSarif(sampleResult));
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = "src/a b.ts"; // formats are checked
    expect(validate(badUri)).toBe(false);
  });
});

describe("renderSarif content", () => {
  it("alerts only on violations and unused declarations: declared and inventory findings are not results", () => {
    expect(results.map((r) => r.partialFingerprints![FINGERPRINT_KEY])).toEqual([
      "fp-bind-gps", "fp-legacy-ip", "fp-ping-mac", "fp-profile-email", "fp-evil",
      "unused:sign-up:country", "unused:device-binding:device-serial",
    ]);
    expect(results.some((r) => r.properties?.status === "declared")).toBe(false);
    const inventory = JSON.parse(renderSarif(inventoryResult)) as Sarif.Log;
    expect(inventory.runs[0].results).toEqual([]);
    const passing = JSON.parse(renderSarif(passingResult)) as Sarif.Log;
    expect(passing.runs[0].results).toEqual([]);
  });

  it("has one reporting rule per rule that raised a result, each with its own help and a helpUri", () => {
    const driver = run.tool.driver;
    expect(driver.name).toBe("policytrace");
    expect(driver.version).toBe("0.1.0");
    expect(driver.rules!.map((r) => r.id)).toEqual([
      "custom.legacy-ip", "email.console-log", "email.local-storage", "mac-address.sdk-tag", "precise-location.geolocation",
      UNUSED_RULE_ID,
    ]);
    const rule = driver.rules!.find((r) => r.id === "mac-address.sdk-tag")!;
    expect(rule.shortDescription!.text).toBe("MAC address sent to Sentry.");
    expect(rule.fullDescription!.text).toBe("MAC address sent to Sentry. Data: MAC address (mac-address), sent over the network or to a third-party SDK; confidence medium.");
    expect(rule.help!.text).toContain("list mac-address under `data:` of the activity in privacy-manifest.yml");
    expect(rule.help!.text).toContain("with sentry under `recipients:`");
    expect(rule.helpUri).toMatch(/\/docs\/rules\.md#mac-addresssdk-tag$/);
    const helps = driver.rules!.map((r) => r.help!.text);
    expect(new Set(helps).size).toBe(helps.length);
    for (const r of driver.rules!) {
      expect(r.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\.md#/);
      expect(`${r.shortDescription!.text} ${r.fullDescription!.text}`).not.toMatch(/\.\./);
    }
    expect(driver.rules!.find((r) => r.id === UNUSED_RULE_ID)!.defaultConfiguration!.level).toBe("warning");
  });

  it("uses a rule's matcher summary and example when the scan knows them", () => {
    const withHelp: ScanResult = { ...sampleResult, context: { ...sampleResult.context, rules: sampleResult.context.rules.map((r) =>
      r.id === "precise-location.geolocation" ? { ...r, matches: "It matches calls of global:navigator.geolocation.getCurrentPosition.", example: "navigator.geolocation.getCurrentPosition(cb)" } : r) } };
    const rule = (JSON.parse(renderSarif(withHelp)) as Sarif.Log).runs[0].tool.driver.rules!.find((r) => r.id === "precise-location.geolocation")!;
    expect(rule.fullDescription!.text).toContain("It matches calls of global:navigator.geolocation.getCurrentPosition.");
    expect(rule.help!.markdown).toContain("```ts\nnavigator.geolocation.getCurrentPosition(cb)\n```");
  });

  it("points every result at its rule", () => {
    for (const r of results) expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
  });

  it("violations are errors; accepted ones carry their suppression", () => {
    expect(byId("fp-bind-gps").level).toBe("error");
    expect(byId("fp-profile-email").level).toBe("error");
    expect(byId("fp-profile-email").suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "cached locally, *never* sent | see DPIA-12" }]);
    expect(byId("fp-legacy-ip").suppressions).toEqual([{ kind: "external", status: "accepted", justification: "baseline" }]);
    expect(byId("fp-bind-gps").suppressions).toBeUndefined();
  });

  it("an unused declaration is a warning at the manifest line that declares it", () => {
    const u = byId("unused:device-binding:device-serial");
    expect(u).toMatchObject({ ruleId: UNUSED_RULE_ID, level: "warning",
      locations: [{ physicalLocation: { artifactLocation: { uri: "privacy-manifest.yml", uriBaseId: "%SRCROOT%" }, region: { startLine: 15, startColumn: 27 } } }] });
    expect(u.message.text).toContain('Activity "device-binding" declares Device serial number (device-serial)');
    // No position known (a hand-built manifest view): line 1.
    expect(byId("unused:sign-up:country").locations![0].physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it("locates results relative to %SRCROOT% with line, column and snippet", () => {
    expect(byId("fp-bind-gps")).toEqual({
      ruleId: "precise-location.geolocation",
      ruleIndex: run.tool.driver.rules!.findIndex((r) => r.id === "precise-location.geolocation"),
      level: "error",
      message: { text: "Undeclared collection of Precise location (precise-location): source in bindDevice. " +
        "No activity covering src/device/bind.ts declares precise-location: declare it in privacy-manifest.yml or remove the collection." },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: "src/device/bind.ts", uriBaseId: "%SRCROOT%" },
          region: { startLine: 20, startColumn: 3, snippet: { text: "navigator.geolocation.getCurrentPosition(cb) // a | b `c`" } },
        },
        logicalLocations: [{ name: "bindDevice" }],
      }],
      partialFingerprints: { [FINGERPRINT_KEY]: "fp-bind-gps" },
      properties: { status: "undeclared", violation: "category", category: "precise-location", kind: "source", confidence: "high",
        recipient: null, activities: [] },
    });
    expect(byId("fp-evil").locations![0].physicalLocation!.artifactLocation!.uri)
      .toBe(EVIL_FILE.split("/").map(encodeURIComponent).join("/"));
    expect(byId("fp-ping-mac").message.text).toContain("MAC address (mac-address): transmit, reaching sentry");
  });

  it("a scan of a folder inside a repository gives URIs from the repository root", () => {
    const inRepo: ScanResult = { ...sampleResult, context: { ...sampleResult.context, root: "/home/dev/acme/apps/cam", repoRoot: "/home/dev/acme" } };
    const r = (JSON.parse(renderSarif(inRepo)) as Sarif.Log).runs[0];
    const uri = (x: Sarif.Result) => x.locations![0].physicalLocation!.artifactLocation!.uri;
    expect(uri(r.results!.find((x) => x.partialFingerprints![FINGERPRINT_KEY] === "fp-bind-gps")!)).toBe("apps/cam/src/device/bind.ts");
    expect(uri(r.results!.find((x) => x.ruleId === UNUSED_RULE_ID)!)).toBe("apps/cam/privacy-manifest.yml");
    expect(r.originalUriBaseIds!["%SRCROOT%"].description!.text).toBe("The repository root; policytrace scanned its folder apps/cam/.");
    expect(r.properties!.scannedFolder).toBe("apps/cam");
    const above: ScanResult = { ...inRepo, manifest: "../../privacy-manifest.yml" };
    const r2 = (JSON.parse(renderSarif(above)) as Sarif.Log).runs[0];
    expect(uri(r2.results!.find((x) => x.ruleId === UNUSED_RULE_ID)!)).toBe("privacy-manifest.yml");
    expect(validate(JSON.parse(renderSarif(above)))).toBe(true);
  });

  it("a recipient violation says which third party, and a trace becomes a code flow", () => {
    const traced: ScanResult = { ...sampleResult, findings: sampleResult.findings.map((f) => f.id === "fp-ping-mac"
      ? { ...f, violation: "recipient" as const, trace: [
          { file: "src/device/mac.ts", line: 3, column: 9, note: "mac-address: os.networkInterfaces()" },
          { file: "src/telemetry/ping.ts", line: 4, column: 7, note: "→ Sentry.setTag" }] } : f) };
    const log = JSON.parse(renderSarif(traced)) as Sarif.Log;
    expect(validate(log)).toBe(true);
    const r = log.runs[0].results!.find((x) => x.partialFingerprints![FINGERPRINT_KEY] === "fp-ping-mac")!;
    expect(r.message.text).toContain("reaches the undeclared third party sentry");
    expect(r.properties!.violation).toBe("recipient");
    expect(r.codeFlows).toEqual([{ threadFlows: [{ locations: [
      { location: { physicalLocation: { artifactLocation: { uri: "src/device/mac.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 9 } },
        message: { text: "mac-address: os.networkInterfaces()" } } },
      { location: { physicalLocation: { artifactLocation: { uri: "src/telemetry/ping.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 7 } },
        message: { text: "→ Sentry.setTag" } } },
    ] }] }]);
    expect(byId("fp-bind-gps").codeFlows).toBeUndefined();
  });

  it("reports scan errors as tool notifications and manifest notes as configuration notifications", () => {
    expect(run.invocations![0].toolExecutionNotifications).toEqual([{
      level: "error",
      message: { text: "Unexpected token `|` <b>bold</b>" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "src/broken.ts", uriBaseId: "%SRCROOT%" },
        region: { startLine: 3, startColumn: 7 } } }],
    }]);
    expect(run.invocations![0].startTimeUtc).toBe("2024-05-01T10:00:00.000Z");
    const noted: ScanResult = { ...sampleResult, context: { ...sampleResult.context, notes: [
      { level: "warning", file: "privacy-manifest.yml", line: 9, column: 12, message: 'code glob "scrpts/**" of activity "x" matches no scanned file', hint: 'Did you mean "scripts/**"?' }] } };
    const log = JSON.parse(renderSarif(noted)) as Sarif.Log;
    expect(validate(log)).toBe(true);
    expect(log.runs[0].invocations![0].toolConfigurationNotifications).toEqual([{ level: "warning",
      message: { text: 'code glob "scrpts/**" of activity "x" matches no scanned file — Did you mean "scripts/**"?' },
      locations: [{ physicalLocation: { artifactLocation: { uri: "privacy-manifest.yml", uriBaseId: "%SRCROOT%" }, region: { startLine: 9, startColumn: 12 } } }] }]);
  });
});

describe("renderSarif determinism", () => {
  it("gives identical bytes for the same input, whatever the input order, without the duration", () => {
    const text = renderSarif(sampleResult);
    const shuffled: ScanResult = {
      ...sampleResult,
      findings: [...sampleResult.findings].reverse(),
      errors: [...sampleResult.errors].reverse(),
      summary: { ...sampleResult.summary, durationMs: 99999 },
      context: { ...sampleResult.context, rules: [...sampleResult.context.rules].reverse() },
    };
    expect(renderSarif(sampleResult)).toBe(text);
    expect(renderSarif(shuffled)).toBe(text);
    expect(text).not.toContain("durationMs");
  });
});
