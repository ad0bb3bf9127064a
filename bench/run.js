// `npm run bench`: how much the whole scan costs over parsing alone, on generated projects of
// 2,000 and 8,000 files (the cost must grow linearly with the code).
//
//   node bench/run.js [--sizes 2000,8000] [--runs 3]
//                                     all phases at each size, each in its own child process, then the tables
//   node bench/run.js --dir <path> [--runs 3]
//                                     the same phases on a real project (a checkout of home-assistant/frontend, say):
//                                     its files as the scanner discovers them; the one-file change is undone at the end
//   node bench/run.js --child <phase> [--files N | --dir <path>]
//                                     one phase alone in this process (parse | scan | scan-manifest | scan-all-cores | scan-cached):
//                                     warm-up + 3 runs, one JSON line out. Handy under `node --cpu-prof`.
//
// Each phase keeps its own process (so peak RSS does not mix) but the parent runs them round-robin:
// warm-up of each, then run 1 of each, run 2 of each … Only one child works at a time, and a
// change in background load hits every phase alike instead of skewing the ratio.
//
// Always exits 0: this is a report, not a gate. See bench/README.md.
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FILE_COUNT, generate, SIZES } from "./generate.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, "..", "dist");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg("--runs", "3"));
const REAL_DIR = arg("--dir", undefined);
const TARGET_RATIO = 1.5;

const TARGET_PARALLEL = 1.0;
const TARGET_CACHED = 0.3;

const PHASES = {
  parse: "parse alone (readSource + parseSource)",
  scan: "scan, no manifest (+ renderJson)",
  "scan-manifest": "scan, 5-activity manifest (+ renderJson)",
  "scan-all-cores": "scan, no manifest, --jobs <cores>",
  "scan-cached": "scan, --cache, after a one-file change",
};

const min = (xs) => Math.min(...xs);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- child: one phase
/** The files of a real project, as the scanner discovers them, in the shape generate() returns. */
async function realProject(dir) {
  const { discoverFiles } = await import(join(DIST, "discover/discover-files.js"));
  const files = await discoverFiles(dir);
  let lines = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), "utf8");
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  }
  return { dir, files, lines };
}

async function setupPhase(phase, files) {
  const realDir = arg("--dir", undefined);
  const meta = realDir ? await realProject(resolve(realDir)) : generate({ quiet: true, files });
  const OUT_DIR = meta.dir;
  const { readSource } = await import(join(DIST, "parse/read-source.js"));
  const { parseSource } = await import(join(DIST, "parse/parse-source.js"));
  const { scan } = await import(join(DIST, "run.js"));
  const { renderJson } = await import(join(DIST, "report/json.js"));

  let once;
  if (phase === "parse") {
    // Exactly what detectFiles does before walking: read (stat, decode, minified check) and parse.
    once = async () => {
      let statements = 0;
      for (const file of meta.files) {
        const src = readSource(join(OUT_DIR, file));
        if ("skipped" in src) continue;
        statements += parseSource(file, src.text).statements.length; // keep the result observable
      }
      return { files: meta.files.length, statements };
    };
  } else if (phase === "scan" || phase === "scan-manifest" || phase === "scan-all-cores" || phase === "scan-cached") {
    // The cache lives outside the project (it is scanned by the other phases); the warm-up run fills it.
    const cacheLocation = phase === "scan-cached" ? mkdtempSync(join(tmpdir(), "policytrace-bench-cache-")) : undefined;
    const edited = join(OUT_DIR, meta.files[Math.floor(meta.files.length / 2)]);
    if (cacheLocation && realDir) {
      // A real project is someone's code: the edited file gets its exact bytes back however the child ends.
      const original = readFileSync(edited);
      const restore = () => writeFileSync(edited, original);
      process.on("exit", restore);
      for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
    }
    let runs = 0;
    once = async () => {
      // Every run after the warm-up changes one file (a comment in, then out: the project stays as generated).
      if (cacheLocation && runs++ > 0) toggleComment(edited);
      const result = await scan({ dir: OUT_DIR, noManifest: phase !== "scan-manifest", ...(phase === "scan-all-cores" ? { jobs: availableParallelism() } : {}), ...(cacheLocation ? { cacheLocation } : {}) });
      const t = performance.now();
      const json = renderJson(result);
      const s = result.summary;
      return { files: s.files, findings: s.findings, declared: s.declared, undeclared: s.undeclared, unused: s.unused, errors: s.errors, manifest: result.manifest, jsonBytes: json.length, jsonMs: performance.now() - t };
    };
  } else {
    throw new Error(`unknown phase "${phase}" (expected ${Object.keys(PHASES).join(", ")})`);
  }
  const timed = async () => {
    globalThis.gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    const info = await once();
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(c);
    // CPU time of this process (all its threads, GC included): less sensitive than wall time to other load.
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, info };
  };
  return { meta, timed, baselineRssKB: Math.round(process.memoryUsage().rss / 1024) };
}

const MARK = "\n// policytrace bench: one-file change\n";
function toggleComment(path) {
  const text = readFileSync(path, "utf8");
  writeFileSync(path, text.endsWith(MARK) ? text.slice(0, -MARK.length) : text + MARK);
}

// Linux/macOS: kilobytes; the peak of this process only, over warm-up and all runs of its phase.
const peakRssKB = () => process.resourceUsage().maxRSS;

function summarise(phase, meta, baselineRssKB, warmup, runs) {
  const last = runs[runs.length - 1].info;
  return {
    phase,
    warmupMs: warmup.ms,
    times: runs.map((r) => r.ms),
    cpuTimes: runs.map((r) => r.cpuMs),
    medianMs: median(runs.map((r) => r.ms)),
    cpuMedianMs: median(runs.map((r) => r.cpuMs)),
    // The least disturbed run: background load only ever adds time.
    minMs: min(runs.map((r) => r.ms)),
    cpuMinMs: min(runs.map((r) => r.cpuMs)),
    ...last,
    jsonMs: last.jsonMs === undefined ? undefined : median(runs.map((r) => r.info.jsonMs)),
    lines: meta.lines,
    generatedFiles: meta.files.length,
    baselineRssKB,
    maxRssKB: peakRssKB(),
  };
}

async function child(phase, files) {
  const { meta, timed, baselineRssKB } = await setupPhase(phase, files);
  if (!process.send) {
    // Standalone: warm-up and runs back to back.
    const warmup = await timed();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timed());
    process.stdout.write(`${JSON.stringify(summarise(phase, meta, baselineRssKB, warmup, runs))}\n`);
    return;
  }
  // Driven by the parent: one run per "run" message.
  const done = [];
  process.on("message", async (msg) => {
    try {
      if (msg === "run") {
        const r = await timed();
        done.push(r);
        process.send({ type: "run", ms: r.ms, cpuMs: r.cpuMs });
      } else if (msg === "finish") {
        const [warmup, ...runs] = done;
        process.send({ type: "summary", summary: summarise(phase, meta, baselineRssKB, warmup, runs) }, () => process.disconnect());
      }
    } catch (err) {
      process.send({ type: "error", message: err instanceof Error ? err.stack : String(err) }, () => process.exit(1));
    }
  });
  process.send({ type: "ready" });
}

// ---------------------------------------------------------------- parent
/** A phase's child process; `ask` sends a message and resolves with the child's next reply. */
function startChild(phase, files) {
  const where = REAL_DIR ? ["--dir", REAL_DIR] : ["--files", String(files)];
  const proc = fork(fileURLToPath(import.meta.url), ["--child", phase, ...where], { execArgv: ["--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let waiting = null;
  let exited = null;
  proc.on("message", (m) => {
    const w = waiting;
    waiting = null;
    if (!w) return;
    if (m.type === "error") w.reject(new Error(m.message));
    else w.resolve(m);
  });
  proc.on("exit", (code, signal) => {
    exited = `exit ${code ?? signal}`;
    waiting?.reject(new Error(exited));
    waiting = null;
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (exited) reject(new Error(exited));
      else waiting = { resolve, reject };
    });
  return {
    phase,
    proc,
    ready: next(),
    ask(msg) {
      const p = next();
      proc.send(msg);
      return p;
    },
  };
}

const fmtInt = (n) => Math.round(n).toLocaleString("en");
const fmtMs = (n) => `${fmtInt(n)} ms`;
const fmtMB = (kb) => `${(kb / 1024).toFixed(0)} MB`;

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  ");
      return i === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}

async function main() {
  if (!existsSync(join(DIST, "run.js"))) {
    console.log("bench: dist/ is missing; run `npm run build` first (npm run bench does).");
    return;
  }
  const sizes = arg("--sizes", SIZES.join(",")).split(",").map(Number);
  console.log(`node ${process.version}; each phase in its own process; 1 warm-up + ${RUNS} timed runs per phase, round-robin; min and median shown\n`);
  if (REAL_DIR) {
    if (!existsSync(REAL_DIR)) {
      console.log(`bench: --dir ${REAL_DIR} does not exist`);
      return;
    }
    await benchSize(0);
    return;
  }
  const bySize = [];
  for (const files of sizes) bySize.push({ files, results: await benchSize(files) });
  if (bySize.length > 1) growth(bySize);
}

/** All phases on the project of `files` files, round-robin, then its table and ratios. */
async function benchSize(files) {
  if (REAL_DIR) console.log(`${basename(resolve(REAL_DIR))} (${resolve(REAL_DIR)})`);
  else {
    generate({ files });
    console.log(`${fmtInt(files)} files`);
  }
  const children = Object.keys(PHASES).map((phase) => startChild(phase, files));
  const failed = {};
  const fail = (c, err) => {
    if (failed[c.phase]) return;
    failed[c.phase] = err.message.split("\n")[0];
    console.log(`  ${c.phase} FAILED: ${err.message}`);
    c.proc.kill();
  };
  await Promise.all(children.map((c) => c.ready.catch((err) => fail(c, err))));
  for (let round = 0; round <= RUNS; round++) {
    const cells = [];
    for (const c of children) {
      if (failed[c.phase]) continue;
      try {
        const r = await c.ask("run");
        cells.push(`${c.phase} ${fmtInt(r.ms)} ms (CPU ${fmtInt(r.cpuMs)})`);
      } catch (err) {
        fail(c, err);
      }
    }
    console.log(`  ${round === 0 ? "warm-up" : `run ${round}  `}  ${cells.join("   ")}`);
  }
  const results = {};
  for (const c of children) {
    if (failed[c.phase]) {
      results[c.phase] = { phase: c.phase, failed: failed[c.phase] };
      continue;
    }
    try {
      results[c.phase] = (await c.ask("finish")).summary;
    } catch (err) {
      fail(c, err);
      results[c.phase] = { phase: c.phase, failed: failed[c.phase] };
    }
  }
  console.log("");

  const rows = [["phase", "files", "lines", "wall (min)", "wall (median)", "CPU (min)", "files/s", "lines/s", "peak RSS", "base RSS", "findings"]];
  for (const [phase, label] of Object.entries(PHASES)) {
    const r = results[phase];
    if (r.failed) {
      rows.push([label, "-", "-", "FAILED", "-", "-", "-", "-", "-", "-", "-"]);
      continue;
    }
    const s = r.minMs / 1000;
    rows.push([label, fmtInt(r.files), fmtInt(r.lines), fmtMs(r.minMs), fmtMs(r.medianMs), fmtMs(r.cpuMinMs), fmtInt(r.files / s), fmtInt(r.lines / s), fmtMB(r.maxRssKB), fmtMB(r.baselineRssKB), r.findings === undefined ? "-" : fmtInt(r.findings)]);
  }
  console.log(table(rows));
  console.log("\n(files/s and lines/s from the fastest wall time; peak RSS = maxRSS of that phase's process; base RSS = after loading modules)\n");

  const parse = results.parse;
  for (const phase of ["scan", "scan-manifest"]) {
    const r = results[phase];
    if (parse.failed || r.failed) {
      console.log(`ratio ${phase} / parse: n/a (a phase failed)`);
      continue;
    }
    const ratio = r.minMs / parse.minMs;
    const cpuRatio = r.cpuMinMs / parse.cpuMinMs;
    const verdict = (x) => (x <= TARGET_RATIO ? "PASS" : "FAIL");
    console.log(`ratio ${PHASES[phase]} / parse: ${ratio.toFixed(2)}× wall (min of ${RUNS})   target ≤ ${TARGET_RATIO}×   ${verdict(ratio)}`);
    console.log(`    by CPU time: ${cpuRatio.toFixed(2)}×   ${verdict(cpuRatio)}${verdict(ratio) !== verdict(cpuRatio) ? "   (wall and CPU disagree: the machine is probably busy; rerun)" : ""}`);
    const extra = [`renderJson ${fmtMs(r.jsonMs)} (${(r.jsonBytes / 1048576).toFixed(1)} MB)`, `errors ${r.errors}`];
    if (r.manifest) extra.push(`manifest ${r.manifest}: declared ${fmtInt(r.declared)}, undeclared ${fmtInt(r.undeclared)}, unused ${r.unused}`);
    console.log(`    ${extra.join(", ")}`);
    if (r.files !== r.generatedFiles) console.log(`    WARNING: scan saw ${r.files} files, parse alone read ${r.generatedFiles}; the comparison is not like for like`);
  }
  const all = results["scan-all-cores"];
  const def = results.scan;
  const cached = results["scan-cached"];
  if (!def.failed && !all.failed && !parse.failed) {
    console.log(`--jobs ${availableParallelism()} (every core) vs the default threads: speed-up ${(def.minMs / all.minMs).toFixed(2)}× (${fmtMs(all.minMs)} vs ${fmtMs(def.minMs)}); every core / parse ${(all.minMs / parse.minMs).toFixed(2)}×   target ≤ ${TARGET_PARALLEL}×   ${all.minMs / parse.minMs <= TARGET_PARALLEL ? "PASS" : "FAIL"}`);
  }
  if (!cached.failed && !parse.failed) {
    const ratio = cached.minMs / parse.minMs;
    console.log(`ratio cached re-scan after a one-file change / parse: ${ratio.toFixed(2)}×   target ≤ ${TARGET_CACHED}×   ${ratio <= TARGET_CACHED ? "PASS" : "FAIL"}`);
  }
  console.log("");
  return results;
}

/**
 * Linear growth: time per 1,000 lines at each size, against the smallest. A phase that grows
 * linearly keeps a factor near 1.00×; superlinear work (a quadratic pass) shows as ≫ 1.
 */
function growth(bySize) {
  const [first] = bySize;
  const rows = [["phase", ...bySize.map((b) => `${fmtInt(b.files)} files`), ...bySize.slice(1).map((b) => `per line, ${fmtInt(b.files)} vs ${fmtInt(first.files)}`), ...bySize.map((b) => `/ parse at ${fmtInt(b.files)}`)]];
  for (const [phase, label] of Object.entries(PHASES)) {
    const cells = bySize.map((b) => b.results[phase]);
    if (cells.some((r) => r.failed)) {
      rows.push([label, ...rows[0].slice(1).map(() => "-")]);
      continue;
    }
    const perLine = (r) => r.cpuMinMs / r.lines;
    rows.push([
      label,
      ...cells.map((r) => `${fmtMs(r.cpuMinMs)} CPU`),
      ...cells.slice(1).map((r) => `${(perLine(r) / perLine(cells[0])).toFixed(2)}×`),
      ...bySize.map((b) => `${(b.results[phase].cpuMinMs / b.results.parse.cpuMinMs).toFixed(2)}×`),
    ]);
  }
  console.log("growth with project size (CPU time, min of runs; 1.00× per line = linear)\n");
  console.log(table(rows));
}

const i = process.argv.indexOf("--child");
try {
  if (i >= 0) await child(process.argv[i + 1], Number(arg("--files", String(FILE_COUNT))));
  else await main();
} catch (err) {
  console.log(`bench failed: ${err instanceof Error ? err.stack : err}`);
  if (i >= 0) process.exitCode = 1; // the parent reports it; the bench itself still exits 0
}
