// Build step (npm run build): schema/privacy-manifest.schema.json from the schema the manifest
// loader validates with (manifest-schema.ts), plus titles and descriptions for editor
// completion. It ships in the package; `policytrace init` points new manifests at it.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { packageRoot } from "./package-paths.js";
import { editorManifestSchema, MANIFEST_SCHEMA_FILE } from "./manifest-json-schema.js";

const path = join(packageRoot, MANIFEST_SCHEMA_FILE);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, `${JSON.stringify(editorManifestSchema(), null, 2)}\n`);
