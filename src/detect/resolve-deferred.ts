import type { ts } from "ts-morph";
import type { Finding } from "../types.js";
import type { CompiledRules } from "./compiled-rules.js";
import type { DeferredType, Hit } from "./walk-file.js";
import { toFindings } from "./to-findings.js";

/** Class/interface name → its fields (names and declared type names only: no syntax tree is kept alive). */
export type TypeIndex = Map<string, { name: string; type?: string }[]>;

const MAX_DEPTH = 4;

/**
 * `@Body() dto: RegisterDto` collects what RegisterDto declares, wherever it is declared,
 * including nested DTOs (`terminal: TerminalDto`). Classes are matched by name across the
 * scanned files, which is how NestJS apps are laid out.
 */
export function resolveDeferred(file: string, sf: ts.SourceFile, items: DeferredType[], types: TypeIndex, rules: CompiledRules): Finding[] {
  const hits: Hit[] = [];
  for (const item of items) {
    const seen = new Set<string>();
    const visited = new Set<string>();
    const pairWords = new Set<string>();
    const walk = (typeName: string, owner: string | undefined, depth: number) => {
      const fields = types.get(typeName);
      if (!fields || visited.has(typeName) || depth > MAX_DEPTH) return;
      visited.add(typeName);
      for (const field of fields) {
        const m = rules.names.classify(field.name, owner);
        const pw = m ? undefined : rules.names.pairWord(field.name);
        if (pw) pairWords.add(pw);
        if (m && !seen.has(m.category)) {
          seen.add(m.category);
          hits.push({ rule: item.rule, category: m.category, kind: item.rule.kind as Hit["kind"], confidence: item.rule.confidence, node: item.node, evidenceNode: item.node, symbol: item.symbol });
        }
        if (field.type) walk(field.type, field.name, depth + 1);
      }
    };
    walk(item.typeName, undefined, 0);
    for (const m of rules.names.pairsIn(pairWords)) {
      if (seen.has(m.category)) continue;
      seen.add(m.category);
      hits.push({ rule: item.rule, category: m.category, kind: item.rule.kind as Hit["kind"], confidence: item.rule.confidence, node: item.node, evidenceNode: item.node, symbol: item.symbol });
    }
  }
  return toFindings(file, sf, hits);
}
