import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from "yaml";
import { ConfigError } from "./config-error.js";
import { aliasExpansionError, yamlShapeError, yamlSyntaxError } from "./yaml-errors.js";

/** A parsed YAML file that can point back at the line and column of any value in it. */
export interface YamlFile {
  path: string;
  data: unknown;
  /** Position of the node at a JSON path (keys and indexes), falling back to the nearest parent. */
  at(path: (string | number)[], key?: boolean): { line: number; column: number };
  error(path: (string | number)[], message: string, hint?: string, key?: boolean): ConfigError;
}

export function readYamlFile(path: string, displayPath = path): YamlFile {
  let text: string;
  try {
    // A FIFO or device would block the read forever, so only plain files are read.
    const st = statSync(path);
    if (!st.isFile()) {
      const what = st.isDirectory() ? "a folder" : "not a regular file";
      throw new ConfigError(`cannot read: it is ${what}`, displayPath, undefined, undefined, "Pass the path of a .yml file.");
    }
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EACCES" || code === "EPERM" ? "permission denied" : "read failed";
    throw new ConfigError(`cannot read (${code ?? "unknown error"}: ${why})`, displayPath, undefined, undefined, "Check the path and its permissions.");
  }
  return parseYamlText(text, displayPath);
}

/**
 * A file whose data is already known (from the built-in rules cache): positions for an error
 * message are worked out by parsing the YAML only when one is asked for.
 */
export function preparsedYamlFile(path: string, displayPath: string, data: unknown): YamlFile {
  let full: YamlFile | undefined;
  const parsed = () => (full ??= readYamlFile(path, displayPath));
  return {
    path: displayPath,
    data,
    at: (p, key) => parsed().at(p, key),
    error: (p, message, hint, key) => parsed().error(p, message, hint, key),
  };
}

export function parseYamlText(text: string, displayPath: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors[0]) throw yamlSyntaxError(doc.errors[0], lineCounter, displayPath);
  const shape = yamlShapeError(doc, lineCounter, displayPath);
  if (shape) throw shape;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // Unresolved aliases were caught above; what is left is the expansion limit.
    throw aliasExpansionError(doc, lineCounter, displayPath);
  }
  const at = (path: (string | number)[], key = false) => locate(doc, lineCounter, path, key);
  return {
    path: displayPath,
    data,
    at,
    error(path, message, hint, key = false) {
      const pos = at(path, key);
      return new ConfigError(message, displayPath, pos.line, pos.column, hint);
    },
  };
}

function locate(doc: Document, lc: LineCounter, path: (string | number)[], key: boolean): { line: number; column: number } {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } = { line: 1, column: 1 };
  const posOf = (n: unknown) => {
    const range = (n as Node | undefined)?.range;
    if (range) {
      const p = lc.linePos(range[0]);
      best = { line: p.line, column: p.col };
    }
  };
  posOf(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      if (last && key) {
        posOf(pair.key);
        return best;
      }
      node = pair.value ?? pair.key;
      posOf(node ?? pair.key);
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (!node) break;
      posOf(node);
    } else break;
  }
  return best;
}
