import type { Finding } from "../types.js";
import { siteKey, type FlowResult } from "./flow/propagate.js";

/**
 * Flow findings join the walker's: at the same place, category and kind they are one
 * collection point that gains its trace and recipient; elsewhere they are new findings.
 */
export function mergeFlowFindings(findings: Finding[], flow: FlowResult, byName: (rule: string) => boolean, unlessCategories: (rule: string) => readonly string[] | undefined = () => undefined): void {
  // saveUser({ email }) read by its name: when saveUser is the app's own function, its body is what counts.
  if (flow.userCalls.size) {
    let kept = 0;
    for (const f of findings) if (!(byName(f.rule) && flow.userCalls.has(`${f.file}\u0000${f.line}\u0000${f.column}`))) findings[kept++] = f;
    findings.length = kept;
  }
  const byKey = new Map<string, Finding>();
  for (const f of findings) byKey.set(`${siteKey(f.file, f.line, f.column, f.kind)}\u0000${f.category}`, f);
  for (const x of flow.findings) {
    const key = `${siteKey(x.site.file, x.site.line, x.site.column, x.kind)}\u0000${x.category}`;
    const prior = byKey.get(key);
    if (prior) {
      if (!prior.trace && x.trace.length > 1) prior.trace = x.trace;
      prior.recipient ??= x.recipient;
      continue;
    }
    const f: Finding = {
      id: "",
      file: x.site.file,
      line: x.site.line,
      column: x.site.column,
      category: x.category,
      kind: x.kind,
      rule: x.rule.id,
      confidence: x.confidence,
      evidence: x.site.evidence,
      symbol: x.site.symbol,
      recipient: x.recipient,
      status: "unchecked",
      activities: [],
      ...(x.trace.length > 1 ? { trace: x.trace } : {}),
    };
    byKey.set(key, f);
    findings.push(f);
  }
  dropSubsumed(findings);
  for (const f of findings) {
    if (f.recipient === null) f.recipient = flow.recipients.get(siteKey(f.file, f.line, f.column, f.kind)) ?? null;
  }
  // localStorage.setItem(LANGUAGE_KEY, user.language): what a sink rule says it never collects (the UI's
  // language kept on the person's own device is a setting), however the value reached it.
  let kept = 0;
  for (const f of findings) if (!unlessCategories(f.rule)?.includes(f.category)) findings[kept++] = f;
  findings.length = kept;
}

/**
 * A broader category at a place where a narrower one is reported (rules/categories.yml: profile photos are
 * not images): `create({ data: { photoURL: userPhotoURL } })` with userPhotoURL read from profile.photos is
 * one profile photo, not an image besides.
 */
const SUBSUMED_BY: Readonly<Record<string, string>> = { image: "profile-photo" };

function dropSubsumed(findings: Finding[]): void {
  const at = (f: Finding, category: string) => `${siteKey(f.file, f.line, f.column, f.kind)}\u0000${category}`;
  const present = new Set<string>();
  for (const f of findings) if (Object.values(SUBSUMED_BY).includes(f.category)) present.add(at(f, f.category));
  if (present.size === 0) return;
  let kept = 0;
  for (const f of findings) {
    const narrower = SUBSUMED_BY[f.category];
    if (!(narrower && present.has(at(f, narrower)))) findings[kept++] = f;
  }
  findings.length = kept;
}
