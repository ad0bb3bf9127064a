// policytrace init: the starter manifest it writes, and that it refuses to overwrite.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { project, run } from "../cli/helpers.js";

const APP = {
  "mobile/src/App.tsx": "export const boot = () => console.log(navigator.userAgent);\n",
  "mobile/src/account/signup.ts": "export const signup = (email: string, phone: string) => fetch('/register', { method: 'POST', body: JSON.stringify({ email, phone }) });\n",
  "mobile/src/devices/add/bind.ts": "import DeviceInfo from 'react-native-device-info';\nexport const mac = () => DeviceInfo.getMacAddress();\n",
  "server/src/account/routes.ts": "export const handler = (req: any) => { console.log(req.body.email); };\n",
};

interface Starter {
  version: number;
  recipients?: { id: string; name: string }[];
  activities: { id: string; data: string[]; purposes: string[]; basis: string; code: string[]; recipients?: string[] }[];
}

describe("policytrace init", () => {
  it("writes one activity per feature folder with the categories found there", async () => {
    const dir = project(APP);
    const r = await run(["init", "."], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^policytrace: wrote privacy-manifest\.yml: \d+ activities from \d+ collection points/);
    const text = readFileSync(join(dir, "privacy-manifest.yml"), "utf8");
    const m = parse(text) as Starter;
    expect(m.version).toBe(1);
    const byId = Object.fromEntries(m.activities.map((a) => [a.id, a]));
    expect(byId["mobile-account"]).toMatchObject({ code: ["mobile/src/account/**"], purposes: ["TODO: why is this collected?"], basis: "TODO" });
    expect(byId["mobile-account"].data).toEqual(expect.arrayContaining(["email", "phone"]));
    expect(byId["mobile-devices"]).toMatchObject({ code: ["mobile/src/devices/**"] });
    expect(byId["mobile-devices"].data).toContain("mac-address");
    expect(byId["server-account"].data).toContain("email");
    // Each id carries the policy's wording as a comment.
    expect(text).toMatch(/- mac-address\s+# "MAC address" \(/);
    expect(text).toContain("# Grouping: a feature folder is the folder right below the first source root");
  });

  it("is refused by the manifest loader until the TODOs are filled in, with a pointed message", async () => {
    const dir = project(APP);
    await run(["init", "."], dir);
    const first = await run(["scan", "."], dir);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/privacy-manifest\.yml:\d+:\d+: activities\[0\] \("[a-z-]+"\)\.basis has the value "TODO", which is not allowed\n\s+Use one of: contract, consent, legitimate-interest, legal-obligation\./);
    const path = join(dir, "privacy-manifest.yml");
    // Every TODO is reported in the same run (issue 9), the purposes too.
    expect(first.stderr).toMatch(/activity "[a-z-]+" still has a TODO purpose/);
    const line = Number(/yml:(\d+):\d+: activities\[0\] \("[a-z-]+"\)\.basis/.exec(first.stderr)![1]);
    expect(readFileSync(path, "utf8").split("\n")[line - 1]).toMatch(/^\s+basis: TODO/);

    writeFileSync(path, readFileSync(path, "utf8").replace(/basis: TODO/g, "basis: contract"));
    const second = await run(["scan", "."], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/activity "[a-z-]+" still has a TODO purpose/);

    writeFileSync(path, readFileSync(path, "utf8").replace(/"TODO: why is this collected\?"/g, "account-registration"));
    const done = await run(["scan", ".", "--format", "json"], dir);
    expect(done.code).toBe(0);
    const summary = JSON.parse(done.stdout).summary;
    expect(summary).toMatchObject({ undeclared: 0, unused: 0 });
    expect(summary.declared).toBe(summary.findings);
  });

  it("never overwrites an existing manifest without --force", async () => {
    const dir = project({ ...APP, "privacy-manifest.yml": "# mine\n" });
    const r = await run(["init", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("privacy-manifest.yml already exists; not overwriting it");
    expect(r.stderr).toContain("--force");
    expect(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")).toBe("# mine\n");

    expect((await run(["init", ".", "--force"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")).toContain("starter written by `policytrace init`");
  });

  it("writes into the given dir and is byte-identical across runs", async () => {
    const dir = project(Object.fromEntries(Object.entries(APP).map(([k, v]) => [`app/${k}`, v])));
    await run(["init", "app"], dir);
    const once = readFileSync(join(dir, "app/privacy-manifest.yml"), "utf8");
    await run(["init", "app", "--force"], dir);
    expect(readFileSync(join(dir, "app/privacy-manifest.yml"), "utf8")).toBe(once);
    expect(once).toContain('code: ["mobile/src/account/**"]'); // relative to the manifest's folder
  });

  it("lists third-party recipients with valid ids", async () => {
    const dir = project({
      "src/ux/analytics.ts": "import analytics from '@react-native-firebase/analytics';\nexport const track = (mac: string) => analytics().setUserProperty('handset_mac', mac);\n",
    });
    await run(["init", "."], dir);
    const m = parse(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")) as Starter;
    expect(m.recipients).toEqual([{ id: "firebase-analytics", name: "Firebase Analytics" }]);
    expect(m.activities[0]).toMatchObject({ id: "ux", recipients: ["firebase-analytics"], code: ["src/ux/**"] });
  });

  it("writes a template that still fails validation when nothing is found", async () => {
    const dir = project({ "src/math.ts": "export const add = (a: number, b: number) => a + b;\n" });
    const r = await run(["init", "."], dir);
    expect(r.stdout).toContain("0 activities from 0 collection points");
    const m = parse(readFileSync(join(dir, "privacy-manifest.yml"), "utf8")) as Starter;
    expect(m.activities).toHaveLength(1);
    expect((await run(["scan", "."], dir)).code).toBe(2);
  });

  it("a folder that does not exist is a usage error and writes nothing", async () => {
    const dir = project({});
    const r = await run(["init", "missing"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot scan "missing": not a directory');
  });
});
