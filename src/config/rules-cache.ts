import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";
import { builtinRulesDir } from "./package-paths.js";

// Parsing ~20 YAML files with positions costs ~0.5 s at every start, more than scanning a
// few hundred source files. `npm run build` validates the built-in rules once and stores
// what they parse to, keyed by a hash of their text, so a stale cache is never used.
const cachePath = fileURLToPath(new URL("../builtin-rules.cache.json", import.meta.url));

interface Cache {
  key: string;
  files: Record<string, unknown>;
}

let loaded: { key: string; files: Map<string, unknown> } | null | undefined;

/** Used by the cache writer, so that it validates from the YAML itself. */
export function disableBuiltinCache(): void {
  loaded = null;
}

/** Every built-in YAML file, categories included. */
export function builtinYamlFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(builtinRulesDir);
  return out.sort();
}

const keys = new Map<string, string>();

/** Hash of the files' names and text; memoised, since categories and rules ask in one run. */
function keyOf(paths: string[]): string {
  const id = paths.join("\0");
  let key = keys.get(id);
  if (key === undefined) {
    key = hashFiles(paths);
    keys.set(id, key);
  }
  return key;
}

function hashFiles(paths: string[]): string {
  const h = createHash("sha256");
  for (const p of [...paths].sort()) h.update(relative(builtinRulesDir, p)).update("\0").update(readFileSync(p)).update("\0");
  return h.digest("hex");
}

/** The parsed data of built-in rule files, when the cache matches their current text. */
export function cachedBuiltins(paths: string[]): Map<string, unknown> | null {
  if (loaded === undefined) {
    try {
      const cache = JSON.parse(readFileSync(cachePath, "utf8")) as Cache;
      loaded = { key: cache.key, files: new Map(Object.entries(cache.files)) };
    } catch {
      loaded = null;
    }
  }
  if (!loaded || loaded.key !== keyOf(paths)) return null;
  const files = new Map<string, unknown>();
  for (const p of paths) {
    const rel = relative(builtinRulesDir, p);
    if (!loaded.files.has(rel)) return null;
    files.set(p, loaded.files.get(rel));
  }
  return files;
}

export function writeBuiltinCache(parsed: Map<string, unknown>): string {
  const files: Record<string, unknown> = {};
  for (const [p, data] of parsed) files[relative(builtinRulesDir, p)] = data;
  writeFileSync(cachePath, JSON.stringify({ key: hashFiles([...parsed.keys()]), files } satisfies Cache));
  return cachePath;
}
