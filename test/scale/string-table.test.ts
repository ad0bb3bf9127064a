import { describe, expect, it } from "vitest";
import { StringTable } from "../../src/detect/string-table.js";
import type { FileResult } from "../../src/detect/analyse-file.js";
import { EMPTY } from "../../src/detect/flow/value.js";

const source = "const x = 1;\n".repeat(1000) + "sendAnalytics(user.emailAddress);\n";

function resultCutFrom(text: string): FileResult {
  const evidence = text.slice(text.indexOf("sendAnalytics"), text.lastIndexOf(";"));
  const finding = { id: "f1", file: "src/a.ts", line: 1001, column: 1, category: "contact.email", kind: "transmit", rule: "r", confidence: "high", evidence, symbol: null, recipient: null, status: "undeclared", activities: [] };
  const fields = new Map([["emailAddress", { s: evidence }], ["b", EMPTY]]);
  return {
    file: "src/a.ts",
    findings: [finding],
    errors: [],
    text,
    types: [["User", [{ name: "emailAddress", type: "string" }]]],
    deferred: [],
    flow: { file: "src/a.ts", sinks: [], calls: [], fns: new Map(), classes: new Map(), exports: new Map([["user", { f: fields }]]), reexports: [] },
    bare: [["axios", false]],
  } as unknown as FileResult;
}

describe("StringTable", () => {
  it("keeps a result's data as it was, the source for suppressions included, with Maps in their order", () => {
    const owned = new StringTable().ownResult(resultCutFrom(source));
    expect(owned).toEqual(resultCutFrom(source));
    expect(owned.text).toBe(source);
    expect(owned.findings[0].evidence).toBe("sendAnalytics(user.emailAddress)");
    expect([...(owned.flow!.exports.get("user")!.f!.keys())]).toEqual(["emailAddress", "b"]);
  });

  it("leaves frozen shared values (EMPTY) alone and a result without source without one", () => {
    const r = resultCutFrom(source);
    delete r.text;
    const owned = new StringTable().ownResult(r);
    expect("text" in owned).toBe(false);
    expect(owned.flow!.exports.get("user")!.f!.get("b")).toBe(EMPTY);
  });

  it("gives equal strings from two files one copy, and different strings their own", () => {
    const table = new StringTable();
    const a = table.own(source.slice(13000, 13030));
    expect(table.own(("" + source).slice(13000, 13030))).toBe(a);
    expect(table.own(source.slice(13001, 13031))).not.toBe(a);
    expect(table.own(source.slice(0, 12))).toBe("const x = 1;");
    expect(table.own("é\u2028\ud800 \"quoted\"")).toBe("é\u2028\ud800 \"quoted\"");
  });
});
