import type { Finding, ScanError } from "../types.js";
import { parsePrisma, type PrismaField } from "../parse/parse-prisma.js";
import type { CompiledRules } from "./compiled-rules.js";
import type { ValueShape } from "./name-classifier.js";
import { placedFindings, weaker, type PlacedHit } from "./to-findings.js";

// A Prisma model is a table: a field named for personal data says the app stores it, like an
// ORM entity's column. The name decides as it does for a TypeScript field (owner, siblings,
// value shape); the column's type stands in for the TypeScript type.

const NUMBERS = new Set(["Int", "BigInt", "Float", "Decimal"]);
const TEXT = new Set(["String", "Bytes", "Unsupported"]);

export function prismaFindings(file: string, text: string, rules: CompiledRules): { findings: Finding[]; errors: ScanError[] } {
  const list = rules.syntax.get("prisma-field");
  if (!list?.length) return { findings: [], errors: [] };
  const schema = parsePrisma(text);
  if ("message" in schema) {
    return { findings: [], errors: [{ file, line: schema.line, column: schema.column, message: `Prisma schema could not be read: ${schema.message}; none of its models were scanned (prisma format or prisma validate shows the problem)` }] };
  }
  const lines = text.split("\n");
  const hits: PlacedHit[] = [];
  for (const block of schema.blocks) {
    const siblings = block.fields.map((f) => f.name);
    for (const field of block.fields) {
      const shape = shapeOf(field, schema.enums);
      if (shape === undefined) continue;
      const match = rules.names.classify(field.name, block.name);
      if (!match || rules.names.isSetting(match, shape) || rules.names.vetoedBeside(match, siblings)) continue;
      if (shape === "enum" && rules.names.typeVetoes(match, field.type)) continue;
      // A link's or an archive's password opens that thing, as in a form (vocabulary documentWords).
      const confidence = match.category === "password" && rules.names.isDocumentSubject(block.name) ? "low" : match.confidence;
      for (const rule of list) {
        if (rule.kind === "name") continue;
        hits.push({ rule: { id: rule.id }, category: match.category, kind: rule.kind, confidence: weaker(rule.confidence, confidence), line: field.line - 1, character: field.column - 1, evidence: evidence(lines[field.line - 1] ?? field.name), symbol: block.name });
      }
    }
  }
  return { findings: placedFindings(file, hits), errors: [] };
}

/**
 * The value shape of a column, or undefined when the field is no column: a relation to another
 * model (`author User @relation(…)`, `posts Post[]`) or an ignored field. A type this file does
 * not declare as an enum is taken for a model of another file of the schema.
 */
function shapeOf(f: PrismaField, enums: ReadonlySet<string>): ValueShape | null | undefined {
  if (f.attributes.includes("relation") || f.attributes.includes("ignore")) return undefined;
  // emailVerified, readInEmail, passwordChangedAt: a time, and no category of data is a time.
  if (f.type === "DateTime") return undefined;
  if (f.type === "Boolean") return "boolean";
  if (NUMBERS.has(f.type)) return "number";
  // inviteEmailData Json: a document of settings or content, read as a TypeScript object type is.
  if (f.type === "Json") return "object";
  if (TEXT.has(f.type)) return null;
  return enums.has(f.type) ? "enum" : undefined;
}

function evidence(line: string): string {
  return line.replace(/\s+/g, " ").trim();
}

