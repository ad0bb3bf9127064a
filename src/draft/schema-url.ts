// The `yaml-language-server` schema line of a drafted manifest: the same reference `init`
// writes (the installed copy when policytrace is in the project's node_modules, else the
// schema's published URL), so editors complete and check both alike.

import { schemaReference } from "../cli/init-command.js";

export function manifestSchemaUrl(manifestDir: string): string | undefined {
  return schemaReference(manifestDir);
}
