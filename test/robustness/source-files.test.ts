// Hostile or odd source files: each is scanned or skipped with a reason in `errors` (JSON)
// and a one-line note (text); none crashes the scan or hides the other files' findings.
// Big inputs are generated here in the temp folder, never committed.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { detectFiles } from "../../src/detect/detect-files.js";
import { LOG_EMAIL, project, run, type Report } from "./helpers.js";

async function scanJson(dir: string, ...flags: string[]): Promise<Report> {
  const r = await run(["scan", ".", "--format", "json", ...flags], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const errorsOf = (rep: Report, file: string) => rep.errors.filter((e) => e.file === file).map((e) => e.message);
const findingsIn = (rep: Report, file: string) => rep.findings.filter((f) => f.file === file);

/** The text report's note for `file`: exactly one line. */
async function textNotes(dir: string, ...flags: string[]): Promise<string[]> {
  const r = await run(["scan", ".", ...flags], dir);
  return r.stdout.split("\n").filter((l) => l.startsWith("note "));
}

describe("odd but valid source files are scanned, with right positions", () => {
  it("a UTF-8 BOM does not shift columns", async () => {
    const rep = await scanJson(project({ "src/bom.ts": `\uFEFF${LOG_EMAIL}` }));
    expect(findingsIn(rep, "src/bom.ts").map((f) => [f.line, f.column])).toEqual([[1, 1]]);
    expect(rep.errors).toEqual([]);
  });

  it("CRLF and lone CR line endings give editor line and column numbers", async () => {
    const rep = await scanJson(project({
      "src/crlf.ts": "// one\r\n// two\r\n\r\n   console.log(user.email);\r\nconst a = 1;  console.log(user.phone);\r\n",
      "src/cr.ts": "// one\r// two\r  console.log(user.email);\r",
    }));
    expect(findingsIn(rep, "src/crlf.ts").map((f) => [f.line, f.column, f.category])).toEqual([[4, 4, "email"], [5, 15, "phone"]]);
    expect(findingsIn(rep, "src/cr.ts").map((f) => [f.line, f.column])).toEqual([[3, 3]]);
  });

  it("an empty file is scanned: no findings, no note", async () => {
    const rep = await scanJson(project({ "src/empty.ts": "", "src/blank.ts": "\n\n  \n" }));
    expect(rep.summary.files).toBe(2);
    expect(rep.findings).toEqual([]);
    expect(rep.errors).toEqual([]);
  });

  it(".d.ts declarations are scanned as data shapes", async () => {
    const rep = await scanJson(project({ "src/types/user.d.ts": "export interface User { email: string; phone: string }\n" }));
    expect(findingsIn(rep, "src/types/user.d.ts").map((f) => f.category)).toEqual(["email", "phone"]);
  });

  it("JavaScript in .js, .jsx, .mjs and .cjs is scanned by default (.js may hold JSX)", async () => {
    const rep = await scanJson(project({
      "src/a.js": LOG_EMAIL,
      "src/b.jsx": 'export const F = () => <input type="email" />;\n',
      "src/c.mjs": LOG_EMAIL,
      "src/d.cjs": `module.exports = () => ${LOG_EMAIL}`,
      "src/e.js": 'export const G = () => <input type="tel" />;\n',
    }));
    expect(rep.findings.map((f) => `${f.file}:${f.category}`)).toEqual(["src/a.js:email", "src/b.jsx:email", "src/c.mjs:email", "src/d.cjs:email", "src/e.js:phone"]);
    expect(rep.errors).toEqual([]);
  });

  it("a UTF-16 file (Windows editors) is decoded, not called binary", async () => {
    const dir = project({ "src/utf16.ts": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG_EMAIL, "utf16le")]) });
    const rep = await scanJson(dir);
    expect(findingsIn(rep, "src/utf16.ts").map((f) => [f.line, f.column, f.category])).toEqual([[1, 1, "email"]]);
  });
});

describe("broken source files are scanned as far as possible, with a note", () => {
  it("a syntax error is a note with its position; findings before and after it are kept", async () => {
    const dir = project({ "src/broken.ts": "console.log(user.email);\nconst x = {\nfetch('/a', {;\nconsole.log(user.phone);\n" });
    const rep = await scanJson(dir);
    expect(findingsIn(rep, "src/broken.ts").map((f) => f.category)).toEqual(["email", "phone"]);
    const [err] = rep.errors;
    expect(err).toMatchObject({ file: "src/broken.ts", line: 3 });
    expect(err.message).toMatch(/^syntax error: .+\(the rest of the file was still scanned\)$/);
    expect(await textNotes(dir)).toEqual([`note src/broken.ts:3:${err.column}: ${err.message}`]);
  });

  it("invalid UTF-8 is read as spaces, so the rest of the file is not lost", async () => {
    // TypeScript treats U+FFFD (what a decoder makes of bad bytes) as "binary" and stops there.
    const bad = Buffer.concat([Buffer.from(LOG_EMAIL), Buffer.from([0xff, 0xfe, 0x20, 0xc3]), Buffer.from("\n  console.log(user.phone);\n")]);
    const dir = project({ "src/latin1.ts": bad });
    const rep = await scanJson(dir);
    expect(findingsIn(rep, "src/latin1.ts").map((f) => [f.line, f.column, f.category])).toEqual([[1, 1, "email"], [3, 3, "phone"]]);
    expect(errorsOf(rep, "src/latin1.ts")[0]).toBe("invalid UTF-8 bytes were read as spaces; scanned anyway");
  });

  it("binary content with a .ts name is skipped, named, and does not stop the scan", async () => {
    const dir = project({ "src/ok.ts": LOG_EMAIL });
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256; // includes NULs
    writeFileSync(join(dir, "src/image.ts"), bytes);
    const rep = await scanJson(dir);
    expect(errorsOf(rep, "src/image.ts")).toEqual(["skipped: binary content (NUL bytes), not source code"]);
    expect(findingsIn(rep, "src/ok.ts")).toHaveLength(1);
    expect(await textNotes(dir)).toEqual(["note src/image.ts: skipped: binary content (NUL bytes), not source code"]);
  });
});

describe("big inputs finish quickly with a note, never a hang", () => {
  it("a 5 MB minified bundle is skipped by size, and as minified when the limit is raised", async () => {
    const dir = project({ "src/ok.ts": LOG_EMAIL });
    writeFileSync(join(dir, "src/app.js"), `${LOG_EMAIL}${"var a=window.b&&c(d,{e:f});".repeat(200_000)}`); // 5.1 MB, one line
    const started = Date.now();
    const rep = await scanJson(dir);
    expect(errorsOf(rep, "src/app.js")).toEqual(["skipped: 5.1 MB is over the 2.0 MB limit (likely generated or bundled; raise --max-file-size to scan it)"]);
    const raised = await scanJson(dir, "--max-file-size", "10000");
    expect(errorsOf(raised, "src/app.js")).toEqual(["skipped: minified code (very long lines); scan the sources it was built from"]);
    for (const r of [rep, raised]) expect(findingsIn(r, "src/ok.ts")).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("a 200,000-character line is skipped as minified, with a note", async () => {
    const dir = project({ "src/ok.ts": LOG_EMAIL, "src/long.ts": `${LOG_EMAIL}export const blob = "${"A".repeat(200_000)}";\n` });
    const rep = await scanJson(dir);
    expect(errorsOf(rep, "src/long.ts")).toEqual(["skipped: minified code (very long lines); scan the sources it was built from"]);
    expect(findingsIn(rep, "src/ok.ts")).toHaveLength(1);
  });

  it("a 90 KB one-line bundle is minified by its content, not its size; one long data line among code is not", async () => {
    const bundle = `${"navigator.mediaDevices.getUserMedia({video:!1,audio:!0}).then(function(e){return t(e,{a:n})});".repeat(1_000)}`; // 94 KB, one line
    const dataLine = `export const logo = "data:image/png;base64,${"QUJD".repeat(2_000)}";\n`;
    const dir = project({ "src/ok.ts": LOG_EMAIL, "static/main.js": bundle, "src/logo.ts": `${LOG_EMAIL}${dataLine}${"export const x = 1;\n".repeat(600)}` });
    const rep = await scanJson(dir);
    expect(errorsOf(rep, "static/main.js")).toEqual(["skipped: minified code (very long lines); scan the sources it was built from"]);
    expect(findingsIn(rep, "static/main.js")).toEqual([]);
    expect(errorsOf(rep, "src/logo.ts")).toEqual([]);
    expect(findingsIn(rep, "src/logo.ts")).toHaveLength(1);
  });

  it("a formatted bundle that ends with its sourceMappingURL comment is build output, skipped with a note; a file that only mentions one is scanned", async () => {
    const body = `define(["exports"], function (exports) {\n  const logger = { log: (url) => console.log(url, user.email) };\n  exports.logger = logger;\n});\n`;
    const dir = project({
      "src/ok.ts": LOG_EMAIL,
      "public/workbox-1a2b3c.js": `${body}//# sourceMappingURL=workbox-1a2b3c.js.map\n\n`,
      "src/build.ts": `// Appends "//# sourceMappingURL=app.js.map" to each bundle.\nconsole.log(user.email);\nexport const footer = (f: string) => \`//# sourceMappingURL=\${f}.map\`;\n`,
    });
    const rep = await scanJson(dir);
    expect(errorsOf(rep, "public/workbox-1a2b3c.js")).toEqual(["skipped: build output (it ends with a sourceMappingURL comment); scan the sources it was built from"]);
    expect(findingsIn(rep, "public/workbox-1a2b3c.js")).toEqual([]);
    expect(errorsOf(rep, "src/build.ts")).toEqual([]);
    expect(findingsIn(rep, "src/build.ts").map((f) => [f.line, f.category, f.kind])).toEqual([[2, "email", "log"]]);
  });

  it("past the per-file budget of syntax nodes the file is cut short, with a note saying so", async () => {
    // About 3.1 million empty statements: only reachable with a raised --max-file-size.
    const dir = project({ "src/ok.ts": LOG_EMAIL, "src/huge.ts": `${LOG_EMAIL}${`${";".repeat(99)}\n`.repeat(31_000)}` });
    const rep = await scanJson(dir, "--max-file-size", "4096");
    expect(errorsOf(rep, "src/huge.ts")).toEqual(["stopped after 3,000,000 syntax nodes (per-file budget); findings after that point are missing"]);
    expect(findingsIn(rep, "src/huge.ts")).toHaveLength(1); // the finding before the cut
    expect(findingsIn(rep, "src/ok.ts")).toHaveLength(1);
  }, 60_000);
});

describe("many findings", () => {
  it("a file with 160,000 findings is reported in full (a spread of that many arguments overflowed the stack)", async () => {
    const dir = project({ "src/log.ts": "logger.info({ email, phone, ip: req.ip });\n".repeat(40_000) });
    const d = await detectFiles(dir, ["src/log.ts"], compileRules(loadRuleSet(loadTaxonomy())));
    expect(d.errors).toEqual([]);
    expect(d.findings.length).toBeGreaterThanOrEqual(160_000);
  });
});

describe("many suppression comments", () => {
  it("40,000 stacked next-line suppressions (2 MB) take seconds, not a quadratic 20 s", async () => {
    const dir = project({ "src/a.ts": `${"// policytrace-ignore-next-line email: reviewed\n".repeat(40_000)}${LOG_EMAIL}` });
    const started = Date.now();
    const rep = await scanJson(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rep.findings.map((f) => [f.line, f.status])).toEqual([[40_001, "suppressed"]]);
  });
});

describe("50,000 levels of nesting", () => {
  // Each level on its own line, so the minified check does not catch them first. The
  // TypeScript parser and the walker both recurse; past roughly 1,000 levels the stack
  // runs out. The RangeError is caught per file: the file is named, the others are reported.
  const N = 50_000;
  const shapes: Record<string, string> = {
    "parens.ts": `const x = ${"(\n".repeat(N)}1${")\n".repeat(N)};\n`,
    "arrays.ts": `const x = ${"[\n".repeat(N)}1${"]\n".repeat(N)};\n`,
    "calls.ts": `const x = ${"f(\n".repeat(N)}email${")\n".repeat(N)};\n`,
    "objects.ts": `const x = ${"{a:\n".repeat(N)}1${"}\n".repeat(N)};\n`,
    "blocks.ts": `${"if (a) {\n".repeat(N)}${"}\n".repeat(N)}`,
    "sum.ts": `const x = ${"a +\n".repeat(N)}1;\n`,
    "chain.ts": `const x = a${"\n.b".repeat(N)};\n`,
    "jsx.tsx": `const x = ${"<div>\n".repeat(N)}${"</div>\n".repeat(N)};\n`,
    "else-if.ts": `if (a) {}\n${"else if (b) {}\n".repeat(N)}`,
  };

  it("each deep file is skipped with a clear note; the process survives and other files are reported", async () => {
    const files: Record<string, string> = { "src/a-before.ts": LOG_EMAIL, "src/z-after.ts": LOG_EMAIL };
    for (const [name, text] of Object.entries(shapes)) files[`src/deep/${name}`] = `${LOG_EMAIL}${text}`;
    const dir = project(files);
    const rep = await scanJson(dir);
    expect(findingsIn(rep, "src/a-before.ts")).toHaveLength(1);
    expect(findingsIn(rep, "src/z-after.ts")).toHaveLength(1);
    for (const name of Object.keys(shapes)) {
      const file = `src/deep/${name}`;
      const notes = errorsOf(rep, file);
      // Scanned in full, or skipped with the reason; never silently dropped.
      if (notes.length) expect(notes).toEqual([expect.stringMatching(/^skipped: .*nest.*deep/)]);
      else expect(findingsIn(rep, file).length).toBeGreaterThan(0);
    }
    expect(rep.errors.length).toBeGreaterThan(0); // most shapes overflow; see the report for which
    const notes = await textNotes(dir);
    for (const e of rep.errors) expect(notes).toContain(`note ${e.file}: ${e.message}`);
  });
});
