import { createRequire } from "node:module";
import type { Field, Schema } from "@mrleebo/prisma-ast";

/** A model, view or composite type of a Prisma schema, with its fields' places (1-based). */
export interface PrismaBlock {
  kind: "model" | "view" | "type";
  name: string;
  fields: PrismaField[];
}

export interface PrismaField {
  name: string;
  /** `String`, `Boolean`, another model's or an enum's name. */
  type: string;
  line: number;
  column: number;
  /** Attribute names without `@` (`relation`, `ignore`, `unique`). */
  attributes: string[];
}

export interface PrismaSchemaFile {
  blocks: PrismaBlock[];
  /** Enums declared in this file (a schema split over files may declare others elsewhere). */
  enums: Set<string>;
}

export interface PrismaSyntaxError {
  line: number;
  column: number;
  message: string;
}

type PrismaAst = typeof import("@mrleebo/prisma-ast");
type ParseOptions = NonNullable<Parameters<PrismaAst["getSchema"]>[1]>;
let parser: { ast: PrismaAst; options: ParseOptions } | undefined;

// Loaded on the first schema only: the parser library (and its grammar set-up) costs a scan without Prisma nothing.
function prismaParser() {
  if (!parser) {
    const ast = createRequire(import.meta.url)("@mrleebo/prisma-ast") as PrismaAst;
    // Places of fields are only kept when the parser is made to track them.
    const p = new ast.PrismaParser({ nodeLocationTracking: "full" });
    const Visitor = ast.VisitorClassFactory(p);
    parser = { ast, options: { parser: p, visitor: new Visitor() } };
  }
  return parser;
}

/** The models of one `.prisma` file, or where its syntax stops making sense. */
export function parsePrisma(text: string): PrismaSchemaFile | PrismaSyntaxError {
  const { ast, options } = prismaParser();
  let schema: Schema;
  try {
    schema = ast.getSchema(text, options);
  } catch (err) {
    return syntaxError(err, text);
  }
  const blocks: PrismaBlock[] = [];
  const enums = new Set<string>();
  for (const b of schema.list) {
    if (b.type === "enum") enums.add(b.name);
    if (b.type !== "model" && b.type !== "view" && b.type !== "type") continue;
    const fields: PrismaField[] = [];
    for (const prop of b.properties) if (prop.type === "field") fields.push(fieldOf(prop));
    blocks.push({ kind: b.type, name: b.name, fields });
  }
  return { blocks, enums };
}

function fieldOf(f: Field): PrismaField {
  return {
    name: f.name,
    type: typeof f.fieldType === "string" ? f.fieldType : f.fieldType.name,
    line: f.location?.startLine ?? 1,
    column: f.location?.startColumn ?? 1,
    attributes: (f.attributes ?? []).map((a) => a.name),
  };
}

/** Chevrotain's errors carry the token they stopped at; the end of the file has no place of its own. */
function syntaxError(err: unknown, text: string): PrismaSyntaxError {
  const e = err as { message?: string; token?: { image?: string; startLine?: number; startColumn?: number } };
  const lines = text.split("\n");
  if (!Number.isFinite(e.token?.startLine)) {
    const line = Math.max(1, lines.length - (lines[lines.length - 1] === "" ? 1 : 0));
    return { line, column: (lines[line - 1]?.length ?? 0) + 1, message: "the file ends before a block is closed" };
  }
  // Chevrotain lists every token it could have taken, over many lines: the one it met says more.
  return { line: e.token!.startLine!, column: e.token!.startColumn ?? 1, message: `unexpected ${JSON.stringify(e.token!.image ?? "")}` };
}
