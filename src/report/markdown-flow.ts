// The Mermaid data-flow diagram of the audit report: what the code does, aggregated so a
// reader can take it in at a glance — data group → activity → third-party recipient, one
// edge per pair with the number of collection points on it. Only findings draw edges (never
// what the manifest merely declares), and the size is bounded: past MAX_PER_COLUMN nodes a
// column folds its smallest members into "other …", past MAX_EDGES the lightest edges are
// left out and the text under the diagram says how many; the tables hold every detail.

import type { ActivityView, Finding, ScanResult } from "../types.js";

export const MAX_PER_COLUMN = 8;
export const MAX_EDGES = 30;
const MAX_LABEL = 48;

/** How a finding moves data, for inventories, which have no activities to group by. */
const KIND_LABEL: Record<Finding["kind"], string> = {
  source: "read from the device or browser",
  input: "entered or sent by a person",
  transmit: "sent over the network",
  store: "stored",
  log: "written to logs",
  schema: "named in a data shape",
};

interface Node { id: string; label: string; violation: boolean }

export interface FlowDiagram {
  /** The fenced Mermaid block, or "" when nothing is collected. */
  mermaid: string;
  /** Edges left out to stay within MAX_EDGES. */
  omitted: number;
}

export function flowDiagram(result: ScanResult, findings: Finding[], covering: (file: string) => ActivityView[]): FlowDiagram {
  const live = findings.filter((f) => f.status !== "suppressed");
  if (live.length === 0) return { mermaid: "", omitted: 0 };
  const checked = result.context.manifest !== null;
  const groups = new Map(result.context.categories.map((c) => [c.id, c.group]));
  const groupTitle = (g: string) => g.replace(/-/g, " ").replace(/^./, (ch) => ch.toUpperCase());
  const recipients = new Map((result.context.manifest?.recipients ?? []).map((r) => [r.id, r.name]));
  const activities = new Map((result.context.manifest?.activities ?? []).map((a) => [a.id, a]));

  // Each finding becomes one path: group → middle → recipient (when it reaches one).
  const paths = live.map((f) => {
    const group = groups.get(f.category) ?? f.category;
    let middle: { key: string; label: string; violation: boolean };
    if (!checked) middle = { key: `kind:${f.kind}`, label: KIND_LABEL[f.kind], violation: false };
    else if (f.status === "undeclared" && f.violation !== "recipient") {
      const outside = covering(f.file).length === 0;
      middle = outside
        ? { key: "outside", label: "Undeclared: outside every activity", violation: true }
        : { key: "undeclared", label: "Undeclared in its activity", violation: true };
    } else {
      const a = activities.get(f.activities[0] ?? "");
      middle = a ? { key: `act:${a.id}`, label: a.ref ? `${a.ref} ${a.title ?? a.id}` : a.title ?? a.id, violation: false }
        : { key: "undeclared", label: "Undeclared in its activity", violation: true };
    }
    const rcp = f.recipient
      ? { key: `rcp:${f.recipient}`, label: recipients.get(f.recipient) ?? f.recipient,
          violation: checked && (f.violation === "recipient" || (result.context.manifest!.recipients.length > 0 && !recipients.has(f.recipient))) }
      : null;
    return { group: { key: `grp:${group}`, label: groupTitle(group), violation: false }, middle, rcp };
  });

  const fold = (column: (p: (typeof paths)[number]) => { key: string; label: string; violation: boolean } | null, other: string) => {
    const weight = new Map<string, number>();
    for (const p of paths) {
      const n = column(p);
      if (n && !n.violation) weight.set(n.key, (weight.get(n.key) ?? 0) + 1);
    }
    const keep = new Set([...weight.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, MAX_PER_COLUMN - 1).map(([k]) => k));
    const folded = weight.size > MAX_PER_COLUMN - 1;
    return (n: { key: string; label: string; violation: boolean }) =>
      !folded || n.violation || keep.has(n.key) ? n : { key: `other:${other}`, label: `other ${other}`, violation: false };
  };
  const foldMiddle = fold((p) => p.middle, checked ? "activities" : "uses");
  const foldRcp = fold((p) => p.rcp, "recipients");

  const nodes = new Map<string, Node>();
  const ids = new Map<string, string>();
  const idOf = (n: { key: string; label: string; violation: boolean }) => {
    let id = ids.get(n.key);
    if (!id) {
      const base = n.key.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "");
      id = base;
      for (let i = 2; [...ids.values()].includes(id); i++) id = `${base}_${i}`;
      ids.set(n.key, id);
      nodes.set(id, { id, label: n.label, violation: n.violation });
    }
    return id;
  };
  const edges = new Map<string, { from: string; to: string; count: number; violation: boolean }>();
  const addEdge = (from: string, to: string, violation: boolean) => {
    const key = `${from} ${to}`;
    const e = edges.get(key) ?? { from, to, count: 0, violation };
    e.count++;
    edges.set(key, e);
  };
  for (const p of paths) {
    const g = idOf(p.group);
    const m = idOf(foldMiddle(p.middle));
    addEdge(g, m, p.middle.violation);
    if (p.rcp) {
      const r = foldRcp(p.rcp);
      addEdge(m, idOf(r), r.violation);
    }
  }
  const all = [...edges.values()].sort((a, b) => b.count - a.count || cmp(a.from, b.from) || cmp(a.to, b.to));
  // Violations are never the ones left out, and disclosures to recipients (the reason to draw
  // the diagram) go before the heaviest data → activity edges.
  const toRecipient = (e: (typeof all)[number]) => e.to.startsWith("rcp_") || e.to.startsWith("other_recipients");
  const kept = [...all.filter((e) => e.violation), ...all.filter((e) => !e.violation && toRecipient(e)),
    ...all.filter((e) => !e.violation && !toRecipient(e))].slice(0, MAX_EDGES);
  const used = new Set(kept.flatMap((e) => [e.from, e.to]));
  const lines = [
    ...[...nodes.values()].filter((n) => used.has(n.id)).sort((a, b) => cmp(a.id, b.id))
      .map((n) => `${n.id}["${mermaidLabel(clip(n.label, MAX_LABEL))}"]`),
    ...kept.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to)).map((e) => `${e.from} -->|${e.count}| ${e.to}`),
  ];
  const red = [...nodes.values()].filter((n) => n.violation && used.has(n.id)).map((n) => n.id).sort(cmp);
  if (red.length) lines.push("classDef violation fill:#fde2e2,stroke:#c62828,color:#8e0000", `class ${red.join(",")} violation`);
  return {
    mermaid: ["```mermaid", "flowchart LR", ...lines.map((l) => `  ${l}`), "```"].join("\n"),
    omitted: all.length - kept.length,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : chars.join("");
}

/** Inside a quoted Mermaid label, anything but letters, digits and plain punctuation becomes an entity code. */
export function mermaidLabel(text: string): string {
  return text.replace(/[^\p{L}\p{N} .,:'/+…-]/gu, (c) => `#${c.codePointAt(0)};`);
}
