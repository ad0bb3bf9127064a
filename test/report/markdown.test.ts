import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveringActivities, escapeCell, renderMarkdown } from "../../src/report/markdown.js";
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
  it("has one row per activity with declared data, found data and a status", () => {
    const rows = tables(section(md, "Policy table"))[0];
    expect(rows[0]).toEqual(["Ref", "Activity", "Declared data", "Found in code", "Purposes", "Basis", "Recipients", "Status"]);
    expect(rows[1]).toEqual(["---", "---", "---", "---", "---", "---", "---", "---"]);
    expect(rows.slice(2)).toEqual([
      ["A.1a", "When you sign up with Imou App for the first time",
        "Email address (email), Phone number (phone), Password (password), Country (country)",
        "Email address (email), Phone number (phone), Password (password)",
        "account-registration, communication", "contract", "Amazon Web Services (aws)", "⚠️ 1 unused declaration"],
      ["A.2", "When you add a device", "MAC address (mac-address), Device serial number (device-serial)",
        "MAC address (mac-address)", "device-binding", "contract", "Amazon Web Services (aws)",
        "❌ 1 undeclared collection point in its code · ⚠️ 1 unused declaration"],
      ["A.5", "Improve our products \\| &lt;b&gt;analytics&lt;/b&gt;", "Device identifier (device-id)",
        "Device identifier (device-id)", "product-improvement", "consent", "Google Analytics (google-analytics)",
        "✅ all declared data seen"],
    ]);
  });

  it("resolves code globs relative to the manifest's folder", () => {
    const nested: ScanResult = {
      ...sampleResult,
      manifest: "apps/cam/privacy-manifest.yml",
      findings: sampleResult.findings.map((f) => ({ ...f, file: `apps/cam/${f.file}` })),
    };
    const out = renderMarkdown(nested);
    expect(out).toContain("❌ 1 undeclared collection point in its code · ⚠️ 1 unused declaration |");
    expect(out).toContain("| Precise location (precise-location) | [apps/cam/src/device/bind.ts:20](apps/cam/src/device/bind.ts#L20) " +
      "| source | navigator.geolocation.getCurrentPosition(cb) // a \\| b \\`c\\` | A.2 When you add a device |");
    const covering = coveringActivities(nested);
    expect(covering("apps/cam/src/account/signup.ts").map((a) => a.id)).toEqual(["sign-up"]);
    expect(covering("src/account/signup.ts")).toEqual([]);
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
    expect(rows.map((r) => r[1])).toEqual([
      "[src/device/bind.ts:20](src/device/bind.ts#L20)",
      "[src/telemetry/ping.ts:4](src/telemetry/ping.ts#L4)",
      "[src/weird\\|name \\`x\\` &lt;img src=x onerror=alert(1)&gt;.ts:7]" +
        "(src/weird%7Cname%20%60x%60%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.ts#L7)",
    ]);
    expect(rows[1]).toEqual(["MAC address (mac-address)", "[src/telemetry/ping.ts:4](src/telemetry/ping.ts#L4)", "transmit",
      'Sentry.setTag("mac", mac)', "— (no activity covers this file)"]);
    expect(rows[0][4]).toBe("A.2 When you add a device");
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

  it("draws a Mermaid flow with safe ids, quoted labels and a red undeclared node", () => {
    const block = md.slice(md.indexOf("```mermaid\n") + 11, md.indexOf("\n```", md.indexOf("```mermaid")));
    const lines = block.split("\n").map((l) => l.trim());
    expect(lines[0]).toBe("flowchart LR");
    for (const l of lines.slice(1)) {
      const node = /^([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(l);
      const edge = /^([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)$/.exec(l);
      const style = /^(classDef violation .*|class [A-Za-z0-9_,]+ violation)$/.exec(l);
      expect(node || edge || style, l).toBeTruthy();
      if (node) expect(node[2]).not.toMatch(/["<>[\]`|]/);
    }
    expect(lines).toContain('act_analytics["A.5 Improve our products #124; #60;b#62;analytics#60;/b#62;"]');
    expect(lines).toContain("cat_precise_location --> undeclared");
    expect(lines).toContain("cat_device_id --> act_analytics");
    expect(lines).toContain("act_analytics --> rcp_google_analytics");
    expect(lines).toContain("undeclared --> rcp_sentry");
    expect(lines).toContain("class rcp_sentry,undeclared violation");
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
    expect(inv).toContain("cat_mac_address --> rcp_sentry");
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
    expect(row).toBe("| Email address (email) | [src/weird\\|name \\`x\\` &lt;img src=x onerror=alert(1)&gt;.ts:7]" +
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
