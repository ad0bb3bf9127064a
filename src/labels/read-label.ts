// Reads an existing privacy label (`scan --labels FILE`), telling its format by content: an
// Apple property list (XML or binary), a Play Data safety CSV, or a fideslang system YAML.
// What comes back is the list of types it claims, each with its line where that can be told.

import { readFileSync, statSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parsePlist, parseBinary } from "plist";
import { ConfigError } from "../config/config-error.js";
import { suggestion } from "../config/did-you-mean.js";
import { parseYamlText } from "../config/yaml-file.js";
import { labelTables, type LabelFormat } from "./label-tables.js";

export interface LabelClaims {
  format: LabelFormat;
  claims: { type: string; line?: number }[];
}

const FIDES_KEY = /^[a-zA-Z0-9_.<>-]+$/;

export function readLabel(path: string, shown: string): LabelClaims {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new ConfigError("cannot read the label: it is not a regular file", shown, undefined, undefined, "Pass the label file (PrivacyInfo.xcprivacy, the Data safety CSV or a fides YAML).");
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the label (${code ?? "read failed"})`, shown, undefined, undefined, "Check the --labels path.");
  }
  if (bytes.subarray(0, 8).toString("latin1") === "bplist00") return apple(bytes, "", shown);
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const start = text.trimStart();
  if (start.startsWith("<")) return apple(null, text, shown);
  if (/^"?Question ID\b/.test(start)) return play(text, shown);
  return fides(text, shown);
}

function apple(binary: Buffer | null, text: string, shown: string): LabelClaims {
  const t = labelTables().apple;
  let data: unknown;
  try {
    data = quietly(() => (binary ? parseBinary(binary) : parsePlist(text)));
  } catch (err) {
    throw new ConfigError(`not a valid property list: ${(err as Error).message.split("\n")[0]}`, shown, undefined, undefined, "An Apple privacy manifest is an XML property list; open it in Xcode to see what is wrong.");
  }
  const root = Array.isArray(data) ? data[0] : data; // plist returns a one-element array for several root nodes
  if (!root || typeof root !== "object" || Array.isArray(root)) throw new ConfigError("property list has no top-level dict", shown, 1, 1, "A PrivacyInfo.xcprivacy is a <dict> with NSPrivacyCollectedDataTypes.");
  const list = (root as Record<string, unknown>).NSPrivacyCollectedDataTypes ?? [];
  if (!Array.isArray(list)) throw new ConfigError("NSPrivacyCollectedDataTypes must be an array", shown, lineOf(text, "NSPrivacyCollectedDataTypes"), 1);
  const lines = text.split(/\r?\n/);
  const claims = list.map((entry, i) => {
    const type = (entry as Record<string, unknown> | null)?.NSPrivacyCollectedDataType;
    if (typeof type !== "string") throw new ConfigError(`NSPrivacyCollectedDataTypes[${i}] has no NSPrivacyCollectedDataType string`, shown, undefined, undefined, "Each entry is a dict with NSPrivacyCollectedDataType, …Linked, …Tracking and …Purposes.");
    const line = lines.findIndex((l) => l.includes(`>${type}<`)) + 1 || undefined;
    if (!t.types.includes(type)) throw new ConfigError(`unknown Apple data type "${type}"`, shown, line, 1, nearestName(type, t.types) || "See Apple's \"Describing data use in privacy manifests\" for the values.");
    return { type, line };
  });
  return { format: "apple", claims };
}

function play(text: string, shown: string): LabelClaims {
  const t = labelTables().play;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ConfigError(`not a valid CSV: ${e.message}`, shown, e.lines, 1, "Export the Data safety form from Play Console again, or fix the quoting.");
  }
  const header = records[0]?.record ?? [];
  if (t.header.some((h, i) => header[i] !== h)) {
    throw new ConfigError("not a Play Data safety CSV: the header row differs from Play Console's", shown, 1, 1, `The first row must be: ${t.header.join(",")}`);
  }
  const types = new Set(t.types.map(([id]) => id));
  const claims: LabelClaims["claims"] = [];
  for (const { record, info } of records.slice(1)) {
    const [q, r, v] = record;
    if (!q?.startsWith("PSL_DATA_TYPES_") || !/^true$/i.test(v ?? "")) continue;
    if (!types.has(r)) throw new ConfigError(`unknown Data safety data type "${r}"`, shown, info.lines, 1, nearestName(r, [...types]) || "Export a fresh template from Play Console.");
    claims.push({ type: r, line: info.lines });
  }
  return { format: "play", claims };
}

function fides(text: string, shown: string): LabelClaims {
  const file = parseYamlText(text, shown);
  const data = file.data as { system?: unknown } | null;
  if (!data || typeof data !== "object" || !Array.isArray(data.system)) {
    throw new ConfigError("cannot tell what label this is", shown, 1, 1,
      "--labels takes an Apple PrivacyInfo.xcprivacy (property list), a Play Data safety CSV (Play Console's export), or a fides YAML with a top-level `system:` list.");
  }
  const claims: LabelClaims["claims"] = [];
  data.system.forEach((s: { privacy_declarations?: unknown }, i: number) => {
    const decls = s?.privacy_declarations;
    if (!Array.isArray(decls)) throw file.error(["system", i], "a fides system needs a `privacy_declarations` list", "See fideslang's System model.");
    decls.forEach((d: { data_categories?: unknown }, j: number) => {
      const keys = d?.data_categories;
      if (!Array.isArray(keys)) throw file.error(["system", i, "privacy_declarations", j], "a privacy declaration needs a `data_categories` list");
      keys.forEach((k: unknown, n: number) => {
        const at = ["system", i, "privacy_declarations", j, "data_categories", n];
        if (typeof k !== "string" || !FIDES_KEY.test(k)) throw file.error(at, `not a fideslang key: ${JSON.stringify(k)}`, "Keys are dotted names such as user.contact.email.");
        claims.push({ type: k, line: file.at(at).line });
      });
    });
  });
  return { format: "fides", claims };
}

function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : text.slice(0, i).split("\n").length;
}

/** A value that a known one begins with (NSPrivacyCollectedDataTypeEmail → …EmailAddress), else the closest. */
function nearestName(value: string, known: string[]): string {
  const longer = known.filter((k) => k.startsWith(value));
  return longer.length === 1 ? `Did you mean "${longer[0]}"?` : suggestion(value, known);
}

/** The XML parser under `plist` reports malformed input on the console as well as by throwing. */
function quietly<T>(f: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return f();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
