import type { ts } from "ts-morph";
import type { Finding } from "../types.js";
import type { CompiledRules } from "./compiled-rules.js";
import type { DeferredType } from "./walk-file.js";
import type { ValueShape } from "./name-classifier.js";
import { evidenceOf, placedFindings, type PlacedHit } from "./to-findings.js";

/** A declared field: its name, its type's name and the shape its type or initialiser gives (no syntax tree is kept alive). */
export interface TypeField {
  name: string;
  type?: string;
  shape?: ValueShape;
}

/** Class/interface name → its fields. */
export type TypeIndex = Map<string, TypeField[]>;

/** A deferred type lookup with its place already read, so that the syntax tree can go. */
export interface DeferredSite {
  rule: string;
  typeName: string;
  line: number;
  character: number;
  evidence: string;
  symbol: string | null;
}

const MAX_DEPTH = 4;

export function placeDeferred(items: DeferredType[], sf: ts.SourceFile): DeferredSite[] {
  return items.map((item) => {
    const pos = sf.getLineAndCharacterOfPosition(item.node.getStart(sf));
    return { rule: item.rule.id, typeName: item.typeName, line: pos.line, character: pos.character, evidence: evidenceOf(item.node, sf), symbol: item.symbol };
  });
}

/**
 * `@Body() dto: RegisterDto` collects what RegisterDto declares, wherever it is declared,
 * including nested DTOs (`terminal: TerminalDto`). Classes are matched by name across the
 * scanned files, which is how NestJS apps are laid out. A field whose value makes it a setting of
 * that name (`email?: boolean`) collects nothing; its own type is still walked.
 */
export function resolveDeferred(file: string, items: DeferredSite[], types: TypeIndex, rules: CompiledRules): Finding[] {
  const hits: PlacedHit[] = [];
  for (const item of items) {
    const rule = rules.byId.get(item.rule);
    if (!rule) continue;
    const seen = new Set<string>();
    const visited = new Set<string>();
    const pairWords = new Set<string>();
    const hit = (category: string): PlacedHit => ({ rule, category, kind: rule.kind as PlacedHit["kind"], confidence: rule.confidence, line: item.line, character: item.character, evidence: item.evidence, symbol: item.symbol });
    // { apiKey, password } in a CredentialsDto: a sibling can make the field something else, as in the shape itself.
    const vetoedBeside = (m: NonNullable<ReturnType<typeof rules.names.classify>>, fields: TypeField[]) =>
      rules.names.vetoableBeside(m) && rules.names.vetoedBeside(m, fields.map((f) => f.name));
    const walk = (typeName: string, owner: string | undefined, depth: number) => {
      const fields = types.get(typeName);
      if (!fields || visited.has(typeName) || depth > MAX_DEPTH) return;
      visited.add(typeName);
      for (const field of fields) {
        const named = rules.names.classify(field.name, owner);
        // `email?: boolean` in a preferences DTO is a channel switch, `emails: EmailMessage[]` messages:
        // the DTO's field is judged by its value as the field itself is (withoutSettingFields).
        const m = named && (rules.names.isSetting(named, field.shape ?? null) || (field.type !== undefined && rules.names.typeVetoes(named, field.type)) || vetoedBeside(named, fields)) ? null : named;
        const pw = m ? undefined : rules.names.pairWord(field.name);
        if (pw) pairWords.add(pw);
        if (m && !seen.has(m.category)) {
          seen.add(m.category);
          hits.push(hit(m.category));
        }
        if (field.type) walk(field.type, field.name, depth + 1);
      }
    };
    walk(item.typeName, undefined, 0);
    for (const m of rules.names.pairsIn(pairWords)) {
      if (seen.has(m.category)) continue;
      seen.add(m.category);
      hits.push(hit(m.category));
    }
  }
  return placedFindings(file, hits);
}
