// What a table column holds, from its header's wording ("Type of data", "Processing
// purposes", "Lawful basis for processing", "Activity"). Columns a header does not name are
// worked out from position and content in table-activities.ts.

export type ColumnRole = "activity" | "data" | "purpose" | "basis";

const ROLES: [ColumnRole, RegExp][] = [
  ["basis", /\b(lawful|legal)\b.*\b(basis|bases|ground)|\bbasis\b|\bground(s)? for processing\b/i],
  ["purpose", /\bpurposes?\b|\bwhy we\b|\bhow we use\b|\buse of (the|your) data\b/i],
  ["data", /\b(type|types|categor(y|ies)|kinds?)\b.*?\b(data|information)\b|\b(personal )?data( collected| used)?$|\binformation( we collect)?$|\bwhat we collect\b|\bdata (we|that)\b/i],
  ["activity", /\bactivit(y|ies)\b|\bwhen\b|\bcontext\b|\bprocessing operation|\bsituation|\bscenario|\bfeature|\bservice\b/i],
];

export function columnRole(header: string): ColumnRole | undefined {
  const h = header.trim();
  if (h.length > 80) return undefined;
  // The header's head word decides: "Purpose for processing your data" is a purpose,
  // "Categories of personal data used for the purpose" is data.
  let best: { role: ColumnRole; at: number } | undefined;
  for (const [role, re] of ROLES) {
    const m = re.exec(h);
    if (m && (!best || m.index < best.at)) best = { role, at: m.index };
  }
  return best?.role;
}
