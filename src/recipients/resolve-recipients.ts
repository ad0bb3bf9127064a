import type { Finding } from "../types.js";
import type { RecipientDef } from "../config/recipients-loader.js";
import { hostIndex, isHost } from "./hosts.js";

/**
 * The stage after detection: a network send to a catalogue host reaches that vendor, so its
 * recipient becomes the vendor's id (`api.segment.io` → `segment`). Other hosts stay as they are.
 */
export function resolveRecipients(findings: Finding[], catalogue: readonly RecipientDef[]): void {
  const lookup = hostIndex(catalogue);
  for (const f of findings) {
    if (f.recipient === null || !isHost(f.recipient)) continue;
    f.recipient = lookup(f.recipient) ?? f.recipient;
  }
}
