// JSON Schema of privacy-manifest.yml (SPEC §4). Meaning-level checks (known categories,
// recipients, unique ids) live in load-manifest.ts, where they can suggest a fix.
// The one definition: the validator compiles it, and the build writes it, with titles for
// editors, to schema/privacy-manifest.schema.json (src/config/write-manifest-schema.ts).
import { HOST_PATTERN } from "./rule-schema.js";

const strings = { type: "array", items: { type: "string", minLength: 1 } } as const;
const hosts = { type: "array", items: { type: "string", pattern: HOST_PATTERN } } as const;

export const BASES = ["contract", "consent", "legitimate-interest", "legal-obligation"] as const;

export const manifestSchema = {
  $id: "https://policytrace.dev/schemas/privacy-manifest-v1.json",
  type: "object",
  additionalProperties: false,
  required: ["version", "activities"],
  properties: {
    // Editors find the schema through this key (or a `# yaml-language-server: $schema=` comment).
    $schema: { type: "string" },
    version: { const: 1 },
    policy: {
      type: "object",
      additionalProperties: false,
      properties: { name: { type: "string" }, updated: { type: "string" }, url: { type: "string" } },
    },
    // Where the app's own backend answers: sends there reach no third party.
    firstParty: {
      type: "object",
      additionalProperties: false,
      required: ["hosts"],
      properties: { hosts },
    },
    recipients: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id"],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          name: { type: "string" },
          country: { type: "string" },
          purpose: { type: "string" },
          // What this recipient stands for in the code: the hosts it answers on, the catalogue SDKs that reach it.
          hosts,
          sdks: { type: "array", items: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } },
        },
      },
    },
    activities: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "data", "purposes", "basis"],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          ref: { type: ["string", "number"] },
          title: { type: "string" },
          description: { type: "string" },
          data: { ...strings, minItems: 1 },
          purposes: { ...strings, minItems: 1 },
          basis: { enum: [...BASES] },
          recipients: strings,
          code: strings,
          labels: {
            type: "object",
            additionalProperties: false,
            properties: {
              apple: { ...strings, minItems: 1 },
              play: { ...strings, minItems: 1 },
              fides: { type: "string", minLength: 1 },
              subjects: { ...strings, minItems: 1 },
              tracking: { type: "boolean" },
              linked: { type: "boolean" },
              optional: { type: "boolean" },
            },
          },
        },
      },
    },
    audit: {
      type: "object",
      additionalProperties: false,
      properties: { include: strings, exclude: strings, rules: strings },
    },
  },
} as const;
