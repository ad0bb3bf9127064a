// A table that reached plain text as one paragraph per cell (a web page saved as text):
//
//   Activity / Type of data / Processing purposes / Lawful basis for processing   ← header
//   A. Use of Imou App, Devices and Cloud                                         ← part heading
//   1a. When you sign up …  / Email address; … / To allow us … / Performance of contract …
//   1b. When you change …   / If you choose …  / To allow the changes …   (basis spans from 1a)
//
// The header's cells name the columns. Rows are put back together from the cells' own
// numbering ("1a.", "2."), or, in a part without numbering, from the basis cells that close
// each row; a basis missing from a row is the one spanning from the row above, as in the
// page's table. The table ends at the first blank (whitespace-only) paragraph.

import { isBasisCell } from "./basis.js";
import { columnRole, type ColumnRole } from "./columns.js";
import type { Block, Cell } from "./policy-document.js";

type Paragraph = Extract<Block, { kind: "paragraph" }>;

export const PART = /^([A-Z])\.\s+\S/;
export const NUMBERED = /^(\d{1,3}[a-z]?)[.)]\s+\S/;

/** The blocks with each run of cells that forms a table replaced by one table block. */
export function rebuildCellTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const header = headerAt(blocks, i);
    if (!header) {
      out.push(blocks[i]);
      continue;
    }
    let end = i + header.length;
    while (end < blocks.length && blocks[end].kind === "paragraph") end++;
    const body = blocks.slice(i + header.length, end) as Paragraph[];
    out.push({ kind: "table", line: blocks[i].line, rows: assemble(header, body) });
    i = end - 1;
  }
  return out;
}

/** 3–6 consecutive short cells that each name a column, among them the data and the basis. */
function headerAt(blocks: Block[], i: number): Paragraph[] | undefined {
  const run: Paragraph[] = [];
  for (let j = i; j < blocks.length && run.length < 6; j++) {
    const b = blocks[j];
    if (b.kind !== "paragraph" || b.text.includes("\n") || !columnRole(b.text)) break;
    run.push(b);
  }
  const roles = run.map((p) => columnRole(p.text));
  if (run.length < 3 || !roles.includes("basis") || !roles.includes("data")) return undefined;
  return run;
}

function assemble(header: Paragraph[], body: Paragraph[]): Cell[][] {
  let nextId = 0;
  const cell = (p: Paragraph): Cell => ({ text: p.text, line: p.line, id: nextId++ });
  const roles = header.map((p) => columnRole(p.text)!);
  const col = (r: ColumnRole) => roles.indexOf(r);
  const width = roles.length;
  const rows: Cell[][] = [header.map(cell)];
  let above: Cell[] | undefined; // the previous body row, for cells that span down

  const emit = (byRole: Partial<Record<ColumnRole, Cell>>, line: number) => {
    const row = Array.from({ length: width }, (_, i) => byRole[roles[i]] ?? { text: "", line, id: nextId++ });
    rows.push(row);
    above = row;
  };

  for (const part of splitParts(body)) {
    if (part.heading) {
      const h = cell(part.heading);
      rows.push(Array.from({ length: width }, () => h));
      above = undefined;
    }
    for (const r of splitRows(part.cells)) {
      const title = cell(r[0]);
      const rest = r.slice(1);
      const data = col("data") >= 0 && rest.length && !isBasisCell(rest[0].text) ? cell(rest.shift()!) : undefined;
      // One table row per purpose. A basis cell right after a purpose starts there and spans
      // down over the purposes after it; a row with no basis cell is spanned from above.
      let basis = above?.[col("basis")];
      let emitted = false;
      for (let k = 0; k < rest.length; k++) {
        const c = rest[k];
        if (isBasisCell(c.text)) {
          basis = cell(c);
          emit({ activity: title, data, basis }, c.line);
          emitted = true;
          continue;
        }
        if (rest[k + 1] && isBasisCell(rest[k + 1].text)) basis = cell(rest[++k]);
        emit({ activity: title, data, purpose: cell(c), basis }, c.line);
        emitted = true;
      }
      if (!emitted) emit({ activity: title, data, basis }, title.line);
    }
  }
  return rows;
}

/** Parts open with a lettered heading cell ("A. Use of Imou App …"). */
function splitParts(body: Paragraph[]): { heading?: Paragraph; cells: Paragraph[] }[] {
  const parts: { heading?: Paragraph; cells: Paragraph[] }[] = [{ cells: [] }];
  for (const p of body) {
    if (PART.test(p.text) && p.text.length <= 120 && !p.text.includes("\n")) parts.push({ heading: p, cells: [] });
    else parts[parts.length - 1].cells.push(p);
  }
  return parts.filter((p) => p.heading || p.cells.length);
}

/**
 * A part's rows. Numbered parts: a row starts at each numbered cell. Unnumbered parts: a row
 * is the cells up to a basis; one lone cell before a basis that reads as a purpose ("To …")
 * adds a purpose to the row before (rows whose activity and data cells span several purposes).
 */
function splitRows(cells: Paragraph[]): Paragraph[][] {
  const rows: Paragraph[][] = [];
  if (cells.length && NUMBERED.test(cells[0].text)) {
    for (const c of cells) {
      if (NUMBERED.test(c.text) || !rows.length) rows.push([c]);
      else rows[rows.length - 1].push(c);
    }
    return rows;
  }
  let run: Paragraph[] = [];
  const close = (basis?: Paragraph) => {
    const continues = run.length === 1 && rows.length > 0 && /^to\s/i.test(run[0].text);
    if (continues) rows[rows.length - 1].push(...run, ...(basis ? [basis] : []));
    else if (run.length) rows.push([...run, ...(basis ? [basis] : [])]);
    else if (basis && rows.length) rows[rows.length - 1].push(basis);
    run = [];
  };
  for (const c of cells) {
    if (isBasisCell(c.text)) close(c);
    else run.push(c);
  }
  close();
  return rows;
}
