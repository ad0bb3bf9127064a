import fs from "node:fs";
import { join } from "node:path";

type Readdir = typeof fs.readdir;
type Stat = typeof fs.promises.stat;

/**
 * Whether each entry the walk listed is a folder, read from the listing itself. With
 * .gitignore files to honour, the glob library stats every file it returns to ask whether
 * it is a folder (a pattern like `generated/` matches only folders): one system call per
 * source file, the most costly step of discovery, for an answer the listing already gave.
 * A symbolic link is not recorded, so asking about one still stats it (stat follows links).
 */
export class ListedKinds {
  private readonly isDir = new Map<string, boolean>();

  /** fs.readdir that notes the kind of every entry it lists with file types. */
  readdir(base: Readdir): Readdir {
    const wrapped = (path: fs.PathLike, ...rest: unknown[]) => {
      const cb = rest.pop() as (err: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
      (base as (...a: unknown[]) => void)(path, ...rest, (err: NodeJS.ErrnoException | null, entries?: unknown[]) => {
        if (!err && entries) this.record(String(path), entries);
        cb(err, entries);
      });
    };
    return wrapped as unknown as Readdir;
  }

  /** fs.promises.stat answered from the listings where they know, else from the file system. */
  stat(real: Stat = fs.promises.stat): Stat {
    return (async (path: fs.PathLike, ...rest: unknown[]) => {
      const dir = typeof path === "string" ? this.isDir.get(path) : undefined;
      if (dir === undefined) return (real as (...a: unknown[]) => Promise<fs.Stats>)(path, ...rest);
      return { isDirectory: () => dir };
    }) as unknown as Stat;
  }

  private record(dir: string, entries: unknown[]): void {
    for (const e of entries) {
      if (!(e instanceof fs.Dirent) || e.isSymbolicLink()) continue;
      this.isDir.set(join(dir, e.name), e.isDirectory());
    }
  }
}
