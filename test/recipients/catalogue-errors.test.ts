// A catalogue file in a user's rule folder is validated like the built-in ones: every
// mistake stops the run with file:line:column and what to change.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { ConfigError } from "../../src/config/config-error.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function load(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "policytrace-catalogue-"));
  dirs.push(dir);
  writeFileSync(join(dir, "crm.yml"), text);
  return loadRuleSet(loadTaxonomy(), [dir], dir);
}

function error(text: string): string {
  try {
    load(text);
  } catch (e) {
    if (e instanceof ConfigError) return e.format();
    throw e;
  }
  return "no error";
}

const entry = (...lines: string[]) =>
  ["family: CRM", "recipients:", "  - id: acme-crm", "    name: Acme CRM", "    docs: https://acme.example/docs", "    packages: { acme-crm: node }", ...lines].join("\n") + "\n";
const rule = (...lines: string[]) => ["    rules:", "      - id: data", "        category: names", ...lines, "        tests: { positive: [x], negative: [y] }"];

describe("user catalogue files", () => {
  it("load as recipients whose rules carry the entry's id", () => {
    const set = load(entry('    hosts: ["*.acme.example"]', ...rule('        api: ["acme-crm:Client().contacts.create"]')));
    expect(set.recipients.map((r) => [r.id, r.family, r.hosts])).toContainEqual(["acme-crm", "crm", ["*.acme.example"]]);
    expect(set.rules.find((r) => r.id === "sdk.acme-crm.data")).toMatchObject({ recipient: "acme-crm", kind: "transmit", confidence: "high" });
  });
  it("an api of a package the entry does not list", () => {
    expect(error(entry(...rule('        api: ["acme-sdk:track"]')))).toBe(
      'crm.yml:10:15: rule "sdk.acme-crm.data": api "acme-sdk:track" names the package "acme-sdk", which "acme-crm" does not list\n' +
        '  Add "acme-sdk" under packages: with its platform (browser, react-native, node, any), or fix the module name.',
    );
  });
  it("a host another vendor already answers on", () => {
    expect(error(entry('    hosts: ["api.stripe.com", "*.stripe.com"]'))).toBe('crm.yml:7:31: host "*.stripe.com" of "acme-crm" already belongs to "stripe"\n  A host names one recipient; remove it from one of them.');
  });
  it("an id the built-in catalogue has", () => {
    expect(error(entry('    hosts: ["x.acme.example"]').replace("id: acme-crm", "id: sentry"))).toMatch(/^crm\.yml:3:9: duplicate recipient id "sentry" \(first defined in .*crash-reporting\.yml\)/);
  });
  it("a recipient written inside a catalogue rule", () => {
    expect(error(entry(...rule('        api: ["acme-crm:track"]', "        recipient: acme-crm")))).toMatch(/^crm\.yml:11:9: unknown key "recipient" in recipients\[0\] \("acme-crm"\)\.rules\[0\] \("data"\)/);
  });
  it("a URL where a host belongs", () => {
    expect(error(entry('    hosts: ["https://acme.example"]'))).toMatch(/^crm\.yml:7:13: .*which is not a host name\n  Write a lower-case host without scheme or path/);
  });
  it("an entry with neither rules nor hosts", () => {
    expect(error(entry())).toBe('crm.yml:3:9: recipient "acme-crm" has neither rules nor hosts\n  Add the SDK calls that send data (rules:) or the API hosts it answers on (hosts:).');
  });
  it("recipients without a family", () => {
    expect(error(entry('    hosts: ["x.acme.example"]').replace("family: CRM\n", ""))).toMatch(/^crm\.yml:1:1: rule file is missing the required key "family"/);
  });
});
