import { describe, expect, it } from "vitest";
import { createProgress, progressWanted } from "../../src/cli/progress.js";
import { project, run } from "./helpers.js";

function clocked() {
  let t = 0;
  const writes: string[] = [];
  const p = createProgress({ write: (s) => writes.push(s), enabled: true, now: () => t });
  return { p, writes, at: (ms: number) => (t = ms) };
}

describe("progress line", () => {
  it("stays silent for the first second", () => {
    const { p, writes, at } = clocked();
    at(500);
    p.update(1, 10);
    p.done();
    expect(writes).toEqual([]);
  });

  it("redraws in place at most ten times a second and clears at the end", () => {
    const { p, writes, at } = clocked();
    at(1000);
    p.update(3, 2000);
    at(1050);
    p.update(4, 2000); // throttled
    at(1100);
    p.update(5, 2000);
    p.done();
    p.done(); // idempotent
    expect(writes).toEqual(["\r\x1b[Kscanning 3/2000 files", "\r\x1b[Kscanning 5/2000 files", "\r\x1b[K"]);
  });

  it("is wanted only on a TTY, outside CI, without --quiet", () => {
    expect(progressWanted(true, {}, false)).toBe(true);
    expect(progressWanted(false, {}, false)).toBe(false);
    expect(progressWanted(true, { CI: "true" }, false)).toBe(false);
    expect(progressWanted(true, { CI: "1" }, false)).toBe(false);
    expect(progressWanted(true, { CI: "false" }, false)).toBe(true);
    expect(progressWanted(true, {}, true)).toBe(false);
  });

  it("a short scan on a TTY prints nothing on stderr; --quiet is accepted by every scanning command", async () => {
    const dir = project({ "src/a.ts": "export const f = (u: any) => console.log(u.email);\n" });
    const r = await run(["scan", "."], dir, { stderrIsTTY: true });
    // On a loaded CI runner even one file can take over a second: then the line may appear, but
    // it must be erased again and nothing else may reach stderr.
    expect(r.stderr.replace(/\r\x1b\[Kscanning \d+\/\d+ files/g, "").replace(/\r\x1b\[K/g, "")).toBe("");
    if (r.stderr) expect(r.stderr.endsWith("\r\x1b[K")).toBe(true);
    for (const argv of [["scan", ".", "--quiet"], ["baseline", ".", "--quiet"], ["init", ".", "--quiet"]]) {
      expect((await run(argv, dir, { stderrIsTTY: true })).code).toBe(0);
    }
  });
});
