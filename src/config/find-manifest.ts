// SPEC §1: without --manifest, a scan uses the nearest privacy-manifest.yml in the scanned
// folder or above it, up to the repository root. A CI job run from a package folder of a
// monorepo is then checked against the repository's manifest instead of passing as an
// inventory. Outside a repository only the folder itself is looked at: a stray manifest in a
// home folder must not silently decide what a scan of some download means.

import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const MANIFEST_NAME = "privacy-manifest.yml";

export interface ManifestSearch {
  /** The manifest found, absolute; undefined when there is none. */
  found?: string;
  /** The folders looked in, nearest first (absolute). */
  searched: string[];
}

export function findManifest(dir: string, repoRoot: string | undefined): ManifestSearch {
  const start = resolve(dir);
  const top = repoRoot && isInside(start, repoRoot) ? resolve(repoRoot) : start;
  const searched: string[] = [];
  for (let d = start; ; d = dirname(d)) {
    searched.push(d);
    const candidate = join(d, MANIFEST_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return { found: candidate, searched };
    if (d === top || dirname(d) === d) return { searched };
  }
}

function isInside(path: string, folder: string): boolean {
  const f = resolve(folder);
  return path === f || path.startsWith(f.endsWith("/") || f.endsWith("\\") ? f : `${f}${path.includes("\\") ? "\\" : "/"}`);
}
