import { readFileSync } from "node:fs";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY, renderSarif } from "../../src/report/sarif.js";
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
  it("describes the tool with one reporting rule per detection rule, sorted", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    const driver = run.tool.driver;
    expect(driver.name).toBe("policytrace");
    expect(driver.version).toBe("0.1.0");
    const ids = driver.rules!.map((r) => r.id);
    // Every context rule, plus one made up for the finding whose rule is not in context.rules.
    expect(ids).toEqual([...sampleResult.context.rules.map((r) => r.id), "custom.legacy-ip"].sort());
    const rule = driver.rules!.find((r) => r.id === "mac-address.sdk-tag")!;
    expect(rule.shortDescription!.text).toBe("MAC address sent to Sentry");
    expect(rule.fullDescription!.text).toBe(
      "MAC address sent to Sentry. Personal data category: MAC address (mac-address); kind: transmit; confidence: medium.");
    expect(rule.help!.text).toContain("declare mac-address in privacy-manifest.yml");
    expect(rule.help!.text).toContain("otherwise remove the collection");
    expect(rule.properties).toMatchObject({ category: "mac-address", kind: "transmit", recipient: "sentry" });
  });

  it("points every result at its rule", () => {
    for (const r of results) expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
  });

  it("sets level by status and records suppressions", () => {
    expect(byId("fp-bind-gps").level).toBe("error");
    expect(byId("fp-signup-email").level).toBe("note");
    expect(byId("fp-profile-email").level).toBe("note");
    expect(byId("fp-profile-email").suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "cached locally, *never* sent | see DPIA-12" }]);
    expect(byId("fp-legacy-ip").suppressions).toEqual([{ kind: "external", status: "accepted", justification: "baseline" }]);
    expect(byId("fp-bind-gps").suppressions).toBeUndefined();
    const inventory = JSON.parse(renderSarif(inventoryResult)) as Sarif.Log;
    expect(new Set(inventory.runs[0].results!.map((r) => r.level))).toEqual(new Set(["warning"]));
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
      partialFingerprints: { "policytraceFingerprint/v1": "fp-bind-gps" },
      properties: { status: "undeclared", category: "precise-location", kind: "source", confidence: "high",
        recipient: null, activities: [] },
    });
    expect(byId("fp-evil").locations![0].physicalLocation!.artifactLocation!.uri)
      .toBe(EVIL_FILE.split("/").map(encodeURIComponent).join("/"));
    expect(byId("fp-ping-mac").message.text).toContain("MAC address (mac-address): transmit, reaching sentry");
    expect(byId("fp-ga-device-id").properties).toMatchObject({ recipient: "google-analytics", activities: ["analytics"] });
  });

  it("sorts results by location", () => {
    const keys = results.map((r) => {
      const p = r.locations![0].physicalLocation!;
      return [p.artifactLocation!.uri!, p.region!.startLine!, p.region!.startColumn!] as const;
    });
    expect(keys.slice(0, 3)).toEqual([["src/account/signup.ts", 12, 5], ["src/account/signup.ts", 12, 5], ["src/account/signup.ts", 30, 3]]);
    expect(results.slice(0, 2).map((r) => r.properties!.category)).toEqual(["email", "phone"]);
    expect(results.map((r) => r.partialFingerprints![FINGERPRINT_KEY])).toEqual([
      "fp-signup-email", "fp-signup-phone", "fp-signup-password", "fp-ga-device-id", "fp-bind-mac", "fp-bind-gps",
      "fp-legacy-ip", "fp-ping-mac", "fp-profile-email", "fp-evil",
    ]);
  });

  it("reports scan errors as tool notifications", () => {
    expect(run.invocations![0].toolExecutionNotifications).toEqual([{
      level: "error",
      message: { text: "Unexpected token `|` <b>bold</b>" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "src/broken.ts", uriBaseId: "%SRCROOT%" },
        region: { startLine: 3, startColumn: 7 } } }],
    }]);
    expect(run.invocations![0].startTimeUtc).toBe("2024-05-01T10:00:00.000Z");
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
