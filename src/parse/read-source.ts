import { readFileSync, statSync } from "node:fs";
import { decodeSource } from "./decode-source.js";

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type SourceText = { text: string; note?: string } | { skipped: string };

/** Reads a source file, or says in one line why it is not scanned (binary, too large, minified, unreadable). */
export function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    return { skipped: cannotRead(err) };
  }
  // Reading a FIFO or a device blocks or never ends; discovery skips them, but a file can
  // be swapped for one between discovery and reading.
  if (!st.isFile()) return { skipped: `skipped: not a regular file (${st.isDirectory() ? "a folder" : "a FIFO, socket or device"})` };
  if (st.size > maxBytes) {
    return { skipped: `skipped: ${(st.size / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(1)} MB limit (likely generated or bundled; raise --max-file-size to scan it)` };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    return { skipped: cannotRead(err) };
  }
  const decoded = decodeSource(buf);
  if ("skipped" in decoded) return decoded;
  if (looksMinified(decoded.text)) return { skipped: "skipped: minified code (very long lines); scan the sources it was built from" };
  if (namesSourceMap(decoded.text)) return { skipped: "skipped: build output (it ends with a sourceMappingURL comment); scan the sources it was built from" };
  return decoded;
}

function cannotRead(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? "error";
  const why: Record<string, string> = {
    ENOENT: "it disappeared or is a broken link",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ELOOP: "too many levels of symbolic links",
  };
  return `skipped: cannot read (${code}${why[code] ? `: ${why[code]}` : ""})`;
}

// A bundle's findings point at column 40,000 of line 1: useless to a reader, and slow. Size
// alone misses a 90 KB one-line bundle, so the test reads the content: most of the text sits
// in very long lines, and those lines are dense (minifiers drop almost every space). A
// long data line among ordinary code, or a long prose string, does not qualify.
const LONG_LINE = 500;
const MIN_BYTES = 2_000;
const LONG_SHARE = 0.5;
const MAX_SPACE_SHARE = 0.1;

export function looksMinified(text: string): boolean {
  if (text.length < MIN_BYTES) return false;
  const enough = text.length * LONG_SHARE;
  let longChars = 0;
  let longSpaces = 0;
  // Line by line with a native search for each newline; only long lines are read character by character.
  for (let start = 0; start <= text.length; ) {
    // Even if every line left were long, they could not make up the share: ordinary code stops here half-way.
    if (longChars + (text.length - start) < enough) return false;
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > LONG_LINE) {
      longChars += end - start;
      longSpaces += spacesIn(text, start, end);
    }
    start = end + 1;
  }
  return longChars >= enough && longSpaces <= longChars * MAX_SPACE_SHARE;
}

function spacesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) n++;
  }
  return n;
}

// A bundler or compiler ends what it emits with `//# sourceMappingURL=…`, pointing at the map
// back to the sources; people do not write it. That marks a formatted bundle too (a service
// worker built into public/ with its third-party runtime inlined), which the minified test misses.
const SOURCE_MAP_COMMENT = /^\/\/[#@] ?sourceMappingURL=\S+$/;

export function namesSourceMap(text: string): boolean {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const start = text.lastIndexOf("\n", end - 1) + 1;
  // Only a short last line is read: an inline data-URL map is still a map, a long line is not tested character by character.
  if (end - start > 4096) return text.startsWith("//# sourceMappingURL=data:", start);
  return SOURCE_MAP_COMMENT.test(text.slice(start, end).trim());
}
