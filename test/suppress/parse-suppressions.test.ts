import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { parseSuppressions } from "../../src/suppress/inline-suppressions.js";

const taxonomy = loadTaxonomy();
const parse = (text: string) => parseSuppressions("src/a.tsx", text, taxonomy);
const targets = (text: string) => parse(text).comments.map((c) => ({ line: c.line, target: c.target, terms: c.terms.map((t) => t.term), reason: c.reason }));

describe("parseSuppressions", () => {
  it("next-line applies to the following line, same-line to its own", () => {
    expect(targets([
      "// policytrace-ignore-next-line email: support desk only",
      "send(email);",
      "log(ip); // policytrace-ignore-line ip-address: rate-limit log",
    ].join("\n"))).toEqual([
      { line: 1, target: 2, terms: ["email"], reason: "support desk only" },
      { line: 3, target: 3, terms: ["ip-address"], reason: "rate-limit log" },
    ]);
  });

  it("reads block and JSX comments, and block comments over several lines", () => {
    const text = [
      "<View>",
      "  {/* policytrace-ignore-next-line device-serial: shown to the owner only */}",
      "  <Text>{sn}</Text>",
      "  /* policytrace-ignore-next-line phone:",
      "   * the reason continues",
      "   * on two lines */",
      "  <TextInput textContentType=\"telephoneNumber\" />",
      "  x(/* policytrace-ignore-line email: inline block */ email);",
      "</View>",
    ].join("\n");
    expect(targets(text)).toEqual([
      { line: 2, target: 3, terms: ["device-serial"], reason: "shown to the owner only" },
      { line: 4, target: 7, terms: ["phone"], reason: "the reason continues on two lines" },
      { line: 8, target: 8, terms: ["email"], reason: "inline block" },
    ]);
  });

  it("stacked next-line comments all apply to the code line below them", () => {
    const text = ["// policytrace-ignore-next-line email: a", "// policytrace-ignore-next-line phone: b", "send({ email, phone });"].join("\n");
    expect(targets(text).map((c) => c.target)).toEqual([3, 3]);
  });

  it("accepts several categories, group ids and policy wording", () => {
    const [c] = parse("// policytrace-ignore-next-line email, device-identifiers, Device SN: RMA form\nx").comments;
    expect(c.terms.map((t) => t.term)).toEqual(["email", "device-identifiers", "Device SN"]);
    expect(c.terms[1].ids).toEqual(expect.arrayContaining(["mac-address", "device-serial", "device-id", "push-token"]));
    expect(c.terms[2].ids).toEqual(["device-serial"]);
  });

  it("handles CRLF line ends", () => {
    expect(targets("// policytrace-ignore-next-line email: x\r\nsend(email);\r\n")[0].target).toBe(2);
  });

  it("a comment without a reason is an error at its position and suppresses nothing", () => {
    for (const text of ["// policytrace-ignore-next-line email", "// policytrace-ignore-next-line email:   ", "  // policytrace-ignore-next-line: why"]) {
      const { comments, problems } = parse(text);
      expect(comments).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: "src/a.tsx", line: 1 });
      expect(problems[0].message).toMatch(/suppresses nothing/);
    }
    expect(parse("// policytrace-ignore-next-line email").problems[0].message).toMatch(/reason is required/);
  });

  it("an unknown category is an error with a did-you-mean", () => {
    const { comments, problems } = parse("x;\n  // policytrace-ignore-next-line email, emial: typo\ny");
    expect(comments).toEqual([]);
    expect(problems).toEqual([{ file: "src/a.tsx", line: 2, column: 3, message: expect.stringContaining('unknown data category "emial" (did you mean "email"?)') }]);
  });

  it("rejects a wildcard and misspelt directives", () => {
    expect(parse("// policytrace-ignore-line *: everything").problems[0].message).toMatch(/"\*" is not allowed/);
    const { problems } = parse("/* policytrace-ignore-nextline email: x */");
    expect(problems[0].message).toMatch(/unknown suppression directive "policytrace-ignore-nextline"/);
  });

  it("ignores the word outside a directive position", () => {
    expect(parse('// see the policytrace-ignore-next-line docs\nconst s = "policytrace-ignore-line email: x";')).toEqual({ comments: [], problems: [] });
  });
});
