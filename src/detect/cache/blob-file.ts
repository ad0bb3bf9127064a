import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { writeOutputAtomic } from "../../report/write-output.js";

// The bulk of the cache (every file's flow summaries and findings) lives in a file of its own,
// which the index addresses by offset. A re-scan that keeps the last cross-file phase reads
// none of it, and one that re-analyses a few files keeps their new bytes in the index, so
// neither reads nor writes the bulk again; it is rewritten once those grow past a share of it.

/** Bytes kept in the index itself, or a range of the blob file. */
export type Bytes = Uint8Array | { at: number; length: number };

/** Below this many bytes kept in the index, the blob file is never rewritten for them. */
const MIN_INLINE_BYTES = 4 << 20;
/** Ranges read on their own before the whole file is read. */
const SINGLE_READS = 8;

export class BlobFile {
  private bytes: Buffer | null | undefined;

  constructor(
    private readonly dir: string,
    /** The file's name in dir, and its size when the index was written (a different size is a damaged cache). */
    readonly name: string | undefined,
    readonly size: number,
    /** Told once when the file turns out to be gone or damaged. */
    private readonly onDamage: () => void = () => {},
  ) {}

  /** The bytes, or undefined when the blob file is gone or damaged (the entry is then only a miss). */
  read(b: Bytes): Uint8Array | undefined {
    if (b instanceof Uint8Array) return b;
    if (this.bytes === undefined) {
      // The first few reads (a changed file's summaries) read just their range; past those, the whole file at once.
      if (this.ranges++ < SINGLE_READS && this.name !== undefined) {
        const one = this.readRange(b);
        if (one) return one;
      }
      this.bytes = this.load();
      if (!this.bytes) this.onDamage();
    }
    if (!this.bytes || b.at + b.length > this.bytes.length) return undefined;
    return this.bytes.subarray(b.at, b.at + b.length);
  }

  private ranges = 0;

  private readRange(b: { at: number; length: number }): Uint8Array | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(join(this.dir, this.name!), "r");
      if (fstatSync(fd).size !== this.size || b.at + b.length > this.size) return undefined;
      const out = Buffer.allocUnsafe(b.length);
      return readSync(fd, out, 0, b.length, b.at) === b.length ? out : undefined;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Whether bytes kept in the index have grown enough to be folded into a new blob file. */
  due(inlineBytes: number): boolean {
    return this.name === undefined || this.bytes === null || inlineBytes > Math.max(MIN_INLINE_BYTES, this.size / 4);
  }

  /**
   * A new blob file holding every part (under a new name, so that an index still naming the
   * old one never reads the wrong bytes); the parts come back as ranges of it, or undefined
   * for a part that could no longer be read.
   */
  rewrite(prefix: string, parts: Bytes[]): { file: BlobFile; ranges: (Bytes | undefined)[] } {
    const chunks: Uint8Array[] = [];
    const ranges: (Bytes | undefined)[] = [];
    let at = 0;
    for (const p of parts) {
      const bytes = this.read(p);
      if (!bytes) {
        ranges.push(undefined);
        continue;
      }
      chunks.push(bytes);
      ranges.push({ at, length: bytes.length });
      at += bytes.length;
    }
    const name = `${prefix}-${randomBytes(6).toString("hex")}.blobs`;
    writeOutputAtomic(join(this.dir, name), Buffer.concat(chunks, at));
    return { file: new BlobFile(this.dir, name, at), ranges };
  }

  /** Removes the file once no index names it. */
  remove(): void {
    if (this.name === undefined) return;
    try {
      unlinkSync(join(this.dir, this.name));
    } catch {
      /* already gone */
    }
  }

  private load(): Buffer | null {
    if (this.name === undefined) return null;
    try {
      const bytes = readFileSync(join(this.dir, this.name));
      return bytes.length === this.size ? bytes : null;
    } catch {
      return null;
    }
  }
}
