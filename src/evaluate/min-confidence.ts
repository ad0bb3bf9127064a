import { CONFIDENCES, type Confidence, type Finding } from "../types.js";

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** `--min-confidence medium` keeps medium and high findings. */
export function meetsConfidence(f: Finding, min: Confidence): boolean {
  return RANK[f.confidence] >= RANK[min];
}

/** Lowest first, as a user reads the option's choices. */
export const MIN_CONFIDENCE_CHOICES: readonly Confidence[] = [...CONFIDENCES].reverse();
