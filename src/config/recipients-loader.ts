import { basename, extname } from "node:path";
import picomatch from "picomatch";
import type { RuleDef } from "./rules-loader.js";
import { PLATFORMS } from "./rule-schema.js";
import type { YamlFile } from "./yaml-file.js";

export type Platform = (typeof PLATFORMS)[number];

/** One third party of the catalogue (rules/recipients/<family>.yml), after validation. */
export interface RecipientDef {
  /** The vendor's name in kebab-case: the `recipient` of its rules' findings. */
  id: string;
  name: string;
  /** The file's name: analytics, crash-reporting, ai … */
  family: string;
  familyTitle: string;
  docs: string;
  /** Host names and `*.` wildcards its APIs answer on. */
  hosts: string[];
  /** npm package → platform. */
  packages: Record<string, Platform>;
  /** Ids of the rules generated from its entry (sdk.<id>.<rule>). */
  rules: string[];
  file: string;
}

type RawRule = Omit<RuleDef, "file" | "kind" | "confidence"> & Partial<Pick<RuleDef, "kind" | "confidence">>;
interface RawRecipient {
  id: string;
  name: string;
  docs: string;
  hosts?: string[];
  packages: Record<string, Platform>;
  rules?: RawRule[];
}

/** The npm package a module specifier imports from: `firebase/auth` → firebase, `@sentry/react/x` → @sentry/react. */
function packageOf(mod: string): string {
  return mod.split("/").slice(0, mod.startsWith("@") ? 2 : 1).join("/");
}

export interface CatalogueRule {
  rule: RuleDef;
  /** Where the rule is written, for error positions. */
  path: (string | number)[];
}

/** Both maps span every file loaded in one run: an id or a host belongs to one vendor. */
export interface CatalogueSeen {
  ids: Map<string, string>;
  hosts: Map<string, string>;
}

/**
 * A catalogue file's entries, and the sink rules they hold. A catalogue rule is a plain rule
 * whose recipient is its entry: its id gets the `sdk.<recipient>.` prefix, kind and
 * confidence default to transmit and high, and its API paths must name the entry's packages.
 */
export function readCatalogueFile(file: YamlFile, display: string, seen: CatalogueSeen): { recipients: RecipientDef[]; rules: CatalogueRule[] } {
  const data = file.data as { family: string; recipients?: RawRecipient[] };
  const family = basename(display, extname(display));
  const recipients: RecipientDef[] = [];
  const rules: CatalogueRule[] = [];
  (data.recipients ?? []).forEach((raw, i) => {
    const at = (...p: (string | number)[]) => ["recipients", i, ...p];
    const earlier = seen.ids.get(raw.id);
    if (earlier) throw file.error(at("id"), `duplicate recipient id "${raw.id}" (first defined in ${earlier})`, "Each vendor has one catalogue entry; add its packages and hosts there.");
    seen.ids.set(raw.id, display);
    (raw.hosts ?? []).forEach((h, j) => {
      const owner = seen.hosts.get(h);
      if (owner) throw file.error(at("hosts", j), `host "${h}" of "${raw.id}" already belongs to "${owner}"`, "A host names one recipient; remove it from one of them.");
      seen.hosts.set(h, raw.id);
    });
    if (!raw.rules && !raw.hosts) throw file.error(at("id"), `recipient "${raw.id}" has neither rules nor hosts`, "Add the SDK calls that send data (rules:) or the API hosts it answers on (hosts:).");
    const packages = Object.keys(raw.packages);
    const ids: string[] = [];
    (raw.rules ?? []).forEach((r, j) => {
      const id = `sdk.${raw.id}.${r.id}`;
      (r.api ?? []).forEach((api, k) => {
        const mod = api.slice(0, Math.max(0, api.indexOf(":")));
        if (mod !== "global" && !packages.some((p) => picomatch(packageOf(mod))(p))) {
          throw file.error(at("rules", j, "api", k), `rule "${id}": api "${api}" names the package "${mod}", which "${raw.id}" does not list`,
            `Add "${mod}" under packages: with its platform (${PLATFORMS.join(", ")}), or fix the module name.`);
        }
      });
      ids.push(id);
      rules.push({ rule: { kind: "transmit", confidence: "high", ...r, id, recipient: raw.id, file: display }, path: at("rules", j) });
    });
    recipients.push({ id: raw.id, name: raw.name, family, familyTitle: data.family, docs: raw.docs, hosts: raw.hosts ?? [], packages: raw.packages, rules: ids, file: display });
  });
  return { recipients, rules };
}
