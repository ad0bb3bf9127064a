// Activities from a policy without a table: numbered sections or items under part headings
// ("A. Use of …" / "1a. When you sign up …", "2.1 Creating your account"), each saying what
// data it uses, why and on what basis — in labelled lines ("Data: …", "Purpose: …",
// "Legal basis: …") or in prose ("We collect your email address to …").

import { basesIn } from "./basis.js";
import type { Block } from "./policy-document.js";
import type { PolicyText, RawActivity } from "./raw-activity.js";

const NUMBERING = /^((?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[A-Z]))[.)]?\s+(\S.*)$/;
const LABELS: [keyof Pick<RawActivity, "data" | "purposes" | "bases">, RegExp][] = [
  ["data", /^(?:personal data|data(?: we (?:collect|use|process))?|data used|information(?: we collect)?|what we collect|categories of (?:personal )?data|types? of (?:personal )?data|the data)\s*[:–—-]\s*(\S[\s\S]*)$/i],
  ["purposes", /^(?:purposes?|why(?: we (?:use|collect|process) (?:it|them|this))?|what we use it for|how we use it|used for)\s*[:–—-]\s*(\S[\s\S]*)$/i],
  ["bases", /^(?:(?:legal|lawful) (?:basis|bases|grounds?)(?: for processing)?|basis)\s*[:–—-]\s*(\S[\s\S]*)$/i],
];
const COLLECTS = /\b(collect|process|use|receive|store|ask (you )?for|obtain)\b/i;
const PURPOSE_CLAUSE = /\b(?:in order to|so that we can|so we can|to)\s+([^.;]+)/i;

interface Heading {
  index: number;
  numbering?: string;
  title: string;
  line: number;
}

export function sectionActivities(blocks: Block[]): RawActivity[] {
  const heads = headings(blocks);
  const out: RawActivity[] = [];
  let part: string | undefined;
  heads.forEach((h, k) => {
    const end = heads[k + 1]?.index ?? blocks.length;
    const body = blocks.slice(h.index + 1, end).filter((b): b is Extract<Block, { text: string }> => "text" in b && b.kind !== "heading");
    const fields = { data: [] as PolicyText[], purposes: [] as PolicyText[], bases: [] as PolicyText[] };
    for (const b of body) {
      const label = LABELS.find(([, re]) => re.test(b.text));
      if (label) fields[label[0]].push({ text: label[1].exec(b.text)![1], line: b.line });
    }
    const isLetter = h.numbering !== undefined && /^[A-Z]$/.test(h.numbering);
    if (!fields.data.length) {
      const prose = body.filter((b) => COLLECTS.test(b.text));
      if (!prose.length || !h.numbering || isLetter) {
        if (isLetter || (h.numbering && !h.numbering.includes("."))) part = isLetter ? h.numbering : undefined;
        return;
      }
      const text = prose.map((b) => b.text).join(" ");
      fields.data.push({ text, line: prose[0].line });
      const purpose = PURPOSE_CLAUSE.exec(text.slice(text.search(COLLECTS)));
      if (purpose) fields.purposes.push({ text: `To ${purpose[1]}`, line: prose[0].line });
      if (basesIn(text).length) fields.bases.push({ text, line: prose[0].line });
      out.push({ ref: refOf(h, part, out), title: h.title, line: h.line, data: fields.data, purposes: fields.purposes, bases: fields.bases, prose: true });
      return;
    }
    out.push({ ref: refOf(h, part, out), title: h.title, line: h.line, ...fields });
  });
  // Where the policy labels its sections, a prose section counts only beside labelled ones
  // (2.5 among 2.1–2.9), not elsewhere ("3. Who we share your data with").
  const parents = new Set(out.filter((a) => !a.prose).map((a) => parentOf(a.ref)));
  return parents.size ? out.filter((a) => !a.prose || parents.has(parentOf(a.ref))) : out;
}

function parentOf(ref: string): string {
  const cut = ref.lastIndexOf(".");
  return cut < 0 ? "" : ref.slice(0, cut);
}

function refOf(h: Heading, part: string | undefined, done: RawActivity[]): string {
  if (!h.numbering) return String(done.length + 1);
  if (h.numbering.includes(".") || !part) return h.numbering;
  return `${part}.${h.numbering}`;
}

/** Heading blocks, and short numbered paragraphs or items that stand as headings. */
function headings(blocks: Block[]): Heading[] {
  const out: Heading[] = [];
  blocks.forEach((b, index) => {
    if (b.kind === "heading") {
      const m = NUMBERING.exec(b.text);
      out.push({ index, numbering: m?.[1], title: m ? m[2] : b.text, line: b.line });
    } else if ((b.kind === "paragraph" || b.kind === "item") && !b.text.includes("\n") && b.text.length <= 120 && !/[.:;,]$/.test(b.text)) {
      const m = NUMBERING.exec(b.kind === "item" && b.marker ? `${b.marker}. ${b.text}` : b.text);
      if (m && !LABELS.some(([, re]) => re.test(m[2]))) out.push({ index, numbering: m[1], title: m[2], line: b.line });
    }
  });
  return out;
}
