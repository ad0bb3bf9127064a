// Every problem in a manifest is reported in one run, each at file:line:column, then exit 2.

import { describe, expect, it } from "vitest";
import { project, run } from "../cli/helpers.js";

const LOG_EMAIL = "export const f = (u: any) => console.log(u.email);\n";

describe("every manifest error in one run", () => {
  it("lists schema and meaning problems together, in file order, with a count", async () => {
    const text = [
      "version: 1",
      "activities:",
      "  - id: sign-up",
      "    data: [emial, phone]",
      "    purposes: [\"TODO: why?\"]",
      "    basis: TODO",
      "    colour: red",
      "  - id: sign-up",
      "    data: [email]",
      "    purposes: [support]",
      "    basis: contract",
      "    recipients: [nobody]",
      "",
    ].join("\n");
    const r = await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": text }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const located = r.stderr.split("\n").filter((l) => l.startsWith("policytrace: "));
    expect(located).toEqual([
      'policytrace: privacy-manifest.yml:4:12: unknown data category "emial" in activity "sign-up"',
      'policytrace: privacy-manifest.yml:5:16: activity "sign-up" still has a TODO purpose',
      'policytrace: privacy-manifest.yml:6:12: activities[0] ("sign-up").basis has the value "TODO", which is not allowed',
      'policytrace: privacy-manifest.yml:7:5: unknown key "colour" in activities[0] ("sign-up")',
      'policytrace: privacy-manifest.yml:8:9: duplicate activity id "sign-up" (also activities[0])',
      'policytrace: privacy-manifest.yml:12:18: unknown recipient "nobody" in activity "sign-up"',
    ]);
    expect(r.stderr).toContain('  Did you mean "email"?\n');
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("6 problems in privacy-manifest.yml: fix them all, then run again.");
  });

  it("one problem is reported alone, exactly as before (no count line)", async () => {
    const text = ["version: 1", "activities:", "  - id: app", "    data: [email]", "    purposes: [support]", "    basis: contrcat", ""].join("\n");
    const r = await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": text }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('policytrace: privacy-manifest.yml:6:12: activities[0] ("app").basis has the value "contrcat", which is not allowed\n' +
      '  Did you mean "contract"? Use one of: contract, consent, legitimate-interest, legal-obligation.\n');
  });

  it("a starter manifest from init reports every TODO at once", async () => {
    const dir = project({ "src/account/signup.ts": "export const f = (u: any) => console.log(u.email);\n",
      "src/devices/bind.ts": "export const g = (d: any) => console.log(d.macAddress);\n" });
    expect((await run(["init", "."], dir)).code).toBe(0);
    const r = await run(["scan", "."], dir);
    expect(r.code).toBe(2);
    const todos = r.stderr.split("\n").filter((l) => l.startsWith("policytrace: privacy-manifest.yml:"));
    expect(todos.filter((l) => l.includes("TODO purpose")).length).toBe(2);
    expect(todos.filter((l) => l.includes(".basis has the value \"TODO\"")).length).toBe(2);
    expect(r.stderr).toMatch(/4 problems in privacy-manifest\.yml: fix them all, then run again\.\n$/);
  });
});
