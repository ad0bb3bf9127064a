import { describe, expect, it } from "vitest";
import { project, run } from "./helpers.js";

describe("policytrace recipients", () => {
  it("lists the catalogue by family, with packages, hosts and what the calls send", async () => {
    const r = await run(["recipients"], project({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^crash-reporting — Crash reporting and performance monitoring \(\d+\)$/m);
    expect(r.stdout).toContain("  sentry                 Sentry (Functional Software)\n");
    expect(r.stdout).toMatch(/^ +hosts: \*\.ingest\.sentry\.io, /m);
    expect(r.stdout).toMatch(/^ +sends: diagnostics; personal data in its arguments$/m);
    expect(r.stdout).toMatch(/\n\d{2,} recipients\. /);
  });

  it("--json gives families and every entry with its rules", async () => {
    const r = await run(["recipients", "--json"], project({}));
    const data = JSON.parse(r.stdout) as { families: { id: string; count: number }[]; recipients: { id: string; family: string; hosts: string[]; packages: Record<string, string>; rules: { id: string; category: string; api: string[] }[] }[] };
    expect(data.recipients.length).toBeGreaterThanOrEqual(80);
    expect(data.families.reduce((n, f) => n + f.count, 0)).toBe(data.recipients.length);
    const mixpanel = data.recipients.find((x) => x.id === "mixpanel")!;
    expect(mixpanel).toMatchObject({ family: "product-analytics", packages: { "mixpanel-browser": "browser", "mixpanel-react-native": "react-native", mixpanel: "node" } });
    expect(mixpanel.rules.map((x) => [x.id, x.category])).toEqual([["sdk.mixpanel.event", "browsing-behavior"], ["sdk.mixpanel.data", "names"]]);
  });

  it("--rules adds a user's catalogue entries", async () => {
    const dir = project({ "rules/crm.yml": "family: CRM\nrecipients:\n  - id: acme-crm\n    name: Acme CRM\n    docs: https://acme.example\n    packages: {}\n    hosts: [api.acme.example]\n" });
    const r = await run(["recipients", "--rules", "rules"], dir);
    expect(r.stdout).toContain("crm — CRM (1)\n  acme-crm               Acme CRM\n                         hosts: api.acme.example\n");
  });
});
