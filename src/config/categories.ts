import { join } from "node:path";
import type { CategoryView } from "../types.js";
import { builtinRulesDir } from "./package-paths.js";
import { readYamlFile } from "./yaml-file.js";
import { builtinYamlFiles, cachedBuiltins } from "./rules-cache.js";
import { didYouMean } from "./did-you-mean.js";

export interface GroupView {
  id: string;
  title: string;
  fideslang: string | null;
  members: string[];
}

export interface Taxonomy {
  categories: CategoryView[];
  groups: GroupView[];
  byId: Map<string, CategoryView>;
  /** A manifest `data` entry (leaf id, group id or policy wording) → leaf ids, or undefined. */
  resolve(term: string): string[] | undefined;
  /** The closest known term, for did-you-mean messages. */
  suggest(term: string): string | undefined;
  title(id: string): string;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s_]+/g, " ").trim();

let cached: Taxonomy | undefined;

export function loadTaxonomy(): Taxonomy {
  if (cached) return cached;
  const path = join(builtinRulesDir, "categories.yml");
  const file = { data: cachedBuiltins(builtinYamlFiles())?.get(path) ?? readYamlFile(path).data };
  const raw = file.data as {
    groups: { id: string; title: string; fideslang?: string | null }[];
    categories: { id: string; group: string; title: string; aliases?: string[]; fideslang?: string | null }[];
  };
  const categories: CategoryView[] = raw.categories.map((c) => ({
    id: c.id,
    title: c.title,
    group: c.group,
    aliases: c.aliases ?? [],
    fideslang: c.fideslang ?? null,
  }));
  const groups: GroupView[] = raw.groups.map((g) => ({
    id: g.id,
    title: g.title,
    fideslang: g.fideslang ?? null,
    members: categories.filter((c) => c.group === g.id).map((c) => c.id),
  }));
  const terms = new Map<string, string[]>();
  for (const c of categories) {
    terms.set(normalise(c.id), [c.id]);
    for (const a of c.aliases) if (!terms.has(normalise(a))) terms.set(normalise(a), [c.id]);
  }
  for (const g of groups) terms.set(normalise(g.id), g.members);
  const termList = [...categories.map((c) => c.id), ...groups.map((g) => g.id), ...categories.flatMap((c) => c.aliases)];
  const byId = new Map(categories.map((c) => [c.id, c]));
  cached = {
    categories,
    groups,
    byId,
    resolve: (term) => terms.get(normalise(term)),
    suggest: (term) => didYouMean(term, termList),
    title: (id) => byId.get(id)?.title ?? id,
  };
  return cached;
}
