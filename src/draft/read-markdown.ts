// Markdown policies, tokenised by markdown-it (CommonMark with GFM pipe tables). Headings,
// paragraphs, list items (with their ordered-list numbers) and tables become blocks; inline
// markup is reduced to its text, and a <br> inside a table cell to a line break.

import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { tidy, type Block, type Cell, type PolicyDocument } from "./policy-document.js";

const md = new MarkdownIt({ html: true, linkify: false });

export function readMarkdown(source: string): PolicyDocument {
  const tokens = md.parse(source, {});
  const blocks: Block[] = [];
  const lineOf = (t: Token) => (t.map ? t.map[0] + 1 : 1);
  // Open list items: the marker and whether their first paragraph was already taken.
  const items: { marker?: string; line: number; used: boolean }[] = [];
  let table: { rows: Cell[][]; line: number } | undefined;
  let nextCell = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const inline = tokens[i + 1]?.type === "inline" ? tokens[i + 1] : undefined;
    switch (t.type) {
      case "heading_open":
        if (inline) blocks.push({ kind: "heading", level: Number(t.tag.slice(1)), text: plain(inline), line: lineOf(t) });
        break;
      case "list_item_open":
        items.push({ marker: t.info || undefined, line: lineOf(t), used: false });
        break;
      case "list_item_close":
        items.pop();
        break;
      case "paragraph_open": {
        if (!inline) break;
        const text = plain(inline);
        const item = items[items.length - 1];
        if (item && !item.used) {
          item.used = true;
          blocks.push({ kind: "item", marker: item.marker, text, line: item.line });
        } else if (text) blocks.push({ kind: "paragraph", text, line: lineOf(t) });
        break;
      }
      case "table_open":
        table = { rows: [], line: lineOf(t) };
        break;
      case "tr_open":
        table?.rows.push([]);
        break;
      case "th_open":
      case "td_open":
        table?.rows[table.rows.length - 1].push({ text: inline ? plain(inline) : "", line: lineOf(tokens[i - 1] ?? t), id: nextCell++ });
        break;
      case "table_close":
        if (table?.rows.length) blocks.push({ kind: "table", ...table });
        table = undefined;
        break;
      case "hr":
        blocks.push({ kind: "break", line: lineOf(t) });
        break;
    }
  }
  const first = blocks.find((b) => b.kind === "heading");
  return { format: "markdown", title: first?.kind === "heading" ? first.text : undefined, blocks };
}

function plain(inline: Token): string {
  const out: string[] = [];
  for (const c of inline.children ?? []) {
    if (c.type === "text" || c.type === "code_inline") out.push(c.content);
    else if (c.type === "softbreak" || c.type === "hardbreak") out.push("\n");
    else if (c.type === "html_inline" && /^<br\s*\/?>$/i.test(c.content)) out.push("\n");
    else if (c.type === "image") out.push(c.content);
  }
  return tidy(out.join(""));
}
