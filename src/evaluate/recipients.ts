import type { ManifestView } from "../types.js";
import type { RecipientDef } from "../config/recipients-loader.js";
import { anyHostMatches, isHost } from "../recipients/hosts.js";

/**
 * SPEC §4: which of the manifest's recipients a finding's recipient is, or null when it is no
 * third party (a first-party host). A recipient is an SDK id (`stripe`) or a host
 * (`api.stripe.com`); a manifest entry stands for it by id, by `sdks`, or by `hosts` (which
 * also cover a catalogue vendor whose API hosts they match).
 */
export function manifestRecipientsOf(view: ManifestView, catalogue: readonly RecipientDef[]): (recipient: string) => Set<string> | null {
  const vendorHosts = new Map(catalogue.map((r) => [r.id, r.hosts.map((h) => (h.startsWith("*.") ? `x${h.slice(1)}` : h))]));
  const firstParty = view.firstParty?.hosts ?? [];
  const memo = new Map<string, Set<string> | null>();
  const resolve = (recipient: string): Set<string> | null => {
    if (isHost(recipient)) {
      if (anyHostMatches(firstParty, recipient)) return null;
      return new Set(view.recipients.filter((m) => anyHostMatches(m.hosts ?? [], recipient)).map((m) => m.id));
    }
    const hostsOfVendor = vendorHosts.get(recipient) ?? [];
    return new Set(
      view.recipients
        .filter((m) => m.id === recipient || (m.sdks ?? []).includes(recipient) || hostsOfVendor.some((h) => anyHostMatches(m.hosts ?? [], h)))
        .map((m) => m.id),
    );
  };
  return (recipient) => {
    if (!memo.has(recipient)) memo.set(recipient, resolve(recipient));
    return memo.get(recipient)!;
  };
}
