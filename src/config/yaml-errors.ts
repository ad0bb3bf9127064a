// The yaml package's messages speak to programmers ("please use YAML.parseAllDocuments()");
// these say what is wrong in the file and what to change, keyed by its stable error codes.

import { isAlias, isCollection, visit, type Document, type LineCounter, type YAMLError } from "yaml";
import { ConfigError } from "./config-error.js";

const WORDING: Record<string, { message?: string; hint: string }> = {
  MULTIPLE_DOCS: { message: "the file holds more than one YAML document (a second `---`)", hint: "Keep a single document: remove the `---` line and what follows, or merge it." },
  DUPLICATE_KEY: { message: "this key appears twice in the same mapping", hint: "Remove or merge the repeated key." },
  TAB_AS_INDENT: { message: "tabs are not allowed as indentation", hint: "Indent with spaces." },
  BAD_INDENT: { hint: "Check the indentation and that every [ or { is closed." },
  MISSING_CHAR: { hint: "Close the quote, bracket or brace that is open here." },
  BAD_DQ_ESCAPE: { hint: "Inside double quotes, write a backslash as \\\\, or use single quotes." },
};

/** The first syntax error of a parsed document, as a ConfigError at its position. */
export function yamlSyntaxError(first: YAMLError, lc: LineCounter, displayPath: string): ConfigError {
  const pos = lc.linePos(first.pos[0]);
  const known = WORDING[first.code];
  const msg = known?.message ?? first.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
  return new ConfigError(`invalid YAML: ${msg}`, displayPath, pos.line, pos.col, known?.hint ?? "Fix the YAML syntax at that position.");
}

/**
 * What the parser accepts but a config file must not hold: keys that are lists or
 * mappings (JS objects cannot key on them; yaml would print a warning and stringify),
 * and aliases to no anchor (toJS would throw a bare ReferenceError).
 */
export function yamlShapeError(doc: Document, lc: LineCounter, displayPath: string): ConfigError | undefined {
  let found: ConfigError | undefined;
  const anchors = new Set<string>();
  const at = (range: readonly number[] | null | undefined, message: string, hint: string) => {
    const p = lc.linePos(range?.[0] ?? 0);
    found = new ConfigError(message, displayPath, p.line, p.col, hint);
    return visit.BREAK;
  };
  visit(doc, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
      if (isAlias(node)) {
        // Anchors must come first, so the set holds every anchor this alias may name.
        if (!anchors.has(node.source)) return at(node.range, `invalid YAML: alias *${node.source} has no anchor &${node.source} before it`, "Define the anchor first, or write the value out.");
      }
      return undefined;
    },
    Pair(_key, pair) {
      if (isCollection(pair.key)) return at(pair.key.range, "invalid YAML: a key must be a plain word, not a list or mapping", "Write the key as text, e.g. `id:`.");
      return undefined;
    },
  });
  return found;
}

/** toJS refused to expand the aliases (nested ones multiply: the "billion laughs" bomb); point at the first. */
export function aliasExpansionError(doc: Document, lc: LineCounter, displayPath: string): ConfigError {
  let range: readonly number[] | null | undefined;
  visit(doc, {
    Alias(_key, node) {
      range = node.range;
      return visit.BREAK;
    },
  });
  const p = lc.linePos(range?.[0] ?? 0);
  return new ConfigError("invalid YAML: its aliases (*name) expand to too much data", displayPath, p.line, p.col, "Write the values out instead of nesting aliases.");
}
