import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../analyse-file.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.js";

const WORKER_URL = new URL("./scan-worker.js", import.meta.url);
/** Files handed out at a time: small enough to balance the threads, large enough that messages cost little. */
const BATCH = 8;
const IN_FLIGHT = 3;
/**
 * A worker's stack is 4 MB by default, four times the main thread's (V8's 984 KB plus Node's
 * 192 KB reserve): code nested deep enough to be skipped on one thread would be scanned on
 * another. The same limit keeps the report independent of --jobs.
 */
const STACK_MB = (984 + 192) / 1024;

/** Worker threads need the compiled worker next to this module (not so when running from TypeScript sources in tests). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Analyses `indices` of setup.files on this thread and `workers` worker threads, all taking
 * batches from one queue, calling `onResult` as results arrive (in any order). This thread
 * works from the start: a worker first spends a second loading the compiler and the rules.
 * A worker that fails to start or dies hands its batch back to the queue, so no file is lost.
 */
export async function analyseInParallel(setup: WorkerSetup, indices: number[], workers: number, analyseHere: (index: number) => FileResult, onResult: (index: number, result: FileResult) => void): Promise<void> {
  const queue = [...indices].reverse();
  const take = () => {
    const batch: number[] = [];
    while (batch.length < BATCH && queue.length) batch.push(queue.pop()!);
    return batch;
  };
  const running = new Set<Promise<void>>();
  for (let i = 0; i < workers; i++) running.add(runWorker(setup, take, onResult, (lost) => queue.push(...lost)));
  for (let batch = take(); batch.length; batch = take()) {
    for (const i of batch) onResult(i, analyseHere(i));
    // Let the workers' messages in between batches.
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(running);
  // Batches handed back by a worker that died after this thread ran out of work.
  for (let batch = take(); batch.length; batch = take()) for (const i of batch) onResult(i, analyseHere(i));
}

function runWorker(setup: WorkerSetup, take: () => number[], onResult: (index: number, result: FileResult) => void, giveBack: (batch: number[]) => void): Promise<void> {
  return new Promise((done) => {
    const worker = new Worker(WORKER_URL, { workerData: setup, resourceLimits: { stackSizeMb: STACK_MB } });
    // Batches sent and not yet answered, oldest first. More than one: this thread answers
    // only between its own batches, and a worker that waited for it would sit idle.
    const sent: number[][] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const b of sent) giveBack(b);
      void worker.terminate();
      done();
    };
    const send = () => {
      const batch = take();
      if (!batch.length) return;
      sent.push(batch);
      worker.postMessage({ batch } satisfies ToWorker);
    };
    worker.on("message", (m: FromWorker) => {
      if ("failed" in m) return finish();
      if ("results" in m) {
        sent.shift();
        for (const [i, r] of m.results) onResult(i, r);
      }
      while (sent.length < IN_FLIGHT) {
        const before = sent.length;
        send();
        if (sent.length === before) break;
      }
      if (!sent.length) finish();
    });
    worker.on("error", finish);
    worker.on("exit", finish);
  });
}
