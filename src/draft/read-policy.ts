// Reads a policy file in whichever format it is in, as one PolicyDocument.

import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { ConfigError } from "../config/config-error.js";
import type { PolicyDocument, PolicyFormat } from "./policy-document.js";
import { readHtml } from "./read-html.js";
import { readMarkdown } from "./read-markdown.js";
import { readText } from "./read-text.js";
import { rebuildCellTables } from "./cell-table.js";

const HINT = "Pass the privacy policy as a text (.txt), Markdown (.md) or HTML (.html) file.";
const MAX_BYTES = 20 * 1024 * 1024;

export function readPolicy(path: string, shown: string): PolicyDocument {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ConfigError(`cannot read the policy: it is ${st.isDirectory() ? "a folder" : "not a regular file"}`, shown, undefined, undefined, HINT);
    if (st.size > MAX_BYTES) throw new ConfigError(`cannot read the policy: ${Math.round(st.size / 1048576)} MB is more than a policy's text`, shown, undefined, undefined, HINT);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EACCES" || code === "EPERM" ? "permission denied" : "read failed";
    throw new ConfigError(`cannot read the policy (${code ?? "unknown error"}: ${why})`, shown, undefined, undefined, "Check the path and its permissions.");
  }
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-" || bytes.subarray(0, 8192).includes(0)) {
    throw new ConfigError("cannot read the policy: it is a binary file (a PDF or a word-processor document?)", shown, undefined, undefined, `Save it as text or HTML first. ${HINT}`);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (!text.trim()) throw new ConfigError("the policy file is empty", shown, 1, 1, HINT);
  return parsePolicy(text, formatOf(path, text));
}

export function parsePolicy(text: string, format: PolicyFormat): PolicyDocument {
  if (format === "html") return readHtml(text);
  if (format === "markdown") return readMarkdown(text);
  const doc = readText(text);
  return { ...doc, blocks: rebuildCellTables(doc.blocks) };
}

export function formatOf(path: string, text: string): PolicyFormat {
  const ext = extname(path).toLowerCase();
  if ([".html", ".htm", ".xhtml"].includes(ext)) return "html";
  if ([".md", ".markdown", ".mdown", ".mkd"].includes(ext)) return "markdown";
  const head = text.slice(0, 4096);
  if (ext !== ".txt" && /<(!doctype html|html|body|table|h[1-6]|p)[\s>]/i.test(head)) return "html";
  if (ext !== ".txt" && /^(#{1,6} \S|\|.*\|\s*$)/m.test(head)) return "markdown";
  return "text";
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The policy's date ("Last modified: January 10, 2023" → 2023-01-10) from its opening blocks. */
export function policyDate(doc: PolicyDocument): string | undefined {
  for (const b of doc.blocks.slice(0, 40)) {
    if (b.kind !== "paragraph" && b.kind !== "heading") continue;
    if (!/\b(last (modified|updated|revised)|effective|updated|revised|version date|dated?)\b/i.test(b.text)) continue;
    const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(b.text);
    if (iso) return iso[0];
    const m = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS.join("|")}),? (\\d{4})|(${MONTHS.join("|")}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4}))\\b`, "i").exec(b.text);
    if (!m) continue;
    const day = Number(m[1] ?? m[5]);
    const month = MONTHS.indexOf((m[2] ?? m[4]).toLowerCase()) + 1;
    const year = m[3] ?? m[6];
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return undefined;
}
