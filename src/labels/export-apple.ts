// PrivacyInfo.xcprivacy (Apple privacy manifest) from what the code collects and the activities
// that declare it. Built with the `plist` library, so the XML is a valid property list.

import { build, type PlistValue } from "plist";
import type { ScanResult } from "../types.js";
import { collectedCategories } from "./collected.js";
import { activityAnswers, undeclaredAnswers, type ActivityAnswers } from "./label-purposes.js";
import { labelTables } from "./label-tables.js";
import { mappingNotes, type LabelExport } from "./export-notes.js";

interface Entry {
  NSPrivacyCollectedDataType: string;
  NSPrivacyCollectedDataTypeLinked: boolean;
  NSPrivacyCollectedDataTypeTracking: boolean;
  NSPrivacyCollectedDataTypePurposes: string[];
}

export function exportApple(result: ScanResult): LabelExport {
  const t = labelTables().apple;
  const byType = new Map<string, { answers: ActivityAnswers[]; hosts: Set<string> }>();
  const collected = collectedCategories(result);
  for (const c of collected) {
    const type = t.categories[c.category]?.type ?? t.other;
    const slot = byType.get(type) ?? { answers: [], hosts: new Set<string>() };
    slot.answers.push(...c.activities.map(activityAnswers));
    if (c.undeclared) slot.answers.push(undeclaredAnswers());
    // Tracking domains: hosts that data of a tracking activity reaches.
    const tracking = new Set(c.activities.filter((a) => activityAnswers(a).tracking).map((a) => a.id));
    for (const f of c.findings) if (f.recipient?.includes(".") && f.activities.some((id) => tracking.has(id))) slot.hosts.add(f.recipient);
    byType.set(type, slot);
  }
  const entries: Entry[] = [...byType.entries()]
    .sort(([a], [b]) => t.types.indexOf(a) - t.types.indexOf(b))
    .map(([type, { answers }]) => ({
      NSPrivacyCollectedDataType: type,
      NSPrivacyCollectedDataTypeLinked: answers.some((x) => x.linked),
      NSPrivacyCollectedDataTypeTracking: answers.some((x) => x.tracking),
      NSPrivacyCollectedDataTypePurposes: [...new Set(answers.flatMap((x) => x.apple))].sort((a, b) => t.purposes.indexOf(a) - t.purposes.indexOf(b)),
    }));
  const domains = [...new Set([...byType.values()].flatMap((s) => [...s.hosts]))].sort();
  const manifest = {
    NSPrivacyTracking: entries.some((e) => e.NSPrivacyCollectedDataTypeTracking),
    NSPrivacyTrackingDomains: domains,
    NSPrivacyCollectedDataTypes: entries,
  };
  const notes = [
    ...mappingNotes(collected, t.categories, "apple"),
    "NSPrivacyAccessedAPITypes (required-reason APIs) is not written: policytrace does not analyse those APIs; add it by hand if the app uses them.",
  ];
  return { text: build(manifest as unknown as PlistValue, { indent: "\t", pretty: true }) + "\n", notes };
}
