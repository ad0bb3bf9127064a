/** What a specifier without the source's own extension may be: `./api.js` written for `api.ts`, a folder for its index file. */
const EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", "/index.ts", "/index.tsx", "/index.js", "/index.jsx", "/index.mts", "/index.cts", "/index.mjs", "/index.cjs"];

/** The scanned source at `stem` (a relative POSIX path without extension), with its extension or as a folder's index, or null. */
export function scannedSourceAt(files: ReadonlySet<string>, stem: string): string | null {
  for (const ext of EXTENSIONS) if (files.has(stem + ext)) return stem + ext;
  return null;
}
