// Issue 8: look-alikes found on the tuned apps (home-assistant, Rocket.Chat, outline), each
// beside a real positive, asserting the exact line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string, file = "sample.ts") => scanText(file, src, rules).map((f) => `${f.line} ${f.category} ${f.kind}`);

describe("the app's own settings are not a person's data", () => {
  it("a proxy URL's credentials, logged masked or not, are a setting; a user's login is theirs", () => {
    const src = [
      "import { logger } from './logger';",
      "logger.info('proxy', { username: parsedProxyURL.username || undefined, password: parsedProxyURL.password ? '******' : undefined });",
      "logger.info('login', { username: form.username, password: form.password });",
    ].join("\n");
    expect(found(src)).toEqual(["3 nickname log", "3 password log"]);
  });

  it("a username read from the app's settings store is a setting, even under a key that names it; the device's password is still a password; a form's username is a person's", () => {
    const src = [
      "class KvmDevice {",
      "  async getCookie() {",
      "    const { host, port } = this.storageSettings.values;",
      "    const body = { username: this.storageSettings.values.username || 'admin', host, port };",
      "    const { password } = this.storageSettings.values;",
      "    await fetch(`http://${host}/api/auth/login`, { method: 'POST', body: JSON.stringify({ ...body, secret: password }) });",
      "  }",
      "  async signIn(form) {",
      "    const body = { username: form.username };",
      "    await fetch('/api/auth/login', { method: 'POST', body: JSON.stringify(body) });",
      "  }",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["6 password transmit", "10 nickname transmit"]);
  });

  it("an inline shape in a function about a broker's config holds its login; the same shape in a sign-in holds a person's", () => {
    const src = [
      "class CloudApi {",
      "  async fetchMqttConfig() {",
      "    return this.request<{ url: string; username: string; password: string }>('/mqtt');",
      "  }",
      "  async signIn() {",
      "    return this.request<{ username: string; password: string }>('/login');",
      "  }",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["6 nickname schema", "6 password schema"]);
  });
});

describe("a wrapper and a loader's setup send nothing by themselves", () => {
  it("gtag's shim and its 'js' stamp are setup; its config and events are sent", () => {
    const src = [
      "window.gtag = function () {",
      "  window.dataLayer.push(arguments);",
      "};",
      "window.gtag('js', new Date());",
      "window.gtag('config', measurementId);",
      "window.gtag('event', 'signup');",
    ].join("\n");
    expect(found(src)).toEqual(["5 browsing-behavior transmit", "6 browsing-behavior transmit"]);
  });
});

describe("a phone's OS version read for a feature check is not collected; sent, it is", () => {
  it("a version compared stays on the phone; one put in an SDK's headers and fetched with is sent", () => {
    const src = [
      "import DeviceInfo from 'react-native-device-info';",
      "import { settings } from '@rocket.chat/sdk';",
      "export const supportsTheme = () => parseInt(DeviceInfo.getSystemVersion(), 10) >= 13;",
      "const headers = { 'User-Agent': `RC Mobile; ${DeviceInfo.getSystemVersion()}` };",
      "settings.customHeaders = headers;",
      "export const get = (url: string) => fetch(url, { headers: settings.customHeaders });",
    ].join("\n");
    expect(found(src)).toEqual(["6 firmware-version transmit"]);
  });
});

describe("whose picture and whose avatar", () => {
  it("a person's picture is their profile photo; an area's picture shows a place", () => {
    const src = ["interface BasePerson {", "  picture?: string;", "}", "interface AreaRegistryEntry {", "  picture: string | null;", "}",
      "class UserBadge {", "  private _personPicture?: string;", "}"].join("\n");
    expect(found(src)).toEqual(["2 profile-photo schema", "8 profile-photo schema"]);
  });

  it("the teams listed in a store have logos; the store's user has a photo", () => {
    const src = ["class AuthStore {", "  public availableTeams?: { id: string; avatarUrl: string }[];", "  public user?: { id: string; avatarUrl: string };", "}"].join("\n");
    expect(found(src)).toEqual(["3 profile-photo schema"]);
  });
});

describe("a shape's head word says whose fields it holds", () => {
  it("a person's params and detail dialog hold a person's name and photo; a network mount's credentials are a setting", () => {
    const src = ["interface PersonMutableParams {", "  name: string;", "  picture: string | null;", "}",
      "interface SupervisorCIFSMountRequestParams {", "  username?: string;", "  password?: string;", "}",
      "interface ChartParams {", "  name: string;", "}"].join("\n");
    expect(found(src)).toEqual(["2 name schema", "3 profile-photo schema"]);
  });
});

describe("a key into the app's own records is not a device's identifier", () => {
  it("a device id beside a tag's or an entry's id, and a server's unique id, are keys; a push registration's device id is the phone's", () => {
    const src = ["interface TagScannedEvent {", "  data: { tag_id: string; device_id?: string };", "}", "class Server extends Model {", "  uniqueID: string;", "}",
      "interface ISetting {", "  fromEmail?: string;", "}", "interface PushRegistration {", "  deviceId: string;", "  userId: string;", "}",
      "interface TSVException {", "  domain: string;", "  uniqueId: string;", "}"].join("\n");
    expect(found(src)).toEqual(["11 device-id schema"]);
  });
});

describe("a key that copies a field keeps what the field's owner said", () => {
  it("a team's avatar copied into a presenter is its logo; a user's is their photo", () => {
    const src = [
      "export const presentTeam = (team: Team) => ({ id: team.id, avatarUrl: team.avatarUrl });",
      "export const presentUser = (user: User) => ({ id: user.id, avatarUrl: user.avatarUrl });",
      "fetch('/hook', { method: 'POST', body: JSON.stringify(presentTeam(team)) });",
      "fetch('/hook', { method: 'POST', body: JSON.stringify(presentUser(user)) });",
      "fetch('/team', { method: 'POST', body: JSON.stringify({ avatarUrl: team.avatarUrl }) });",
    ].join("\n");
    expect(found(src)).toEqual(["4 profile-photo transmit"]);
  });

  it("a schema nested in a call's arguments is named by the variable it initialises", () => {
    const src = ["import { z } from 'zod';", "export const TeamsUpdateSchema = BaseSchema.extend({ body: z.object({ avatarUrl: z.string() }) });",
      "export const UsersUpdateSchema = BaseSchema.extend({ body: z.object({ avatarUrl: z.string() }) });"].join("\n");
    expect(found(src)).toEqual(["3 profile-photo schema"]);
  });
});

describe("a connection listener that reads only the connection type reads no Wi-Fi data", () => {
  it("NetInfo state read for its type is no SSID; read for details.ssid it is", () => {
    const listener = ["import NetInfo from '@react-native-community/netinfo';", "NetInfo.addEventListener((s) => store.dispatch(setNetInfoState(s.type)));"].join("\n");
    expect(found(listener)).toEqual([]);
    const wifi = ["import NetInfo from '@react-native-community/netinfo';", "export const ssid = async () => (await NetInfo.fetch('wifi')).details.ssid;"].join("\n");
    expect(found(wifi)).toEqual(["2 wifi-info source"]);
  });
});

describe("a form field's name is read with the component it is in", () => {
  it("an OAuth application's avatar field is its logo; a profile's name field is the person's name", () => {
    const src = ["export function ApplicationSettings() {", "  return <Input name=\"avatarUrl\" />;", "}",
      "export function ProfileView() {", "  return <Input name=\"name\" />;", "}"].join("\n");
    expect(found(src, "sample.tsx")).toEqual(["5 name input"]);
  });
});

describe("a call of the app's own function is judged like the sink it leads to", () => {
  it("a unique id passed beside a server's domain is that server's; passed beside a push token, the phone's", () => {
    const src = [
      "const send = (a: string, b: string) => fetch(`/api/register?x=${a}&y=${b}`);",
      "export async function cloudInfo(domain: string, uniqueId: string) {",
      "  await send(uniqueId, domain);",
      "}",
      "export async function registerPush(uniqueId: string, token: string) {",
      "  await send(uniqueId, token);",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["6 device-id transmit"]);
  });
});

describe("a schema's flag and an API client's logo", () => {
  it("a boolean named for emails is a setting; an OAuth client's avatar is its logo; a user's email and avatar are theirs", () => {
    const src = ["import { z } from 'zod';",
      "export const TeamsUpdateSchema = z.object({ previewsInEmails: z.boolean().optional() });",
      "export const OAuthClientsCreateSchema = z.object({ name: z.string(), avatarUrl: z.string() });",
      "export const UsersUpdateSchema = z.object({ email: z.email(), avatarUrl: z.string() });"].join("\n");
    expect(found(src)).toEqual(["4 email schema", "4 profile-photo schema"]);
  });
});

describe("a server's route is not a send", () => {
  it("router.post declares a route it answers; a client's post sends", () => {
    const src = ["router.post('email', validate(EmailSchema), async (ctx) => ctx.body);", "export const signIn = (email: string) => postEmail({ email });"].join("\n");
    expect(found(src)).toEqual(["2 email transmit"]);
  });
});
