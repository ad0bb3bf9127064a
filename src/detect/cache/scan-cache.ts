import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { ConfigNote } from "../../types.js";
import { toolVersion } from "../../config/package-paths.js";
import { writeOutputAtomic } from "../../report/write-output.js";
import type { FileResult } from "../analyse-file.js";
import type { FileOutcome, LinkState } from "./linked-outcome.js";
import { BlobFile, type Bytes } from "./blob-file.js";

// Per-file analysis results from the last run, keyed by the file's content hash. The whole
// cache is for one scanned folder, one rule set, one build of the tool and one file-size
// limit: anything else makes it foreign, and it is then ignored and rewritten, never trusted.

const MAGIC = "policytrace-scan-cache";
const FORMAT = 5;

interface CacheFile {
  magic: typeof MAGIC;
  format: number;
  key: string;
  entries: Map<string, Entry>;
  /** What the last run's cross-file phase was given and gave, when it ran to the end. */
  link?: Uint8Array;
  /** The blob file the entries' ranges point into. */
  blobs?: { name: string; size: number };
}

interface Entry {
  /** What stat said when the file was read: while size and modification time stay, the file is not read again (ESLint's "metadata" strategy). */
  size: number;
  mtimeMs: number;
  hash: string;
  /** What other files can see of it (flow summaries, declared types), serialised on its own: an unchanged file's bytes are written back as they were read. */
  visible: Bytes;
  /** The rest of the result (findings, errors, deferred lookups). */
  rest: Bytes;
  bare: [string, boolean][];
  /** Its findings and errors after the cross-file phase, and what that phase found at its sites; absent when empty. */
  outcome?: Uint8Array;
}

/** A file the last run analysed and that is unchanged: its result is read only when asked for. */
export interface CachedFile {
  bare: [string, boolean][];
  result(): FileResult | undefined;
}

/** A result ready for the cache, serialised once. */
export interface EncodedResult {
  visible: Uint8Array;
  rest: Uint8Array;
  bare: [string, boolean][];
}

/** How a file is known to be unchanged: its stat, and its content hash when stat changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash?: string;
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
  private oldLink: Uint8Array | undefined;
  private nextLink: Uint8Array | undefined;
  private loadedKey: string | undefined;
  private blobs: BlobFile;
  private changed = false;
  /** Where the cache is kept: one index (and its blob file) per scanned folder, so that a shared location serves many. */
  readonly path: string;
  private readonly prefix: string;

  constructor(location: string, parts: CacheKeyParts) {
    this.prefix = `scan-${digest(parts.root).slice(0, 12)}`;
    this.path = join(location, `${this.prefix}.cache`);
    this.blobs = new BlobFile(location, undefined, 0);
    this.key = digest(JSON.stringify([toolVersion, buildFingerprint(), parts.root, parts.maxFileBytes ?? null, parts.rules]));
    this.old = this.load();
  }

  /** The file's stamp, or null when it cannot be read as a regular file (its analysis says why). */
  stampOf(absPath: string): FileStamp | null {
    try {
      const st = statSync(absPath);
      return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  /** The last run's entry for the file, when its stat or else its content is unchanged. */
  get(file: string, absPath: string, stamp: FileStamp | null): CachedFile | undefined {
    const e = stamp && this.old.get(file);
    if (!e || !stamp) return undefined;
    if (e.size === stamp.size && e.mtimeMs === stamp.mtimeMs) stamp.hash = e.hash;
    else stamp.hash = hashFile(absPath) ?? undefined;
    if (stamp.hash !== e.hash) return undefined;
    return { bare: e.bare, result: () => this.decode(e) };
  }

  /** What other files saw of the file in the last run, whatever its content was then (see `visibleOf`); undefined when unknown. */
  previousVisible(file: string): unknown {
    const e = this.old.get(file);
    const bytes = e && this.blobs.read(e.visible);
    return bytes && safeDeserialize(bytes);
  }

  /** The file's outcome in the last run (findings after the cross-file phase); undefined when it had none or it is unreadable. */
  previousOutcome(file: string): FileOutcome | undefined {
    const bytes = this.old.get(file)?.outcome;
    return bytes ? (safeDeserialize(bytes) as FileOutcome | undefined) : undefined;
  }

  /** The last run's cross-file state, when the cache holds one. */
  previousLink(): LinkState | undefined {
    return this.oldLink ? (safeDeserialize(this.oldLink) as LinkState | undefined) : undefined;
  }

  set(file: string, absPath: string, stamp: FileStamp | null, result: EncodedResult | "reused"): void {
    if (!stamp) return;
    const old = result === "reused" ? this.old.get(file) : undefined;
    if (old) {
      // Touched but not changed: keep the bytes, note the new stat so the next run does not hash it again.
      if (old.size === stamp.size && old.mtimeMs === stamp.mtimeMs) this.next.set(file, old);
      else {
        this.next.set(file, { ...old, size: stamp.size, mtimeMs: stamp.mtimeMs });
        this.changed = true;
      }
      return;
    }
    if (result === "reused") return;
    this.changed = true;
    const hash = stamp.hash ?? hashFile(absPath);
    // Changed while it was being scanned: what was analysed may not be what was hashed.
    const now = this.stampOf(absPath);
    if (hash === null || !now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) return;
    this.next.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs, hash, ...result });
  }

  /** Each file's outcome of this run's cross-file phase (undefined: none), and its state; outcomes equal to the last run's keep their bytes. */
  setLink(state: LinkState | "unchanged", outcomes: Map<string, FileOutcome | "unchanged">): void {
    this.nextLink = state === "unchanged" ? this.oldLink : serialize(state);
    if (state !== "unchanged") this.changed = true;
    for (const [file, outcome] of outcomes) {
      const e = this.next.get(file);
      if (!e) continue;
      if (outcome === "unchanged") continue;
      const bytes = isEmptyOutcome(outcome) ? undefined : serialize(outcome);
      if (bytes || e.outcome) this.next.set(file, { ...e, outcome: bytes });
    }
  }

  /** Writes what this run analysed (files no longer scanned drop out). A failure is a note: the scan itself succeeded. */
  save(): void {
    // Nothing new to keep: leave the file as it is (a re-scan of an unchanged tree writes nothing).
    if (!this.changed && this.next.size === this.old.size && this.loadedKey === this.key && this.nextLink === this.oldLink) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const old = this.blobs;
      if (old.due(this.inlineBytes())) this.foldIntoNewBlobFile();
      const blobs = this.blobs.name === undefined ? {} : { blobs: { name: this.blobs.name, size: this.blobs.size } };
      const data: CacheFile = { magic: MAGIC, format: FORMAT, key: this.key, entries: this.next, ...(this.nextLink ? { link: this.nextLink } : {}), ...blobs };
      writeOutputAtomic(this.path, serialize(data));
      if (old !== this.blobs) old.remove();
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
    this.loadedKey = data.key;
    if (data.link instanceof Uint8Array) this.oldLink = data.link;
    if (data.blobs) {
      const damaged = () => this.note("the cache's blob file is missing or damaged; the files it held are analysed again");
      this.blobs = new BlobFile(dirname(this.path), data.blobs.name, data.blobs.size, damaged);
    }
    return data.entries;
  }

  private decode(e: Entry): FileResult | undefined {
    const v = this.blobs.read(e.visible);
    const r = this.blobs.read(e.rest);
    const visible = v && (safeDeserialize(v) as [FileResult["flow"] | null, FileResult["types"]] | undefined);
    const rest = r && (safeDeserialize(r) as Omit<FileResult, "flow" | "types" | "bare"> | undefined);
    // A damaged entry is only a miss.
    if (!visible || !rest) return undefined;
    return { ...rest, ...(visible[0] ? { flow: visible[0] } : {}), types: visible[1], bare: e.bare };
  }

  private inlineBytes(): number {
    let n = 0;
    for (const e of this.next.values()) {
      if (e.visible instanceof Uint8Array) n += e.visible.length;
      if (e.rest instanceof Uint8Array) n += e.rest.length;
    }
    return n;
  }

  /** Every entry's bytes into one new blob file; an entry whose bytes can no longer be read is dropped (a miss next time). */
  private foldIntoNewBlobFile(): void {
    const files = [...this.next.keys()];
    const parts = files.flatMap((f) => [this.next.get(f)!.visible, this.next.get(f)!.rest]);
    const { file, ranges } = this.blobs.rewrite(this.prefix, parts);
    files.forEach((f, i) => {
      const visible = ranges[2 * i];
      const rest = ranges[2 * i + 1];
      if (visible && rest) this.next.set(f, { ...this.next.get(f)!, visible, rest });
      else this.next.delete(f);
    });
    this.blobs = file;
  }

  private note(message: string): void {
    this.notes.push({ level: "warning", file: this.path, line: 1, column: 1, message });
  }
}

/** What other files can see of a file's result: its flow summaries and declared types. */
export function visibleOf(result: FileResult): [FileResult["flow"] | null, FileResult["types"]] {
  return [result.flow ?? null, result.types];
}

/** A result serialised for the cache: what other files see of it apart from the rest, so that the two can be compared and kept as bytes. */
export function encodeResult(result: FileResult): EncodedResult {
  const { flow: _flow, types: _types, bare, ...rest } = result;
  return { visible: serialize(visibleOf(result)), rest: serialize(rest), bare };
}

function safeDeserialize(bytes: Uint8Array): unknown {
  try {
    return deserialize(bytes);
  } catch {
    return undefined;
  }
}

function isEmptyOutcome(o: FileOutcome): boolean {
  return !o.findings.length && !o.errors.length && o.text === undefined && !o.slice.findings.length && !o.slice.recipients.length && !o.slice.userCalls.length;
}

function hashFile(absPath: string): string | null {
  try {
    return digest(readFileSync(absPath));
  } catch {
    return null;
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
