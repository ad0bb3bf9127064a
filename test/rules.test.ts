// Every rule's own samples, RuleTester-style: each positive must produce the rule's finding,
// each negative must not. Name rules are checked by category through the sinks that use them.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../src/config/categories.js";
import { loadRuleSet } from "../src/config/rules-loader.js";
import { compileRules } from "../src/detect/compiled-rules.js";
import { scanText } from "../src/detect/scan-text.js";

const set = loadRuleSet(loadTaxonomy());
const rules = compileRules(set);

describe("every built-in rule has fixtures", () => {
  it.each(set.rules.map((r) => [r.id, r] as const))("%s has positive and negative samples", (_id, rule) => {
    expect(rule.tests?.positive?.length ?? 0).toBeGreaterThan(0);
    expect(rule.tests?.negative?.length ?? 0).toBeGreaterThan(0);
    const all = [...(rule.tests?.positive ?? []), ...(rule.tests?.negative ?? [])];
    expect(new Set(all).size).toBe(all.length);
  });
});

for (const rule of set.rules) {
  describe(rule.id, () => {
    // A Prisma rule's samples are schemas, the rest are TypeScript.
    const sampleFile = rule.syntax?.includes("prisma-field") ? "schema.prisma" : "sample.tsx";
    const matches = (f: { rule: string; category: string; trace?: { note: string }[] }) => {
      if (rule.kind === "name") return f.category === rule.category;
      // Sources read only for what is sent: the finding is the sink's, and the trace names the source.
      if (rule.onlyWhenSent) return f.category === rule.category && (f.trace ?? []).some((s) => s.note.includes(rule.id));
      if (rule.category === "names" || rule.jsx?.values) return f.rule === rule.id;
      return f.rule === rule.id && (f.category === rule.category || (rule.refine ?? []).some((r) => r.category === f.category));
    };
    for (const [i, src] of (rule.tests?.positive ?? []).entries()) {
      it(`positive #${i + 1}`, () => {
        const found = scanText(sampleFile, src, rules);
        expect(found.filter(matches), `expected a finding of ${rule.id} in:\n${src}\ngot: ${JSON.stringify(found.map((f) => [f.rule, f.category]))}`).not.toHaveLength(0);
      });
    }
    for (const [i, src] of (rule.tests?.negative ?? []).entries()) {
      it(`negative #${i + 1}`, () => {
        const found = scanText(sampleFile, src, rules);
        expect(found.filter(matches), `unexpected finding of ${rule.id} in:\n${src}`).toEqual([]);
      });
    }
  });
}
