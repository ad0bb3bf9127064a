import type { RuleDef } from "../../config/rules-loader.js";
import type { Callee, Step, Value } from "./value.js";

// What one file contributes to the cross-module phase, with no syntax tree left in it:
// its sinks and calls (with the values reaching them), its functions' returns, classes,
// exports and re-exports. flow/propagate.ts joins these across files.

export interface Site {
  file: string;
  line: number;
  column: number;
  evidence: string;
  symbol: string | null;
}

export interface FlowSink {
  site: Site;
  rule: RuleDef;
  /** Everything that reaches the sink's data arguments, joined. */
  args: Value;
  /** The function the sink sits in (its parameters may reach it). */
  fn: string;
  recipient: string | null;
  /** The URL is the function's own parameter (a fetch wrapper): its callers' argument names the host. */
  urlParam?: number;
}

export interface FlowCall {
  site: Site;
  callee: Callee;
  args: Value[];
  fn: string;
  /** How the called function is named in the trace. */
  name: string;
}

export interface FnFlow {
  id: string;
  name: string | null;
  returns: Value;
}

export interface ClassFlow {
  methods: Map<string, string>;
  fields: Map<string, Value>;
}

export interface FileFlow {
  file: string;
  sinks: FlowSink[];
  calls: FlowCall[];
  fns: Map<string, FnFlow>;
  classes: Map<string, ClassFlow>;
  exports: Map<string, Value>;
  reexports: { spec: string; names?: Map<string, string> }[];
  /** Why the file's analysis stopped early, when it did. */
  truncated?: string;
}

export function stepAt(site: Site, note: string): Step {
  return { file: site.file, line: site.line, column: site.column, note };
}
