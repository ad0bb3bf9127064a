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

describe("a warehouse's and a sales area's place are the business's", () => {
  it("a stock location's address, country and phone, a tax region's and a geo zone's country are no one's; an order's shipping address is the customer's", () => {
    const src = [
      "interface StockLocationAddressDTO {",
      "  address_1: string;",
      "  country_code: string;",
      "  phone?: string | null;",
      "}",
      "interface TaxRegionDTO {",
      "  country_code: string;",
      "}",
      "interface GeoZoneDTO {",
      "  country_code: string;",
      "}",
      "interface OrderAddressDTO {",
      "  address_1?: string;",
      "  country_code?: string;",
      "  phone?: string;",
      "}",
      "interface TaxCalculationContext {",
      "  address: { country_code: string; postal_code?: string };",
      "}",
    ].join("\n");
    expect(found(src)).toEqual([
      "sample.ts 13 postal-address schema",
      "sample.ts 14 country schema",
      "sample.ts 15 phone schema",
      "sample.ts 18 country schema",
      "sample.ts 18 postal-address schema",
    ]);
  });

  it("a warehouse's model columns are not stored personal data; a customer address's are", () => {
    const src = [
      "import { Entity, Property } from '@mikro-orm/core';",
      "@Entity()",
      "export class StockLocationAddress {",
      "  @Property({ columnType: 'text' })",
      "  country_code: string;",
      "  @Property({ columnType: 'text', nullable: true })",
      "  phone: string | null;",
      "}",
      "@Entity()",
      "export class CustomerAddress {",
      "  @Property({ columnType: 'text', nullable: true })",
      "  phone: string | null = null;",
      "}",
    ].join("\n");
    expect(found(src).filter((f) => f.endsWith("store"))).toEqual(["sample.ts 11 phone store"]);
  });
});

describe("an address's row key is no address", () => {
  it("shipping_address_id references a row; shipping_address holds the address", () => {
    const src = [
      "interface CreateCartDTO {",
      "  shipping_address_id?: string;",
      "  billing_address_id?: string;",
      "  shipping_address?: CreateAddressDTO;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 4 postal-address schema"]);
  });
});

describe("a shipping profile is a shop's delivery rule", () => {
  it("its name names no one; a user profile's name and a shipping address's name do", () => {
    const src = [
      "interface ShippingProfileDTO {",
      "  id: string;",
      "  name: string;",
      "}",
      "interface UserProfileDTO {",
      "  name: string;",
      "}",
      "interface ShippingDetails {",
      "  name: string;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 6 name schema", "sample.ts 9 name schema"]);
  });

  it("a shipping profile form's name field is the profile's; a profile form's is the person's", () => {
    const src = [
      "export const CreateShippingProfileForm = () => <Form.Field control={form.control} name=\"name\" render={() => null} />;",
      "export const EditProfileForm = () => <Form.Field control={form.control} name=\"name\" render={() => null} />;",
    ].join("\n");
    expect(found(src, "form.tsx")).toEqual(["form.tsx 2 name input"]);
  });
});

describe("an address names its recipient", () => {
  it("a shipping address's first and last name are a person's; a place's address's bare name is not", () => {
    const src = [
      "interface OrderAddressDTO {",
      "  first_name?: string;",
      "  last_name?: string;",
      "  address_1?: string;",
      "}",
      "interface VenueAddress {",
      "  name: string;",
      "  street: string;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual([
      "sample.ts 2 name schema",
      "sample.ts 3 name schema",
      "sample.ts 4 postal-address schema",
      "sample.ts 8 postal-address schema",
    ]);
  });
});
