import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { ConfigNote } from "../../types.js";
import { toolVersion } from "../../config/package-paths.js";
import { writeOutputAtomic } from "../../report/write-output.js";
import type { FileResult } from "../analyse-file.js";

// Per-file analysis results from the last run, keyed by the file's content hash. The whole
// cache is for one scanned folder, one rule set, one build of the tool and one file-size
// limit: anything else makes it foreign, and it is then ignored and rewritten, never trusted.

const MAGIC = "policytrace-scan-cache";
const FORMAT = 1;

interface CacheFile {
  magic: typeof MAGIC;
  format: number;
  key: string;
  entries: Map<string, { hash: string; result: FileResult }>;
}

export interface CacheKeyParts {
  root: string;
  /** What the rules and vocabulary say, as the scan loaded them. */
  rules: unknown;
  maxFileBytes?: number;
}

export class ScanCache {
  readonly notes: ConfigNote[] = [];
  private readonly old: CacheFile["entries"];
  private readonly next: CacheFile["entries"] = new Map();
  private readonly key: string;
  /** Where the cache is kept: one file per scanned folder, so that a shared location serves many. */
  readonly path: string;

  constructor(location: string, parts: CacheKeyParts) {
    this.path = join(location, `scan-${digest(parts.root).slice(0, 12)}.cache`);
    this.key = digest(JSON.stringify([toolVersion, buildFingerprint(), parts.root, parts.maxFileBytes ?? null, parts.rules]));
    this.old = this.load();
  }

  /** The file's content hash, or null when it cannot be read as a regular file (its analysis says why). */
  hashOf(absPath: string): string | null {
    try {
      if (!statSync(absPath).isFile()) return null;
      return digest(readFileSync(absPath));
    } catch {
      return null;
    }
  }

  get(file: string, hash: string | null): FileResult | undefined {
    if (hash === null) return undefined;
    const e = this.old.get(file);
    return e && e.hash === hash ? e.result : undefined;
  }

  set(file: string, hash: string | null, result: FileResult): void {
    if (hash !== null) this.next.set(file, { hash, result });
  }

  /** Writes what this run analysed (files no longer scanned drop out). A failure is a note: the scan itself succeeded. */
  save(): void {
    const data: CacheFile = { magic: MAGIC, format: FORMAT, key: this.key, entries: this.next };
    try {
      mkdirSync(join(this.path, ".."), { recursive: true });
      writeOutputAtomic(this.path, serialize(data));
    } catch (err) {
      this.note(`the cache could not be written (${(err as Error).message}); the next run analyses every file again`);
    }
  }

  private load(): CacheFile["entries"] {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") this.note(`the cache could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); every file is analysed again`);
      return new Map();
    }
    let data: Partial<CacheFile> | undefined;
    try {
      data = deserialize(bytes) as Partial<CacheFile>;
    } catch {
      data = undefined;
    }
    if (!data || data.magic !== MAGIC || !(data.entries instanceof Map)) {
      this.note("the cache is not a policytrace cache or is damaged; it was ignored and is rewritten");
      return new Map();
    }
    // A cache from another build, rule set or folder is expected after an upgrade: no note.
    if (data.format !== FORMAT || data.key !== this.key) return new Map();
    return data.entries;
  }

  private note(message: string): void {
    this.notes.push({ level: "warning", file: this.path, line: 1, column: 1, message });
  }
}

function digest(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

let fingerprint: string | undefined;

/** The analysis code itself: a rebuilt tool with the same version number must not reuse old results. */
function buildFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash("sha256");
  for (const dir of ["../", "../../parse/"]) {
    const abs = fileURLToPath(new URL(dir, import.meta.url));
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort()) {
      if (/\.(js|ts)$/.test(entry) && statSync(entry).isFile()) h.update(entry.slice(abs.length)).update(readFileSync(entry));
    }
  }
  return (fingerprint = h.digest("hex"));
}
