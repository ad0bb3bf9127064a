import { readFileSync, statSync } from "node:fs";

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type SourceText = { text: string; note?: string } | { skipped: string };

const decoder = new TextDecoder("utf-8", { fatal: false });
const strict = new TextDecoder("utf-8", { fatal: true });

/** Reads a source file, or says in one line why it is not scanned (binary, too large, minified, unreadable). */
export function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    return { skipped: `cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (size > maxBytes) {
    return { skipped: `skipped: ${(size / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(1)} MB limit (likely generated or bundled; raise --max-file-size to scan it)` };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    return { skipped: `cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (buf.subarray(0, 8192).includes(0)) return { skipped: "skipped: binary content (NUL bytes), not source code" };
  let note: string | undefined;
  let text: string;
  try {
    text = strict.decode(buf);
  } catch {
    text = decoder.decode(buf);
    note = "invalid UTF-8 bytes were replaced; scanned anyway";
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksMinified(text)) return { skipped: "skipped: minified code (very long lines); scan the sources it was built from" };
  return note ? { text, note } : { text };
}

// A bundle's findings point at column 40,000 of line 1: useless to a reader, and slow.
function looksMinified(text: string): boolean {
  if (text.length < 100_000) return false;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return text.length / lines > 1000;
}
