// SPEC §3: a network send's recipient is the lower-case host of its URL when the code spells
// it out; a relative URL (the app's own backend) or an unknown one has none.

const ABSOLUTE = /^(?:https?|wss?):\/\/([^/?#:\s$]+)/i;
const TEMPLATE_HOLE = /[${}]/;

export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  const m = ABSOLUTE.exec(url.trim());
  if (!m) return null;
  const host = m[1].toLowerCase().replace(/^[^@]*@/, "");
  // `https://${region}.api.example.com`: the part we know is not a host yet.
  if (!host || TEMPLATE_HOLE.test(host) || host.startsWith(".") || host.endsWith(".") || !host.includes(".") && host !== "localhost") return null;
  if (host === "localhost" || host === "127.0.0.1" || host === "0.0.0.0" || host === "[::1]") return null;
  return host;
}
