// The manifest's JSON Schema is published from the validator's own definition, ships in the
// package, is accepted in a manifest via `$schema`, and is what `init` points editors at.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { editorManifestSchema, MANIFEST_SCHEMA_ID } from "../../src/config/manifest-json-schema.js";
import { manifestSchema } from "../../src/config/manifest-schema.js";
import { schemaReference } from "../../src/cli/init-command.js";
import { manifest, project, run } from "../cli/helpers.js";

const published = JSON.parse(readFileSync(new URL("../../schema/privacy-manifest.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(published);
const LOG_EMAIL = "export const f = (u: any) => console.log(u.email);\n";

describe("schema/privacy-manifest.schema.json", () => {
  it("is generated from the validator's definition (npm run build rewrites it)", () => {
    expect(published).toEqual(editorManifestSchema());
    const strip = (x: unknown): unknown => Array.isArray(x) ? x.map(strip) : x && typeof x === "object"
      ? Object.fromEntries(Object.entries(x).filter(([k]) => !["description", "title", "$schema"].includes(k) || typeof (x as Record<string, unknown>)[k] !== "string").map(([k, v]) => [k, strip(v)]))
      : x;
    // Without the editor words it is the loader's schema, key for key.
    expect(strip(published)).toEqual(strip(JSON.parse(JSON.stringify(manifestSchema))));
    expect(published.$id).toBe(MANIFEST_SCHEMA_ID);
    expect(published.properties.activities.items.properties.basis.description).toMatch(/^Lawful basis: contract \| consent/);
  });

  it("accepts the example app's manifest and rejects a broken one", () => {
    const example = parse(readFileSync(new URL("../../fixtures/imou-app/privacy-manifest.yml", import.meta.url), "utf8"));
    expect(validate(example)).toBe(true);
    expect(validate({ version: 1, activities: [{ id: "x", data: ["email"], purposes: ["p"], basis: "because" }] })).toBe(false);
    expect(validate({ version: 2, activities: [] })).toBe(false);
  });
});

describe("$schema in a manifest", () => {
  it("is accepted as a key, and the yaml-language-server comment is just a comment", async () => {
    const keyed = `$schema: ${MANIFEST_SCHEMA_ID}\n${manifest(["email"])}`;
    expect((await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": keyed }))).code).toBe(0);
    const commented = `# yaml-language-server: $schema=${MANIFEST_SCHEMA_ID}\n${manifest(["email"])}`;
    expect((await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": commented }))).code).toBe(0);
    const wrong = `$schema: 3\n${manifest(["email"])}`;
    const r = await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": wrong }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("privacy-manifest.yml:1:10: $schema must be a string");
  });

  it("init writes the comment: the installed copy when policytrace is in node_modules, else the published URL", async () => {
    const dir = project({ "src/account/signup.ts": LOG_EMAIL });
    await run(["init", "."], dir);
    expect(readFileSync(join(dir, "privacy-manifest.yml"), "utf8").split("\n")[0]).toBe(`# yaml-language-server: $schema=${MANIFEST_SCHEMA_ID}`);
    // The test runs from the repository, which is not under a project's node_modules.
    expect(schemaReference("/somewhere/else")).toBe(MANIFEST_SCHEMA_ID);
  });
});
