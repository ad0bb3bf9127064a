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

// A bundle's findings point at column 40,000 of line 1: useless to a reader, and slow.
function looksMinified(text: string): boolean {
  if (text.length < 100_000) return false;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return text.length / lines > 1000;
}
