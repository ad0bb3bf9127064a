import type { ErrorObject } from "ajv";
import type { YamlFile } from "./yaml-file.js";
import type { ConfigError } from "./config-error.js";
import { didYouMean, suggestion } from "./did-you-mean.js";
import { HOST_PATTERN } from "./rule-schema.js";

/** Turns the first ajv error into a ConfigError at the offending YAML node, in words a user can act on. */
export function schemaError(file: YamlFile, errors: ErrorObject[], what: string): ConfigError {
  // An unknown key is the most actionable thing to report; otherwise the deepest error.
  return toConfigError(file, errors.find((x) => x.keyword === "additionalProperties") ?? errors[0], what);
}

/** One ConfigError per value that is wrong (ajv may report one value several ways: the first is kept). */
export function schemaErrors(file: YamlFile, errors: ErrorObject[], what: string): ConfigError[] {
  const byPlace = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = e.keyword === "additionalProperties"
      ? `${e.instancePath}\u0000${(e.params as { additionalProperty: string }).additionalProperty}`
      : e.keyword === "required" ? `${e.instancePath}\u0000required:${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
    if (!byPlace.has(key)) byPlace.set(key, e);
  }
  // `activites:` is one mistake, not two: no "missing activities" beside "unknown key activites".
  const misspelt = new Set<string>();
  for (const e of byPlace.values()) {
    if (e.keyword !== "additionalProperties") continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
    const near = didYouMean(String((e.params as { additionalProperty: string }).additionalProperty), allowed);
    if (near) misspelt.add(`${e.instancePath}\u0000required:${near}`);
  }
  return [...byPlace].filter(([key]) => !misspelt.has(key)).map(([, e]) => toConfigError(file, e, what));
}

function toConfigError(file: YamlFile, e: ErrorObject, what: string): ConfigError {
  const path = e.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
  const label = path.length ? labelOf(file.data, path) : what;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const hint = [suggestion(key, allowed), allowed.length ? `Allowed keys: ${allowed.join(", ")}.` : ""].filter(Boolean).join(" ");
      return file.error([...path, key], `unknown key "${key}" in ${label}`, hint, true);
    }
    case "required": {
      const key = (e.params as { missingProperty: string }).missingProperty;
      return file.error(path, `${label} is missing the required key "${key}"`, `Add "${key}:".`);
    }
    case "dependencies": {
      const { property, missingProperty } = e.params as { property: string; missingProperty: string };
      return file.error(path, `${label} is missing the required key "${missingProperty}"`, `Add "${missingProperty}:"; "${property}:" needs it.`);
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = valueAt(file.data, path);
      const hint = [suggestion(String(value), allowed), `Use one of: ${allowed.join(", ")}.`].filter(Boolean).join(" ");
      return file.error(path, `${label} has the value ${JSON.stringify(value)}, which is not allowed`, hint);
    }
    case "type":
      return file.error(path, `${label} must be ${article((e.params as { type: string }).type)}`, `Found ${describe(valueAt(file.data, path))}.`);
    case "const": {
      const want = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return file.error(path, `${label} is ${JSON.stringify(valueAt(file.data, path))}, but only ${want} is supported`, `Write ${path.at(-1) ?? label}: ${want}.`);
    }
    case "minItems": {
      const n = (e.params as { limit: number }).limit;
      return file.error(path, `${label} is empty`, `List at least ${n === 1 ? "one entry" : `${n} entries`}.`);
    }
    case "minLength":
      return file.error(path, `${label} is an empty string`, "Write a value, or remove the entry.");
    case "pattern": {
      const pattern = (e.params as { pattern: string }).pattern;
      if (pattern === HOST_PATTERN) {
        return file.error(path, `${label} has the value ${JSON.stringify(valueAt(file.data, path))}, which is not a host name`, "Write a lower-case host without scheme or path (api.example.com), or *.example.com for every subdomain.");
      }
      const chars = pattern.includes(".") ? "lowercase letters, digits, dots and dashes" : "lowercase letters, digits and dashes";
      const hint = pattern.startsWith("^[a-z0-9]") ? `Use ${chars}, starting with a letter or digit (e.g. sign-up).` : `It must match /${pattern}/.`;
      return file.error(path, `${label} has the value ${JSON.stringify(valueAt(file.data, path))}, which is not a valid id`, hint);
    }
    default:
      return file.error(path, `${label} ${e.message ?? "is invalid"}`);
  }
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[p];
  return v;
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "a mapping (key: value)";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** `activities[3].basis` reads better as `activities[3] ("sign-up").basis`: name list items by their id. */
function labelOf(data: unknown, path: (string | number)[]): string {
  let out = "";
  let v: unknown = data;
  path.forEach((p, i) => {
    v = v == null ? undefined : (v as Record<string | number, unknown>)[p];
    if (typeof p === "number") {
      const id = v && typeof v === "object" ? (v as { id?: unknown }).id : undefined;
      // Not when the id itself is what is wrong: that message quotes it already.
      out += typeof id === "string" && id && path[i + 1] !== "id" ? `[${p}] ("${id}")` : `[${p}]`;
    } else out += out ? `.${p}` : p;
  });
  return out;
}
