// Prisma schemas are read for their models: a column named for personal data is stored data
// (kind store), judged by its model and its type as a TypeScript field is by its owner and type.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";
import { scan } from "../../src/run.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string) => scanText("schema.prisma", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence} ${f.symbol}`);
const FIXTURE = join(import.meta.dirname, "../../fixtures/prisma-app");

describe("Prisma model columns", () => {
  it("a person's columns are stored data; flags, times, counts, relations and enums are not", () => {
    const src = [
      "model User {", //                                   1
      "  id            String    @id @default(cuid())", // 2
      "  email         String    @unique", //             3
      "  emailVerified DateTime?", //                     4
      "  name          String?", //                       5
      "  isMachine     Boolean   @default(false)", //     6
      "  posts         Post[]", //                        7
      "  phoneNumber   String?   @map(\"phone_number\")", // 8
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["3 email store medium User", "5 name store medium User", "8 phone store medium User"]);
  });

  it("a team's name is no person's; a user's is", () => {
    const src = ["model Team {", "  id   String @id", "  name String", "}", "model Member {", "  id   String @id", "  name String", "}"].join("\n");
    expect(found(src)).toEqual(["7 name store medium Member"]);
  });

  it("coordinates are numbers and still a location; a count named like one is not", () => {
    const src = ["model Click {", "  id        String @id", "  latitude  Float?", "  longitude Float?", "  ipAddress String?", "}"].join("\n");
    expect(found(src)).toEqual(["3 precise-location store medium Click", "4 precise-location store medium Click", "5 ip-address store medium Click"]);
  });

  it("a relation field is the other model's, named where that model is declared", () => {
    const src = ["model Comment {", "  id      String @id", "  author  User   @relation(fields: [authorId], references: [id])", "  authorId String", "  user    User?", "}"].join("\n");
    expect(found(src)).toEqual([]);
  });

  it("a composite type (MongoDB) holds stored data too", () => {
    const src = ["type Address {", "  street     String", "  postalCode String", "}"].join("\n");
    expect(found(src).map((f) => f.split(" ").slice(0, 3).join(" "))).toContain("3 postal-address store");
  });
});

describe("Prisma schemas in a scan", () => {
  // Link.password guards a short link, no account (name.password ownerExclude): not reported; User.passwordHash is.
  it("every .prisma file of a split schema is scanned beside the code; one that does not parse is a note with its place", async () => {
    const result = await scan({ dir: FIXTURE, noManifest: true });
    const prisma = result.findings.filter((f) => f.file.endsWith(".prisma")).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind} ${f.rule}`);
    expect(prisma).toEqual([
      "prisma/schema/link.prisma:13 ip-address store store.prisma-model",
      "prisma/schema/link.prisma:14 country store store.prisma-model",
      "prisma/schema/link.prisma:15 precise-location store store.prisma-model",
      "prisma/schema/link.prisma:16 precise-location store store.prisma-model",
      "prisma/schema/user.prisma:4 email store store.prisma-model",
      "prisma/schema/user.prisma:6 name store store.prisma-model",
      "prisma/schema/user.prisma:7 password store store.prisma-model",
    ]);
    expect(result.findings.some((f) => f.file === "src/signup.ts" && f.category === "email" && f.kind === "transmit")).toBe(true);
    const broken = result.errors.filter((e) => e.file === "prisma/broken.prisma");
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toMatch(/^Prisma schema could not be read: .*none of its models were scanned/);
    expect(broken[0].line).toBeGreaterThan(0);
  });
});
