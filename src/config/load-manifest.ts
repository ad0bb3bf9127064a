import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { lazyValidator } from "./lazy-validator.js";
import picomatch from "picomatch";
import type { ActivityView, ManifestView } from "../types.js";
import type { Taxonomy } from "./categories.js";
import { readYamlFile } from "./yaml-file.js";
import { manifestSchema } from "./manifest-schema.js";
import { schemaErrors } from "./schema-errors.js";
import { likelyTypo, suggestion } from "./did-you-mean.js";
import { ConfigError, configErrors } from "./config-error.js";
import { checkLabelOverrides } from "../labels/label-overrides.js";

export interface Manifest {
  view: ManifestView;
  /** Absolute folder of the manifest: activity globs are relative to it. */
  dir: string;
  audit: { include?: string[]; exclude?: string[]; rules?: string[] };
  /** Line and column of a value in the manifest, by its path (keys and indexes). */
  at(path: (string | number)[]): { line: number; column: number };
  /** Does activity `id`'s code cover this absolute file path? */
  covers(activity: ActivityView, absFile: string): boolean;
  /**
   * Checks recipient entries against the catalogue once the rules (which hold it) are loaded:
   * sdks must be catalogue ids, and an id that misspells one is refused.
   */
  checkRecipients(catalogueIds: readonly string[]): void;
}

const manifestValidator = lazyValidator(manifestSchema);

interface RawActivity {
  id: string;
  ref?: string | number;
  title?: string;
  data: string[];
  purposes: string[];
  basis: string;
  recipients?: string[];
  code?: string[];
  labels?: ActivityView["labels"];
}

export function loadManifest(path: string, taxonomy: Taxonomy, displayPath = path): Manifest {
  const file = readYamlFile(path, displayPath);
  if (file.data === null || file.data === undefined) {
    throw new ConfigError("manifest is empty", displayPath, 1, 1, "Start from `policytrace init`, or see README for the format.");
  }
  // Every problem is collected and all of them are reported at once (exit 2): after `init`, a
  // manifest has a TODO in every activity, and one error per run would take a run per TODO.
  const problems: ConfigError[] = [];
  const problem = (e: ConfigError) => void problems.push(e);
  const validate = manifestValidator();
  if (!validate(file.data)) problems.push(...schemaErrors(file, validate.errors ?? [], "manifest"));
  // With schema errors, the meaning checks below still run on whatever is well-formed.
  const raw = wellFormed(file.data);

  const recipientIds = new Map<string, number>();
  (raw.recipients ?? []).forEach((r, i) => {
    if (recipientIds.has(r.id)) return problem(file.error(["recipients", i, "id"], `duplicate recipient id "${r.id}"`, "Each recipient id must be unique."));
    recipientIds.set(r.id, i);
  });

  const seen = new Map<string, number>();
  const activities: ActivityView[] = raw.activities.map((a, i) => {
    const at = (...p: (string | number)[]) => ["activities", i, ...p];
    const first = seen.get(a.id);
    if (first !== undefined) problem(file.error(at("id"), `duplicate activity id "${a.id}" (also activities[${first}])`, "Give each activity a unique id."));
    else seen.set(a.id, i);
    const data = new Set<string>();
    const dataAt: Record<string, { line: number; column: number }> = {};
    a.data.forEach((term, j) => {
      if (!term) return; // not a string: reported by the schema
      if (/\bTODO\b/.test(term)) return problem(file.error(at("data", j), `activity "${a.id}" still has a TODO in data`, "List the categories its policy row names (`policytrace categories`), or delete the activity if it collects nothing."));
      const ids = taxonomy.resolve(term);
      if (!ids) {
        const near = taxonomy.suggest(term);
        const hint = near ? `Did you mean "${near}"?` : "Run `policytrace categories` to list ids, groups and policy wording.";
        return problem(file.error(at("data", j), `unknown data category "${term}" in activity "${a.id}"`, hint));
      }
      ids.forEach((id) => data.add(id));
      // Where each declaration is written, keyed as unused declarations name it (group id, else leaf).
      const group = taxonomy.groups.find((g) => g.id === term.toLowerCase());
      for (const key of group ? [group.id] : ids) dataAt[key] ??= file.at(at("data", j));
    });
    a.purposes.forEach((p, j) => {
      if (/\bTODO\b/i.test(p)) problem(file.error(at("purposes", j), `activity "${a.id}" still has a TODO purpose`, "Write the purpose from the policy table, e.g. account-registration."));
    });
    (a.recipients ?? []).forEach((r, j) => {
      if (r && !recipientIds.has(r)) {
        const known = [...recipientIds.keys()];
        const hint = suggestion(r, known) || (known.length ? `Declared recipients: ${known.join(", ")}.` : "Declare it under top-level `recipients:` first.");
        problem(file.error(at("recipients", j), `unknown recipient "${r}" in activity "${a.id}"`, hint));
      }
    });
    (a.code ?? []).forEach((g, j) => {
      if (isAbsolute(g) || g.split("/").includes("..")) {
        problem(file.error(at("code", j), `code glob "${g}" leaves the manifest's folder`, "Globs are relative to the folder of privacy-manifest.yml; move the manifest up instead of using ../."));
      }
    });
    try {
      checkLabelOverrides(file, at("labels"), a.labels);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problem(err);
    }
    return {
      id: a.id,
      ref: a.ref === undefined ? undefined : String(a.ref),
      title: a.title,
      data: [...data].sort(),
      declared: a.data,
      purposes: a.purposes,
      basis: a.basis,
      recipients: a.recipients ?? [],
      code: a.code ?? [],
      positions: { activity: file.at(at("id")), data: dataAt },
      ...(a.labels ? { labels: a.labels } : {}),
    };
  });
  for (const [key, list] of [["include", raw.audit?.include], ["exclude", raw.audit?.exclude]] as const) {
    (list ?? []).forEach((g, j) => {
      if (isAbsolute(g) || g.split("/").includes("..")) problem(file.error(["audit", key, j], `glob "${g}" leaves the manifest's folder`, "Use globs relative to the manifest's folder."));
    });
  }
  // Checked here, not when the rules load, so the error points at the line that names the folder.
  (raw.audit?.rules ?? []).forEach((r, j) => {
    if (!existsSync(resolve(dirname(path), r))) problem(file.error(["audit", "rules", j], `rules folder "${r}" not found`, "Paths in audit.rules are relative to the manifest's folder."));
  });
  if (problems.length > 0) throw configErrors(problems, displayPath);

  const dir = dirname(resolve(path));
  const matchers = new Map(activities.map((a) => [a.id, a.code.length ? picomatch(a.code, { dot: true }) : null]));
  return {
    view: {
      path: displayPath,
      policy: raw.policy,
      activities,
      recipients: (raw.recipients ?? []).map((r) => ({
        id: r.id,
        name: r.name ?? r.id,
        ...(r.hosts ? { hosts: r.hosts } : {}),
        ...(r.sdks ? { sdks: r.sdks } : {}),
      })),
      ...(raw.firstParty ? { firstParty: { hosts: raw.firstParty.hosts } } : {}),
      checksRecipients: raw.recipients !== undefined,
    },
    dir,
    audit: raw.audit ?? {},
    at: (p) => file.at(p),
    covers(activity, absFile) {
      const m = matchers.get(activity.id);
      if (!m) return true;
      const rel = relative(dir, absFile).split("\\").join("/");
      return !rel.startsWith("../") && m(rel);
    },
    checkRecipients(catalogueIds) {
      const known = new Set(catalogueIds);
      const near = (id: string) => suggestion(id, catalogueIds);
      (raw.recipients ?? []).forEach((r, i) => {
        (r.sdks ?? []).forEach((sdk, j) => {
          if (!known.has(sdk)) throw file.error(["recipients", i, "sdks", j], `unknown SDK "${sdk}" in recipient "${r.id}"`, near(sdk) || "Run `policytrace recipients` for the catalogue ids.");
        });
        // An id the catalogue lacks stands for itself (a rule's recipient, or a party no code reaches),
        // unless it is a near miss of a catalogue id: then it would silently declare nothing.
        const typo = r.hosts === undefined && r.sdks === undefined && !known.has(r.id) ? likelyTypo(r.id, catalogueIds) : undefined;
        if (typo) {
          throw file.error(["recipients", i, "id"], `recipient "${r.id}" is not in the recipients catalogue`,
            `Did you mean "${typo}"? Or, if it is another party, say how the code reaches it: hosts: [api.example.com] or sdks: [<catalogue id>] (\`policytrace recipients\` lists the ids).`);
        }
      });
    },
  };
}

interface RawManifest {
  policy?: ManifestView["policy"];
  recipients?: { id: string; name?: string; hosts?: string[]; sdks?: string[] }[];
  firstParty?: { hosts: string[] };
  activities: RawActivity[];
  audit?: Manifest["audit"];
}

/**
 * The manifest as the checks above expect it, from data that may have failed the schema:
 * a value of the wrong type becomes empty (its schema error is already reported), and list
 * items keep their index so every message still points at the right line.
 */
function wellFormed(data: unknown): RawManifest {
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const strs = (v: unknown): string[] => list(v).map((x) => (typeof x === "string" ? x : ""));
  const d = obj(data);
  const audit = obj(d.audit);
  return {
    policy: d.policy === undefined ? undefined : (obj(d.policy) as ManifestView["policy"]),
    // Absent, not empty: only a manifest with a recipients list has its recipients checked.
    recipients: d.recipients === undefined ? undefined : list(d.recipients).map((r) => {
      const e = obj(r);
      const listOrNot = (v: unknown) => (v === undefined ? undefined : strs(v));
      return { ...e, id: String(e.id ?? ""), hosts: listOrNot(e.hosts), sdks: listOrNot(e.sdks) };
    }) as RawManifest["recipients"],
    firstParty: d.firstParty === undefined ? undefined : { hosts: strs(obj(d.firstParty).hosts) },
    activities: list(d.activities).map((x, i) => {
      const a = obj(x);
      return { ...a, id: typeof a.id === "string" ? a.id : `#${i}`, data: strs(a.data), purposes: strs(a.purposes),
        basis: String(a.basis ?? ""), recipients: strs(a.recipients), code: strs(a.code), labels: a.labels === undefined ? undefined : obj(a.labels) } as RawActivity;
    }),
    audit: d.audit === undefined ? undefined : { include: strs(audit.include), exclude: strs(audit.exclude), rules: strs(audit.rules) },
  };
}
