import type { Finding } from "../types.js";
import { parseSource } from "../parse/parse-source.js";
import type { CompiledRules } from "./compiled-rules.js";
import { walkFile } from "./walk-file.js";
import { toFindings } from "./to-findings.js";
import { withoutSettingFields } from "./field-values.js";
import { placeDeferred, resolveDeferred } from "./resolve-deferred.js";
import { evaluateFile } from "./flow/evaluate-file.js";
import { propagate } from "./flow/propagate.js";
import { mergeFlowFindings } from "./merge-flow.js";
import { isPrismaSchema } from "../discover/discover-files.js";
import { prismaFindings } from "./prisma-fields.js";

/** Scans one in-memory source (rule fixtures, property tests), types resolved within the file. */
export function scanText(file: string, text: string, rules: CompiledRules): Finding[] {
  if (isPrismaSchema(file)) return prismaFindings(file, text, rules).findings;
  const sf = parseSource(file, text);
  const d = walkFile(sf, rules);
  const types = d.types;
  const findings = [...toFindings(file, sf, withoutSettingFields(d.hits, rules.names, d.types)), ...resolveDeferred(file, placeDeferred(d.deferred, sf), types, rules)];
  mergeFlowFindings(findings, propagate([evaluateFile(d.facts, rules)], null, rules), (id) => !!rules.byId.get(id)?.calls, (id) => rules.byId.get(id)?.unlessCategories);
  return findings;
}
