// SPEC §4 recipients: a declared finding that reaches a third party no declaring activity
// lists is undeclared with violation "recipient"; first-party hosts and null are never checked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadManifest } from "../../src/config/load-manifest.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { builtinCatalogue } from "../../src/recipients/catalogue.js";
import { scan } from "../../src/run.js";
import type { Finding } from "../../src/types.js";

const taxonomy = loadTaxonomy();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policytrace-recipients-"));
  dirs.push(dir);
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  return dir;
}

const manifestText = (recipients: string[] | null, activityRecipients: string[], firstParty?: string) =>
  [
    "version: 1",
    ...(firstParty ? ["firstParty:", `  hosts: [${firstParty}]`] : []),
    ...(recipients ? ["recipients:", ...(recipients.length ? recipients : ["  []"])] : []),
    "activities:",
    "  - id: support",
    "    data: [email, diagnostics]",
    "    purposes: [customer-support]",
    "    basis: contract",
    `    recipients: [${activityRecipients.join(", ")}]`,
  ].join("\n") + "\n";

function evaluated(recipient: string | null, text: string): Finding {
  const dir = tree({ "privacy-manifest.yml": text });
  const manifest = loadManifest(join(dir, "privacy-manifest.yml"), taxonomy, "privacy-manifest.yml");
  manifest.checkRecipients(builtinCatalogue().map((r) => r.id));
  const f: Finding = { id: "", file: "src/a.ts", line: 1, column: 1, category: "email", kind: "transmit", rule: "x", confidence: "high", evidence: "", symbol: null, recipient, status: "unchecked", activities: [] };
  evaluate([f], manifest, dir, taxonomy, builtinCatalogue());
  return f;
}

describe("recipient checks in evaluate", () => {
  it("a catalogue id declared and listed by the activity is declared", () => {
    const f = evaluated("sentry", manifestText(["  - id: sentry"], ["sentry"]));
    expect([f.status, f.violation]).toEqual(["declared", undefined]);
  });
  it("a third party the declaring activity does not list is undeclared for its recipient", () => {
    const f = evaluated("mixpanel", manifestText(["  - id: sentry"], ["sentry"]));
    expect([f.status, f.violation, f.activities]).toEqual(["undeclared", "recipient", ["support"]]);
  });
  it("an entry stands for the SDKs it names and the hosts it lists (and the catalogue vendors on them)", () => {
    const m = manifestText(["  - id: errors", "    sdks: [sentry]", "  - id: mailer", '    hosts: ["*.mailer.example"]', "  - id: pay", '    hosts: ["*.stripe.com"]'], ["errors", "mailer", "pay"]);
    expect(evaluated("sentry", m).status).toBe("declared");
    expect(evaluated("eu.mailer.example", m).status).toBe("declared");
    expect(evaluated("stripe", m).status).toBe("declared");
    expect(evaluated("api.other.example", m).violation).toBe("recipient");
  });
  it("first-party hosts and unknown (null) recipients are not third parties", () => {
    const m = manifestText(["  - id: sentry"], ["sentry"], '"*.myapp.com"');
    expect(evaluated("api.myapp.com", m).status).toBe("declared");
    expect(evaluated(null, m).status).toBe("declared");
  });
  it("without a recipients list, recipients are not checked", () => {
    const f = evaluated("mixpanel", manifestText(null, []));
    expect([f.status, f.violation]).toEqual(["declared", undefined]);
  });
  it("a missing category stays a category violation", () => {
    const f = evaluated("sentry", manifestText(["  - id: sentry"], ["sentry"]).replace("data: [email, diagnostics]", "data: [diagnostics]"));
    expect([f.status, f.violation]).toEqual(["undeclared", "category"]);
  });
});

describe("manifest recipients are checked against the catalogue", () => {
  const error = (text: string) => {
    const dir = tree({ "privacy-manifest.yml": text });
    try {
      loadManifest(join(dir, "privacy-manifest.yml"), taxonomy, "privacy-manifest.yml").checkRecipients(builtinCatalogue().map((r) => r.id));
    } catch (e) {
      return (e as { format(): string }).format();
    }
    return "no error";
  };
  it("an id that misspells a catalogue id and says no hosts or sdks gets a did-you-mean at its line and column", () => {
    expect(error(manifestText(["  - id: mixpanle"], []))).toBe(
      'privacy-manifest.yml:3:9: recipient "mixpanle" is not in the recipients catalogue\n' +
        '  Did you mean "mixpanel"? Or, if it is another party, say how the code reaches it: hosts: [api.example.com] or sdks: [<catalogue id>] (`policytrace recipients` lists the ids).',
    );
  });
  it("any other id stands for itself, as in the SPEC's example (aws is not a near miss of apns)", () => {
    expect(error(manifestText(["  - id: aws", "    name: Amazon Web Services", "  - id: hotline-partner"], []))).toBe("no error");
  });
  it("an unknown SDK id is named with a suggestion", () => {
    expect(error(manifestText(["  - id: crash", "    sdks: [sentri]"], []))).toBe('privacy-manifest.yml:4:12: unknown SDK "sentri" in recipient "crash"\n  Did you mean "sentry"?');
  });
  it("a host with a scheme or path is refused", () => {
    expect(error(manifestText(["  - id: crash", '    hosts: ["https://sentry.io/api"]'], []))).toMatch(/^privacy-manifest\.yml:4:13: recipients\[0\] \("crash"\)\.hosts\[0\] has the value "https:\/\/sentry\.io\/api", which is not a host name\n  Write a lower-case host/);
  });
  it("hosts: [] declares a recipient the code never reaches directly", () => {
    expect(error(manifestText(["  - id: hotline", "    hosts: []"], []))).toBe("no error");
  });
});

describe("end to end", () => {
  it("an SDK call reaching an undisclosed vendor fails the scan with violation recipient", async () => {
    const dir = tree({
      "a.ts": "import * as Sentry from '@sentry/node';\nexport function who(user: { email: string }) { Sentry.setUser({ email: user.email }); }\n",
      "privacy-manifest.yml": manifestText(["  - id: aws", '    hosts: ["*.amazonaws.com"]'], ["aws"]),
    });
    const result = await scan({ dir });
    const f = result.findings.find((x) => x.category === "email" && x.kind === "transmit")!;
    expect([f.recipient, f.status, f.violation, f.rule]).toEqual(["sentry", "undeclared", "recipient", "sdk.sentry.data"]);
  });
});
