// What discovery passes over is said, not dropped: a report that silently covers less
// than the tree reads as "nothing collected there".

import fs from "node:fs";
import { join, relative, sep } from "node:path";
import type { ScanError } from "../types.js";

type Readdir = typeof fs.readdir;

/**
 * fs.readdir that records a folder it cannot list (EACCES, EIO, …) and goes on as if it
 * were empty, instead of fast-glob either aborting the whole walk or, with
 * suppressErrors, forgetting the folder without a word. ENOENT (gone since its parent
 * was listed) stays an ordinary error, which fast-glob already ignores.
 */
export function recordingReaddir(root: string, notes: ScanError[], base: Readdir = fs.readdir): Readdir {
  const seen = new Set<string>();
  const wrapped = (path: fs.PathLike, ...rest: unknown[]) => {
    const cb = rest.pop() as (err: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
    const after = (err: NodeJS.ErrnoException | null, entries?: unknown[]) => {
      if (!err || err.code === "ENOENT") return cb(err, entries);
      const dir = relative(root, String(path)).split(sep).join("/") || ".";
      if (!seen.has(dir)) {
        seen.add(dir);
        notes.push({ file: `${dir}/`, message: `skipped folder: cannot list it (${err.code ?? err.message}); files in it were not scanned` });
      }
      cb(null, []);
    };
    (base as (...a: unknown[]) => void)(path, ...rest, after);
  };
  return wrapped as unknown as Readdir;
}

/**
 * A source-named entry that is not a plain file. Symbolic links are never followed (a
 * link can loop or lead out of the audited tree); one whose target is inside the tree
 * adds nothing, since the target itself is scanned, so only the others get a note.
 */
type EntryType = Pick<fs.Dirent, "isDirectory" | "isSymbolicLink" | "isFIFO" | "isSocket">;

export function skippedEntry(root: string, realRoot: string, rel: string, dirent: EntryType): ScanError | null {
  if (dirent.isDirectory()) return null;
  if (dirent.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync(join(root, rel));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { file: rel, message: `skipped: ${code === "ELOOP" ? "symbolic link loop" : "broken symbolic link"}; not scanned` };
    }
    const inside = target === realRoot || target.startsWith(realRoot + sep);
    // The link text, not the resolved path: it is what the user wrote, and the same on every machine.
    const link = fs.readlinkSync(join(root, rel));
    return inside ? null : { file: rel, message: `skipped: symbolic link to ${JSON.stringify(link)}, outside the scanned folder; links are not followed` };
  }
  const what = dirent.isFIFO() ? "a FIFO" : dirent.isSocket() ? "a socket" : "a device";
  return { file: rel, message: `skipped: ${what}, not a regular file` };
}
