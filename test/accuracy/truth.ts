// SPEC §6: precision and recall of a scan against a hand-labelled truth.yml.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { ScanResult } from "../../src/types.js";

interface Pair {
  file: string;
  category: string;
  why?: string;
}

export interface Truth {
  collects: Pair[];
  optional: Pair[];
  must_not: Pair[];
  undeclared: Pair[];
  unused: { activity: string; category: string }[];
}

export interface Score {
  precision: number;
  recall: number;
  falsePositives: string[];
  falseNegatives: string[];
}

export function loadTruth(path: string): Truth {
  const t = parse(readFileSync(path, "utf8")) as Partial<Truth>;
  return { collects: t.collects ?? [], optional: t.optional ?? [], must_not: t.must_not ?? [], undeclared: t.undeclared ?? [], unused: t.unused ?? [] };
}

const key = (p: { file: string; category: string }) => `${p.file} ${p.category}`;

export function score(reported: Set<string>, expected: Set<string>, optional: Set<string>): Score {
  const counted = [...reported].filter((r) => !optional.has(r) || expected.has(r));
  const hits = counted.filter((r) => expected.has(r));
  return {
    precision: counted.length ? hits.length / counted.length : 1,
    recall: expected.size ? hits.length / expected.size : 1,
    falsePositives: counted.filter((r) => !expected.has(r)).sort(),
    falseNegatives: [...expected].filter((e) => !reported.has(e)).sort(),
  };
}

export function scoreAll(result: ScanResult, truth: Truth) {
  const optional = new Set(truth.optional.map(key));
  const reported = new Set(result.findings.map(key));
  const violations = new Set(result.findings.filter((f) => f.status === "undeclared").map(key));
  const unusedKey = (u: { activity: string; category: string }) => `${u.activity} ${u.category}`;
  return {
    collection: score(reported, new Set(truth.collects.map(key)), optional),
    violations: score(violations, new Set(truth.undeclared.map(key)), optional),
    unused: score(new Set(result.unused.map(unusedKey)), new Set(truth.unused.map(unusedKey)), new Set()),
    mustNotReported: truth.must_not.map(key).filter((k) => reported.has(k)),
  };
}
