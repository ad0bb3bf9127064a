import { createRequire } from "node:module";
import type { ts } from "ts-morph";

// The one place the compiler API is loaded at run time: TypeScript as ts-morph ships it,
// taken with require. An ESM `import { ts } from "ts-morph"` makes Node lex ts-morph's
// CommonJS source for its named exports before the first file is read: about a third of
// every run's start-up CPU, paid again by each worker thread. Modules keep
// `import type { ts } from "ts-morph"` for the types, which costs nothing at run time.
export const tsApi: typeof ts = (createRequire(import.meta.url)("ts-morph") as { ts: typeof ts }).ts;
