// docs/rules.md is the help every SARIF rule links to: each rule has its section, and no
// section is left for a rule that is gone (ESLint's build fails the same way).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { REPORT_RULES, renderRulesReference } from "../../src/report/rules-reference.js";
import { describeMatcher, ruleAnchor, ruleHelpUri, sentence } from "../../src/report/rule-help.js";

const doc = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
const taxonomy = loadTaxonomy();
const set = loadRuleSet(taxonomy);
const headings = (text: string) => [...text.matchAll(/^### (.+)$/gm)].map((m) => m[1]);

describe("docs/rules.md", () => {
  it("has one section per built-in rule and per report rule, and none for a rule that does not exist", () => {
    const want = [...set.rules.map((r) => r.id), ...REPORT_RULES.map((r) => r.id)].sort();
    // If this fails: run `npm run docs:rules` and commit docs/rules.md.
    expect(headings(doc).sort()).toEqual(want);
  });

  it("is what the generator writes from the rules (run `npm run docs:rules` after changing them)", () => {
    expect(headings(renderRulesReference(set, taxonomy))).toEqual(headings(doc));
  });

  it("names each rule's category, kind and samples", () => {
    const fetch = doc.slice(doc.indexOf("### net.fetch"), doc.indexOf("###", doc.indexOf("### net.fetch") + 4));
    expect(fetch).toContain("Personal data in a fetch() request (URL query, body or headers).");
    expect(fetch).toContain("- **Kind:** transmit · **confidence:** high");
    expect(fetch).toContain("- **Matches:** calls of global:fetch");
    expect(fetch).toContain("- **Not found in:** `fetch('/api/templates'");
    expect(doc).not.toMatch(/[^.]\.\.\s/); // no "..": descriptions that end in a full stop get no second one
  });
});

describe("rule help helpers", () => {
  it("anchors like GitHub headings and links into the reference", () => {
    expect(ruleAnchor("net.fetch")).toBe("netfetch");
    expect(ruleAnchor("policytrace.unused-declaration")).toBe("policytraceunused-declaration");
    expect(ruleHelpUri("net.fetch")).toMatch(/\/blob\/main\/docs\/rules\.md#netfetch$/);
  });

  it("sentence ends in exactly one full stop; describeMatcher says what a matcher looks at", () => {
    expect(sentence("Data sent.")).toBe("Data sent.");
    expect(sentence("Data sent")).toBe("Data sent.");
    expect(sentence("")).toBe("");
    const rule = set.rules.find((r) => r.id === "net.http-client")!;
    expect(describeMatcher(rule)).toMatch(/^It matches \.get\(\), \.post\(\).* on a client object\. The category comes from the personal names/);
  });
});
