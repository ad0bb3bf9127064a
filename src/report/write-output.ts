import { renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ConfigError } from "../config/config-error.js";

/** Writes via a temporary file in the same folder and a rename, so a report is never half-written. */
export function writeOutputAtomic(path: string, text: string): void {
  const dir = dirname(path);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ConfigError(`cannot write ${path}: folder ${dir} does not exist`, undefined, undefined, undefined, "Create the folder first, or choose another --output path.");
  }
  if (!st.isDirectory()) throw new ConfigError(`cannot write ${path}: ${dir} is not a folder`);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot write ${path} (${code ?? (err as Error).message})`, undefined, undefined, undefined, code === "EACCES" || code === "EPERM" ? "The file or its folder is read-only; choose another --output path." : undefined);
  }
}
