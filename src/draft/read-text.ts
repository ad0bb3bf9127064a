// Plain-text policies (a page saved as text, a PDF's text): paragraphs separated by blank
// lines. A table exported this way arrives as one paragraph per cell; cell-table.ts puts
// the rows back together.

import { tidy, type Block, type PolicyDocument } from "./policy-document.js";

export function readText(source: string): PolicyDocument {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const text = tidy(lines.slice(start, end).join("\n"));
    blocks.push(text ? { kind: "paragraph", text, line: start + 1 } : { kind: "break", line: start + 1 });
    start = -1;
  };
  lines.forEach((l, i) => {
    if (l === "") flush(i);
    else if (start < 0) start = i;
  });
  flush(lines.length);
  const first = blocks.find((b) => b.kind === "paragraph");
  return { format: "text", title: first?.kind === "paragraph" && first.text.length <= 120 ? first.text : undefined, blocks };
}
