// The child-process tests run bin/policytrace.js, which loads dist/. Rebuild dist when any
// source file is newer than it, so those tests never exercise stale code.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const built = join(root, "dist", "cli.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, "src"))) return;
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", root], { stdio: "pipe" });
  } catch (err) {
    // tsc still emits on type errors; report them, and let the tests show what breaks.
    process.stderr.write(`global-setup: tsc reported errors:\n${(err as { stdout?: Buffer }).stdout?.toString() ?? err}\n`);
  }
}
