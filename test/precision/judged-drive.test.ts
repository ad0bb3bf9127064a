// Look-alikes judged wrong in fresh samples of hoppscotch, trigger.dev and postiz, each beside the real
// positive it resembles, asserting the file, line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (file: string, src: string) => scanText(file, src, rules).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind}`);

describe("a proxy's or a transport's auth is the app's own login, a person's auth is theirs", () => {
  it("proxy.auth and config.auth credentials are no finding; a login request's auth is", () => {
    const src = [
      "export type DomainSetting = { proxy?: { url: string; auth?: { username?: string; password?: string } } }",
      "type ProxyRequest = { url: string; auth?: { username: string; password: string } }",
      "type SmtpOptions = { config: { host?: string; auth?: { user?: string; pass?: string } } }",
      "export type LoginRequest = { auth: { username: string; password: string } }",
    ].join("\n");
    expect(found("proxy.ts", src)).toEqual(["proxy.ts:4 nickname schema", "proxy.ts:4 password schema"]);
  });
});

describe("a field that allows one string is the code's constant", () => {
  it("an email template's z.literal discriminator and a literal-typed field are no address; a z.string() email is", () => {
    const src = [
      "import { z } from \"zod\";",
      "export const AlertRunEmailSchema = z.object({ email: z.literal(\"alert-run\"), runId: z.string() });",
      "export const InviteEmailSchema = z.object({ email: z.string().email(), inviterName: z.string() });",
      "export type MagicLinkMail = { email: \"magic_link\"; magicLink: string };",
      "export type Recipient = { email: string | null };",
    ].join("\n");
    expect(found("emails.ts", src)).toEqual(["emails.ts:3 email schema", "emails.ts:5 email schema"]);
  });
  it("yup's imported boolean() is a flag, its string() a picture", () => {
    const src = [
      "import { object, string, boolean } from \"yup\";",
      "const details = object().shape({ title: string().required(), addPicture: boolean().required() });",
      "const profile = object().shape({ profilePicture: string().required() });",
    ].join("\n");
    expect(found("form.ts", src)).toEqual(["form.ts:3 profile-photo schema"]);
  });
});

describe("a field's literal value is the form's own string", () => {
  it("value=\"avatar\" on a hidden action input is no input; value={user.email} is", () => {
    const src = [
      "export const LogoForm = ({ user }) => (",
      "  <form method=\"post\">",
      "    <input type=\"hidden\" name=\"action\" value=\"avatar\" />",
      "    <input type=\"hidden\" name=\"confirmEmail\" value={user.email} />",
      "  </form>",
      ");",
    ].join("\n");
    expect(found("logo.tsx", src)).toEqual(["logo.tsx:4 email input"]);
  });
});

describe("an API client's upsert is a request, a repository's is storage", () => {
  it("client.mutation.upsertCustomer and apiClient.upsertBranch transmit; this.users.upsertUser and a bare upsertUser store", () => {
    const src = [
      "export async function sendToPlain(client, email: string) { await client.mutation.upsertCustomer({ input: { identifier: { emailAddress: email } } }); }",
      "export async function upsertBranch(apiClient, gitMeta) { await apiClient.upsertBranch('proj', { commitAuthorName: gitMeta.commitAuthorName }); }",
      "export async function keep(email: string) { await this.users.upsertUser({ email }); }",
      "export async function keepToo(email: string) { await upsertUser({ email }); }",
    ].join("\n");
    expect(found("plain.ts", src)).toEqual(["plain.ts:1 email transmit", "plain.ts:2 name transmit", "plain.ts:3 email store", "plain.ts:4 email store"]);
  });
});

describe("a photoURL is a profile photo, a camera's photo an image", () => {
  it("photoURL in any user type is profile-photo; a capture's photo stays image", () => {
    const src = [
      "export type HoppUserWithAuthDetail = { uid: string; photoURL: string | null }",
      "export type PublishedDoc = { creator?: { uid: string; photoURL: string } }",
      "export interface CameraCapture { photo: Blob }",
    ].join("\n");
    expect(found("photo.ts", src)).toEqual(["photo.ts:1 profile-photo schema", "photo.ts:2 profile-photo schema", "photo.ts:3 image schema"]);
  });
});

describe("a module's export and a brand marker hold no value", () => {
  it("typeof import(…) components and a unique symbol brand are no finding; a string Email and an imported Avatar type are", () => {
    const src = [
      "export interface GlobalComponents { HoppSmartPicture: typeof import(\"@hoppscotch/ui\")[\"HoppSmartPicture\"] }",
      "interface EmailBrand { readonly Email: unique symbol }",
      "interface Profile { readonly Email: string }",
      "interface Member { avatar: import(\"./types\").Avatar }",
    ].join("\n");
    expect(found("brand.ts", src)).toEqual(["brand.ts:3 email schema", "brand.ts:4 profile-photo schema"]);
  });
});

describe("a GitHub App's installation and a marketing opt-in are no device and no address", () => {
  it("GitHubAppInstallation.appInstallationId and marketingEmails are no finding; a phone app's appInstanceId and a user's email are", () => {
    const src = [
      "export type GitHubAppInstallation = { id: string; appInstallationId: string; targetType: string }",
      "export async function link(prisma, installationId: string) { await prisma.githubAppInstallation.create({ data: { appInstallationId: installationId } }); }",
      "export async function optIn(prisma, id: string, marketingEmails: boolean) { await prisma.user.updateMany({ where: { id }, data: { marketingEmails } }); }",
      "export type MobileInstall = { appInstanceId: string }",
      "export async function rename(prisma, id: string, email: string) { await prisma.user.update({ where: { id }, data: { email } }); }",
    ].join("\n");
    expect(found("gh.ts", src)).toEqual(["gh.ts:4 device-id schema", "gh.ts:5 email store"]);
  });
});

describe("a video generator's avatar is a presenter, a speaker's avatar a profile photo", () => {
  it("an avatar beside the voice it speaks with is no finding; a speaker's avatar is", () => {
    const src = [
      "export type HeygenRequest = { voice: string; avatar: string; aspect_ratio: string; selectedVoice: string }",
      "export interface Speaker { name: string; avatar: string; bio: string }",
    ].join("\n");
    expect(found("heygen.ts", src)).toEqual(["heygen.ts:2 profile-photo schema"]);
  });
});

describe("a mail server's login and a namespace of functions are no person's password", () => {
  it("mailer_smtp_password and a sandbox's pw API are no finding; a user's password field is", () => {
    const src = [
      "export type ServerConfigs = { mailer_smtp_host: string; mailer_smtp_password: string }",
      "export type Sandbox = { pw: { get: (key: string) => string | undefined; set(key: string, value: string): void } }",
      "export type SignUp = { email: string; password: string }",
    ].join("\n");
    expect(found("cfg.ts", src)).toEqual(["cfg.ts:3 email schema", "cfg.ts:3 password schema"]);
  });
});

describe("an avatar beside an organisation's name is its logo", () => {
  it("{ avatar, orgName } props are no finding; { avatarUrl, name } of a member are", () => {
    const src = [
      "export function AvatarLetters({ avatar, size, orgName }: { avatar: LettersAvatar; size: number; orgName: string }) { return null; }",
      "export function MemberAvatar({ avatarUrl, name }: { avatarUrl: string; name: string }) { return null; }",
    ].join("\n");
    expect(found("avatar.tsx", src)).toEqual(["avatar.tsx:2 profile-photo schema"]);
  });
});

describe("a person's record holds that person's own auth", () => {
  it("CreateUserCommand's auth.username is a nickname; a proxy's auth.username is not", () => {
    const src = [
      "export class CreateUserCommand { auth: { username?: string; profileId: string; accessToken: string } }",
      "export type Settings = { proxy?: { auth?: { username?: string } } }",
    ].join("\n");
    expect(found("cmd.ts", src)).toEqual(["cmd.ts:1 nickname schema"]);
  });
});
