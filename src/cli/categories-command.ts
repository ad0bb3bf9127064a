// `policytrace categories`: the data categories, their groups and the policy wording each matches.

import { Option } from "commander";
import { loadTaxonomy } from "../config/categories.js";
import type { RegisterCommand } from "./command.js";

export const registerCategories: RegisterCommand = (program, { io }) => {
  program
    .command("categories")
    .description("list the data categories, their groups and the policy wording each one matches")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--json", "same as --format json")
    .addHelpText("after", "\nExamples:\n  policytrace categories\n  policytrace categories --format json | jq '.categories[].id'")
    .action((o: { format: string; json?: boolean }) => {
      const t = loadTaxonomy();
      if (o.json || o.format === "json") {
        io.stdout(`${JSON.stringify({ groups: t.groups, categories: t.categories }, null, 2)}\n`);
        return;
      }
      for (const g of t.groups) {
        io.stdout(`${g.id} — ${g.title}${g.fideslang ? `  (fideslang ${g.fideslang})` : ""}\n`);
        for (const id of g.members) {
          const c = t.byId.get(id)!;
          io.stdout(`  ${c.id.padEnd(20)} ${c.title}${c.fideslang ? `  [${c.fideslang}]` : "  [no fideslang key]"}\n`);
          if (c.aliases.length) io.stdout(`  ${"".padEnd(20)} policy wording: ${c.aliases.map((a) => `"${a}"`).join(", ")}\n`);
        }
      }
    });
};
