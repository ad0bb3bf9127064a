import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

// Works from both src/ (tests) and dist/ (installed): each sits one level below the package root.
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
export const builtinRulesDir = fileURLToPath(new URL("../../rules/", import.meta.url));

export const toolVersion: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
