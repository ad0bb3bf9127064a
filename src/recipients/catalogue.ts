import { loadTaxonomy } from "../config/categories.js";
import { loadRuleSet } from "../config/rules-loader.js";
import type { RecipientDef } from "../config/recipients-loader.js";
import { hostIndex } from "./hosts.js";

export type { RecipientDef } from "../config/recipients-loader.js";

let builtin: RecipientDef[] | undefined;
let builtinLookup: ((host: string) => string | null) | undefined;

/** The built-in catalogue (rules/recipients/), loaded once: from the rules cache after a build. */
export function builtinCatalogue(): RecipientDef[] {
  return (builtin ??= loadRuleSet(loadTaxonomy()).recipients);
}

/**
 * The built-in catalogue's vendor id for a host (`o1.ingest.sentry.io` → `sentry`), or null
 * when no vendor answers on it. Pure: the same host always gives the same answer.
 */
export function recipientForHost(host: string): string | null {
  return (builtinLookup ??= hostIndex(builtinCatalogue()))(host);
}
