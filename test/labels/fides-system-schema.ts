// fideslang's System and PrivacyDeclaration models (ethyca/fideslang 3.1.4a1,
// src/fideslang/models.py) as a JSON Schema, so the tests can check an exported fides file
// against the model `fides evaluate` loads. Only fields of those models are allowed.

const fidesKey = { type: "string", pattern: "^[a-zA-Z0-9_.<>-]+$" } as const;
const keys = { type: "array", items: fidesKey } as const;
const optionalText = { type: ["string", "null"] } as const;

const privacyDeclaration = {
  type: "object",
  additionalProperties: false,
  required: ["data_categories", "data_use"],
  properties: {
    name: optionalText,
    data_categories: keys,
    data_use: fidesKey,
    data_subjects: keys,
    dataset_references: { type: ["array", "null"], items: fidesKey },
    egress: { type: ["array", "null"], items: fidesKey },
    ingress: { type: ["array", "null"], items: fidesKey },
    features: { type: "array", items: { type: "string" } },
    flexible_legal_basis_for_processing: { type: "boolean" },
    legal_basis_for_processing: { enum: ["Consent", "Contract", "Legal obligations", "Vital interests", "Public interest", "Legitimate interests", null] },
    impact_assessment_location: optionalText,
    retention_period: optionalText,
    processes_special_category_data: { type: "boolean" },
    special_category_legal_basis: optionalText,
    data_shared_with_third_parties: { type: "boolean" },
    third_parties: optionalText,
    shared_categories: { type: "array", items: { type: "string" } },
  },
} as const;

const system = {
  type: "object",
  additionalProperties: false,
  required: ["fides_key", "system_type", "privacy_declarations"],
  properties: {
    fides_key: fidesKey,
    organization_fides_key: fidesKey,
    tags: { type: ["array", "null"], items: { type: "string" } },
    name: optionalText,
    description: optionalText,
    meta: { type: ["object", "null"] },
    system_type: { type: "string" },
    privacy_declarations: { type: "array", items: privacyDeclaration },
    administrating_department: optionalText,
    processes_personal_data: { type: "boolean" },
  },
} as const;

/** A fides resource file holding systems (fideslang Taxonomy's `system` list). */
export const fidesSystemFileSchema = {
  type: "object",
  additionalProperties: false,
  required: ["system"],
  properties: { system: { type: "array", minItems: 1, items: system } },
} as const;
