// `npm run docs:rules`: rewrites docs/rules.md from the built-in rules.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadTaxonomy } from "../config/categories.js";
import { loadRuleSet } from "../config/rules-loader.js";
import { packageRoot } from "../config/package-paths.js";
import { renderRulesReference } from "./rules-reference.js";
import { RULES_REFERENCE } from "./rule-help.js";

const taxonomy = loadTaxonomy();
writeFileSync(join(packageRoot, RULES_REFERENCE), renderRulesReference(loadRuleSet(taxonomy), taxonomy));
