// Broken manifests and rule files: every one exits 2 with `file:line:column: what is wrong`
// and a hint saying what to do; never a stack trace, never an "internal error".

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOG_EMAIL, project, run } from "./helpers.js";

const ACTIVITY = ["  - id: app", "    data: [email]", "    purposes: [support]", "    basis: contract"];
const manifest = (...lines: string[]) => `${lines.join("\n")}\n`;

async function manifestError(text: string): Promise<string> {
  const r = await run(["scan", "."], project({ "src/a.ts": LOG_EMAIL, "privacy-manifest.yml": text }));
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  return r.stderr;
}

describe("invalid manifests exit 2 with file:line:column, the problem and the fix", () => {
  const cases: [string, string, string][] = [
    ["invalid YAML", manifest("version: 1", "activities:", "  - id: app", "    data: [email"),
      "policytrace: privacy-manifest.yml:5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n  Check the indentation and that every [ or { is closed.\n"],
    ["tab indentation", manifest("version: 1", "activities:", "\t- id: app"),
      "policytrace: privacy-manifest.yml:3:1: invalid YAML: tabs are not allowed as indentation\n  Indent with spaces.\n"],
    ["a duplicate key", manifest("version: 1", "version: 1", "activities:", ...ACTIVITY),
      "policytrace: privacy-manifest.yml:2:1: invalid YAML: this key appears twice in the same mapping\n  Remove or merge the repeated key.\n"],
    ["two documents", manifest("version: 1", "activities:", ...ACTIVITY, "---", "version: 1"),
      "policytrace: privacy-manifest.yml:7:1: invalid YAML: the file holds more than one YAML document (a second `---`)\n  Keep a single document: remove the `---` line and what follows, or merge it.\n"],
    ["an alias bomb", manifest("a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"),
      "policytrace: privacy-manifest.yml:2:8: invalid YAML: its aliases (*name) expand to too much data\n  Write the values out instead of nesting aliases.\n"],
    ["an alias without anchor", manifest("version: 1", "activities: *all"),
      "policytrace: privacy-manifest.yml:2:13: invalid YAML: alias *all has no anchor &all before it\n  Define the anchor first, or write the value out.\n"],
    ["a list as a key", manifest("version: 1", "? [a, b]", ": 1"),
      "policytrace: privacy-manifest.yml:2:3: invalid YAML: a key must be a plain word, not a list or mapping\n  Write the key as text, e.g. `id:`.\n"],
    ["an empty file", "",
      "policytrace: privacy-manifest.yml:1:1: manifest is empty\n  Start from `policytrace init`, or see README for the format.\n"],
    ["only comments", "# to do\n",
      "policytrace: privacy-manifest.yml:1:1: manifest is empty\n  Start from `policytrace init`, or see README for the format.\n"],
    ["a list instead of a mapping", "- version: 1\n",
      "policytrace: privacy-manifest.yml:1:1: manifest must be a mapping (key: value)\n  Found a list.\n"],
    ["a wrong type", manifest("version: 1", "activities:", "  - id: app", "    data: email", "    purposes: [support]", "    basis: contract"),
      'policytrace: privacy-manifest.yml:4:11: activities[0] ("app").data must be a list\n  Found string "email".\n'],
    ["a wrong version", manifest("version: 2", "activities:", ...ACTIVITY),
      "policytrace: privacy-manifest.yml:1:10: version is 2, but only 1 is supported\n  Write version: 1.\n"],
    ["an unknown top-level key", manifest("version: 1", "activites:", ...ACTIVITY),
      'policytrace: privacy-manifest.yml:2:1: unknown key "activites" in manifest\n  Did you mean "activities"? Allowed keys: $schema, version, policy, firstParty, recipients, activities, audit.\n'],
    ["an unknown activity key", manifest("version: 1", "activities:", ...ACTIVITY, "    cod: [src/**]"),
      'policytrace: privacy-manifest.yml:7:5: unknown key "cod" in activities[0] ("app")\n  Did you mean "code"? Allowed keys: id, ref, title, description, data, purposes, basis, recipients, code, labels.\n'],
    ["an unknown category id", manifest("version: 1", "activities:", "  - id: app", "    data: [emial]", "    purposes: [support]", "    basis: contract"),
      'policytrace: privacy-manifest.yml:4:12: unknown data category "emial" in activity "app"\n  Did you mean "email"?\n'],
    ["an unknown recipient id", manifest("version: 1", "activities:", ...ACTIVITY, "    recipients: [aws]"),
      'policytrace: privacy-manifest.yml:7:18: unknown recipient "aws" in activity "app"\n  Declare it under top-level `recipients:` first.\n'],
    ["a bad basis", manifest("version: 1", "activities:", "  - id: app", "    data: [email]", "    purposes: [support]", "    basis: contrakt"),
      'policytrace: privacy-manifest.yml:6:12: activities[0] ("app").basis has the value "contrakt", which is not allowed\n  Did you mean "contract"? Use one of: contract, consent, legitimate-interest, legal-obligation.\n'],
    ["a malformed id", manifest("version: 1", "activities:", "  - id: Sign Up", "    data: [email]", "    purposes: [support]", "    basis: contract"),
      'policytrace: privacy-manifest.yml:3:9: activities[0].id has the value "Sign Up", which is not a valid id\n  Use lowercase letters, digits and dashes, starting with a letter or digit (e.g. sign-up).\n'],
    ["duplicate activity ids", manifest("version: 1", "activities:", ...ACTIVITY, ...ACTIVITY),
      'policytrace: privacy-manifest.yml:7:9: duplicate activity id "app" (also activities[0])\n  Give each activity a unique id.\n'],
    ["an empty data list", manifest("version: 1", "activities:", "  - id: app", "    data: []", "    purposes: [support]", "    basis: contract"),
      'policytrace: privacy-manifest.yml:4:11: activities[0] ("app").data is empty\n  List at least one entry.\n'],
    ["a missing required key", manifest("version: 1", "activities:", "  - id: app", "    data: [email]", "    basis: contract"),
      'policytrace: privacy-manifest.yml:3:5: activities[0] ("app") is missing the required key "purposes"\n  Add "purposes:".\n'],
    ["a code glob escaping the manifest's folder", manifest("version: 1", "activities:", ...ACTIVITY, '    code: ["../**"]'),
      'policytrace: privacy-manifest.yml:7:12: code glob "../**" leaves the manifest\'s folder\n  Globs are relative to the folder of privacy-manifest.yml; move the manifest up instead of using ../.\n'],
    ["a code glob escaping midway", manifest("version: 1", "activities:", ...ACTIVITY, '    code: ["src/../../x/**"]'),
      'policytrace: privacy-manifest.yml:7:12: code glob "src/../../x/**" leaves the manifest\'s folder\n  Globs are relative to the folder of privacy-manifest.yml; move the manifest up instead of using ../.\n'],
    ["an absolute code glob", manifest("version: 1", "activities:", ...ACTIVITY, '    code: ["/etc/**"]'),
      'policytrace: privacy-manifest.yml:7:12: code glob "/etc/**" leaves the manifest\'s folder\n  Globs are relative to the folder of privacy-manifest.yml; move the manifest up instead of using ../.\n'],
    ["a missing audit.rules folder", manifest("version: 1", "audit:", "  rules: [./my-rules]", "activities:", ...ACTIVITY),
      'policytrace: privacy-manifest.yml:3:11: rules folder "./my-rules" not found\n  Paths in audit.rules are relative to the manifest\'s folder.\n'],
    ["an audit glob escaping", manifest("version: 1", "audit:", '  include: ["../**"]', "activities:", ...ACTIVITY),
      'policytrace: privacy-manifest.yml:3:13: glob "../**" leaves the manifest\'s folder\n  Use globs relative to the manifest\'s folder.\n'],
  ];

  it.each(cases)("%s", async (_name, text, expected) => {
    expect(await manifestError(text)).toBe(expected);
  });

  it("CRLF line endings and a BOM do not shift the reported position", async () => {
    const lines = ["version: 1", "activities:", "  - id: app", "    data: [emial]", "    purposes: [support]", "    basis: contract", ""];
    const expected = 'policytrace: privacy-manifest.yml:4:12: unknown data category "emial" in activity "app"\n  Did you mean "email"?\n';
    expect(await manifestError(lines.join("\r\n"))).toBe(expected);
    expect(await manifestError(`\uFEFF${lines.join("\n")}`)).toBe(expected);
  });

  it("a --manifest that is a folder, a FIFO or missing names the path", async () => {
    const dir = project({ "src/a.ts": LOG_EMAIL });
    expect((await run(["scan", ".", "--manifest", "src"], dir)).stderr).toBe("policytrace: src: cannot read: it is a folder\n  Pass the path of a .yml file.\n");
    execFileSync("mkfifo", [join(dir, "fifo.yml")]); // reading it would block for ever
    expect((await run(["scan", ".", "--manifest", "fifo.yml"], dir)).stderr).toBe("policytrace: fifo.yml: cannot read: it is not a regular file\n  Pass the path of a .yml file.\n");
    expect((await run(["scan", ".", "--manifest", "nope.yml"], dir)).stderr).toBe("policytrace: manifest not found: nope.yml\n  Check --manifest, or run `policytrace init` to write one.\n");
  });
});

describe("invalid --rules files exit 2 with file:line:column", () => {
  const RULE = ["rules:", "  - id: my.email-log", "    category: email", "    kind: log", "    confidence: high"];
  async function ruleError(text: string): Promise<string> {
    const dir = project({ "src/a.ts": LOG_EMAIL, "my-rules/rule.yml": text });
    const r = await run(["scan", ".", "--rules", "my-rules"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    return r.stderr;
  }

  const cases: [string, string, string | RegExp][] = [
    ["a catastrophic regex (nested quantifier)", manifest(...RULE, "    method:", "      names: [info]", '      receiver: "^(a+)+$"'),
      'policytrace: my-rules/rule.yml:8:17: rule "my.email-log": regular expression /^(a+)+$/ can backtrack catastrophically (nested quantifiers)\n  Remove nested quantifiers such as (a+)+ or (\\w+\\s?)*.\n'],
    ["a catastrophic regex (repeated overlapping alternation)", manifest(...RULE, "    jsx:", "      attribute: type", '      elements: "^(x|xy)*z$"'),
      'policytrace: my-rules/rule.yml:8:17: rule "my.email-log": regular expression /^(x|xy)*z$/ can backtrack catastrophically (a repeated group with | in it)\n  Use a character class ([ab]*) or drop the repetition; policytrace cannot prove such a group safe.\n'],
    ["an invalid regex", manifest(...RULE, "    method:", "      names: [info]", '      receiver: "(["'),
      'policytrace: my-rules/rule.yml:8:17: rule "my.email-log": invalid regular expression: /([/: Unterminated character class\n'],
    ["an empty rule file", "",
      "policytrace: my-rules/rule.yml:1:1: rule file is empty\n  Add a `rules:` list, or delete the file.\n"],
    ["invalid YAML", manifest("rules:", "  - id: [my"),
      "policytrace: my-rules/rule.yml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n  Check the indentation and that every [ or { is closed.\n"],
    ["an unknown key", manifest(...RULE, '    api: ["global:foo"]', "    severity: high"),
      // The hint lists every rule key; that list grows with the rule language.
      /^policytrace: my-rules\/rule\.yml:7:5: unknown key "severity" in rules\[0\] \("my\.email-log"\)\n {2}Allowed keys: id, category, kind, .*\.\n$/],
    ["an unknown category", manifest("rules:", "  - id: my.email-log", "    category: emial", "    kind: log", "    confidence: high", '    api: ["global:foo"]'),
      'policytrace: my-rules/rule.yml:3:15: rule "my.email-log": unknown category "emial"\n  Did you mean "email"?\n'],
    ["a wrong type", manifest("rules: {}"),
      "policytrace: my-rules/rule.yml:1:8: rules must be a list\n  Found a mapping.\n"],
    ["a duplicate id within the file", manifest(...RULE, '    api: ["global:foo"]', ...RULE.slice(1), '    api: ["global:bar"]'),
      'policytrace: my-rules/rule.yml:7:9: duplicate rule id "my.email-log" (first defined in my-rules/rule.yml)\n  Give each rule a unique id.\n'],
  ];

  it.each(cases)("%s", async (_name, text, expected) => {
    const err = await ruleError(text);
    if (typeof expected === "string") expect(err).toBe(expected);
    else expect(err).toMatch(expected);
  });

  it("a rule id that repeats a built-in one names the built-in file", async () => {
    const err = await ruleError(manifest("rules:", "  - id: log.console", "    category: email", "    kind: log", "    confidence: high", '    api: ["global:foo"]'));
    expect(err).toMatch(/^policytrace: my-rules\/rule\.yml:2:9: duplicate rule id "log\.console" \(first defined in .*rules\/sinks\/logging\.yml\)\n {2}Give each rule a unique id\.\n$/);
  });

  it("a missing --rules folder names it", async () => {
    const r = await run(["scan", ".", "--rules", "nope"], project({ "src/a.ts": LOG_EMAIL }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^policytrace: rules folder not found: .*nope\n {2}Pass an existing folder to --rules or audit\.rules\.\n$/);
  });
});
