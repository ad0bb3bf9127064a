// False-positive patterns seen on an e-commerce platform (medusa): a catalogue's, a warehouse's or a
// tax region's fields look like a customer's. Each look-alike sits beside a real customer's field in
// one file, asserting the exact line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string, file = "sample.ts") => scanText(file, src, rules).map((f) => `${f.file} ${f.line} ${f.category} ${f.kind}`);

describe("a product's country of origin is where it was made", () => {
  it("origin_country of a variant is customs data; a customer address's country_code is the customer's", () => {
    const src = [
      "interface ProductVariantDTO {",
      "  hs_code: string | null;",
      "  origin_country: string | null;",
      "}",
      "interface CustomerAddressDTO {",
      "  country_code: string | null;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 6 country schema"]);
  });
});
