// `policytrace recipients`: the catalogue of third parties an app's code can send data to,
// by family, with the hosts and packages that identify each and what its calls send.

import { Option } from "commander";
import { loadTaxonomy } from "../config/categories.js";
import { loadRuleSet, NAMES, type RuleDef } from "../config/rules-loader.js";
import type { RecipientDef } from "../config/recipients-loader.js";
import type { RegisterCommand } from "./command.js";

const collect = (v: string, prev: string[]) => [...prev, v];

export const registerRecipients: RegisterCommand = (program, { io }) => {
  program
    .command("recipients")
    .description("list the recipients catalogue: third-party SDKs and APIs, their hosts, and what their calls send")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--json", "same as --format json")
    .option("--rules <dir>", "also list catalogue entries from this rule folder (repeatable)", collect, [])
    .addHelpText("after", "\nExamples:\n  policytrace recipients\n  policytrace recipients --json | jq '.recipients[] | select(.family == \"ai\") | .id'")
    .action((o: { format: string; json?: boolean; rules: string[] }) => {
      const set = loadRuleSet(loadTaxonomy(), o.rules, io.cwd);
      const rules = new Map(set.rules.map((r) => [r.id, r]));
      const json = o.json || o.format === "json";
      io.stdout(json ? `${JSON.stringify(catalogueJson(set.recipients, rules), null, 2)}\n` : catalogueText(set.recipients, rules));
    });
};

interface Family {
  id: string;
  title: string;
  recipients: RecipientDef[];
}

function families(recipients: RecipientDef[]): Family[] {
  const byId = new Map<string, Family>();
  for (const r of recipients) {
    const f = byId.get(r.family) ?? { id: r.family, title: r.familyTitle, recipients: [] };
    f.recipients.push(r);
    byId.set(r.family, f);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** "browsing-behavior" for a fixed category, "personal data in its arguments" for `names`. */
const sends = (r: RuleDef) => (r.category === NAMES ? "personal data in its arguments" : r.category);

function catalogueJson(recipients: RecipientDef[], rules: Map<string, RuleDef>) {
  return {
    families: families(recipients).map((f) => ({ id: f.id, title: f.title, count: f.recipients.length })),
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      family: r.family,
      docs: r.docs,
      hosts: r.hosts,
      packages: r.packages,
      rules: r.rules.map((id) => {
        const rule = rules.get(id)!;
        return { id, category: rule.category, description: rule.description ?? "", api: rule.api ?? [] };
      }),
    })),
  };
}

function catalogueText(recipients: RecipientDef[], rules: Map<string, RuleDef>): string {
  const out: string[] = [];
  for (const f of families(recipients)) {
    out.push(`${f.id} — ${f.title} (${f.recipients.length})`);
    for (const r of f.recipients) {
      out.push(`  ${r.id.padEnd(22)} ${r.name}`);
      const packages = Object.entries(r.packages).map(([p, platform]) => `${p} (${platform})`);
      if (packages.length) out.push(`  ${"".padEnd(22)} packages: ${packages.join(", ")}`);
      if (r.hosts.length) out.push(`  ${"".padEnd(22)} hosts: ${r.hosts.join(", ")}`);
      const what = [...new Set(r.rules.map((id) => sends(rules.get(id)!)))];
      if (what.length) out.push(`  ${"".padEnd(22)} sends: ${what.join("; ")}`);
    }
  }
  out.push("", `${recipients.length} recipients. A manifest declares one by its id (recipients: [{ id: stripe }]); see README.`);
  return `${out.join("\n")}\n`;
}
