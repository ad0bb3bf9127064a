// Look-alikes found judging novu (a notification platform), each beside a real positive in one
// file, asserting the exact line, category, kind and rule of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string, file = "sample.ts") => scanText(file, src, rules).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind} ${f.rule}`);

describe("a request DTO collects what its fields hold", () => {
  it("a preferences DTO's email switch (email?: boolean) is a channel setting; a profile DTO's email is an address", () => {
    const src = [
      "import { Body } from '@nestjs/common';",
      "class UpdatePreferencesRequestDto {",
      "  readonly email?: boolean;",
      "  readonly sms?: boolean;",
      "}",
      "class UpdateProfileRequestDto {",
      "  email?: string;",
      "}",
      "class InboxController {",
      "  updatePreference(@Body() body: UpdatePreferencesRequestDto) {}",
      "  updateProfile(@Body() body: UpdateProfileRequestDto) {}",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["sample.ts:7 email schema schema.class-field", "sample.ts:11 email input nest.body-dto"]);
  });
});

describe("a server's error reports are a guess", () => {
  it("the Node agent's noticeError in a queue worker is medium; the browser agent's stays high", () => {
    const src = [
      "import * as nr from 'newrelic';",
      "import { BrowserAgent } from '@newrelic/browser-agent/loaders/browser-agent';",
      "const agent = new BrowserAgent(options);",
      "worker.on('failed', (job, error) => nr.noticeError(error));",
      "window.addEventListener('error', (e) => agent.noticeError(e.error));",
    ].join("\n");
    const got = scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.rule} ${f.confidence}`);
    expect(got).toEqual(["4 diagnostics sdk.new-relic.server-errors medium", "5 diagnostics sdk.new-relic.errors high"]);
  });
});

describe("an inline shape belongs to the parameter or variable it types", () => {
  it("a provider's config login is the app's own setting; a sign-up form's login and an OAuth profile's name and email are a person's", () => {
    const src = [
      "class BandwidthSmsProvider {",
      "  constructor(private config: { username: string; password: string; accountId: string }) {}",
      "}",
      "function buildProvider(credentials) {",
      "  const config: { host: string; username?: string; password?: string }[] = [];",
      "}",
      "class SignUp {",
      "  constructor(private form: { username: string; password: string }) {}",
      "}",
      "interface IAuthService {",
      "  authenticate(token: string, profile: { name: string; login: string; email: string }): Promise<void>;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual([
      "sample.ts:8 nickname schema schema.type-field",
      "sample.ts:8 password schema schema.type-field",
      "sample.ts:11 name schema schema.type-field",
      "sample.ts:11 email schema schema.type-field",
    ]);
  });
});

describe("an integration's credentials are a service's login", () => {
  it("a password beside an API key or a secret key, in a DTO, its @Body() and a Mongoose schema, is the provider account's; a user's is theirs", () => {
    const src = [
      "import { Body } from '@nestjs/common';",
      "import { Schema } from 'mongoose';",
      "class CredentialsDto {",
      "  apiKey?: string;",
      "  secretKey?: string;",
      "  password?: string;",
      "}",
      "class CreateIntegrationRequestDto {",
      "  credentials?: CredentialsDto;",
      "}",
      "class LoginBodyDto {",
      "  password: string;",
      "}",
      "class C {",
      "  create(@Body() body: CreateIntegrationRequestDto) {}",
      "  login(@Body() body: LoginBodyDto) {}",
      "}",
      "const integrationSchema = new Schema({ credentials: { apiKey: Schema.Types.String, password: Schema.Types.String } });",
      "const userSchema = new Schema({ email: Schema.Types.String, password: Schema.Types.String });",
    ].join("\n");
    expect(found(src).sort()).toEqual([
      "sample.ts:12 password schema schema.class-field",
      "sample.ts:16 password input nest.body-dto",
      "sample.ts:19 email store store.mongoose-schema",
      "sample.ts:19 password store store.mongoose-schema",
    ]);
  });
});
