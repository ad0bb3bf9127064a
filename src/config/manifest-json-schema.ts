// The manifest's published JSON Schema: the validator's own definition with the words an
// editor shows on hover and in completion. Descriptions are added here, by path, so the
// definition the loader compiles stays the single source of what is valid.

import { manifestSchema, BASES } from "./manifest-schema.js";

export const MANIFEST_SCHEMA_FILE = "schema/privacy-manifest.schema.json";
export const MANIFEST_SCHEMA_ID = manifestSchema.$id;

const DESCRIPTIONS: Record<string, string> = {
  "": "policytrace purpose manifest: the privacy policy's table (activity → data → purposes → lawful basis → where its code lives). See SPEC §4 / docs/contract.md.",
  $schema: "The JSON Schema of this file, for editors.",
  version: "Manifest format version; only 1 exists.",
  policy: "The privacy policy this manifest mirrors.",
  recipients: "Third parties the policy discloses data to.",
  "recipients.items.id": "Recipient id, referenced from an activity's `recipients`.",
  activities: "One entry per row of the policy table.",
  "activities.items.id": "Activity id (lowercase, digits, dashes).",
  "activities.items.ref": "The row's number in the policy, e.g. A.1a.",
  "activities.items.data": "Data categories: category ids (email), group ids (contact) or the policy's wording (\"Device SN\"). Run `policytrace categories`.",
  "activities.items.purposes": "Why the data is processed, as the policy says it.",
  "activities.items.basis": `Lawful basis: ${BASES.join(" | ")}.`,
  "activities.items.recipients": "Recipient ids this activity discloses data to.",
  "activities.items.code": "Globs, relative to the manifest's folder, of the files that do this activity. Omitted: all code.",
  audit: "Scan settings.",
  "audit.include": "Globs of the files to scan (default: every source file).",
  "audit.exclude": "Globs of files to leave out, on top of the defaults (tests, build output, node_modules).",
  "audit.rules": "Folders of extra rule files, relative to the manifest's folder.",
};

type Json = { [k: string]: unknown };

export function editorManifestSchema(): Json {
  const copy = JSON.parse(JSON.stringify(manifestSchema)) as Json;
  const at = (path: string): Json | undefined => {
    let node: Json | undefined = copy;
    for (const part of path ? path.split(".") : []) {
      node = (part === "items" ? node?.items : (node?.properties as Json | undefined)?.[part]) as Json | undefined;
    }
    return node;
  };
  for (const [path, text] of Object.entries(DESCRIPTIONS)) {
    const node = at(path);
    if (!node) throw new Error(`manifest schema has no ${path || "root"}: update DESCRIPTIONS`);
    node.description = text;
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", $id: MANIFEST_SCHEMA_ID, title: "policytrace privacy-manifest.yml", ...copy };
}
