// tsconfig `paths` that pin a package's own file ("lit/decorators": ["./node_modules/lit/decorators.js"],
// as home-assistant does for lit) keep the import a package's: only a path into the project makes
// a bare specifier the app's own module.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModuleResolver } from "../../src/detect/link/module-resolver.js";
import { scan } from "../../src/run.js";

const dir = mkdtempSync(join(tmpdir(), "policytrace-paths-"));
const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), text);
};
write("tsconfig.json", JSON.stringify({
  compilerOptions: {
    paths: {
      "lit/decorators": ["./node_modules/lit/decorators.js"],
      "vendored/*": ["node_modules/vendored/dist/*", "./node_modules/vendored/lib/*"],
      "@app/*": ["./src/lib/*"],
      "mixed/*": ["./node_modules/mixed/*", "./src/mixed/*"],
    },
  },
}));
write("src/lib/send.ts", "export function send(body: unknown) { return fetch('https://api.example.com/u', { method: 'POST', body: JSON.stringify(body) }); }\n");
write("src/feature.ts", [
  'import { send } from "@app/send";',
  'import { property } from "lit/decorators";',
  "export function signup(email: string) {",
  "  send({ email });",
  "  property();",
  "}",
  "",
].join("\n"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tsconfig paths into node_modules", () => {
  const r = new ModuleResolver(dir, new Set(["src/feature.ts", "src/lib/send.ts"]));

  it("a path whose every target is under node_modules is a package; a path into the project, or partly into it, may be the app's", () => {
    expect(r.mayBeLocal("src/feature.ts", "lit/decorators")).toBe(false);
    expect(r.mayBeLocal("src/feature.ts", "vendored/index.js")).toBe(false);
    expect(r.mayBeLocal("src/feature.ts", "@app/send")).toBe(true);
    expect(r.mayBeLocal("src/feature.ts", "mixed/x")).toBe(true);
  });

  it("the app's module behind a path is still followed", async () => {
    const result = await scan({ dir });
    const sent = result.findings.filter((f) => f.kind === "transmit").map((f) => `${f.file}:${f.line} ${f.category} ${f.recipient}`);
    expect(sent).toEqual(["src/feature.ts:4 email api.example.com"]);
  });
});
