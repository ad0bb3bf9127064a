#!/usr/bin/env node
import module from "node:module";

// Node 22 keeps compiled code between runs (the compiler alone is a third of start-up); on Node 20 it has no such cache.
module.enableCompileCache?.();
const { main } = await import("../dist/cli.js");

// `policytrace scan | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
