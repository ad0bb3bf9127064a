// Build step (npm run build): validate the built-in rules from their YAML, then store what
// they parse to, so that a scan does not pay for YAML parsing at every start.
import { loadTaxonomy } from "./categories.js";
import { loadRuleSet } from "./rules-loader.js";
import { builtinYamlFiles, disableBuiltinCache, writeBuiltinCache } from "./rules-cache.js";
import { readYamlFile } from "./yaml-file.js";
import { ConfigError } from "./config-error.js";

disableBuiltinCache();
try {
  loadRuleSet(loadTaxonomy());
  const parsed = new Map(builtinYamlFiles().map((p) => [p, readYamlFile(p).data] as const));
  writeBuiltinCache(parsed);
} catch (err) {
  process.stderr.write(`built-in rules are invalid: ${err instanceof ConfigError ? err.format() : (err as Error).message}\n`);
  process.exitCode = 1;
}
