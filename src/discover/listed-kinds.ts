import fs from "node:fs";
import { basename, dirname } from "node:path";

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
  /** Each listed folder's entries as the listing gave them; indexed by name on the first question about the folder. */
  private readonly listings = new Map<string, unknown[]>();
  private readonly byName = new Map<string, Map<string, boolean>>();

  /** fs.readdir that keeps every listing it makes with file types. */
  readdir(base: Readdir): Readdir {
    const wrapped = (path: fs.PathLike, ...rest: unknown[]) => {
      const cb = rest.pop() as (err: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
      (base as (...a: unknown[]) => void)(path, ...rest, (err: NodeJS.ErrnoException | null, entries?: unknown[]) => {
        if (!err && entries) this.listings.set(String(path), entries);
        cb(err, entries);
      });
    };
    return wrapped as unknown as Readdir;
  }

  /** fs.promises.stat answered from the listings where they know, else from the file system. */
  stat(real: Stat = fs.promises.stat): Stat {
    return (async (path: fs.PathLike, ...rest: unknown[]) => {
      const dir = typeof path === "string" ? this.isDirectory(path) : undefined;
      if (dir === undefined) return (real as (...a: unknown[]) => Promise<fs.Stats>)(path, ...rest);
      return { isDirectory: () => dir };
    }) as unknown as Stat;
  }

  private isDirectory(path: string): boolean | undefined {
    const folder = dirname(path);
    let kinds = this.byName.get(folder);
    if (!kinds) {
      kinds = new Map();
      for (const e of this.listings.get(folder) ?? []) {
        if (e instanceof fs.Dirent && !e.isSymbolicLink()) kinds.set(e.name, e.isDirectory());
      }
      this.byName.set(folder, kinds);
    }
    return kinds.get(basename(path));
  }
}
