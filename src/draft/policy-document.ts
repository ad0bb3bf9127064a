// The one shape every policy format is read into, so that finding activities does not care
// whether the policy came as plain text, Markdown or HTML.

export interface Cell {
  text: string;
  line: number;
  /** Cells that one spanning cell fills (rowspan, colspan) share an id. */
  id: number;
}

export type Block =
  | { kind: "heading"; level: number; text: string; line: number }
  | { kind: "paragraph"; text: string; line: number }
  /** A list item; `marker` is an ordered list's number ("3") or undefined for a bullet. */
  | { kind: "item"; marker?: string; text: string; line: number }
  /** A paragraph with only whitespace (a plain-text export's spacer between parts). */
  | { kind: "break"; line: number }
  | { kind: "table"; rows: Cell[][]; line: number };

export type PolicyFormat = "text" | "markdown" | "html";

export interface PolicyDocument {
  format: PolicyFormat;
  /** The policy's own name: its first heading, <title> or first line. */
  title?: string;
  blocks: Block[];
}

/** Collapses runs of spaces (incl. no-break spaces) and trims; keeps line breaks as "\n". */
export function tidy(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0\u200b]+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}
