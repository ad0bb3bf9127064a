// What each activity's `code` globs really cover, said out loud. An activity without `code`
// covers every file (SPEC §4) and a glob with a typo (`scrpts/**`) covers none: both are
// legal, both change every verdict, and neither would otherwise show anywhere.

import { isAbsolute, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import type { ConfigNote } from "../types.js";
import type { Manifest } from "./load-manifest.js";
import { didYouMean } from "./did-you-mean.js";

/**
 * Notes about coverage, at the manifest line they concern. A glob that points outside the
 * scanned folder (`server/**` while scanning `mobile/`) is not reported: it cannot match here.
 */
export function codeCoverageNotes(manifest: Manifest, root: string, files: string[]): ConfigNote[] {
  const file = manifest.view.path;
  const between = relative(manifest.dir, root).split(sep).join("/");
  const rels = files.map((f) => (between ? `${between}/${f}` : f)).filter((f) => !f.startsWith("../"));
  const notes: ConfigNote[] = [];
  let folders: string[] | undefined;
  manifest.view.activities.forEach((a, i) => {
    if (a.code.length === 0) {
      const at = manifest.at(["activities", i, "id"]);
      notes.push({ level: "info", file, ...at, message: `activity "${a.id}" has no code globs: it covers all code`,
        hint: "Add `code: [\"src/<feature>/**\"]` to limit it to the files of its feature." });
      return;
    }
    a.code.forEach((glob, j) => {
      const isMatch = picomatch(glob, { dot: true });
      if (rels.some((f) => isMatch(f))) return;
      const base = picomatch.scan(glob).base;
      if (!globReaches(manifest, glob, root)) return;
      folders ??= folderList(rels);
      const near = base ? didYouMean(base, folders) : undefined;
      const at = manifest.at(["activities", i, "code", j]);
      notes.push({
        level: "warning", file, ...at,
        message: `code glob "${glob}" of activity "${a.id}" matches no scanned file`,
        hint: near ? `Did you mean "${near}${glob.slice(base.length)}"?` : "Globs are relative to the manifest's folder; check the path.",
      });
    });
  });
  return notes;
}

/** Can a file the glob matches lie in the scanned folder? Not for `web/**` while scanning `mobile/`. */
export function globReaches(manifest: Manifest, glob: string, root: string): boolean {
  return related(resolve(manifest.dir, picomatch.scan(glob).base), root);
}

/**
 * Is all of this activity's code in the scanned folder? Only then can "declared but never
 * collected" be told from a partial scan: an activity whose code is also in `server/` may
 * collect there what a scan of `mobile/` never sees.
 */
export function activityWithinScan(manifest: Manifest, code: string[], root: string): boolean {
  return code.every((g) => globReaches(manifest, g, root));
}

/** Is one of the two folders inside the other? */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => {
    const r = relative(y, x);
    return r === "" || (!r.startsWith("..") && !isAbsolute(r));
  };
  return inside(a, b) || inside(b, a);
}

/** Every folder that holds a scanned file, as a path relative to the manifest's folder. */
function folderList(files: string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const parts = f.split("/");
    for (let n = 1; n < parts.length; n++) out.add(parts.slice(0, n).join("/"));
  }
  return [...out].sort();
}
