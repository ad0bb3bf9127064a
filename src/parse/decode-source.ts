// Bytes → the text the parser sees. Positions in findings are UTF-16 offsets into this
// text, so every step here keeps one character per character an editor would show:
// the BOM is dropped (editors hide it) and nothing else changes length.

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8", { fatal: false });

export type Decoded = { text: string; note?: string } | { skipped: string };

export function decodeSource(buf: Buffer): Decoded {
  // UTF-16 has a NUL in every ASCII character, so it must be recognised before the binary check.
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe ? "utf-16le" : buf[0] === 0xfe && buf[1] === 0xff ? "utf-16be" : null;
  if (utf16) return { text: withoutReplacementChars(stripBom(new TextDecoder(utf16).decode(buf))) };
  if (buf.subarray(0, 8192).includes(0)) return { skipped: "skipped: binary content (NUL bytes), not source code" };
  let note: string | undefined;
  let text: string;
  try {
    text = strict.decode(buf);
  } catch {
    text = lenient.decode(buf);
    note = "invalid UTF-8 bytes were read as spaces; scanned anyway";
  }
  text = withoutReplacementChars(stripBom(text));
  return note ? { text, note } : { text };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// TypeScript's scanner treats U+FFFD outside a string or comment as "File appears to be
// binary" and silently drops everything after it. A space has the same length, so lines
// and columns stay right and the rest of the file is still scanned.
function withoutReplacementChars(text: string): string {
  return text.includes("\uFFFD") ? text.replace(/\uFFFD/g, " ") : text;
}
