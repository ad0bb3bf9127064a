// JSON Schema of the JSON report (SPEC §5, schemaVersion 1). Scripts and CI steps parse
// that report, so its shape is a published contract: the tests validate real reports
// against this schema, and any change to it is a reviewed change to the contract (add an
// optional field, or bump schemaVersion; never rename or retype one).
// It lives in src/ so that it ships in dist/ for consumers: import { reportSchema }.

import { KINDS, CONFIDENCES } from "../types.js";

/** The leaf category ids of SPEC §2; fixed, so listed here rather than read from rules/. */
export const CATEGORY_IDS = [
  "email", "phone", "postal-address",
  "name", "nickname", "profile-photo", "third-party-account",
  "password",
  "country", "language", "timezone",
  "precise-location", "coarse-location",
  "ip-address", "wifi-info",
  "mac-address", "device-serial", "device-id", "push-token",
  "device-model", "firmware-version", "device-name",
  "image", "video", "audio", "license-plate",
  "browsing-behavior", "diagnostics",
  "payment",
] as const;

/** SPEC §2's groups: a declared group none of whose members is found is unused under its group id. */
export const GROUP_IDS = ["contact", "identity", "credentials", "locale", "location", "network", "device-identifiers", "device-info", "media", "usage", "financial"] as const;

export const STATUSES = ["declared", "undeclared", "unchecked", "suppressed"] as const;

const count = { type: "integer", minimum: 0 } as const;
const position = { type: "integer", minimum: 1 } as const;
const text = { type: "string" } as const;
const nonEmpty = { type: "string", minLength: 1 } as const;
const nullableText = { type: ["string", "null"] } as const;

const finding = {
  type: "object",
  additionalProperties: false,
  required: ["id", "file", "line", "column", "category", "kind", "rule", "confidence", "evidence", "symbol", "recipient", "status", "activities"],
  properties: {
    id: nonEmpty,
    file: nonEmpty,
    line: position,
    column: position,
    category: { enum: [...CATEGORY_IDS] },
    kind: { enum: [...KINDS] },
    rule: nonEmpty,
    confidence: { enum: [...CONFIDENCES] },
    evidence: text,
    symbol: nullableText,
    recipient: nullableText,
    status: { enum: [...STATUSES] },
    activities: { type: "array", items: nonEmpty },
    suppression: {
      type: "object",
      additionalProperties: false,
      required: ["source", "reason"],
      properties: { source: { enum: ["inline", "baseline"] }, reason: text },
    },
    trace: {
      type: "array",
      minItems: 2,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "line", "column", "note"],
        properties: { file: nonEmpty, line: position, column: position, note: text },
      },
    },
    violation: { enum: ["category", "recipient"] },
  },
} as const;

/** SPEC §7: one privacy label checked with `scan --labels`; present only when labels were given. */
const labelCheck = {
  type: "object",
  additionalProperties: false,
  required: ["file", "format", "categories", "unused"],
  properties: {
    file: nonEmpty,
    format: { enum: ["apple", "play", "fides"] },
    categories: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["category", "type", "status", "file", "line", "column", "findings"],
        properties: {
          category: { enum: [...CATEGORY_IDS] },
          type: nonEmpty,
          note: text,
          status: { enum: ["labelled", "omitted"] },
          file: nonEmpty,
          line: position,
          column: position,
          findings: { type: "integer", minimum: 1 },
        },
      },
    },
    unused: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["type"],
        properties: { type: nonEmpty, line: position },
      },
    },
  },
} as const;

export const reportSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://policytrace.dev/schemas/report-v1.json",
  title: "policytrace JSON report, schemaVersion 1",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "tool", "manifest", "findings", "unused", "errors", "summary"],
  properties: {
    schemaVersion: { const: 1 },
    tool: {
      type: "object",
      additionalProperties: false,
      required: ["name", "version"],
      properties: { name: { const: "policytrace" }, version: nonEmpty },
    },
    manifest: nullableText,
    findings: { type: "array", items: finding },
    unused: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["activity", "category"],
        properties: { activity: nonEmpty, category: { enum: [...CATEGORY_IDS, ...GROUP_IDS] } },
      },
    },
    errors: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "message"],
        properties: { file: nonEmpty, message: nonEmpty, line: position, column: position },
      },
    },
    labels: { type: "array", items: labelCheck },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["files", "findings", "declared", "undeclared", "suppressed", "unused", "errors", "durationMs"],
      properties: {
        files: count,
        findings: count,
        declared: count,
        undeclared: count,
        suppressed: count,
        unused: count,
        errors: count,
        durationMs: count,
      },
    },
  },
} as const;
