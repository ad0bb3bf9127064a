// HTML policies, parsed by parse5 (the WHATWG parser jsdom uses), so unclosed <p>/<td>,
// entities and implied <tbody> come out as a browser would show them. Scripts, styles and
// other non-content elements are skipped; tables become grids with rowspan/colspan filled in.

import { parse } from "parse5";
import type { DefaultTreeAdapterTypes as T } from "parse5";
import { tidy, type Block, type Cell, type PolicyDocument } from "./policy-document.js";

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe", "button", "select", "nav", "footer"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const LEAF_BLOCKS = new Set(["p", "pre", "dt", "dd", "caption", "figcaption", "address", "summary"]);
const BLOCKS = new Set([...HEADINGS, ...LEAF_BLOCKS, "div", "section", "article", "main", "header", "aside", "body", "html", "ul", "ol", "li", "table", "blockquote", "dl", "details", "form", "fieldset", "figure", "hr", "tr", "td", "th", "thead", "tbody", "tfoot"]);

type Node = T.ChildNode | T.ParentNode;
const isElement = (n: Node): n is T.Element => "tagName" in n;
const lineOf = (n: Node) => n.sourceCodeLocation?.startLine ?? 1;

export function readHtml(source: string): PolicyDocument {
  const doc = parse(source, { sourceCodeLocationInfo: true });
  const blocks: Block[] = [];
  let nextCell = 0;

  const visitChildren = (parent: T.ParentNode): void => {
    let inline: Node[] = [];
    const flush = () => {
      const text = tidy(inline.map(textOf).join(""));
      if (text) blocks.push({ kind: "paragraph", text, line: lineOf(inline[0]) });
      inline = [];
    };
    for (const child of parent.childNodes) {
      if (isElement(child) && BLOCKS.has(child.tagName)) {
        flush();
        visit(child);
      } else if (!isElement(child) || !SKIPPED.has(child.tagName)) inline.push(child);
    }
    flush();
  };

  const visit = (el: T.Element): void => {
    const tag = el.tagName;
    if (HEADINGS.has(tag)) {
      const text = tidy(textOf(el));
      if (text) blocks.push({ kind: "heading", level: Number(tag[1]), text, line: lineOf(el) });
    } else if (LEAF_BLOCKS.has(tag)) {
      const text = tidy(textOf(el));
      if (text) blocks.push({ kind: "paragraph", text, line: lineOf(el) });
    } else if (tag === "ol" || tag === "ul") {
      let n = Number(attr(el, "start") ?? 1);
      for (const li of el.childNodes) {
        if (!isElement(li) || li.tagName !== "li") continue;
        const own = li.childNodes.filter((c) => !(isElement(c) && (c.tagName === "ol" || c.tagName === "ul")));
        const text = tidy(own.map(textOf).join(""));
        if (text) blocks.push({ kind: "item", marker: tag === "ol" ? String(attr(li, "value") ?? n) : undefined, text, line: lineOf(li) });
        n++;
        for (const c of li.childNodes) if (isElement(c) && (c.tagName === "ol" || c.tagName === "ul")) visit(c);
      }
    } else if (tag === "table") {
      const rows = gridOf(el, () => nextCell++);
      if (rows.length) blocks.push({ kind: "table", rows, line: lineOf(el) });
    } else if (tag === "hr") {
      blocks.push({ kind: "break", line: lineOf(el) });
    } else visitChildren(el);
  };

  visitChildren(doc);
  const titleEl = find(doc, (e) => e.tagName === "title");
  const h1 = blocks.find((b) => b.kind === "heading");
  const title = (titleEl && tidy(textOf(titleEl))) || (h1?.kind === "heading" ? h1.text : undefined);
  return { format: "html", title, blocks };
}

/** A table's rows with each spanning cell repeated in every slot it covers (same id). */
function gridOf(table: T.Element, newId: () => number): Cell[][] {
  const trs: T.Element[] = [];
  const collect = (el: T.Element) => {
    for (const c of el.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === "tr") trs.push(c);
      else if (c.tagName === "thead" || c.tagName === "tbody" || c.tagName === "tfoot") collect(c);
    }
  };
  collect(table);
  const grid: Cell[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    let col = 0;
    for (const td of tr.childNodes) {
      if (!isElement(td) || (td.tagName !== "td" && td.tagName !== "th")) continue;
      while (grid[r][col]) col++;
      const cell: Cell = { text: tidy(textOf(td)), line: lineOf(td), id: newId() };
      const rowspan = Math.max(1, Math.min(Number(attr(td, "rowspan")) || 1, trs.length - r));
      const colspan = Math.max(1, Math.min(Number(attr(td, "colspan")) || 1, 100));
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) grid[r + dr][col + dc] = cell;
      col += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { text: "", line: row[0]?.line ?? 1, id: newId() }));
}

/** Text as a reader sees it: <br> and block children start new lines; skipped elements add nothing. */
function textOf(n: Node): string {
  if (n.nodeName === "#text") return (n as T.TextNode).value.replace(/\s+/g, " ");
  if (!isElement(n) && n.nodeName !== "#document" && n.nodeName !== "#document-fragment") return "";
  if (isElement(n)) {
    if (SKIPPED.has(n.tagName)) return "";
    if (n.tagName === "br") return "\n";
  }
  const inner = (n as T.ParentNode).childNodes.map(textOf).join("");
  return isElement(n) && BLOCKS.has(n.tagName) ? `\n${inner}\n` : inner;
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function find(n: T.ParentNode, test: (e: T.Element) => boolean): T.Element | undefined {
  for (const c of n.childNodes) {
    if (!isElement(c)) continue;
    if (test(c)) return c;
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}
