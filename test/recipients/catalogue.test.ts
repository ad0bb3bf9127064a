// The recipients catalogue (rules/recipients/): its shape, its hosts, and the rules it holds.
// Each entry's rule samples run in test/rules.test.ts with every other rule.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { builtinCatalogue, recipientForHost } from "../../src/recipients/catalogue.js";
import { hostIndex, hostMatches } from "../../src/recipients/hosts.js";
import { resolveRecipients } from "../../src/recipients/resolve-recipients.js";
import type { Finding } from "../../src/types.js";

const catalogue = builtinCatalogue();
const rules = new Map(loadRuleSet(loadTaxonomy()).rules.map((r) => [r.id, r]));

describe("the catalogue", () => {
  it("holds at least 80 SDKs and APIs across the families the issue names", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(80);
    const families = new Set(catalogue.map((r) => r.family));
    for (const f of ["analytics", "product-analytics", "crash-reporting", "attribution", "ads", "messaging", "support-chat", "email-sms", "payments", "auth", "maps", "search", "ai"]) {
      expect(families, f).toContain(f);
    }
  });

  it.each(catalogue.map((r) => [r.id, r] as const))("%s: its rules carry its id, and its hosts resolve to it", (id, r) => {
    expect(r.rules.length + r.hosts.length).toBeGreaterThan(0);
    expect(r.docs).toMatch(/^https:\/\//);
    for (const ruleId of r.rules) {
      expect(ruleId.startsWith(`sdk.${id}.`)).toBe(true);
      expect(rules.get(ruleId)?.recipient).toBe(id);
      expect(rules.get(ruleId)?.kind).toBe("transmit");
    }
    for (const h of r.hosts) expect(recipientForHost(h.startsWith("*.") ? `eu1${h.slice(1)}` : h), h).toBe(id);
  });

  it("leaves no third-party SDK rule outside it: rules naming a recipient are generated from an entry", () => {
    const ids = new Set(catalogue.map((r) => r.id));
    const stray = [...rules.values()].filter((r) => r.recipient && !ids.has(r.recipient)).map((r) => r.id);
    expect(stray).toEqual([]);
  });
});

describe("recipientForHost", () => {
  it.each([
    ["o4505.ingest.sentry.io", "sentry"],
    ["o4505.ingest.us.sentry.io", "sentry"],
    ["API.Segment.io", "segment"],
    ["api.stripe.com:443", "stripe"],
    ["fcm.googleapis.com", "firebase-messaging"],
    ["maps.googleapis.com", "google-maps"],
    ["generativelanguage.googleapis.com", "google-gemini"],
    ["my-deployment.openai.azure.com", "azure-openai"],
    ["api.openai.com", "openai"],
    ["nominatim.openstreetmap.org", "nominatim"],
    ["eu.i.posthog.com", "posthog"],
  ])("%s → %s", (host, id) => expect(recipientForHost(host)).toBe(id));

  it.each(["googleapis.com", "www.googleapis.com", "example.com", "sentry.io.evil.com", "notsentry.io", "localhost"])("%s → null", (host) => {
    expect(recipientForHost(host)).toBeNull();
  });
});

describe("host patterns", () => {
  it("a wildcard covers every subdomain, at any depth, but not the domain itself", () => {
    expect(hostMatches("*.stripe.com", "api.stripe.com")).toBe(true);
    expect(hostMatches("*.stripe.com", "a.b.stripe.com")).toBe(true);
    expect(hostMatches("*.stripe.com", "stripe.com")).toBe(false);
    expect(hostMatches("*.stripe.com", "evilstripe.com")).toBe(false);
  });

  it("the most specific pattern wins", () => {
    const lookup = hostIndex([{ id: "wide", hosts: ["*.example.com"] }, { id: "narrow", hosts: ["*.eu.example.com"] }, { id: "exact", hosts: ["api.eu.example.com"] }]);
    expect(lookup("x.example.com")).toBe("wide");
    expect(lookup("x.eu.example.com")).toBe("narrow");
    expect(lookup("api.eu.example.com")).toBe("exact");
  });
});

describe("the recipients stage after detection", () => {
  const finding = (recipient: string | null): Finding => ({
    id: "", file: "a.ts", line: 1, column: 1, category: "email", kind: "transmit", rule: "net.fetch", confidence: "high",
    evidence: "fetch(url)", symbol: null, recipient, status: "unchecked", activities: [],
  });
  it("replaces a catalogue host with its vendor id and leaves other recipients alone", () => {
    const findings = [finding("api.segment.io"), finding("api.example.com"), finding("stripe"), finding(null)];
    resolveRecipients(findings, catalogue);
    expect(findings.map((f) => f.recipient)).toEqual(["segment", "api.example.com", "stripe", null]);
  });
});
