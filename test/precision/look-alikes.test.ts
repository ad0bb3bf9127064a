// Issue 8: each false-positive pattern seen on real code, as a look-alike negative beside a
// real positive in one file, asserting the exact line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string) => scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.kind}`);

describe("context decides, not the bare word", () => {
  it("a camera's pan/tilt and a Thread network's PAN id are not a card number", () => {
    const src = ["interface PanTiltZoom {", "  pan?: number;", "  extended_pan_id: string;", "}", "interface Card {", "  cardPan: string;", "}"].join("\n");
    expect(found(src)).toEqual(["6 payment schema"]);
  });

  it("a plugin's zip file and hash are not a postal code", () => {
    const src = ["interface PluginHost {", "  zipFile: string;", "  zipHash: string;", "}", "interface Shipping {", "  zipCode: string;", "}"].join("\n");
    expect(found(src)).toEqual(["6 postal-address schema"]);
  });

  it("a chart's coordinates are points on a screen; a person's are a location", () => {
    const src = ["class HuiGraphBase {", "  coordinates?: number[][];", "}", "class Zone {", "  latitude = 0;", "  coordinates?: number[];", "}"].join("\n");
    expect(found(src)).toEqual(["5 precise-location schema", "6 precise-location schema"]);
  });

  it("custom-element registry keys are tag names", () => {
    const src = ["interface HTMLElementTagNameMap {", '  "ha-automation-trigger-geo_location": HaGeolocationTrigger;', "}", "interface Trigger {", "  geo_location: string;", "}"].join("\n");
    expect(found(src)).toEqual(["5 precise-location schema"]);
  });

  it("media settings (option types, counts, inline option shapes) are not media content", () => {
    const src = [
      "interface RTCAVSignalingSetup {",
      "  audio?: RTCRtpTransceiverInit;",
      "  video?: VideoStreamOptions;",
      "  audioNum: number;",
      "  video2: { bitrate?: number; width?: number };",
      "}",
      "interface Clip {",
      "  video: Blob;",
      "  audioData: ArrayBuffer;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["8 video schema", "9 audio schema"]);
  });

  it("a text-to-speech voice is a setting; a voice recording is audio", () => {
    const src = ["interface Pipeline {", "  tts_voice: string | null;", "  voice_id: string;", "}", "interface Message {", "  voiceRecording: Blob;", "}"].join("\n");
    expect(found(src)).toEqual(["6 audio schema"]);
  });

  it("a registry's device id and a numeric row id are not a phone's identifier", () => {
    const src = ["interface EntityRegistryEntry {", "  device_id: string | null;", "}", "interface LockUser {", "  user_unique_id: number | null;", "}", "interface PushRegistration {", "  deviceId: string;", "}"].join("\n");
    expect(found(src)).toEqual(["8 device-id schema"]);
  });

  it("a boolean initialiser is a flag", () => {
    const src = ["class Dialog {", "  private _obfuscateIp = true;", "  private _ip = '';", "}"].join("\n");
    expect(found(src)).toEqual(["3 ip-address schema"]);
  });

  it("an option object under a media key is that medium's settings; the recording is content", () => {
    const src = ["import { logger } from './logger';", "logger.info({ id: 1, video: { width: 640, height: 480 } });", "logger.info({ video: recording });"].join("\n");
    expect(found(src)).toEqual(["3 video log"]);
  });
});

describe("values, not words", () => {
  it("getUserMedia({ video: !1 }) does not open the camera; { video: !0 } does", () => {
    const src = ["navigator.mediaDevices.getUserMedia({video:!1,audio:!0});", "navigator.mediaDevices.getUserMedia({video:!0});"].join("\n");
    expect(found(src)).toEqual(["1 audio source", "2 video source"]);
  });

  it("a literal address in a URL's query is the app's own; one from the code is sent", () => {
    const src = [
      "export const search = (q: string) => fetch(`https://nominatim.example.org/search?q=${q}&email=abuse@example.org`, { method: 'POST', body: '' });",
      "export const invite = (email: string) => fetch(`/api/invite?email=${email}`, { method: 'POST', body: '' });",
    ].join("\n");
    expect(found(src)).toEqual(["2 email transmit"]);
  });

  it("constant coordinates (negative numbers too) are not a location", () => {
    const src = ["import { logger } from './logger';", "logger.info({ lat: -33.92, lng: 18.42 });", "logger.info({ lat: pos.lat, lng: pos.lng });"].join("\n");
    expect(found(src)).toEqual(["3 precise-location log"]);
  });
});

describe("one place, one finding", () => {
  it("two reads of the device's model on one line are one finding", () => {
    const src = ["import * as Device from 'expo-device';", "const model = Device.modelName || Device.modelName;", "const again = Device.modelName;"].join("\n");
    expect(found(src)).toEqual(["2 device-model source", "3 device-model source"]);
  });

  it("the user agent read for a browser check is not collected; sent, it is", () => {
    const src = ["export const isSafari = /^((?!chrome).)*safari/i.test(navigator.userAgent);", "const ua = navigator.userAgent;",
      "fetch('/api/sessions', { method: 'POST', body: JSON.stringify({ ua }) });"].join("\n");
    expect(found(src)).toEqual(["3 firmware-version transmit"]);
  });

  it("a TypeORM column is a stored field, not also a shape", () => {
    const src = ["import { Column, Entity } from 'typeorm';", "@Entity()", "export class User {", "  @Column({ nullable: true })", "  email!: string;", "  nickname!: string;", "}"].join("\n");
    expect(found(src)).toEqual(["4 email store", "6 nickname schema"]);
  });
});

describe("after the data-flow engine: what reaches the sink, not what sits beside it", () => {
  it("a host's interface list sent for its addresses carries no MAC; its `.mac` sent on does", () => {
    const src = [
      "import os from 'node:os';",
      "const ips = Object.values(os.networkInterfaces()).flat().map((n) => n?.address);",
      "fetch('/hosts', { method: 'POST', body: JSON.stringify({ ips }) });",
      "const nics = os.networkInterfaces();",
      "const hw = Object.values(nics).flat().map((n) => n?.mac);",
      "fetch('/hosts', { method: 'POST', body: JSON.stringify({ hw }) });",
    ].join("\n");
    expect(found(src).sort()).toEqual(["3 ip-address transmit", "6 mac-address transmit"]);
  });

  it("a server's own interfaces, host name and OS read to bind or label itself are not collection; sent on they are", () => {
    const src = [
      "import os from 'node:os';",
      "const bindTo = Object.values(os.networkInterfaces()).flat().find((n) => !n?.internal)?.address;",
      "server.listen(8080, bindTo);",
      "const labels = { host: os.hostname(), modern: Number(os.release().split('.')[0]) >= 20 };",
      "const ping = { host: os.hostname(), os: os.version() };",
      "fetch('https://telemetry.example.com', { method: 'POST', body: JSON.stringify(ping) });",
    ].join("\n");
    expect(found(src).sort()).toEqual(["6 device-name transmit", "6 firmware-version transmit"]);
  });

  it("a Map of devices in memory is not storage; a document store is", () => {
    const src = ["this.devices = new Map();", "this.devices.set(nativeId, { ipAddress, macAddress });",
      "await db.collection('devices').doc(id).set({ ipAddress });"].join("\n");
    expect(found(src)).toEqual(["3 ip-address store"]);
  });

  it("a log's words and conditions are its message; the value logged is what counts", () => {
    const src = [
      "console.log(`received first ${audioOptions ? 'audio' : 'video'} packet`);",
      "console.log('redirect_uri', 'password');",
      "console.log('rtcp port', this.rtp.video.rtcpPort);",
      "console.log(`signed in ${user.email}`);",
    ].join("\n");
    expect(found(src)).toEqual(["4 email log"]);
  });
});

describe("what owns a field and what type it has decide", () => {
  it("a camera's channel capabilities point to other shapes; a clip's bytes are video", () => {
    const src = ["interface StreamingChannel {", "  Video: Video[];", "  Audio: Audio[];", "  video?: Resource;", "}",
      "class Clip {", "  video: Promise<MediaObject>;", "  audio: Buffer;", "}"].join("\n");
    expect(found(src)).toEqual(["7 video schema", "8 audio schema"]);
  });

  it("a member of a selector's filter type is a filter; a device's model is its model", () => {
    const src = ["interface DeviceSelector {", "  device?: {", '    model?: DeviceSelectorFilter["model"];', "  };", "}",
      "interface ZHADevice {", "  model: string;", "}"].join("\n");
    expect(found(src)).toEqual(["7 device-model schema"]);
  });

  it("a plugin's zip is its archive; an address's zip is a postal code", () => {
    const src = ["class Plugin {", "  zip?: string;", "}", "class ShippingAddress {", "  zip?: string;", "}"].join("\n");
    expect(found(src)).toEqual(["5 postal-address schema"]);
  });

  it("an add-on's, a supervisor's or a multicast destination's IP is infrastructure; a session's is a person's", () => {
    const src = ["interface HassioAddonDetails {", "  ip_address: string;", "}", "interface HassioSupervisorInfo {", "  ip_address: string;", "}",
      "interface Multicast {", "  destIPAddress: string[];", "}", "interface LoginSession {", "  ip_address: string;", "}"].join("\n");
    expect(found(src)).toEqual(["11 ip-address schema"]);
  });

  it("a sound card's name is the hardware's; a camera's name is the one its owner gave it", () => {
    const src = ["interface HassioHardwareAudioDevice {", "  name: string;", "}", "interface CameraDevice {", "  name: string;", "}"].join("\n");
    expect(found(src)).toEqual(["5 device-name schema"]);
  });
});

describe("a server's reply is not a send", () => {
  it("res.send answers whoever asked; a helper that sends on is a transmit", () => {
    const src = ["app.get('/login', (req, res) => {", "  res.send({ username, hostname });", "});",
      "async function notify(email: string) {", "  await sendInvite(email);", "}"].join("\n");
    expect(found(src)).toEqual(["5 email transmit"]);
  });
});

describe("confidence says how much was guessed", () => {
  const graded = (src: string) => scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`);
  it("a name that travelled to a sink is medium; the same name at the sink, and a source API's value that travelled, stay high", () => {
    const src = [
      "async function login(email: string) {",
      "  return fetch('/api/login', { method: 'POST', body: JSON.stringify({ user: email }) });",
      "}",
      "login(form.email);",
      "fetch('/api/signup', { method: 'POST', body: JSON.stringify({ email: form.email }) });",
      "navigator.geolocation.getCurrentPosition((pos) => {",
      "  const where = pos.coords;",
      "  fetch('/api/where', { method: 'POST', body: JSON.stringify({ where }) });",
      "});",
    ].join("\n");
    // Line 2 names `email` at the sink itself; line 4 is the call that passes a name on to it.
    expect(graded(src).sort()).toEqual(["2 email transmit high", "4 email transmit medium", "5 email transmit high",
      "6 precise-location source high", "8 precise-location transmit high"]);
  });
});

describe("a class's own constants and a field's type", () => {
  it("a static field or a literal string is the class's constant; an empty default is a field to fill", () => {
    const src = ["class Membership extends Model {", '  static modelName = "Membership";', '  kind = "camera";', "}",
      "class SignUpForm {", '  private _userName = "";', "}"].join("\n");
    expect(found(src)).toEqual(["6 name schema"]);
  });

  it("a zip typed as a zip file is an archive; a zip typed as a string on an address is a postal code", () => {
    const src = ["interface ExportTaskProps {", "  zip: ZipFile;", "  pathInZip: string;", "}", "interface ShippingAddress {", "  zip: string;", "}"].join("\n");
    expect(found(src)).toEqual(["6 postal-address schema"]);
  });

  it("a team's avatar is its logo; a user's is their photo", () => {
    const src = ["interface UploadTeamAvatarProps {", "  avatarUrl: string;", "}", "class User {", "  avatarUrl?: string;", "}"].join("\n");
    expect(found(src)).toEqual(["5 profile-photo schema"]);
  });
});

describe("which identity datum a field is", () => {
  it("a login handle is a nickname; a user's name is their name", () => {
    const src = ["interface ILoginUsername {", "  username: string;", "}", "interface IProfile {", "  userName: string;", "}"].join("\n");
    expect(found(src)).toEqual(["2 nickname schema", "5 name schema"]);
    const form = ["export const F = () => <TextInput textContentType='username' />;", "export const G = () => <TextInput textContentType='name' />;"].join("\n");
    expect(scanText("sample.tsx", form, rules).map((f) => `${f.line} ${f.category} ${f.kind}`)).toEqual(["1 nickname input", "2 name input"]);
  });
});

describe("made-up data is nobody's", () => {
  it("a test console's events built from literals and random numbers are not collection; a page's real events are", () => {
    const src = [
      "export function TestConsolePage() {",
      "  function handleRunRevenue() {",
      "    window.umami.track((props) => ({ ...props, url: '/checkout-cart', referrer: 'https://www.google.com' }));",
      "    window.umami.track('checkout-cart', { revenue: parseFloat((Math.random() * 1000).toFixed(2)), currency: 'USD', at: new Date() });",
      "    window.umami.track('track-event-no-data');",
      "  }",
      "}",
      "export function CheckoutPage({ cart }) {",
      "  window.umami.track('checkout-cart', { revenue: cart.total });",
      "  window.umami.track('signup-button');",
      "}",
      "export function DemoPage({ user }) {",
      "  window.umami.identify({ email: user.email });",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["9 browsing-behavior transmit", "10 browsing-behavior transmit", "13 browsing-behavior transmit", "13 email transmit"]);
  });
});

describe("what a call returns depends on what the caller asks for", () => {
  it("a presenter's details written under an option are returned only to callers that pass it", () => {
    const src = [
      "export function presentUser(user: User, options: { includeDetails?: boolean } = {}) {",
      "  const data: Record<string, unknown> = { id: user.id, name: user.name };",
      "  if (options.includeDetails) {",
      "    data.email = user.email;",
      "  }",
      "  return data;",
      "}",
      "fetch('/hook', { method: 'POST', body: JSON.stringify(presentUser(user)) });",
      "fetch('/hook', { method: 'POST', body: JSON.stringify(presentUser(user, {})) });",
      "fetch('/me', { method: 'POST', body: JSON.stringify(presentUser(user, { includeDetails: true })) });",
    ].join("\n");
    expect(found(src)).toEqual(["8 name transmit", "9 name transmit", "10 name transmit", "10 email transmit"]);
  });
});

describe("a report's numbers are nobody's", () => {
  it("a statistic's rows (a label beside a value) name no one's country; a person's record does", () => {
    const src = [
      "interface RevenueMetrics {",
      "  country: { name: string; value: number }[];",
      "  region: { name: string; value: number; country: string }[];",
      "}",
      "interface Customer {",
      "  name: string;",
      "  age: number;",
      "  country: string;",
      "}",
      "type CheckParams = { ip: string; count?: number };",
    ].join("\n");
    expect(found(src)).toEqual(["6 name schema", "8 country schema", "10 ip-address schema"]);
  });

  it("an ORM groupBy's rows (a country beside its _count) are partners per country; an import's recipient and a customer's tally are a person's", () => {
    const src = [
      "const { data } = usePartnersCount<{ country: string; _count: number }[]>({ groupBy: 'country' });",
      "type LinksImported = { email: string; provider: string; count: number };",
      "const { data: customers } = useEarningsCount<{ id: string; email: string; _count: number }[]>({ groupBy: 'customerId' });",
    ].join("\n");
    expect(found(src)).toEqual(["2 email schema", "3 email schema"]);
  });
});

describe("a model name is a device's only on a device", () => {
  it("an ORM store's model name is a class; a router's or a camera's is its model", () => {
    const src = ["class Store {", "  modelName: string;", "}", "interface ThreadRouter {", "  model_name: string | null;", "}",
      "import { logger } from './logger';", "logger.error(`Error resolving ${modelName}`, targetClass.modelName);", "logger.info(camera.modelName);"].join("\n");
    expect(found(src)).toEqual(["5 device-model schema", "9 device-model log"]);
  });
});

describe("one parameter of an address is what its key names", () => {
  it("a locale read from the page URL's query is not the page URL; the URL itself and an email read from it are", () => {
    const src = [
      "const url = new URL(window.location.href);",
      "const locale = url.searchParams.get('locale');",
      "fetch('/api/locale', { method: 'POST', body: JSON.stringify({ locale }) });",
      "fetch('/api/visit', { method: 'POST', body: JSON.stringify({ page: url.href }) });",
      "const email = new URLSearchParams(window.location.search).get('email');",
      "fetch('/api/invite', { method: 'POST', body: JSON.stringify({ email }) });",
    ].join("\n");
    expect(found(src)).toEqual(["6 email transmit", "4 browsing-behavior transmit"]);
  });
});

describe("an error report sent to an analytics SDK is diagnostics", () => {
  it("a recovered hydration error is not browsing behaviour; a usage event and an email in the error report are", () => {
    const src = [
      "import posthog from 'posthog-js';",
      "posthog.capture('$hydration_recoverable_error', { message: error.message });",
      "posthog.capture('document_uploaded', { documentId });",
      "posthog.capture('$exception', { email: user.email });",
    ].join("\n");
    expect(found(src)).toEqual(["3 browsing-behavior transmit", "4 email transmit"]);
  });
});

describe("an expiry date is a card's only in a card's context", () => {
  it("an OAuth token's and a share link's expiry are not payment; a card's expiry is", () => {
    const src = [
      "interface GoogleTokens {",
      "  access_token: string;",
      "  expiry_date: number;",
      "}",
      "interface PersonalLink {",
      "  expiryDate?: Date;",
      "}",
      "interface PaymentCard {",
      "  expiryDate: string;",
      "  cardExpiryMonth: number;",
      "}",
    ].join("\n");
    expect(found(src).filter((f) => f.includes("payment"))).toEqual(["9 payment schema", "10 payment schema"]);
  });
});

const graded = (src: string) => scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`);

describe("a header is collected where it is read, not where its name is listed", () => {
  it("a table of CDN header names and a presence check are one low finding; headers.get and an index read are high", () => {
    const src = [
      "const PROVIDERS = [",
      "  { countryHeader: 'cf-ipcountry', cityHeader: 'cf-ipcity' },",
      "  { countryHeader: 'x-vercel-ip-country', cityHeader: 'x-vercel-ip-city' },",
      "];",
      "const proxied = ['x-real-ip', 'cf-connecting-ip'].some((h) => headers.has(h)) || headers.has('x-forwarded-for');",
      "export function clientIp(headers: Headers, req: any) {",
      "  const ip = headers.get('x-forwarded-for') ?? req.headers['x-real-ip'];",
      "  return { ip, country: headers.get('cf-ipcountry') };",
      "}",
    ].join("\n");
    expect(graded(src)).toEqual([
      "2 country input low",
      "2 coarse-location input low",
      "5 ip-address input low",
      "7 ip-address input high",
      "8 country input high",
    ]);
  });

  it("a header read in each branch of one conditional is one place; another header beside it is another", () => {
    const src = [
      "export function getGeoData(headers: Record<string, string | string[] | undefined>) {",
      "  return {",
      "    city: Array.isArray(headers['x-vercel-ip-city'])",
      "      ? headers['x-vercel-ip-city'][0]",
      "      : headers['x-vercel-ip-city'],",
      "    country: Array.isArray(headers['x-vercel-ip-country'])",
      "      ? headers['x-vercel-ip-country'][0]",
      "      : headers['x-vercel-ip-country'],",
      "  };",
      "}",
      "const ip = headers['x-real-ip'];",
      "const ip2 = headers['x-real-ip'];",
    ].join("\n");
    expect(graded(src)).toEqual([
      "3 coarse-location input high",
      "6 country input high",
      "11 ip-address input high",
      "12 ip-address input high",
    ]);
  });
});

describe("a header the code sets is not one it reads", () => {
  it("a made-up request's fixed geo headers are nobody's; one set from a customer stays a low reference; a read is high", () => {
    const src = [
      "const dummy = new Request(url, {",
      "  headers: new Headers({ 'x-forwarded-for': '127.0.0.1', 'x-vercel-ip-country': 'US' }),",
      "});",
      "await fetch(url, { headers: { 'x-vercel-ip-city': 'Munich' } });",
      "const fake = new Headers({ 'x-vercel-ip-country': customer.country || 'US' });",
      "const ip = req.headers['x-forwarded-for'];",
    ].join("\n");
    expect(graded(src)).toEqual(["5 country input low", "6 ip-address input high"]);
  });
});

describe("a processor's reference and a page's link area are not the data they point at", () => {
  it("a Stripe payment method id and a method's type are no card detail; the payment method object is", () => {
    const src = [
      "type PendingMicrodeposit = {",
      "  paymentMethodId: string;",
      "  paymentMethod: Stripe.PaymentMethod | null;",
      "};",
      "type Fee = { paymentMethod: Stripe.PaymentMethod.Type };",
    ].join("\n");
    expect(found(src)).toEqual(["3 payment schema"]);
  });

  it("a PDF page link's coords are a place on the page; a check-in's coords are where a person was", () => {
    const src = [
      "type Page = {",
      "  pageLinks: { href: string; coords: string; targetPage?: number }[];",
      "};",
      "type CheckIn = { coords: string; at: Date };",
    ].join("\n");
    expect(found(src)).toEqual(["4 precise-location schema"]);
  });
});

describe("a display name is a person's only when a person owns it", () => {
  it("a server's, a team's, a bot's and a role's display name name no one; a user's and a user profile's do", () => {
    const src = [
      "type ServerContextType = { displayName: string; url: string };",
      "type TeamMenuProps = { currentTeamDisplayName: string };",
      "interface Bot { user_id: string; display_name: string }",
      "interface Role { name: string; display_name?: string }",
      "interface UserProfile { id: string; display_name: string }",
      "type GalleryDetailsProps = { userDisplayName: string };",
      "console.log(user.displayName);",
    ].join("\n");
    expect(found(src)).toEqual(["5 name schema", "6 name schema", "7 name log"]);
  });
});

describe("a bot's, an AI's and a command's username is no person's handle", () => {
  it("a bot's, a slash command's, an ICE server's and an override username name no one; a user's and a support agent's do", () => {
    const src = [
      "type Bot = { user_id: string; username: string };",
      "type AppMetadataForClient = { bot_user_id: string; bot_username: string };",
      "type Command = { trigger: string; username: string };",
      "interface RTCIceServer { urls: string[]; username?: string }",
      "type PostProps = { override_username?: string; ai_generated_by_username?: string };",
      "interface UserProfile { id: string; username: string }",
      "interface ILivechatDepartmentAgents { agentId: string; username: string }",
    ].join("\n");
    expect(found(src)).toEqual(["6 nickname schema", "7 nickname schema"]);
  });
});

describe("one form field is one place", () => {
  it("a field's type, name and value, and a FormField wrapper with the Input in its props, are one finding; two fields in one form are two", () => {
    const src = [
      "export const Invite = ({ invite }) => (",
      "  <form>",
      "    <Input",
      "      name=\"email\"",
      "      type=\"email\"",
      "      value={invite.email}",
      "    />",
      "    <FormField name=\"email\" render={({ field }) => (",
      "      <Input type=\"email\" {...field} />",
      "    )} />",
      "    <Input type=\"email\" name=\"backupEmail\" />",
      "  </form>",
      ");",
    ].join("\n");
    expect(scanText("sample.tsx", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`)).toEqual([
      "5 email input high",
      "9 email input high",
      "11 email input high",
    ]);
  });
});

describe("a password that opens an encrypted file is no account's credential", () => {
  it("a PDF's unlock password (a forwardRef component) stays at low; a login's and a document signer's account password keep their confidence", () => {
    const src = [
      "const PdfPassword = forwardRef<PasswordRef, Props>(({ setPassword }, ref) => (",
      "  <TextInput secureTextEntry={true} textContentType='password' value={inputValue} />",
      "));",
      "const LoginForm = memo(() => <TextInput textContentType='password' />);",
      "export const DocumentSigningAuthPassword = () => <Input type='password' autoComplete='current-password' />;",
    ].join("\n");
    const graded = scanText("sample.tsx", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`);
    expect(graded).toEqual(["2 password input low", "4 password input high", "5 password input high"]);
  });
});

describe("a form question's field settings are not the field's data", () => {
  it("phone: Field (show, required, placeholder) and an inline settings shape configure a question; a contact's phone and address are data", () => {
    const src = [
      "interface Field {",
      "  show: boolean;",
      "  required: boolean;",
      "  placeholder: Record<string, string>;",
      "}",
      "interface ContactInfoQuestion {",
      "  phone: Field;",
      "  addressLine1?: { show: boolean; required: boolean; placeholder: { default: string } };",
      "}",
      "interface Contact {",
      "  phone: string;",
      "  addressLine1?: { street: string; required: boolean };",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["11 phone schema", "12 postal-address schema"]);
  });
});

describe("a choice about an email or a name is a setting", () => {
  it("notification props typed 'true' | 'false' name no address and no name; a profile's string fields do", () => {
    const src = [
      "interface UserNotifyProps { email: 'true' | 'false'; first_name: 'true' | 'false' }",
      "interface UserProfile { email: string; first_name: string }",
    ].join("\n");
    expect(found(src)).toEqual(["2 email schema", "2 name schema"]);
  });
});

describe("a form library's field wrapper and the input it wraps are one field", () => {
  it("FormField name=… around its input is one finding per field; inputs in a named form stay one each", () => {
    const src = [
      "export const UserAddForm = () => (",
      "  <form name=\"signup\">",
      "    <FormField name=\"password\" rules={{ required: true }}>",
      "      <PasswordField autoComplete=\"new-password\" />",
      "    </FormField>",
      "    <Input type=\"email\" />",
      "    <Input type=\"email\" name=\"backupEmail\" />",
      "  </form>",
      ");",
    ].join("\n");
    expect(scanText("sample.tsx", src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`)).toEqual([
      "4 password input high",
      "6 email input high",
      "7 email input high",
    ]);
  });
});

describe("a store call's lookup finds a row, it writes nothing", () => {
  it("an address in update's where is looked up; in an upsert's create, an insert, or a query sent to an API it is stored or sent", () => {
    const src = [
      "import { prisma } from './db';",
      "export async function resetAttempts(email: string) {",
      "  await prisma.user.update({ where: { email }, data: { invalidLoginAttempts: 0 } });",
      "  await prisma.partner.upsert({ where: { email }, create: { email }, update: {} });",
      "  await prisma.verificationToken.create({ data: { identifier: email } });",
      "  await fetch('/api/graphql', { method: 'POST', body: JSON.stringify({ where: { email } }) });",
      "}",
      "function byEmail(userEmail: string) { return prisma.user.update({ where: { email: userEmail }, data: { lockedAt: null } }); }",
      "export const unlock = (user: { email: string }) => byEmail(user.email);",
    ].join("\n");
    expect(found(src).filter((f) => !f.endsWith("schema"))).toEqual(["4 email store", "5 email store", "6 email transmit"]);
  });
});

describe("a form library's registered key names its field", () => {
  it("a program's support address registered as supportEmail is the business's; the partner's own email is a person's", () => {
    const src = [
      "export const SupportForm = ({ register }) => (",
      "  <form>",
      '    <Input type="email" placeholder="support@acme.com" {...register("supportEmail")} />',
      '    <Input type="email" placeholder="panic@thedis.co" {...register("email", { required: true })} />',
      "  </form>",
      ");",
    ].join("\n");
    expect(scanText("form.tsx", src, rules).map((f) => `${f.file} ${f.line} ${f.category} ${f.kind}`)).toEqual(["form.tsx 4 email input"]);
  });
});

describe("a request's sibling fields say whose a field is", () => {
  it("a password sent beside the link it guards is the link's; one sent beside an email is the account's", () => {
    const src = [
      "export default async function handler(req: any) {",
      "  const { targetId, linkType, password, expiresAt } = req.body;",
      "  const { email, password: secret } = req.body;",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["3 email input", "3 password input"]);
  });
});
