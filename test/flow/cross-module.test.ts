// Flows across files: tsconfig `paths`, a barrel (`export *`, `export { default as x } from`),
// a default-exported instance whose method posts, a CommonJS helper wrapping
// systeminformation, and a parameter that shadows an import.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { scan } from "../../src/run.js";

const dir = fileURLToPath(new URL("../../fixtures/flow-project/", import.meta.url));

describe("fixtures/flow-project", async () => {
  const result = await scan({ dir });
  const sinks = result.findings.filter((f) => f.kind === "transmit");
  const at = (file: string, line: number) => sinks.filter((f) => f.file === file && f.line === line);

  it("a personal field posted through an imported class instance, behind a paths alias and a barrel", () => {
    const [f] = at("src/features/signup.ts", 4);
    expect(f).toMatchObject({ category: "email", recipient: "api.example.com" });
    expect(f.trace?.map((s) => s.file)).toEqual(["src/features/signup.ts", "src/lib/api.ts"]);
  });

  it("a wrapper module that sends whatever it is given: the feature's call is the finding", () => {
    expect(at("src/features/signup.ts", 5).map((f) => f.category)).toEqual(["phone"]);
    expect(at("src/features/signup.ts", 5)[0].trace?.at(-1)?.file).toBe("src/lib/track.ts");
    expect(at("src/features/signup.ts", 6)).toEqual([]);
    expect(sinks.filter((f) => f.file.startsWith("src/lib/"))).toEqual([]);
  });

  it("an object's entries, mapped and joined into a form body by another module, carry its values; its keys alone carry nothing", () => {
    const [f] = at("src/features/push.ts", 3);
    expect(f).toMatchObject({ category: "push-token", recipient: "chat.example.com" });
    expect(f.trace?.map((s) => `${s.file}:${s.line}`)).toEqual(["src/features/push.ts:3", "src/lib/form-post.ts:11"]);
    expect(at("src/features/push.ts", 4)).toEqual([]);
    expect(sinks.filter((x) => x.file === "src/lib/form-post.ts")).toEqual([]);
  });

  it("an imported CommonJS helper that returns a systeminformation serial", () => {
    const [f] = at("src/features/inventory.ts", 7);
    expect(f).toMatchObject({ category: "device-serial", recipient: "api.example.com" });
    expect(f.trace?.[0]).toMatchObject({ file: "src/lib/device.js", line: 5 });
    expect(at("src/features/inventory.ts", 8)).toEqual([]);
  });

  it("a parameter named like an import is not the import", () => {
    expect(sinks.filter((f) => f.file === "src/features/shadow.ts" && f.trace?.some((s) => s.file === "src/lib/api.ts"))).toEqual([]);
  });
});
