import fs from "node:fs";
import { join } from "node:path";

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;
// The opening words of the open-source licences a copied library brings with it. A folder with
// a licence of its own but other words (an enterprise edition's terms) is still the app's code.
const OPEN_SOURCE_TEXT = /Permission is hereby granted|Apache License|Redistribution and use in source and binary forms|Permission to use, copy, modify|Mozilla Public License|GNU (Lesser |Affero )?General Public License|This is free and unencumbered software/i;

/**
 * Folders below the scan root that are a third-party library copied in (`src/sip/` with the
 * library's own MIT LICENSE and no package.json of its own): someone else's code, like
 * node_modules or vendor/. A folder with a package.json is a package of the project, whatever
 * its licence says.
 */
export function vendoredFolders(root: string, files: readonly string[]): Set<string> {
  const verdict = new Map<string, boolean>();
  const vendored = new Set<string>();
  for (const file of files) {
    for (let dir = parentOf(file); dir !== ""; dir = parentOf(dir)) {
      let copied = verdict.get(dir);
      if (copied === undefined) {
        copied = isCopiedLibrary(join(root, dir));
        verdict.set(dir, copied);
      }
      if (copied) vendored.add(dir);
    }
  }
  return vendored;
}

/** Whether a POSIX path relative to the root lies in one of the folders. */
export function inFolders(file: string, folders: ReadonlySet<string>): boolean {
  for (let dir = parentOf(file); dir !== ""; dir = parentOf(dir)) if (folders.has(dir)) return true;
  return false;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function isCopiedLibrary(dir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  if (names.includes("package.json")) return false;
  const licence = names.find((n) => LICENCE_FILE.test(n));
  if (!licence) return false;
  try {
    const fd = fs.openSync(join(dir, licence), "r");
    try {
      const head = Buffer.alloc(2048);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return OPEN_SOURCE_TEXT.test(head.subarray(0, n).toString("utf8"));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
