// Look-alikes an independent judge marked wrong on trigger.dev and hoppscotch, each beside the real
// positive it resembles, asserting the file, line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (file: string, src: string) => scanText(file, src, rules).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind}`);

describe("a snapshot is an image only when a camera took it", () => {
  it("a run's execution snapshot is state; an alarm's snapshot is an image", () => {
    const src = [
      "export interface Alarm { sn: string; snapshotUrl?: string }",
      "export interface RunExecution { snapshot: ExecutionSnapshot; previousSnapshotId?: string }",
      "export function report(run: RunExecution) { console.log('snapshot', { snapshotId: run.snapshot.id, previousSnapshotId: run.previousSnapshotId }); }",
    ].join("\n");
    expect(found("snap.ts", src)).toEqual(["snap.ts:1 device-serial schema", "snap.ts:1 image schema"]);
  });
});

describe("an HTTP client's request auth is configuration, a sign-in is a person's", () => {
  it("basic/digest auth and a pfx password are no finding; a login body's username and password are", () => {
    const src = [
      "export type AuthType = { kind: \"basic\"; username: string; password: string } | { kind: \"bearer\"; token: string }",
      "export type Cert = { kind: \"pfx\"; data: Uint8Array; password: string }",
      "export interface DigestAuthParams { username: string; password: string; realm: string; nonce: string }",
      "export interface SignIn { username: string; password: string }",
    ].join("\n");
    expect(found("auth.ts", src)).toEqual(["auth.ts:4 nickname schema", "auth.ts:4 password schema"]);
  });
});

describe("one profile photo at one place", () => {
  it("a photo URL read from an SSO profile's photos and stored as photoURL is a profile photo, not an image too", () => {
    const src = [
      "export async function createUserSSO(prisma, profile) {",
      "  const userPhotoURL = !profile.photos ? null : profile.photos[0].value;",
      "  return prisma.user.create({ data: { photoURL: userPhotoURL } });",
      "}",
    ].join("\n");
    const sites = found("sso.ts", src).filter((f) => f.startsWith("sso.ts:3"));
    expect(sites).toEqual(["sso.ts:3 profile-photo store"]);
  });
});
