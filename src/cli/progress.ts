// "scanning 123/2000 files" on an interactive stderr, for scans long enough to wonder about.
// Silent for the first second (most scans end before anyone looks), redrawn in place with
// \r at most ten times a second, and erased when the scan ends so it never mixes with output.

export interface ProgressOptions {
  write: (s: string) => void;
  enabled: boolean;
  /** Injectable clock for tests. */
  now?: () => number;
  delayMs?: number;
  intervalMs?: number;
}

export interface Progress {
  update: (done: number, total: number) => void;
  /** Erases the line, if one was drawn. Safe to call more than once. */
  done: () => void;
}

export function createProgress(opts: ProgressOptions): Progress {
  if (!opts.enabled) return { update: () => {}, done: () => {} };
  const now = opts.now ?? Date.now;
  const delay = opts.delayMs ?? 1000;
  const interval = opts.intervalMs ?? 100;
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < delay || t - last < interval) return;
      last = t;
      drawn = true;
      opts.write(`\r\x1b[Kscanning ${done}/${total} files`);
    },
    done() {
      if (drawn) opts.write("\r\x1b[K");
      drawn = false;
    },
  };
}

/** Progress is for a person watching: not when piped, in CI, or with --quiet. */
export function progressWanted(stderrIsTTY: boolean, env: NodeJS.ProcessEnv, quiet: boolean | undefined): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI.toLowerCase() !== "false";
  return stderrIsTTY && !ci && !quiet;
}
