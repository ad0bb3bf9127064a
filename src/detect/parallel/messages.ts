import type { FileResult } from "../analyse-file.js";

/** What a scan worker needs to analyse files the way the main thread would. */
export interface WorkerSetup {
  root: string;
  /** Every scanned file: module resolution asks whether an import is one of them. */
  files: string[];
  /** Rule folders and the folder they are relative to, exactly as the scan loaded them. */
  ruleDirs: string[];
  cwd: string;
  maxFileBytes?: number;
}

export type ToWorker = { batch: number[] };
export type FromWorker = { ready: true } | { results: [number, FileResult][] } | { failed: string };
