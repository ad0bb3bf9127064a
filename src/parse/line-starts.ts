import type { ts } from "ts-morph";

/**
 * Gives a parsed file its line map (the offset where each line starts) before any position is
 * asked of it. TypeScript builds the map on the first request by testing every character in
 * a loop, which cost more than all the position look-ups it serves; a native search for each
 * newline gives the same array about four times faster.
 */
export function withLineStarts(sf: ts.SourceFile): ts.SourceFile {
  const own = sf as unknown as { lineMap?: readonly number[] };
  const starts = own.lineMap ? undefined : lineStarts(sf.text);
  if (starts) own.lineMap = starts;
  return sf;
}

/** Undefined for text with the other line breaks TypeScript counts (`\r`, U+2028, U+2029): it keeps its own map there. */
export function lineStarts(text: string): number[] | undefined {
  if (text.includes("\r") || text.includes("\u2028") || text.includes("\u2029")) return undefined;
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
