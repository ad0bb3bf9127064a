// Layouts other than the seed's: unlabelled tables, numbered items in plain text, prose.

import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { draftFromDocument } from "../../src/draft/draft.js";
import { parsePolicy } from "../../src/draft/read-policy.js";
import type { PolicyFormat } from "../../src/draft/policy-document.js";

const taxonomy = loadTaxonomy();
const draft = (text: string, format: PolicyFormat) => draftFromDocument(parsePolicy(text, format), taxonomy, "policy");

describe("draft layouts", () => {
  it("a table without a header row: columns implied by position, the basis column by its cells", () => {
    const d = draft(
      "<table><tr><td>1. When you register</td><td>Email address; password</td><td>To create your account</td><td>Performance of contract</td></tr>" +
        "<tr><td>2. When you contact support</td><td>Name, telephone number</td><td>To answer your questions</td><td>Legitimate interests</td></tr></table>",
      "html",
    );
    expect(d.activities.map((a) => [a.ref, a.data.map((x) => x.id), a.basis])).toEqual([
      ["1", ["email", "password"], "contract"],
      ["2", ["name", "phone"], "legitimate-interest"],
    ]);
  });

  it("numbered items under lettered parts in plain text: refs A.1, A.2, B.1", () => {
    const d = draft(
      [
        "Example Privacy Policy", "Last updated: 2 May 2024",
        "A. Use of the app", "1. When you sign up", "Data: email address, nickname", "Purpose: to create your account", "Legal basis: performance of contract",
        "2. When you pair a device", "Data: Device SN, MAC address", "Purpose: to bind the device to your account", "Legal basis: performance of contract",
        "B. Marketing", "1. When you subscribe to our newsletter", "Data: email address", "Purpose: to send you newsletters", "Legal basis: consent",
      ].join("\n\n"),
      "text",
    );
    expect(d.layout).toBe("sections");
    expect(d.updated).toBe("2024-05-02");
    expect(d.activities.map((a) => [a.ref, a.title, a.data.map((x) => x.id), a.basis])).toEqual([
      ["A.1", "When you sign up", ["email", "nickname"], "contract"],
      ["A.2", "When you pair a device", ["device-serial", "mac-address"], "contract"],
      ["B.1", "When you subscribe to our newsletter", ["email"], "consent"],
    ]);
  });

  it("numbered sections in prose give one activity each", () => {
    const d = draft("# Policy\n\n## 1. Your account\n\nWe collect your email address and password to create your account, on the basis of our contract with you (performance of a contract).\n\n## 2. Support\n\nWe use your phone number to call you back when you ask us to. We rely on our legitimate interests.\n", "markdown");
    expect(d.activities.map((a) => [a.ref, a.data.map((x) => x.id), a.basis])).toEqual([
      ["1", ["email", "password"], "contract"],
      ["2", ["phone"], "legitimate-interest"],
    ]);
  });

  it("prose without structure: no activities, said plainly", () => {
    expect(() => draft("We collect your email address to send you our newsletter.\n\nWe keep it for a year.\n", "text")).toThrow(/no processing activities found/);
  });
});
