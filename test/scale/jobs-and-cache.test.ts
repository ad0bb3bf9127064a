// Worker threads and the cache change how the work is done, never what is reported: every
// report here is compared with a plain one-thread, uncached scan of the same tree.

import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot } from "../cli/run-bin.js";
import { run, tempDir, write } from "../robustness/helpers.js";

/** The JSON report without the one thing allowed to differ between runs. */
function comparable(stdout: string): string {
  const r = JSON.parse(stdout) as { summary: { durationMs: number } };
  r.summary.durationMs = 0;
  return JSON.stringify(r, null, 1);
}

/** Both example projects side by side: cross-module flows, tsconfig paths, CommonJS, a manifest-free inventory. */
function sampleTree(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, "fixtures/flow-project"), join(dir, "flow"), { recursive: true });
  cpSync(join(repoRoot, "fixtures/imou-app"), join(dir, "app"), { recursive: true });
  return dir;
}

const json = (dir: string, ...flags: string[]) => cli(["scan", ".", "--format", "json", "--fail-on", "none", ...flags], dir);

describe("--jobs: the report does not depend on the number of threads", () => {
  it("one thread and three threads give byte-identical reports on real projects", async () => {
    const dir = sampleTree();
    const one = await json(dir, "--jobs", "1");
    const three = await json(dir, "--jobs", "3");
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.stderr).toBe(one.stderr);
    const report = JSON.parse(one.stdout) as { findings: { trace?: unknown[] }[] };
    expect(report.findings.some((f) => f.trace?.length)).toBe(true); // cross-module flows were followed
    expect(comparable(three.stdout)).toBe(comparable(one.stdout));
  });

  it("a file that cannot be analysed on a worker is still reported, in its place", async () => {
    const dir = sampleTree();
    // Each level on its own line, so that the minified check does not catch it first.
    write(dir, "app/src/deep.ts", `console.log(user.email);\nconst x = ${"(\n".repeat(50_000)}1${")\n".repeat(50_000)};\n`);
    const one = await json(dir, "--jobs", "1");
    const two = await json(dir, "--jobs", "2");
    expect(comparable(two.stdout)).toBe(comparable(one.stdout));
    const errors = (JSON.parse(two.stdout) as { errors: { file: string; message: string }[] }).errors;
    expect(errors.find((e) => e.file === "app/src/deep.ts")?.message).toMatch(/nested too deeply/);
  });

  it("a bad --jobs value is a usage error, not a stack trace", async () => {
    for (const bad of ["0", "-1", "1.5", "many"]) {
      const r = await cli(["scan", ".", "--jobs", bad], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--jobs needs a whole number of 1 or more/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("--cache", () => {
  const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cache")) : []);

  it("keeps the cache under node_modules/.cache/policytrace by default, and a cached run reports exactly what an uncached one does", async () => {
    const dir = sampleTree();
    const plain = await json(dir);
    const cold = await json(dir, "--cache");
    expect(cacheFiles(join(dir, "node_modules/.cache/policytrace"))).toHaveLength(1);
    const warm = await json(dir, "--cache", "--jobs", "2");
    expect(comparable(cold.stdout)).toBe(comparable(plain.stdout));
    expect(comparable(warm.stdout)).toBe(comparable(plain.stdout));
  });

  it("a changed file is analysed again, and flows through it into other files follow the change", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    // The wrapper's caller in another file now sends a serial number through it.
    const target = join(dir, "flow/src/features/signup.ts");
    writeFileSync(target, `${readFileSync(target, "utf8")}\nimport DeviceInfo from "react-native-device-info";\nexport async function sendSerial() { trackEvent("device", { sn: await DeviceInfo.getSerialNumber() }); }\n`);
    const cached = await json(dir, "--cache-location", loc);
    const fresh = await json(dir);
    expect(comparable(cached.stdout)).toBe(comparable(fresh.stdout));
    const sent = (JSON.parse(cached.stdout) as { findings: { file: string; category: string; kind: string }[] }).findings
      .filter((f) => f.file === "flow/src/features/signup.ts" && f.category === "device-serial" && f.kind === "transmit");
    expect(sent).toHaveLength(1);
  });

  it("a change no other file can see (a comment) keeps the last cross-file phase, and the report is still the uncached one", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    const before = await json(dir, "--cache-location", loc);
    const wrapper = join(dir, "flow/src/lib/track.ts");
    writeFileSync(wrapper, `${readFileSync(wrapper, "utf8")}\n// the wrapper is unchanged\n`);
    const cached = await json(dir, "--cache-location", loc);
    expect(comparable(cached.stdout)).toBe(comparable((await json(dir)).stdout));
    expect(comparable(cached.stdout)).toBe(comparable(before.stdout));
  });

  it("lines shifted in a file that other files' traces pass through: the traces follow the lines", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    const wrapperStep = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { file: string; category: string; trace?: { file: string; line: number }[] }[] }).findings
        .find((f) => f.file === "flow/src/features/signup.ts" && f.category === "phone" && f.trace)?.trace?.find((s) => s.file === "flow/src/lib/track.ts")?.line;
    const before = wrapperStep((await json(dir, "--cache-location", loc)).stdout);
    const wrapper = join(dir, "flow/src/lib/track.ts");
    writeFileSync(wrapper, `\n\n${readFileSync(wrapper, "utf8")}`);
    const cached = await json(dir, "--cache-location", loc);
    expect(comparable(cached.stdout)).toBe(comparable((await json(dir)).stdout));
    expect(before).toBeDefined();
    expect(wrapperStep(cached.stdout)).toBe(before! + 2);
  });

  it("a new file that calls another file's wrapper is followed into it on a cached run", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    write(dir, "flow/src/features/newsletter.ts", `import { trackEvent } from "../lib/track";\nexport function join(user: { email: string }) { trackEvent("join", { mail: user.email }); }\n`);
    const cached = await json(dir, "--cache-location", loc);
    expect(comparable(cached.stdout)).toBe(comparable((await json(dir)).stdout));
    const sent = (JSON.parse(cached.stdout) as { findings: { file: string; category: string; trace?: unknown[] }[] }).findings
      .filter((f) => f.file === "flow/src/features/newsletter.ts" && f.category === "email" && f.trace?.length);
    expect(sent).toHaveLength(1);
  });

  it("a damaged cache is ignored with a note and rewritten; the report is still the uncached one", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    const [name] = cacheFiles(loc);
    writeFileSync(join(loc, name), "not a cache at all");
    const damaged = await cli(["scan", ".", "--cache-location", loc, "--fail-on", "none"], dir);
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toMatch(/cache is not a policytrace cache or is damaged; it was ignored and is rewritten/);
    const after = await json(dir, "--cache-location", loc);
    expect(comparable(after.stdout)).toBe(comparable((await json(dir)).stdout));
    expect(readFileSync(join(loc, name), "utf8")).not.toBe("not a cache at all");
  });

  it("a missing blob file is a note, every file it held is analysed again, and the next run has a whole cache again", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    const blobs = readdirSync(loc).filter((f) => f.endsWith(".blobs"));
    expect(blobs).toHaveLength(1);
    rmSync(join(loc, blobs[0]));
    // A changed summary makes the run read the other files' results.
    const target = join(dir, "flow/src/features/signup.ts");
    writeFileSync(target, `${readFileSync(target, "utf8")}\nexport function more(u: { email: string }) { trackEvent("more", { m: u.email }); }\n`);
    const damaged = await cli(["scan", ".", "--cache-location", loc, "--fail-on", "none"], dir);
    expect(damaged.stdout).toMatch(/blob file is missing or damaged/);
    const again = await json(dir, "--cache-location", loc);
    expect(again.stdout).not.toMatch(/blob file/);
    expect(comparable(again.stdout)).toBe(comparable((await json(dir)).stdout));
    expect(readdirSync(loc).filter((f) => f.endsWith(".blobs"))).toHaveLength(1);
  });

  it("a cache from another rule set is not trusted", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    write(dir, "extra-rules/tickets.yml", [
      "rules:",
      "  - id: custom.ticket-log",
      "    category: diagnostics",
      "    kind: log",
      "    confidence: high",
      "    calls: [ticketLog]",
      "    tests:",
      "      positive: ['ticketLog(x)']",
      "      negative: ['ticket(x)']",
      "",
    ].join("\n"));
    write(dir, "app/src/ticket.ts", "ticketLog(user.id);\n");
    const cached = await json(dir, "--cache-location", loc, "--rules", "extra-rules");
    const fresh = await json(dir, "--rules", "extra-rules");
    expect(cached.stderr).toBe(fresh.stderr);
    expect(comparable(cached.stdout)).toBe(comparable(fresh.stdout));
  });

  it("a tsconfig that stops mapping an import is noticed: the importing file is analysed again", async () => {
    const dir = sampleTree();
    const loc = join(dir, "cache");
    await json(dir, "--cache-location", loc);
    const tsconfig = join(dir, "flow/tsconfig.json");
    writeFileSync(tsconfig, readFileSync(tsconfig, "utf8").replace(/"paths"\s*:\s*\{[^}]*\}\s*,?/, ""));
    const cached = await json(dir, "--cache-location", loc);
    const fresh = await json(dir);
    expect(comparable(cached.stdout)).toBe(comparable(fresh.stdout));
  });

  it("a cache location that cannot be written is a note; the scan itself succeeds", async () => {
    const dir = sampleTree();
    write(dir, "blocked", "a file where the cache folder would go\n");
    const r = await run(["scan", ".", "--cache-location", "blocked/cache", "--fail-on", "none"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the cache could not be written/);
  });
});
