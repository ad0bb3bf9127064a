// The mapping tables under rules/labels/ are data: every category maps to a type each label
// knows, every value they name exists in the label's own list, and the purpose vocabulary's
// positive and look-alike negative samples hold.

import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { fidesKey } from "../../src/labels/export-fides.js";
import { labelTables } from "../../src/labels/label-tables.js";
import { purposeEntries } from "../../src/labels/label-purposes.js";

const t = labelTables();
const categories = loadTaxonomy().categories;

describe("label tables", () => {
  it.each(categories.map((c) => c.id))("%s maps to an Apple type, a Play type and a fideslang key", (id) => {
    expect(t.apple.types).toContain(t.apple.categories[id]?.type);
    expect(t.play.types.map(([x]) => x)).toContain(t.play.categories[id]?.type);
    const key = fidesKey(id, categories);
    expect(key.key).toMatch(/^user(\.[a-z_]+)*$/);
    // A category with a fideslang key of its own has no "nearest" entry, and the other way round.
    expect(Boolean(key.note)).toBe(categories.find((c) => c.id === id)!.fideslang === null);
  });

  it("names no category the catalogue does not have", () => {
    const ids = new Set(categories.map((c) => c.id));
    for (const table of [t.apple.categories, t.play.categories, t.fides.nearest]) for (const id of Object.keys(table)) expect(ids).toContain(id);
  });

  it("purposes name only values of each label's own list", () => {
    const play = t.play.purposes.map(([id]) => id);
    for (const e of [t.purposes.default, ...t.purposes.entries]) {
      for (const p of e.apple) expect(t.apple.purposes).toContain(p);
      for (const p of e.play) expect(play).toContain(p);
      expect(t.fides.dataUses).toContain(e.fides);
    }
    for (const s of t.fides.defaultSubjects) expect(t.fides.dataSubjects).toContain(s);
    expect(Object.values(t.fides.legalBasis).sort()).toEqual(["Consent", "Contract", "Legal obligations", "Legitimate interests"]);
  });

  it("has no duplicate type, purpose or template row", () => {
    const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dupes(t.apple.types)).toEqual([]);
    expect(dupes(t.play.types.map(([id]) => id))).toEqual([]);
    expect(dupes(t.play.questions.map(([q, r]) => `${q}|${r}`))).toEqual([]);
    expect(dupes(t.purposes.entries.map((e) => e.id))).toEqual([]);
  });
});

describe("manifest purposes → label purposes (rules/labels/purposes.yml samples)", () => {
  it.each(Object.entries(t.purposes.tests))("%s → %j", (purpose, expected) => {
    expect(purposeEntries(purpose).map((e) => e.id)).toEqual(expected);
  });

  it("has positive and look-alike negative samples", () => {
    const samples = Object.values(t.purposes.tests);
    expect(samples.filter((s) => s.length > 0).length).toBeGreaterThan(5);
    expect(samples.filter((s) => s.length === 0).length).toBeGreaterThan(5);
  });
});
