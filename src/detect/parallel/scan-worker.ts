import { parentPort, workerData } from "node:worker_threads";
import { loadTaxonomy } from "../../config/categories.js";
import { loadRuleSet } from "../../config/rules-loader.js";
import { compileRules } from "../compiled-rules.js";
import { analyseFile, type FileResult } from "../analyse-file.js";
import { ModuleResolver } from "../link/module-resolver.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./messages.js";

// One scan worker: parses and analyses the files it is handed, one batch at a time, and
// sends back plain results. Rules are loaded here from the same folders as the main
// thread's, which has already validated them.

const port = parentPort!;
const setup = workerData as WorkerSetup;
const send = (m: FromWorker) => port.postMessage(m);

try {
  const rules = compileRules(loadRuleSet(loadTaxonomy(), setup.ruleDirs, setup.cwd));
  const resolver = new ModuleResolver(setup.root, new Set(setup.files));
  const local = (file: string, spec: string) => resolver.mayBeLocal(file, spec);
  // The pool terminates the worker when the queue is empty.
  port.on("message", (m: ToWorker) => {
    const results: [number, FileResult][] = m.batch.map((i) => [i, analyseFile(setup.root, setup.files[i], rules, local, { maxFileBytes: setup.maxFileBytes })]);
    send({ results });
  });
  send({ ready: true });
} catch (err) {
  send({ failed: (err as Error).message });
}
