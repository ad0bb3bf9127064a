// Accuracy on the labelled example app: every change to rules shows its effect here.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { scan } from "../../src/run.js";
import { loadTruth, scoreAll } from "./truth.js";

const app = fileURLToPath(new URL("../../fixtures/imou-app/", import.meta.url));

describe("fixtures/imou-app against truth.yml", async () => {
  const result = await scan({ dir: app });
  const s = scoreAll(result, loadTruth(join(app, "truth.yml")));
  // Printed so a run shows the figures, not just pass/fail.
  console.log(
    `imou-app: collection P=${s.collection.precision.toFixed(3)} R=${s.collection.recall.toFixed(3)}; ` +
      `violations P=${s.violations.precision.toFixed(3)} R=${s.violations.recall.toFixed(3)}; ` +
      `unused P=${s.unused.precision.toFixed(3)} R=${s.unused.recall.toFixed(3)}`,
  );

  it("collection precision and recall are at least 0.95", () => {
    expect({ fp: s.collection.falsePositives, fn: s.collection.falseNegatives, precision: s.collection.precision >= 0.95, recall: s.collection.recall >= 0.95 }).toMatchObject({ precision: true, recall: true });
  });
  it("violation precision and recall are at least 0.95", () => {
    expect({ fp: s.violations.falsePositives, fn: s.violations.falseNegatives, precision: s.violations.precision >= 0.95, recall: s.violations.recall >= 0.95 }).toMatchObject({ precision: true, recall: true });
  });
  it("unused declarations match", () => {
    expect({ fp: s.unused.falsePositives, fn: s.unused.falseNegatives }).toEqual({ fp: [], fn: [] });
  });
  it("no look-alike is reported", () => {
    expect(s.mustNotReported).toEqual([]);
  });
});
