import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, renderGithubAnnotations } from "../../src/report/github.js";
import type { ScanResult } from "../../src/types.js";
import { inventoryResult, passingResult, sampleResult } from "./sample-result.js";

const out = renderGithubAnnotations(sampleResult);
const lines = out.split("\n");

describe("renderGithubAnnotations", () => {
  it("emits one ::error line per undeclared finding, sorted by location", () => {
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1)).toHaveLength(3);
    expect(lines[0]).toBe(
      "::error file=src/device/bind.ts,line=20,col=3,title=Undeclared personal data%3A Precise location (precise-location)::" +
      "source of Precise location (precise-location) is not declared by any activity covering this file: " +
      "declare it in privacy-manifest.yml or remove the collection." +
      "%0AEvidence: navigator.geolocation.getCurrentPosition(cb) // a | b `c`%0ARule: precise-location.geolocation");
    expect(lines[1]).toMatch(/^::error file=src\/telemetry\/ping\.ts,line=4,col=7,title=[^:]*::transmit of MAC address \(mac-address\) .*\(reaches sentry\)/);
    expect(lines[2]).toMatch(/^::error file=src\/weird\|name `x` <img src=x onerror=alert\(1\)>\.ts,line=7,col=2,/);
  });

  it("keeps a multi-line evidence inside its one command", () => {
    expect(lines[2]).toContain("%0AEvidence: console.log(user.email) | `boom` <img src=x onerror=alert(1)> [x](javascript:alert(1))%0ARule:");
  });

  it("escapes properties so a file name cannot end or add one", () => {
    const evil: ScanResult = {
      ...sampleResult,
      findings: [{ ...sampleResult.findings.find((f) => f.status === "undeclared")!,
        file: "src/a,b:c%d\ne.ts", evidence: "100%\r\n::error::injected" }],
    };
    const [line] = renderGithubAnnotations(evil).split("\n");
    expect(line.startsWith("::error file=src/a%2Cb%3Ac%25d%0Ae.ts,line=")).toBe(true);
    // Whitespace runs collapse to one space, so the injected command stays mid-line, where the runner ignores it.
    expect(line).toContain("Evidence: 100%25 ::error::injected%0ARule:");
    expect(renderGithubAnnotations(evil).split("\n")).toHaveLength(2);
  });

  it("prepends pathPrefix to make files repository-relative", () => {
    for (const prefix of ["apps/cam", "apps/cam/", "./apps/cam"]) {
      expect(renderGithubAnnotations(sampleResult, { pathPrefix: prefix })).toContain("::error file=apps/cam/src/device/bind.ts,line=20,");
    }
    expect(renderGithubAnnotations(sampleResult, { pathPrefix: "" })).toBe(out);
  });

  it("says nothing when nothing is undeclared", () => {
    expect(renderGithubAnnotations(passingResult)).toBe("");
    expect(renderGithubAnnotations(inventoryResult)).toBe("");
  });

  it("is deterministic whatever the input order", () => {
    expect(renderGithubAnnotations({ ...sampleResult, findings: [...sampleResult.findings].reverse() })).toBe(out);
  });
});

describe("workflow command escaping", () => {
  it("follows GitHub's escapeData and escapeProperty", () => {
    expect(escapeData("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad:e,f");
    expect(escapeProperty("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad%3Ae%2Cf");
  });
});

describe("recipient violations and traces in annotations", () => {
  it("names the undeclared third party and where the value came from", async () => {
    const { renderGithubAnnotations } = await import("../../src/report/github.js");
    const { sampleResult } = await import("./sample-result.js");
    const result = { ...sampleResult, findings: sampleResult.findings.map((f) => f.id === "fp-ping-mac"
      ? { ...f, violation: "recipient" as const, trace: [{ file: "src/device/mac.ts", line: 3, column: 9, note: "os.networkInterfaces()" },
          { file: f.file, line: f.line, column: f.column, note: "→ Sentry.setTag" }] } : f) };
    const line = renderGithubAnnotations(result, { pathPrefix: "apps/cam" }).split("\n").find((l) => l.includes("ping.ts"))!;
    expect(line).toContain("title=Personal data reaches an undeclared third party%3A MAC address (mac-address)");
    expect(line).toContain("reaches the undeclared third party sentry");
    expect(line).toContain("%0AFrom: apps/cam/src/device/mac.ts:3 (os.networkInterfaces())");
    const other = renderGithubAnnotations(result).split("\n").find((l) => l.includes("bind.ts"))!;
    expect(other).toContain("title=Undeclared personal data%3A");
    expect(other).not.toContain("From:");
  });
});
