// A monorepo whose packages import each other by name (`@acme/lib`), checked out without
// node_modules: each name is the folder whose package.json says it, its entry point the
// source the build starts from (`dist/cjs/index.js` → `src/index.ts`).
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { scan } from "../../src/run.js";
import { ModuleResolver } from "../../src/detect/link/module-resolver.js";
import { discoverFiles } from "../../src/discover/discover-files.js";

const dir = fileURLToPath(new URL("../../fixtures/workspace-monorepo/", import.meta.url));

describe("fixtures/workspace-monorepo", async () => {
  const result = await scan({ dir });
  const found = (file: string) => result.findings.filter((f) => f.file === file && f.kind !== "schema").map((f) => `${f.line} ${f.category} ${f.kind} ${f.rule} ${f.recipient}`);

  it("a package's root (main under dist/), a path inside one, and an exports map's source condition: each reaches its sink, with a trace into the package", () => {
    expect(found("apps/web/src/signup.ts")).toEqual([
      "6 email transmit net.fetch hubspot",
      "7 phone transmit net.axios segment",
      "8 name store store.web-storage null",
    ]);
    const crm = result.findings.find((f) => f.file === "apps/web/src/signup.ts" && f.line === 6)!;
    expect(crm.trace?.map((s) => `${s.file}:${s.line}`)).toEqual(["apps/web/src/signup.ts:6", "packages/lib/src/crm.ts:2"]);
  });

  it("a setting passed to the same package, and personal data given to a real npm package of another name, are no finding", () => {
    expect(found("apps/web/src/settings.ts")).toEqual([]);
    expect(result.findings.filter((f) => f.file.startsWith("packages/"))).toEqual([]);
  });

  it("resolves names exactly: a package named like the prefix of another is not it, and an unknown name stays a package", async () => {
    const files = await discoverFiles(dir);
    const r = new ModuleResolver(dir, new Set(files));
    const from = "apps/web/src/signup.ts";
    expect(r.resolve(from, "@acme/lib")).toBe("packages/lib/src/index.ts");
    expect(r.resolve(from, "@acme/lib-extra")).toBe("packages/lib-extra/src/main.ts");
    expect(r.resolve(from, "@acme/lib/server-only/track")).toBe("packages/lib/src/server-only/track.ts");
    expect(r.resolve(from, "@acme/ui/src/format")).toBe("packages/ui/src/format.ts");
    // An exports map's subpaths, exact and with a wildcard, point at built files: their sources are the files.
    expect(r.resolve(from, "@acme/lib-extra/client")).toBe("packages/lib-extra/src/client.ts");
    expect(r.resolve(from, "@acme/lib-extra/utils/pad")).toBe("packages/lib-extra/src/utils/pad.ts");
    expect(r.resolve(from, "@acme/lib-extra/utils/none")).toBeNull();
    expect(r.resolve(from, "@acme/lib/no-such-file")).toBeNull();
    expect(r.resolve(from, "@acme/libx")).toBeNull();
    expect(r.resolve(from, "acme-http")).toBeNull();
    expect(r.mayBeLocal(from, "@acme/lib/server-only/track")).toBe(true);
    expect(r.mayBeLocal(from, "acme-http")).toBe(false);
    // The package.json files looked at are probes: a cached re-scan re-resolves when one changes.
    expect([...r.probes.keys()].some((p) => p.endsWith("packages/lib/package.json"))).toBe(true);
  });

  it("a tsconfig extends a shared config package by name (a workspace folder with no source): it is read from that folder; an unknown name is still a problem", async () => {
    const files = await discoverFiles(dir);
    const r = new ModuleResolver(dir, new Set(files));
    r.resolve("apps/web/src/signup.ts", "@acme/lib");
    r.resolve("packages/lib/src/index.ts", "./crm");
    expect([...r.probes].filter(([p, sig]) => p.endsWith("tooling/tsconfig/base.json") && sig !== "")).toHaveLength(1);
    expect(r.configProblems.map((p) => p.file)).toEqual(["packages/lib/tsconfig.json"]);
    expect(r.configProblems[0].message).toContain("@acme/no-such-config/base.json");
    // Its own options still apply, and the report says so rather than that its paths were lost.
    expect(result.errors.filter((e) => e.message.includes("tsconfig")).map((e) => `${e.file}: ${e.message.replace(/\(.*\)/, "(…)")}`)).toEqual([
      "packages/lib/tsconfig.json: tsconfig could not be read whole (…); imports were resolved with its own settings only",
    ]);
  });
});

