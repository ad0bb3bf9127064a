import { lstatSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ConfigError } from "../config/config-error.js";

const ANOTHER_PATH = "Choose another output path.";

/**
 * Writes via a temporary file in the same folder and a rename, so a reader (or a CI step
 * after a killed scan) sees the old report or the whole new one, never half of one.
 */
export function writeOutputAtomic(path: string, text: string | Uint8Array): void {
  const target = resolveTarget(path);
  if (target.special) {
    // /dev/stdout, a named pipe: renaming over it would replace the device node with a
    // plain file (as root, for everyone). It is a stream, so write to it as one.
    attempt(path, () => writeFileSync(target.path, text));
    return;
  }
  const dir = dirname(target.path);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ConfigError(`cannot write ${path}: folder ${dir} does not exist`, undefined, undefined, undefined, `Create the folder first. ${ANOTHER_PATH}`);
  }
  if (!st.isDirectory()) throw new ConfigError(`cannot write ${path}: ${dir} is a file, not a folder`, undefined, undefined, undefined, ANOTHER_PATH);
  const tmp = join(dir, `.${basename(target.path)}.${process.pid}.${Date.now()}.tmp`);
  attempt(path, () => {
    try {
      // "wx": never write through a file or link that someone placed at the temporary name.
      writeFileSync(tmp, text, { flag: "wx" });
      renameSync(tmp, target.path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing was written */
      }
      throw err;
    }
  });
}

/** Where the bytes go: through symbolic links to the file they name, which is then replaced atomically. */
function resolveTarget(path: string, hops = 0): { path: string; special: boolean } {
  let st;
  try {
    st = statSync(path); // follows links, including /proc's magic ones behind /dev/stdout
  } catch {
    st = undefined; // a new file, a broken link or a loop: decided below
  }
  if (st?.isDirectory()) throw new ConfigError(`cannot write ${path}: it is a folder`, undefined, undefined, undefined, `Give a file name, e.g. ${join(path, "policytrace-report")}.`);
  if (st && !st.isFile()) return { path, special: true };
  let link;
  try {
    link = lstatSync(path);
  } catch {
    return { path, special: false }; // a new file
  }
  if (!link.isSymbolicLink()) return { path, special: false };
  if (hops >= 32) throw new ConfigError(`cannot write ${path}: too many levels of symbolic links`, undefined, undefined, undefined, ANOTHER_PATH);
  // Replace the file the link names, not the link; it may not exist yet.
  return resolveTarget(resolve(dirname(path), readlinkSync(path)), hops + 1);
}

function attempt(path: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "read-only file system",
      ENOSPC: "no space left on the device",
      EISDIR: "it is a folder",
      ENOENT: "the folder does not accept new files",
    };
    throw new ConfigError(`cannot write ${path} (${code ?? (err as Error).message}${code && why[code] ? `: ${why[code]}` : ""})`, undefined, undefined, undefined, ANOTHER_PATH);
  }
}
