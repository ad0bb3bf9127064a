import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveringActivities, escapeCell, renderMarkdown } from "../../src/report/markdown.js";
import { MAX_EDGES, MAX_PER_COLUMN } from "../../src/report/markdown-flow.js";
import type { ScanResult } from "../../src/types.js";
import { EVIL_FILE, inventoryResult, passingResult, sampleResult } from "./sample-result.js";

const md = renderMarkdown(sampleResult);

/** Cells of a table row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

/** Each Markdown table as a list of rows of cells; asserts the separator row follows the header. */
function tables(text: string): string[][][] {
  const out: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("|")) {
      if (!current) out.push((current = []));
      current.push(cells(line));
    } else current = null;
  }
  return out;
}

function mermaidLines(text: string): string[] {
  const block = text.slice(text.indexOf("```mermaid\n") + 11, text.indexOf("\n```", text.indexOf("```mermaid")));
  return block.split("\n").map((l) => l.trim());
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

describe("renderMarkdown header", () => {
  it("names project, commit, date, manifest, tool and verdict", () => {
    expect(md.startsWith("# Privacy audit: acme-cam\n\n**Verdict: ❌ 3 undeclared collection points**\n")).toBe(true);
    expect(md).toContain("- **Commit:** 0123456789abcdef0123456789abcdef01234567 on branch main\n");
    expect(md).toContain("- **Scanned:** 2024-05-01T10:00:00.000Z\n");
    expect(md).toContain("- **Manifest:** privacy-manifest.yml — Imou Privacy Policy (updated 2023-01-10)\n");
    expect(md).toContain("- **Tool:** policytrace 0.1.0\n");
    expect(md).toContain("**Summary:** 9 files scanned · 10 collection points (5 declared, 3 undeclared, 2 suppressed) · " +
      "2 unused declarations · 1 error\n");
  });

  it("says Pass when nothing is undeclared, and leaves out git when absent", () => {
    const clean = renderMarkdown({ ...passingResult, context: { ...passingResult.context, git: undefined } });
    expect(clean).toContain("**Verdict: ✅ Pass**");
    expect(clean).not.toContain("**Commit:**");
    expect(clean).toContain("## Undeclared collection (0)\n\nNone: every collection point is declared");
    expect(clean).not.toContain("## Errors");
    expect(clean).not.toContain("## Stale");
  });

  it("does not show the scan duration (output must be reproducible)", () => {
    expect(md).not.toContain("812");
  });
});

describe("renderMarkdown policy table", () => {
  it("has one row per activity with its code, declared data, every category found there and a status", () => {
    const rows = tables(section(md, "Policy table"))[0];
    expect(rows[0]).toEqual(["Ref", "Activity", "Code", "Declared data", "Found in code", "Purposes", "Basis", "Recipients", "Status"]);
    expect(rows[1]).toEqual(["---", "---", "---", "---", "---", "---", "---", "---", "---"]);
    expect(rows.slice(2)).toEqual([
      ["A.1a", "When you sign up with Imou App for the first time", "src/account/\\*\\*",
        "Email address (email), Phone number (phone), Password (password), Country (country)",
        "Email address (email), Phone number (phone), Password (password)",
        "account-registration, communication", "contract", "Amazon Web Services (aws)", "⚠️ 1 unused declaration"],
      // The gap: the undeclared category found in the activity's code is in its row, marked.
      ["A.2", "When you add a device", "./src/device/\\*\\*", "MAC address (mac-address), Device serial number (device-serial)",
        "❌ Precise location (precise-location) (undeclared), MAC address (mac-address)", "device-binding", "contract", "Amazon Web Services (aws)",
        "❌ 1 undeclared collection point in its code · ⚠️ 1 unused declaration"],
      ["A.5", "Improve our products \\| &lt;b&gt;analytics&lt;/b&gt;", "src/analytics/\\*\\*", "Device identifier (device-id)",
        "Device identifier (device-id)", "product-improvement", "consent", "Google Analytics (google-analytics)",
        "✅ all declared data seen"],
      // Collection in files no activity covers has its own row (suppressed findings are not counted).
      ["—", "**Outside every activity**", "files no activity's code covers", "—",
        "❌ Email address (email) (undeclared), ❌ MAC address (mac-address) (undeclared)", "—", "—", "—", "❌ 2 undeclared collection points"],
    ]);
  });

  it("shows an activity without code as all code, and one declared elsewhere by the activity that declares it", () => {
    const m = sampleResult.context.manifest!;
    const everywhere: ScanResult = { ...sampleResult, context: { ...sampleResult.context, manifest: { ...m,
      activities: [{ ...m.activities[0], code: [] }, ...m.activities.slice(1)] } } };
    const rows = tables(section(renderMarkdown(everywhere), "Policy table"))[0].slice(2);
    expect(rows[0][2]).toBe("**all code**");
    expect(rows[0][4]).toContain("also, declared by other activities: device-id"); // analytics.ts: declared by analytics
    expect(rows[0][4]).toContain("❌ Precise location (precise-location) (undeclared)");
    expect(rows.map((r) => r[1])).not.toContain("**Outside every activity**");
  });

  it("marks a recipient violation as reaching an undeclared third party", () => {
    const withRecipient: ScanResult = { ...sampleResult, findings: sampleResult.findings.map((f) =>
      f.id === "fp-ga-device-id" ? { ...f, status: "undeclared" as const, violation: "recipient" as const, recipient: "mixpanel", activities: [] } : f) };
    const out = renderMarkdown(withRecipient);
    const row = tables(section(out, "Undeclared collection"))[0].find((r) => r[2].includes("track.ts"))!;
    expect(row[1]).toBe("reaches undeclared third party mixpanel");
    expect(tables(section(out, "Undeclared collection"))[0].find((r) => r[2].includes("bind.ts"))![1]).toBe("category not declared");
    expect(tables(section(out, "Policy table"))[0].find((r) => r[0] === "A.5")![4])
      .toBe("❌ Device identifier (device-id) (reaches undeclared third party mixpanel)");
  });

  it("shows where a travelling value came from (its trace's first step)", () => {
    const traced: ScanResult = { ...sampleResult, findings: sampleResult.findings.map((f) => f.id === "fp-bind-gps"
      ? { ...f, trace: [{ file: "src/device/gps.ts", line: 3, column: 1, note: "precise-location: navigator.geolocation" },
          { file: "src/device/bind.ts", line: 20, column: 3, note: "→ fetch body" }] } : f) };
    const row = tables(section(renderMarkdown(traced), "Undeclared collection"))[0].find((r) => r[2].includes("bind.ts"))!;
    expect(row[4]).toContain("(from [src/device/gps.ts:3](src/device/gps.ts#L3): precise-location: navigator.geolocation)");
  });

  it("resolves code globs relative to the manifest's folder", () => {
    const nested: ScanResult = {
      ...sampleResult,
      manifest: "apps/cam/privacy-manifest.yml",
      findings: sampleResult.findings.map((f) => ({ ...f, file: `apps/cam/${f.file}` })),
    };
    const out = renderMarkdown(nested);
    expect(out).toContain("❌ 1 undeclared collection point in its code · ⚠️ 1 unused declaration |");
    expect(out).toContain("| Precise location (precise-location) | category not declared | [apps/cam/src/device/bind.ts:20](apps/cam/src/device/bind.ts#L20) " +
      "| source | navigator.geolocation.getCurrentPosition(cb) // a \\| b \\`c\\` | A.2 When you add a device |");
    const covering = coveringActivities(nested);
    expect(covering("apps/cam/src/account/signup.ts").map((a) => a.id)).toEqual(["sign-up"]);
    expect(covering("src/account/signup.ts")).toEqual([]);
  });

  it("resolves code globs when the manifest is above the scanned folder", () => {
    const above: ScanResult = { ...sampleResult, manifest: "../privacy-manifest.yml",
      context: { ...sampleResult.context, root: "/home/dev/acme-cam/src" } };
    const covering = coveringActivities(above);
    expect(covering("account/signup.ts").map((a) => a.id)).toEqual(["sign-up"]);
    expect(covering("device/bind.ts").map((a) => a.id)).toEqual(["device-binding"]);
    expect(covering("other/x.ts")).toEqual([]);
  });

  it("treats a missing code list as everywhere, and matches globs as the evaluator does", () => {
    const manifest = sampleResult.context.manifest!;
    const withCode = (code: string[][]): ScanResult => ({
      ...sampleResult,
      manifest: "apps/cam/privacy-manifest.yml",
      context: { ...sampleResult.context, manifest: { ...manifest,
        activities: manifest.activities.slice(0, code.length).map((a, i) => ({ ...a, code: code[i] })) } },
    });
    const covering = coveringActivities(withCode([[], ["./src/**/*.ts"]]));
    expect(covering("lib/x.ts").map((a) => a.id)).toEqual(["sign-up"]);
    expect(covering("apps/cam/src/device/bind.ts").map((a) => a.id)).toEqual(["sign-up", "device-binding"]);
    expect(covering("apps/cam/src/.hidden/x.ts").map((a) => a.id)).toEqual(["sign-up", "device-binding"]);
    expect(covering("apps/cam/src/device/bind.tsx").map((a) => a.id)).toEqual(["sign-up"]);
    expect(covering("apps/camera/src/device/bind.ts").map((a) => a.id)).toEqual(["sign-up"]);
  });
});

describe("renderMarkdown sections", () => {
  it("lists undeclared collection with GitHub line links and the covering activity", () => {
    const rows = tables(section(md, "Undeclared collection"))[0].slice(2);
    expect(rows.map((r) => r[2])).toEqual([
      "[src/device/bind.ts:20](src/device/bind.ts#L20)",
      "[src/telemetry/ping.ts:4](src/telemetry/ping.ts#L4)",
      "[src/weird\\|name \\`x\\` &lt;img src=x onerror=alert(1)&gt;.ts:7]" +
        "(src/weird%7Cname%20%60x%60%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.ts#L7)",
    ]);
    expect(rows[1]).toEqual(["MAC address (mac-address)", "category not declared", "[src/telemetry/ping.ts:4](src/telemetry/ping.ts#L4)", "transmit",
      'Sentry.setTag("mac", mac)', "— (no activity covers this file)"]);
    expect(rows[0][5]).toBe("A.2 When you add a device");
  });

  it("lists undeclared data shapes apart from the violations: a shape is inventory (SPEC §3)", () => {
    const shape = { ...sampleResult.findings[0], id: "fp-shape-email", file: "src/types/user.ts", line: 3, column: 3,
      category: "email", kind: "schema" as const, rule: "schema.type-field", confidence: "low" as const,
      evidence: "email: string;", status: "undeclared" as const, violation: undefined, activities: [], recipient: null };
    const out = renderMarkdown({ ...sampleResult, findings: [...sampleResult.findings, shape] });
    const violations = tables(section(out, "Undeclared collection"))[0].slice(2);
    expect(violations.map((r) => r[2])).not.toContain("[src/types/user.ts:3](src/types/user.ts#L3)");
    expect(out).toContain("## Undeclared collection (3)");
    expect(tables(section(out, "Undeclared data shapes"))[0].slice(2)).toEqual([
      ["Email address (email)", "[src/types/user.ts:3](src/types/user.ts#L3)", "email: string;"]]);
    expect(md).not.toContain("## Undeclared data shapes");
  });

  it("prefixes links with linkBase", () => {
    const out = renderMarkdown(sampleResult, { linkBase: "https://github.com/acme/cam/blob/0123abc/" });
    expect(out).toContain("[src/device/bind.ts:20](https://github.com/acme/cam/blob/0123abc/src/device/bind.ts#L20)");
    expect(renderMarkdown(sampleResult, { linkBase: "../" })).toContain("[src/telemetry/ping.ts:4](../src/telemetry/ping.ts#L4)");
  });

  it("lists unused declarations, suppressions with reasons, stale entries and errors", () => {
    expect(section(md, "Unused declarations")).toContain(
      "| A.1a When you sign up with Imou App for the first time | Country (country) |\n" +
      "| A.2 When you add a device | Device serial number (device-serial) |");
    expect(section(md, "Suppressed")).toContain(
      "| IP address (ip-address) | [src/legacy/old.ts:3](src/legacy/old.ts#L3) | log | logger.info({ ip: req.ip }) | baseline | baseline |\n" +
      "| Email address (email) | [src/ui/Profile.tsx:40](src/ui/Profile.tsx#L40) | store | localStorage.setItem('email', email) " +
      "| inline comment | cached locally, \\*never\\* sent \\| see DPIA-12 |");
    const stale = section(md, "Stale suppressions and baseline entries");
    expect(stale).toContain("| [src/ui/Old.tsx:5](src/ui/Old.tsx#L5) | Email address (email) | moved to &lt;Profile&gt; |");
    expect(stale).toContain("| src/gone.ts | Phone number (phone) | abc123 |");
    expect(section(md, "Errors (1)")).toContain("| [src/broken.ts:3](src/broken.ts#L3) | Unexpected token \\`\\|\\` &lt;b&gt;bold&lt;/b&gt; |");
  });

  it("lists third-party recipients with the data reaching them and whether declared", () => {
    expect(tables(section(md, "Third-party recipients"))[0].slice(2)).toEqual([
      ["Amazon Web Services (aws)", "✅ yes", "A.1a, A.2", "—"],
      ["Google Analytics (google-analytics)", "✅ yes", "A.5", "Device identifier (device-id) ✅"],
      ["sentry", "❌ no", "—", "MAC address (mac-address) ❌ not declared for this recipient"],
    ]);
  });

  it("draws an aggregated Mermaid flow from the code only: group → activity → recipient, counted, violations red", () => {
    const lines = mermaidLines(md);
    expect(lines[0]).toBe("flowchart LR");
    for (const l of lines.slice(1)) {
      const node = /^([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(l);
      const edge = /^([A-Za-z0-9_]+) -->\|\d+\| ([A-Za-z0-9_]+)$/.exec(l);
      const style = /^(classDef violation .*|class [A-Za-z0-9_,]+ violation)$/.exec(l);
      expect(node || edge || style, l).toBeTruthy();
      if (node) expect(node[2]).not.toMatch(/["<>[\]`|]/);
    }
    expect(lines).toContain('act_analytics["A.5 Improve our products #124; #60;b#62;analytics#60;/b#62;"]');
    expect(lines).toContain("grp_location -->|1| undeclared");
    expect(lines).toContain("grp_contact -->|2| act_sign_up"); // email and phone at signup.ts:12
    expect(lines).toContain("act_analytics -->|1| rcp_google_analytics");
    expect(lines).toContain("outside -->|1| rcp_sentry");
    expect(lines).toContain("class outside,rcp_sentry,undeclared violation");
    // Declared by the manifest but never seen in code: not drawn (aws is declared, no finding reaches it).
    expect(lines.join("\n")).not.toContain("rcp_aws");
    expect(lines.join("\n")).not.toMatch(/^cat_/m);
  });

  it("keeps the diagram bounded however many activities and recipients there are", () => {
    const many: ScanResult = { ...sampleResult,
      findings: Array.from({ length: 400 }, (_, i) => ({ ...sampleResult.findings[0], id: `fp${i}`, file: `src/a${i % 60}.ts`,
        recipient: `vendor-${i % 50}`, activities: [`act-${i % 60}`], status: "declared" as const })),
      context: { ...sampleResult.context, manifest: { ...sampleResult.context.manifest!, activities: Array.from({ length: 60 }, (_, i) => ({
        ...sampleResult.context.manifest!.activities[0], id: `act-${i}`, ref: `R${i}`, code: [`src/a${i}.ts`] })) } } };
    const out = renderMarkdown(many);
    const lines = mermaidLines(out);
    expect(lines.filter((l) => l.includes("-->")).length).toBeLessThanOrEqual(MAX_EDGES);
    expect(lines.filter((l) => /^act_/.test(l)).length).toBeLessThanOrEqual(MAX_PER_COLUMN - 1);
    expect(lines).toContain('other_activities["other activities"]');
    expect(out).toMatch(/\d+ smaller flows left out to keep the diagram readable/);
  });

  it("reports an inventory by category when there is no manifest", () => {
    const inv = renderMarkdown(inventoryResult);
    expect(inv).toContain("**Verdict: ➖ Not checked: no manifest, this is an inventory**");
    expect(inv).toContain("- **Manifest:** none (inventory scan)");
    expect(inv).not.toContain("## Policy table");
    expect(inv).not.toContain("## Undeclared collection");
    expect(inv).toContain("### Email address (email) · 3 collection points\n");
    expect(inv).toContain("### Device identifier (device-id) · 1 collection point\n\n| Location | Kind | Evidence | Recipient |\n" +
      "| --- | --- | --- | --- |\n| [src/analytics/track.ts:10](src/analytics/track.ts#L10) | transmit | " +
      "analytics.track('open', { installId }) | google-analytics |");
    // An inventory has no activities: the middle column says how the code handles the data.
    expect(mermaidLines(inv)).toContain("grp_device_identifiers -->|2| kind_transmit");
    expect(mermaidLines(inv)).toContain("kind_transmit -->|1| rcp_sentry");
    expect(inv).not.toContain("violation");
  });
});

describe("renderMarkdown escaping", () => {
  const outputs = [md, renderMarkdown(inventoryResult)];

  it("never lets evidence or a file name break a table", () => {
    for (const out of outputs) {
      for (const t of tables(out)) {
        for (const row of t) expect(row.length, row.join(" | ")).toBe(t[0].length);
      }
    }
  });

  it("keeps a multi-line evidence on its row", () => {
    const row = md.split("\n").find((l) => l.includes("onerror") && l.includes("boom"));
    expect(row).toBe("| Email address (email) | category not declared | [src/weird\\|name \\`x\\` &lt;img src=x onerror=alert(1)&gt;.ts:7]" +
      "(src/weird%7Cname%20%60x%60%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.ts#L7) | log | " +
      "console.log(user.email) \\| \\`boom\\` &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) " +
      "| — (no activity covers this file) |");
  });

  it("produces no raw HTML and no unescaped backtick outside the Mermaid fence", () => {
    for (const out of outputs) {
      expect(out).not.toMatch(/<[a-z/!]/i);
      const prose = out.replace(/```mermaid[\s\S]*?```/g, "");
      expect(prose).not.toMatch(/(?<!\\)`/);
      expect(prose).not.toContain(EVIL_FILE);
    }
  });

  it("escapeCell: any string becomes one safe inline fragment", () => {
    expect(escapeCell("a|b `c`\r\nd <img src=x onerror=alert(1)> & [l](u) *e* _f_ @g #1 $x$ ~s~ \\"))
      .toBe("a\\|b \\`c\\` d &lt;img src=x onerror=alert(1)&gt; &amp; \\[l\\](u) \\*e\\* \\_f\\_ \\@g \\#1 \\$x\\$ \\~s\\~ \\\\");
    expect(escapeCell("a\u202Eb")).toBe("a\uFFFDb");
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      const e = escapeCell(s);
      return !/[\n\r<>]/.test(e) && !/(?<!\\)(\\\\)*[|`[\]]/.test(e.replace(/^/, " "));
    }));
  });
});

describe("renderMarkdown determinism", () => {
  it("gives identical output for the same input, whatever the input order", () => {
    const shuffled: ScanResult = {
      ...sampleResult,
      findings: [...sampleResult.findings].reverse(),
      unused: [...sampleResult.unused].reverse(),
      errors: [...sampleResult.errors].reverse(),
    };
    expect(renderMarkdown(sampleResult)).toBe(md);
    expect(renderMarkdown(shuffled)).toBe(md);
    expect(md.endsWith("\n")).toBe(true);
  });
});
