// False-positive patterns judged on a headless CMS (payload) and a project tracker (plane): a
// generated field-selection type, a bundled script, a project's metadata and a UI setting look like
// a person's data. Each look-alike sits beside a real one, asserting the exact line, category and kind.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string, file = "sample.ts") => scanText(file, src, rules).map((f) => `${f.file} ${f.line} ${f.category} ${f.kind}`);

describe("a field-selection type says which fields to fetch, not what they hold", () => {
  it("UsersSelect<T extends boolean> fields are flags; the User type's fields are the data", () => {
    const src = [
      "export interface User {",
      "  email: string;",
      "  billingAddress?: { postalCode?: string | null };",
      "}",
      "export interface UsersSelect<T extends boolean = true> {",
      "  email?: T;",
      "  phone?: true;",
      "  billingAddress?:",
      "    | T",
      "    | {",
      "        postalCode?: T;",
      "      };",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 2 email schema", "sample.ts 3 postal-address schema"]);
  });

  it("a type parameter bounded by something other than a flag still types data", () => {
    const src = [
      "export interface Contact<T extends string = string> {",
      "  email?: T;",
      "}",
      "export interface Shipping<T extends boolean> {",
      "  address?: T | { line1: string };",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 2 email schema", "sample.ts 5 postal-address schema"]);
  });
});

describe("a project's cover image is its banner, a user's is theirs", () => {
  it("IProject.cover_image and a workspace's are no one's; IUser.cover_image is kept", () => {
    const src = [
      "export interface IProject {",
      "  name: string;",
      "  cover_image?: string;",
      "}",
      "export interface IWorkspace {",
      "  cover_image_url?: string | null;",
      "}",
      "export interface IUser {",
      "  cover_image?: string | null;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts 9 image schema"]);
  });
});

describe("a login on the object the request carries runs in the server's own process", () => {
  it("req.payload.login(…) sends nothing; a client's login sends the credentials", () => {
    const src = [
      "export async function handler(req) {",
      "  const { email, password } = req.data;",
      "  await req.payload.login({ collection: 'users', data: { email, password }, req });",
      "}",
      "export async function signIn(email, password) {",
      "  return apiClient.login({ email, password });",
      "}",
    ].join("\n");
    expect(found(src).filter((f) => f.endsWith("transmit"))).toEqual(["sample.ts 6 email transmit", "sample.ts 6 password transmit"]);
  });
});

describe("the UI's language kept in the browser is a setting", () => {
  it("a profile's language stored through setLanguage is not collection; the email stored the same way is", () => {
    const src = [
      "function setLanguage(lng) {",
      "  localStorage.setItem('i18nextLng', lng);",
      "}",
      "function remember(value) {",
      "  localStorage.setItem('last', value);",
      "}",
      "export function load(userProfile) {",
      "  setLanguage(userProfile.language);",
      "  remember(userProfile.email);",
      "}",
    ].join("\n");
    expect(found(src).filter((f) => f.endsWith("store"))).toEqual(["sample.ts 9 email store"]);
  });
});
