// Host patterns as the catalogue and the manifest write them: an exact host name, or
// `*.example.com` for every subdomain of example.com (at any depth, not example.com itself).

/** A URL's host as findings carry it: lower-case, without port or trailing dot. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

export function hostMatches(pattern: string, host: string): boolean {
  const h = normaliseHost(host);
  return pattern.startsWith("*.") ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern;
}

/** Is any of these patterns matching the host? */
export function anyHostMatches(patterns: readonly string[], host: string): boolean {
  return patterns.some((p) => hostMatches(p, host));
}

/**
 * Host → owner id, the most specific pattern winning: an exact host before any wildcard,
 * `*.eu.example.com` before `*.example.com`. One map lookup per label of the host.
 */
export function hostIndex(owners: readonly { id: string; hosts: readonly string[] }[]): (host: string) => string | null {
  const exact = new Map<string, string>();
  const wildcard = new Map<string, string>();
  for (const o of owners) {
    for (const p of o.hosts) {
      if (p.startsWith("*.")) wildcard.set(p.slice(2), o.id);
      else exact.set(p, o.id);
    }
  }
  return (host) => {
    const h = normaliseHost(host);
    const hit = exact.get(h);
    if (hit !== undefined) return hit;
    for (let dot = h.indexOf("."); dot >= 0; dot = h.indexOf(".", dot + 1)) {
      const owner = wildcard.get(h.slice(dot + 1));
      if (owner !== undefined) return owner;
    }
    return null;
  };
}

/** Can a finding's recipient be a host (api.example.com) rather than an id (stripe)? Ids never hold a dot. */
export const isHost = (recipient: string): boolean => recipient.includes(".");
