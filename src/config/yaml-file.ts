import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from "yaml";
import { ConfigError } from "./config-error.js";

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
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read file (${code ?? "unknown error"})`, displayPath, undefined, undefined, "Check the path and its permissions.");
  }
  return parseYamlText(text, displayPath);
}

export function parseYamlText(text: string, displayPath: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const msg = first.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
    throw new ConfigError(`invalid YAML: ${msg}`, displayPath, pos.line, pos.col, "Fix the YAML syntax at that position.");
  }
  const data = doc.toJS({ maxAliasCount: 100 });
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
