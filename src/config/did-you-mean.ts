import { closest, distance } from "fastest-levenshtein";

/** The nearest candidate when it is close enough to be a plausible typo, else undefined. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = input.toLowerCase();
  const best = closest(lower, candidates.map((c) => c.toLowerCase()));
  const limit = Math.max(2, Math.floor(lower.length / 3));
  if (distance(lower, best) > limit) return undefined;
  return candidates.find((c) => c.toLowerCase() === best);
}

export function suggestion(input: string, candidates: readonly string[]): string {
  const hit = didYouMean(input, candidates);
  return hit ? `Did you mean "${hit}"?` : "";
}

/**
 * The candidate this input is almost surely a misspelling of, or undefined: stricter than
 * didYouMean, for refusing input rather than hinting (`mixpanle` is Mixpanel; `aws` is not APNs).
 */
export function likelyTypo(input: string, candidates: readonly string[]): string | undefined {
  const hit = didYouMean(input, candidates);
  if (hit === undefined || hit === input) return undefined;
  const limit = input.length <= 4 ? 1 : Math.max(2, Math.floor(input.length / 4));
  return distance(input.toLowerCase(), hit.toLowerCase()) <= limit ? hit : undefined;
}
