import type { ts } from "ts-morph";
import type { Finding } from "../types.js";
import type { CompiledRules } from "./compiled-rules.js";
import type { DeferredType, Hit } from "./walk-file.js";
import { toFindings } from "./to-findings.js";

/** Class/interface name → its field names (names only, so no syntax tree is kept alive). */
export type TypeIndex = Map<string, string[]>;

/**
 * `@Body() dto: RegisterDto` collects what RegisterDto declares, wherever it is declared.
 * Classes are matched by name across the scanned files, which is how NestJS apps are laid out.
 */
export function resolveDeferred(file: string, sf: ts.SourceFile, items: DeferredType[], types: TypeIndex, rules: CompiledRules): Finding[] {
  const hits: Hit[] = [];
  for (const item of items) {
    const fields = types.get(item.typeName);
    if (!fields) continue;
    const seen = new Set<string>();
    for (const field of fields) {
      const m = rules.names.classify(field);
      if (!m || seen.has(m.category)) continue;
      seen.add(m.category);
      hits.push({ rule: item.rule, category: m.category, kind: item.rule.kind as Hit["kind"], confidence: item.rule.confidence, node: item.node, evidenceNode: item.node, symbol: item.symbol });
    }
  }
  return toFindings(file, sf, hits);
}
