// How `policytrace init` splits a codebase into starter activities: one per feature folder.
//
// A policy-table row ("when you add a device", "when you contact support") usually maps to
// a feature, and codebases put features in the folder right below their source root:
// mobile/src/account, server/src/devices, packages/web/src/checkout, app/settings. So:
//
//  - In a path with a source root (src, lib, app, source, sources), the feature is the
//    folder right below the first such root (consecutive roots such as src/app count as
//    one); everything deeper belongs to it: code `mobile/src/devices/**` also covers
//    mobile/src/devices/add/.
//  - Files directly in a source root, or in a path without one, are grouped by their own
//    folder: `routes/admin/**`, or only its own files (`mobile/src/*`) when another
//    activity's folder lies below it (see widenLeaves).
//
// Globs built this way never overlap, so every file is covered by exactly one activity.

export const SOURCE_ROOTS: ReadonlySet<string> = new Set(["src", "lib", "app", "source", "sources"]);

export interface FeatureFolder {
  /** POSIX folder relative to the scanned root; "" for the root itself. */
  folder: string;
  /** true: the folder and everything below it; false: only the files directly in it. */
  deep: boolean;
}

export function featureFolderOf(file: string): FeatureFolder {
  const dirs = file.split("/").slice(0, -1);
  const root = dirs.findIndex((d) => SOURCE_ROOTS.has(d));
  if (root >= 0) {
    let end = root;
    while (end + 1 < dirs.length && SOURCE_ROOTS.has(dirs[end + 1])) end++;
    if (end + 1 < dirs.length) return { folder: dirs.slice(0, end + 2).join("/"), deep: true };
  }
  return { folder: dirs.join("/"), deep: false };
}

/**
 * A folder-only group becomes deep (folder and everything below) when no other group lies
 * below it, so files added later in new subfolders are still covered.
 */
export function widenLeaves(features: FeatureFolder[]): void {
  for (const f of features) {
    if (f.deep) continue;
    const below = features.some((g) => g !== f && (f.folder === "" || g.folder.startsWith(`${f.folder}/`)));
    if (!below) f.deep = true;
  }
}

/** Items (findings) grouped by their feature folder, leaves widened: the evidence `init` and `draft` build on. */
export function groupByFeatureFolder<T extends { file: string }>(items: T[]): { feature: FeatureFolder; items: T[] }[] {
  const byKey = new Map<string, { feature: FeatureFolder; items: T[] }>();
  for (const item of items) {
    const feature = featureFolderOf(item.file);
    const key = `${feature.folder}\u0000${feature.deep}`;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { feature, items: [] }));
    group.items.push(item);
  }
  const groups = [...byKey.values()];
  widenLeaves(groups.map((g) => g.feature));
  return groups;
}

/** The `code:` glob of a feature folder, with glob syntax in folder names escaped ([id], (group)). */
export function globOf(f: FeatureFolder): string {
  const folder = f.folder.replace(/[\\*?[\]{}()!+@]/g, "\\$&");
  if (folder === "") return f.deep ? "**" : "*";
  return `${folder}/${f.deep ? "**" : "*"}`;
}

/** A manifest activity id for the folder: its non-root segments in kebab case (mobile/src/account → mobile-account). */
export function activityIdOf(f: FeatureFolder): string {
  const segs = f.folder.split("/").filter(Boolean);
  const named = segs.filter((s) => !SOURCE_ROOTS.has(s));
  const id = kebab((named.length ? named : segs).join("-"));
  return id || "root";
}

function kebab(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Makes ids unique in order: the second "devices" becomes "devices-2". */
export function uniqueIds(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let out = id;
    for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
    used.add(out);
    return out;
  });
}
