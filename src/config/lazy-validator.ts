import { Ajv, type ValidateFunction } from "ajv";

/**
 * A JSON Schema validator compiled on first use. Compiling at import cost every run a
 * tenth of its start-up, though most runs validate no manifest, no report or no rule file of
 * the user's. verbose: errors carry their schema, so a message can list the allowed keys.
 */
export function lazyValidator(schema: object): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => (compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema));
}
