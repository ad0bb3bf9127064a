// Activities from a table: one per row, or per run of rows that share one activity cell
// (rowspan) or leave it blank (a Markdown table's way to continue the row above). Part
// rows ("A. Use of Imou App …", spanning the table or alone in the first column) qualify the
// refs of the rows below them: "A." + "1a." → A.1a; unnumbered rows count within their part.

import { isBasisCell } from "./basis.js";
import { NUMBERED, PART } from "./cell-table.js";
import { columnRole, type ColumnRole } from "./columns.js";
import type { Cell } from "./policy-document.js";
import type { RawActivity } from "./raw-activity.js";

export function tableActivities(rows: Cell[][]): RawActivity[] {
  if (!rows.length) return [];
  const width = rows[0].length;
  const headerRoles = rows[0].map((c) => columnRole(c.text));
  const labelled = headerRoles.filter(Boolean).length >= 2 && (headerRoles.includes("data") || headerRoles.includes("purpose"));
  const roles = labelled ? fillRoles(headerRoles) : rolesByPosition(rows, width);
  const body = labelled ? rows.slice(1) : rows;
  const colOf = (r: ColumnRole) => roles.indexOf(r);
  const activityCol = colOf("activity") >= 0 ? colOf("activity") : colOf("purpose");
  if (activityCol < 0 || (colOf("data") < 0 && colOf("purpose") < 0)) return [];

  const out: RawActivity[] = [];
  let part: { letter?: string; title: string } | undefined;
  let counter = 0;
  let current: RawActivity | undefined;
  let prevRow: Cell[] | undefined;
  const seenIn = new Map<number, RawActivity>(); // cell id → the activity it first appeared in

  for (const row of body) {
    const filled = row.filter((c) => c.text !== "");
    if (!filled.length) continue;
    const isPart = new Set(row.map((c) => c.id)).size === 1 || (filled.length === 1 && filled[0] === row[0] && PART.test(row[0].text));
    if (isPart) {
      const m = PART.exec(row[0].text);
      part = { letter: m?.[1], title: row[0].text };
      counter = 0;
      current = undefined;
      prevRow = undefined;
      continue;
    }
    const act = row[activityCol];
    const continues = current && (act.text === "" || (prevRow && prevRow[activityCol].id === act.id));
    if (!continues) {
      if (!act.text) continue;
      const num = NUMBERED.exec(act.text)?.[1];
      counter = num ? parseInt(num, 10) : counter + 1;
      const own = num ?? String(counter);
      current = {
        ref: part?.letter ? `${part.letter}.${own}` : own,
        title: act.text,
        line: act.line,
        part: part?.title,
        data: [],
        purposes: [],
        bases: [],
      };
      out.push(current);
    }
    const a = current!;
    const add = (role: ColumnRole, list: RawActivity["data"]) => {
      const i = colOf(role);
      if (i < 0) return;
      const c = row[i];
      if (!c.text || c.id === act.id && i !== activityCol || list.some((x) => x.text === c.text && x.line === c.line)) return;
      if (role === "purpose" && i === activityCol) return; // a purpose-first table: the title is the purpose
      list.push({ text: c.text, line: c.line });
    };
    add("data", a.data);
    add("purpose", a.purposes);
    if (activityCol === colOf("purpose") && !a.purposes.length) a.purposes.push({ text: act.text, line: act.line });
    const b = colOf("basis") >= 0 ? row[colOf("basis")] : undefined;
    if (b?.text && b.id !== act.id && !a.bases.some((x) => x.text === b.text && x.line === b.line)) {
      const first = seenIn.get(b.id);
      a.bases.push({ text: b.text, line: b.line, spannedFrom: first && first !== a ? first.ref : undefined });
    }
    for (const c of row) if (!seenIn.has(c.id)) seenIn.set(c.id, a);
    // A row whose activity cell also fills the data and purpose columns only describes.
    if (!a.data.length && row.every((c, i) => i === colOf("basis") || c.id === act.id || !c.text)) a.descriptionOnly = true;
    prevRow = row;
  }
  inheritBlankBases(out);
  return out;
}

/** A Markdown table has no rowspan: a blank basis cell within a part stands for the one above. */
function inheritBlankBases(list: RawActivity[]): void {
  for (let i = 1; i < list.length; i++) {
    const a = list[i];
    const prev = list[i - 1];
    if (a.bases.length || a.part !== prev.part || !prev.bases.length) continue;
    const last = prev.bases[prev.bases.length - 1];
    a.bases.push({ ...last, spannedFrom: last.spannedFrom ?? prev.ref });
  }
}

/** Header cells that name no role take the role their position leaves open. */
function fillRoles(roles: (ColumnRole | undefined)[]): (ColumnRole | undefined)[] {
  const open = (["activity", "data", "purpose", "basis"] as ColumnRole[]).filter((r) => !roles.includes(r));
  return roles.map((r) => r ?? open.shift());
}

/** No header: the column that is mostly basis cells is the basis, the first other is the activity, then data, then purposes. */
function rolesByPosition(rows: Cell[][], width: number): (ColumnRole | undefined)[] {
  const basisShare = Array.from({ length: width }, (_, i) => rows.filter((r) => r[i].text && isBasisCell(r[i].text)).length / Math.max(1, rows.filter((r) => r[i].text).length));
  const basisCol = basisShare.findIndex((s) => s >= 0.5 && s === Math.max(...basisShare));
  const order: ColumnRole[] = ["activity", "data", "purpose"];
  return Array.from({ length: width }, (_, i) => (i === basisCol ? "basis" : order.shift() ?? "purpose"));
}
