// The mapping tables under rules/labels/: which label type each category is, which label
// purposes each manifest purpose is. Data, loaded once (from the build's rules cache when fresh).

import { join } from "node:path";
import { builtinRulesDir } from "../config/package-paths.js";
import { builtinYamlFiles, cachedBuiltins } from "../config/rules-cache.js";
import { readYamlFile } from "../config/yaml-file.js";

export type LabelFormat = "apple" | "play" | "fides";
export const LABEL_FORMATS: readonly LabelFormat[] = ["apple", "play", "fides"];

/** A category's type on one label; `note` says the label has no type of its own for it. */
export interface TypeMapping {
  type: string;
  note?: string;
}

export interface AppleTable {
  types: string[];
  purposes: string[];
  other: string;
  categories: Record<string, TypeMapping>;
}

/** [question id, response id, answer requirement, label] */
export type PlayRow = [string, string, string, string];

export interface PlayTable {
  header: string[];
  questions: PlayRow[];
  /** [response id, question id, label] */
  types: [string, string, string][];
  purposes: [string, string][];
  usage: PlayRow[];
  purposeQuestions: [string, string][];
  categories: Record<string, TypeMapping>;
}

export interface FidesTable {
  dataUses: string[];
  dataSubjects: string[];
  defaultSubjects: string[];
  legalBasis: Record<string, string>;
  nearest: Record<string, { key: string; note: string }>;
}

export interface LabelPurposes {
  apple: string[];
  play: string[];
  fides: string;
}

export interface PurposeEntry extends LabelPurposes {
  id: string;
  words?: string[];
  ids?: string[];
}

export interface PurposeTable {
  default: LabelPurposes;
  entries: PurposeEntry[];
  tests: Record<string, string[]>;
}

export interface LabelTables {
  apple: AppleTable;
  play: PlayTable;
  fides: FidesTable;
  purposes: PurposeTable;
}

let cached: LabelTables | undefined;

export function labelTables(): LabelTables {
  if (cached) return cached;
  const files = builtinYamlFiles();
  const prebuilt = cachedBuiltins(files);
  const read = (name: string) => {
    const path = join(builtinRulesDir, "labels", name);
    return (prebuilt?.get(path) ?? readYamlFile(path).data) as never;
  };
  cached = { apple: read("apple.yml"), play: read("play.yml"), fides: read("fides.yml"), purposes: read("purposes.yml") };
  return cached;
}
