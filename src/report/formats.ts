import type { ScanResult } from "../types.js";
import type { FailOn } from "../evaluate/exit-code.js";
import { renderJson } from "./json.js";
import { renderText } from "./text.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";

export interface RenderOptions {
  color: boolean;
  verbose?: boolean;
  /** Path from where the report will be read to the scanned folder, for relative links. */
  linkBase?: string;
  /** What fails the run: the text verdict names it. */
  failOn?: FailOn;
}

/** Format name → pure reporter. Only the CLI writes anywhere. */
export const FORMATS: Record<string, (r: ScanResult, o: RenderOptions) => string> = {
  text: (r, o) => renderText(r, o),
  json: (r) => renderJson(r),
  sarif: (r) => renderSarif(r),
  markdown: (r, o) => renderMarkdown(r, { linkBase: o.linkBase }),
};
