// Flow-annotated JavaScript (// @flow): its exact objects, variance, bounds, casts and
// opaque types are rewritten to TypeScript's syntax in place, so the file parses and every
// position is the original's; strings, regular expressions, ternaries and plain JS are untouched.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { scan } from "../../src/run.js";
import { flowToTypeScript, isFlowFile } from "../../src/parse/flow-syntax.js";
import { parseSource } from "../../src/parse/parse-source.js";

const dir = fileURLToPath(new URL("../../fixtures/flow-syntax/", import.meta.url));
const flowFile = readFileSync(`${dir}src/ProfileScreen.js`, "utf8");
const diagnostics = (sf: ts.SourceFile) => (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;

describe("Flow syntax", async () => {
  const result = await scan({ dir });

  it("a Flow file parses without errors, and its exact object type's field is found at its own line", () => {
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.file === "src/ProfileScreen.js" && f.line === 6)).toMatchObject([{ category: "email", kind: "schema" }]);
    expect(result.findings.filter((f) => f.file === "src/ProfileScreen.js" && f.line === 20)).toMatchObject([{ category: "email", kind: "transmit", recipient: "api.example.com" }]);
  });

  it("keeps every line and column: only Flow's own characters become spaces", () => {
    const out = flowToTypeScript(flowFile);
    expect(out.length).toBe(flowFile.length);
    expect(out.split("\n").length).toBe(flowFile.split("\n").length);
    expect(diagnostics(parseSource("a.js", flowFile))).toEqual([]);
    const lines = out.split("\n");
    expect(lines[4]).toBe("export type User = { ");
    expect(lines[5]).toBe("   email: string,");
    expect(lines[10]).toBe("export        type UserId         = number;");
  });

  it("leaves strings, regular expressions, ternaries and object-literal arrows alone", () => {
    const lines = flowToTypeScript(flowFile).split("\n");
    const orig = flowFile.split("\n");
    expect(lines[17]).toBe(orig[17]); // label === '{| (a: b) |}' ? … : …
    expect(lines[18]).toBe(orig[18]); // { onPress: e => …, kind: note ? (label) : note, tag: /[{|}]/ }
  });

  it("a file without the @flow pragma is read as it is", () => {
    const plain = readFileSync(`${dir}src/plain.js`, "utf8");
    expect(isFlowFile(plain)).toBe(false);
    expect(isFlowFile("/* @noflow */\nx;")).toBe(false);
    expect(isFlowFile("// @flow\nx;")).toBe(true);
    expect(isFlowFile("x;\n// @flow")).toBe(false);
    expect(parseSource("plain.js", plain).text).toBe(plain);
    expect(result.findings.filter((f) => f.file === "src/plain.js").map((f) => [f.line, f.category, f.kind])).toEqual([[5, "email", "transmit"]]);
  });
});
