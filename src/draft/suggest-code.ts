// Suggested `code` globs for drafted activities, from the evidence `init` uses: the feature
// folders of a scan (src/init/feature-folders.ts) and the categories found in each. A folder
// is suggested for an activity when its name shares a telling word with the activity's
// title ("Device Geofencing function" ~ mobile/src/geofence) and it collects at least one of
// the activity's categories. Words that most titles share ("device", "use") count for
// little, so they alone do not tie a folder to every row. Every suggestion is marked for
// review in the draft.

import type { Taxonomy } from "../config/categories.js";
import type { Finding } from "../types.js";
import { globOf, groupByFeatureFolder, SOURCE_ROOTS, type FeatureFolder } from "../init/feature-folders.js";
import type { DraftActivity } from "./draft-activity.js";

interface Folder {
  feature: FeatureFolder;
  /** The words of the folder's telling segments; `words` adds them joined ("devicelogs"). */
  parts: string[];
  words: string[];
  categories: Set<string>;
}

const GENERIC_FOLDERS = new Set(["api", "common", "shared", "utils", "util", "lib", "components", "screens", "pages", "types", "models", "services", "hooks", "helpers", "core", "config", "mobile", "server", "web", "client", "backend", "frontend", "packages", "apps", "modules", "features"]);
const TITLE_FILLER = new Set(["when", "you", "your", "our", "the", "a", "an", "use", "using", "with", "and", "or", "of", "to", "for", "in", "on", "function", "functions", "app", "we", "us", "it", "that", "which", "by", "from"]);

/** Sets `code` on the activities a folder matches. `rootFromManifest`: the scanned folder, relative to the manifest. */
export function suggestCode(activities: DraftActivity[], findings: Finding[], rootFromManifest: string, taxonomy: Taxonomy): void {
  const folders = foldersOf(findings);
  const titles = activities.map((a) => titleWords(a.title));
  const purposeWords = activities.map((a) => a.purposes.flatMap((p) => titleWords(p.text)));
  const df = new Map<string, number>();
  for (const ws of titles) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string) => Math.log((activities.length + 1) / (df.get(w) ?? 1));
  const prefix = rootFromManifest && rootFromManifest !== "." ? `${rootFromManifest.replace(/\/$/, "")}/` : "";

  activities.forEach((a, i) => {
    const wanted = new Set(a.data.flatMap((d) => taxonomy.resolve(d.id) ?? []));
    // The title first; a purpose's words ("administer your account") only when the title ties to no folder.
    const hits = matches(folders, wanted, titles[i], 1, weight, prefix);
    const found = hits.length ? hits : matches(folders, wanted, purposeWords[i], 0.5, weight, prefix);
    if (!found.length) return;
    found.sort((x, y) => y.score - x.score || (x.glob < y.glob ? -1 : 1));
    const kept = found.filter((h) => h.score >= found[0].score / 2).slice(0, 4);
    a.code = { globs: kept.map((h) => h.glob).sort(), why: kept.map((h) => h.why) };
  });
}

interface Match {
  glob: string;
  why: string;
  score: number;
}

function matches(folders: Folder[], wanted: Set<string>, words: string[], factor: number, weight: (w: string) => number, prefix: string): Match[] {
  const out: Match[] = [];
  for (const f of folders) {
    const shared = [...f.categories].filter((c) => wanted.has(c));
    if (!shared.length || !f.parts.length) continue;
    // The row must name all that the folder's name says: "device log" is device-logs, "the device" is not.
    if (!f.parts.every((p) => words.some((w) => sameWord(w, p))) && !words.some((w) => sameWord(w, f.parts.join("")))) continue;
    const matched = words.filter((w, k) => f.words.some((fw) => sameWord(w, fw)) && words.indexOf(w) === k);
    const score = matched.reduce((s, w) => s + weight(w) * factor, 0);
    if (score < factor) continue;
    out.push({ glob: prefix + globOf(f.feature), why: `${f.feature.folder || "."} ("${matched.join(" ")}"${factor < 1 ? " in its purposes" : ""}; collects ${shared.slice(0, 4).join(", ")}${shared.length > 4 ? ", …" : ""})`, score });
  }
  return out;
}

function foldersOf(findings: Finding[]): Folder[] {
  return groupByFeatureFolder(findings).map(({ feature, items }) => {
    const segs = feature.folder.split("/").filter((s) => s && !SOURCE_ROOTS.has(s) && !GENERIC_FOLDERS.has(s.toLowerCase()));
    const parts = segs.flatMap((seg) => seg.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
    return { feature, parts, words: segs.flatMap(splitName), categories: new Set(items.map((f) => f.category)) };
  });
}

/** "device-logs" → device, logs, devicelogs; "liveView" → live, view, liveview. */
function splitName(s: string): string[] {
  const parts = s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return parts.length > 1 ? [...parts, parts.join("")] : parts;
}

/** Title words, and adjacent pairs joined ("live view" → liveview) for folders named that way. */
function titleWords(title: string): string[] {
  const ws = title.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !TITLE_FILLER.has(w));
  return [...ws, ...ws.slice(1).map((w, i) => ws[i] + w)];
}

/** Same word up to an ending: geofence ~ geofencing, notification ~ notifications, activate ~ activation; not device ~ devicelog. */
const ENDINGS = new Set(["", "s", "es", "e", "d", "ed", "ing", "ion", "ions", "ation", "ations", "er", "ers", "ment", "ments"]);
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 4 && ENDINGS.has(a.slice(n)) && ENDINGS.has(b.slice(n));
}
