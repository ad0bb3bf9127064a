// The `yaml-language-server` schema line is written only when the package ships the
// manifest's JSON Schema as a file an editor can open.

import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { packageRoot } from "../config/package-paths.js";

const CANDIDATES = ["schemas/privacy-manifest.schema.json", "schema/privacy-manifest.schema.json", "schemas/privacy-manifest-v1.json"];

export function manifestSchemaUrl(manifestDir: string): string | undefined {
  for (const c of CANDIDATES) {
    const abs = join(packageRoot, c);
    if (existsSync(abs)) return relative(manifestDir, abs).split(sep).join("/");
  }
  return undefined;
}
