// Look-alikes an independent judge marked wrong on real repositories (ghostfolio, unleash, trigger, openreplay):
// a name whose owner or siblings say it is no person's — a security, a ledger's account, a count, an SDK's
// runtime, a registry login, a worker machine, an issue tracker's login, a country weighting — each beside
// the real positive it resembles, asserting the file, line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (file: string, src: string, category?: string) =>
  scanText(file, src, rules)
    .filter((f) => category === undefined || f.category === category)
    .map((f) => `${f.file}:${f.line} ${f.category} ${f.kind}`);

describe("a security's profile names a security", () => {
  it("AssetProfile and SymbolProfile names are market data; a user's profile name is a person's", () => {
    const src = [
      "export interface EnhancedAssetProfile {",
      "  currency?: string;",
      "  name?: string;",
      "  symbol: string;",
      "}",
      "export interface UserProfile {",
      "  id: string;",
      "  name: string;",
      "}",
    ].join("\n");
    expect(found("profiles.ts", src, "name")).toEqual(["profiles.ts:8 name schema"]);
  });

  it("a Prisma SymbolProfile's name is a security's; a customer's is a person's", () => {
    const src = [
      "model SymbolProfile {",
      "  id     String  @id",
      "  isin   String?",
      "  name   String?",
      "  symbol String",
      "}",
      "model CustomerProfile {",
      "  id     String  @id",
      "  name   String?",
      "}",
    ].join("\n");
    expect(found("schema.prisma", src, "name")).toEqual(["schema.prisma:9 name store"]);
  });
});

describe("a ledger's account is labelled, a person's account is named", () => {
  it("an account with a balance (a broker, a bank account) has a label; a user's account has its holder's name", () => {
    const src = [
      "import { IsNumber, IsString } from 'class-validator';",
      "export class CreateAccountDto {",
      "  @IsNumber() balance?: number;",
      "  @IsString() currency: string;",
      "  @IsString() name: string;",
      "}",
      "export class UpdateUserAccountDto {",
      "  @IsString() email: string;",
      "  @IsString() name: string;",
      "}",
    ].join("\n");
    expect(found("account.dto.ts", src, "name")).toEqual(["account.dto.ts:9 name schema"]);
  });

  it("a Prisma Account beside its balances is a ledger's; one beside an email is a person's", () => {
    const src = [
      "model Account {",
      "  balances AccountBalance[]",
      "  currency String?",
      "  id       String  @id",
      "  name     String?",
      "}",
      "model UserAccount {",
      "  email String",
      "  id    String  @id",
      "  name  String?",
      "}",
    ].join("\n");
    expect(found("schema.prisma", src, "name")).toEqual(["schema.prisma:10 name store"]);
  });
});

describe("a count of password holders is no password", () => {
  it("password: number counts admins; password: string is one", () => {
    const src = [
      "export interface AdminCountSchema {",
      "  noPassword: number;",
      "  password: number;",
      "}",
      "export interface ChangePasswordSchema {",
      "  password: string;",
      "}",
    ].join("\n");
    expect(found("schemas.ts", src, "password")).toEqual(["schemas.ts:6 password schema"]);
  });
});

describe("an SDK's platform version is its runtime", () => {
  it("platformVersion beside an SDK's version keys is no device's; from userAgentData it is the OS version", () => {
    const src = [
      "export interface ClientApplicationSchema {",
      "  appName: string;",
      "  platformName?: string;",
      "  platformVersion?: string;",
      "  sdkVersion?: string;",
      "}",
      "export interface DeviceInfo {",
      "  model: string;",
      "  platformVersion: string;",
      "}",
    ].join("\n");
    expect(found("client.ts", src, "firmware-version")).toEqual(["client.ts:9 firmware-version schema"]);
  });
});

describe("a registry's login is the deployment's", () => {
  it("a username beside a server address (Docker, ECR) is no nickname, logged or typed; a login's username is", () => {
    const src = [
      'import { SimpleStructuredLogger } from "@trigger.dev/core/v3/utils/structuredLogger";',
      "interface ECRTokenCache {",
      "  token: string;",
      "  username: string;",
      "  serverAddress: string;",
      "}",
      "export class ECRAuthService {",
      '  private readonly logger = new SimpleStructuredLogger("ecr-auth-service");',
      "  fetchNewToken(decoded: string, authData: { proxyEndpoint: string }) {",
      '    const [username, password] = decoded.split(":", 2);',
      '    this.logger.info("fetched ECR token", {',
      "      username,",
      "      serverAddress: authData.proxyEndpoint,",
      "    });",
      '    this.logger.info("signed in", {',
      "      username,",
      "      at: Date.now(),",
      "    });",
      "  }",
      "}",
    ].join("\n");
    expect(found("ecrAuth.ts", src, "nickname")).toEqual(["ecrAuth.ts:15 nickname log"]);
  });
});

describe("a worker's machine is no one's device", () => {
  it("machineId beside a run's or a worker's keys is infrastructure; in a desktop app's telemetry it is a device id", () => {
    const src = [
      "interface ResourceContext {",
      "  taskSlug: string | undefined;",
      "  runId: string | undefined;",
      "  machineId: string | undefined;",
      "  workerId: string | undefined;",
      "}",
      "interface TelemetryCommon {",
      "  machineId: string;",
      "  osVersion: string;",
      "}",
    ].join("\n");
    expect(found("otlp.ts", src, "device-id")).toEqual(["otlp.ts:8 device-id schema"]);
  });
});

describe("an issue tracker's login is the app's", () => {
  it("IssueTracker.username (beside its API token) is no nickname nor name; a profile's username is a nickname", () => {
    const src = [
      "export class IssueTracker implements Integration {",
      "  username: string = '';",
      "  token: string = '';",
      "  url: string = '';",
      "}",
      "export class ProfileStore {",
      "  username: string = '';",
      "}",
    ].join("\n");
    expect(found("services.ts", src).filter((f) => / (nickname|name) /.test(f))).toEqual(["services.ts:7 nickname schema"]);
  });
});

describe("an asset's country weighting is no one's country", () => {
  it("a validated country code beside a weight is a report's bucket; beside an address's fields it is a person's", () => {
    const src = [
      "import { IsISO31661Alpha2, IsNumber, IsString, Max, Min } from 'class-validator';",
      "export class CountryDto {",
      "  @IsISO31661Alpha2() code: string;",
      "  @IsNumber() @Max(1) @Min(0) weight: number;",
      "}",
      "export class ShippingAddressDto {",
      "  @IsISO31661Alpha2() code: string;",
      "  @IsString() city: string;",
      "}",
    ].join("\n");
    expect(found("country.dto.ts", src, "country")).toEqual(["country.dto.ts:7 country schema"]);
  });
});
