import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { Ajv } from "ajv";
import picomatch from "picomatch";
import type { ActivityView, ManifestView } from "../types.js";
import type { Taxonomy } from "./categories.js";
import { readYamlFile } from "./yaml-file.js";
import { manifestSchema } from "./manifest-schema.js";
import { schemaError } from "./schema-errors.js";
import { suggestion } from "./did-you-mean.js";
import { ConfigError } from "./config-error.js";
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
}

// verbose: errors carry their schema, so a message can list the allowed keys.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(manifestSchema);

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
  if (!validate(file.data)) throw schemaError(file, validate.errors ?? [], "manifest");
  const raw = file.data as {
    policy?: ManifestView["policy"];
    recipients?: { id: string; name?: string }[];
    activities: RawActivity[];
    audit?: Manifest["audit"];
  };

  const recipientIds = new Map<string, number>();
  (raw.recipients ?? []).forEach((r, i) => {
    if (recipientIds.has(r.id)) throw file.error(["recipients", i, "id"], `duplicate recipient id "${r.id}"`, "Each recipient id must be unique.");
    recipientIds.set(r.id, i);
  });

  const seen = new Map<string, number>();
  const activities: ActivityView[] = raw.activities.map((a, i) => {
    const at = (...p: (string | number)[]) => ["activities", i, ...p];
    const first = seen.get(a.id);
    if (first !== undefined) throw file.error(at("id"), `duplicate activity id "${a.id}" (also activities[${first}])`, "Give each activity a unique id.");
    seen.set(a.id, i);
    const data = new Set<string>();
    a.data.forEach((term, j) => {
      const ids = taxonomy.resolve(term);
      if (!ids) {
        const near = taxonomy.suggest(term);
        const hint = near ? `Did you mean "${near}"?` : "Run `policytrace categories` to list ids, groups and policy wording.";
        throw file.error(at("data", j), `unknown data category "${term}" in activity "${a.id}"`, hint);
      }
      ids.forEach((id) => data.add(id));
    });
    a.purposes.forEach((p, j) => {
      if (/\bTODO\b/i.test(p)) throw file.error(at("purposes", j), `activity "${a.id}" still has a TODO purpose`, "Write the purpose from the policy table, e.g. account-registration.");
    });
    (a.recipients ?? []).forEach((r, j) => {
      if (!recipientIds.has(r)) {
        const known = [...recipientIds.keys()];
        const hint = suggestion(r, known) || (known.length ? `Declared recipients: ${known.join(", ")}.` : "Declare it under top-level `recipients:` first.");
        throw file.error(at("recipients", j), `unknown recipient "${r}" in activity "${a.id}"`, hint);
      }
    });
    (a.code ?? []).forEach((g, j) => {
      if (isAbsolute(g) || g.split("/").includes("..")) {
        throw file.error(at("code", j), `code glob "${g}" leaves the manifest's folder`, "Globs are relative to the folder of privacy-manifest.yml; move the manifest up instead of using ../.");
      }
    });
    checkLabelOverrides(file, at("labels"), a.labels);
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
      ...(a.labels ? { labels: a.labels } : {}),
    };
  });
  for (const [key, list] of [["include", raw.audit?.include], ["exclude", raw.audit?.exclude]] as const) {
    (list ?? []).forEach((g, j) => {
      if (isAbsolute(g) || g.split("/").includes("..")) throw file.error(["audit", key, j], `glob "${g}" leaves the manifest's folder`, "Use globs relative to the manifest's folder.");
    });
  }
  // Checked here, not when the rules load, so the error points at the line that names the folder.
  (raw.audit?.rules ?? []).forEach((r, j) => {
    if (!existsSync(resolve(dirname(path), r))) throw file.error(["audit", "rules", j], `rules folder "${r}" not found`, "Paths in audit.rules are relative to the manifest's folder.");
  });

  const dir = dirname(resolve(path));
  const matchers = new Map(activities.map((a) => [a.id, a.code.length ? picomatch(a.code, { dot: true }) : null]));
  return {
    view: {
      path: displayPath,
      policy: raw.policy,
      activities,
      recipients: (raw.recipients ?? []).map((r) => ({ id: r.id, name: r.name ?? r.id })),
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
  };
}
