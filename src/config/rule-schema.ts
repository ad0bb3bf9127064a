// JSON Schema for rule files (rules/**/*.yml and user --rules dirs), checked at load so a
// bad rule fails the run with file:line:column before any scanning starts.
const stringList = { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 } as const;

/** A host name or `*.` wildcard over its subdomains, lower-case: api.segment.io, *.ingest.sentry.io. */
export const HOST_PATTERN = "^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$";

export const PLATFORMS = ["browser", "react-native", "node", "any"] as const;

export const ruleFileSchema = {
  $id: "https://policytrace.dev/schemas/rule-file-v1.json",
  type: "object",
  additionalProperties: false,
  properties: {
    vocabulary: {
      type: "object",
      additionalProperties: false,
      properties: {
        normalize: { type: "object", additionalProperties: { type: "string" } },
        exclude: stringList,
        tail: stringList,
        opaque: stringList,
        lookupKeys: stringList,
        ownerExclude: stringList,
        settingTypes: stringList,
        settingMembers: stringList,
        contentTypes: stringList,
        madeUpScopes: stringList,
        measureFields: stringList,
        rowIdentities: stringList,
        installationWords: stringList,
        documentWords: stringList,
        holderWords: stringList,
        personWords: stringList,
        peerScopes: stringList,
        fieldSettings: stringList,
        shapeWords: stringList,
      },
    },
    rules: { type: "array", items: ruleSchema(true) },
    // rules/recipients/<family>.yml: the third parties an app sends data to, each with its own sink rules.
    family: { type: "string", minLength: 1 },
    recipients: { type: "array", items: recipientSchema() },
  },
  dependencies: { recipients: ["family"] },
} as const;

function recipientSchema() {
  return {
    type: "object",
    additionalProperties: false,
    required: ["id", "name", "docs", "packages"],
    properties: {
      id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
      name: { type: "string", minLength: 1 },
      docs: { type: "string", pattern: "^https://" },
      hosts: { type: "array", items: { type: "string", pattern: HOST_PATTERN }, minItems: 1 },
      /** npm package → the platform it runs on; `{}` for an API reached only over HTTP. */
      packages: { type: "object", additionalProperties: { enum: [...PLATFORMS] } },
      rules: { type: "array", items: ruleSchema(false), minItems: 1 },
    },
  } as const;
}

/**
 * One rule. Inside a catalogue entry its id is the part after `sdk.<recipient>.`, its
 * recipient is the entry, and kind and confidence default to transmit and high.
 */
function ruleSchema(standalone: boolean) {
  return {
    type: "object",
    additionalProperties: false,
    required: standalone ? ["id", "category", "kind", "confidence"] : ["id", "category"],
    properties: {
      id: { type: "string", pattern: standalone ? "^[a-z0-9][a-z0-9.-]*$" : "^[a-z0-9][a-z0-9-]*$" },
      category: { type: "string" },
      kind: { enum: ["source", "input", "transmit", "store", "log", "schema", "name"] },
      confidence: { enum: ["high", "medium", "low"] },
      description: { type: "string" },
      ...(standalone ? { recipient: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } } : {}),
      onlyWhenSent: { type: "boolean" },
      unlessLogged: { type: "boolean" },
      yields: stringList,
      promptText: { type: "object", additionalProperties: false, required: ["ignore"], properties: { ignore: stringList } },
      api: stringList,
      argsHave: stringList,
      argsMention: stringList,
      unlessConstant: stringList,
      unlessFirstArg: { type: "string" },
      refine: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["category"],
          properties: { symbol: { type: "string" }, args: stringList, unlessArgs: stringList, category: { type: "string" } },
        },
      },
      method: {
        type: "object",
        additionalProperties: false,
        required: ["names", "receiver"],
        properties: { names: stringList, receiver: { type: "string" }, firstArg: { type: "string" } },
      },
      request: {
        type: "object",
        additionalProperties: false,
        required: ["objects"],
        properties: { objects: stringList, members: stringList, properties: stringList },
      },
      jsx: {
        type: "object",
        additionalProperties: false,
        required: ["attribute"],
        properties: {
          attribute: { type: "string" },
          values: { type: "object", additionalProperties: { type: "string" } },
          names: { type: "boolean" },
          boundOnly: { type: "boolean" },
          elements: { type: "string" },
          unlessNamed: stringList,
          unlessAttributes: { type: "object", additionalProperties: { type: "array", items: { type: "string", pattern: "^[^=\\s]+=[^=\\s]+$" }, minItems: 1 } },
        },
      },
      strings: stringList,
      calls: stringList,
      unlessReceiver: { type: "string", minLength: 1 },
      onlyReceiver: { type: "string", minLength: 1 },
      unlessCategories: stringList,
      syntax: { type: "array", items: { enum: ["type-field", "class-field", "prisma-field"] }, minItems: 1 },
      names: stringList,
      qualifiers: stringList,
      exclude: stringList,
      ownerExclude: stringList,
      unlessValue: { type: "array", items: { enum: ["number", "object", "enum", "reference"] }, minItems: 1 },
      unlessBeside: stringList,
      pair: { type: "array", items: stringList, minItems: 2, maxItems: 2 },
      tests: {
        type: "object",
        additionalProperties: false,
        properties: {
          positive: { type: "array", items: { type: "string" } },
          negative: { type: "array", items: { type: "string" } },
        },
      },
    },
  } as const;
}

/** Exactly one of these says how a rule matches. */
export const MATCHERS = ["api", "method", "request", "jsx", "strings", "calls", "syntax", "names", "pair"] as const;
