// An activity's `labels:` (manifest, SPEC §7) names label vocabulary directly; a typo there would
// silently produce a label Apple or Play rejects, so each value is checked against the tables.

import type { YamlFile } from "../config/yaml-file.js";
import { suggestion } from "../config/did-you-mean.js";
import type { ActivityLabels } from "../types.js";
import { labelTables } from "./label-tables.js";

export function checkLabelOverrides(file: YamlFile, at: (string | number)[], labels: ActivityLabels | undefined): void {
  if (!labels) return;
  const t = labelTables();
  const lists: [keyof ActivityLabels, string[] | undefined, string[], string][] = [
    ["apple", labels.apple, t.apple.purposes, "Apple purpose"],
    ["play", labels.play, t.play.purposes.map(([id]) => id), "Play Data safety purpose"],
    ["subjects", labels.subjects, t.fides.dataSubjects, "fideslang data subject"],
    ["fides", labels.fides === undefined ? undefined : [labels.fides], t.fides.dataUses, "fideslang data use"],
  ];
  for (const [key, values, allowed, what] of lists) {
    (values ?? []).forEach((v, i) => {
      if (allowed.includes(v)) return;
      const path = key === "fides" ? [...at, key] : [...at, key, i];
      const near = suggestion(v, allowed);
      throw file.error(path, `unknown ${what} "${v}"`, near || `Allowed: ${allowed.join(", ")}.`);
    });
  }
}
