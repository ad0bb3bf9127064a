// Each propagation step of the flow engine, with a positive and a look-alike negative:
// the finding's line, category and kind, and (where it matters) its recipient and trace.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const SINKS = new Set(["transmit", "store", "log"]);

/** Sink findings as "line category kind", with the recipient when there is one. */
function sinks(src: string): string[] {
  return scanText("sample.ts", src, rules)
    .filter((f) => SINKS.has(f.kind))
    .map((f) => `${f.line} ${f.category} ${f.kind}${f.recipient ? ` @${f.recipient}` : ""}`)
    .sort();
}

const DEVICE = "import DeviceInfo from 'react-native-device-info';\nimport axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.acme.io' });\n";

describe("values move through the code", () => {
  const cases: [string, string, string[], string, "recipient"?][] = [
    ["a payload variable built first and posted later",
      "async function f(form) {\n  const payload = { email: form.email, page: 1 };\n  await api.post('/register', payload);\n}",
      ["6 email transmit @api.acme.io"],
      "async function f(form) {\n  const payload = { emailTemplate: form.template, page: 1 };\n  await api.post('/register', payload);\n}"],
    ["a form's state object, empty until typed into, read field by field and sent (an empty literal is no constant)",
      "async function f(setText) {\n  const params = {} as Record<string, string>;\n  const onChange = (key: string, text: string) => { params[key] = text; };\n  const userData = { _id: 1 } as Record<string, unknown>;\n  if (params.email) userData.email = params.email;\n  await api.post('/livechat', userData);\n}",
      ["9 email transmit @api.acme.io"],
      "async function f() {\n  const params = { email: 'noreply@acme.io' };\n  const userData = { _id: 1 } as Record<string, unknown>;\n  userData.email = params.email;\n  await api.post('/livechat', userData);\n}"],
    ["an object filled field by field, then sent",
      "async function f() {\n  const data = {};\n  data.id = await DeviceInfo.getUniqueId();\n  api.post('/push', data);\n}",
      ["7 device-id transmit @api.acme.io"],
      "async function f() {\n  const data = {};\n  data.id = 42;\n  api.post('/push', data);\n}"],
    ["a helper that returns a source",
      "function serial() { return DeviceInfo.getSerialNumber(); }\napi.post('/d', { v: serial() });",
      ["5 device-serial transmit @api.acme.io"],
      "function serial() { return 'SN-000'; }\napi.post('/d', { v: serial() });"],
    ["a wrapper called with personal data: the call is the finding, not the wrapper",
      "function sendForm(path, fields) { return fetch(path, { method: 'POST', body: JSON.stringify(fields) }); }\nfunction save(form) {\n  sendForm('/profile', { phone: form.phone });\n}",
      ["6 phone transmit"],
      "function sendForm(path, fields) { return fetch(path, { method: 'POST', body: JSON.stringify(fields) }); }\nfunction save(form) {\n  sendForm('/profile', { theme: form.theme });\n}"],
    ["a fetch wrapper: the caller's URL names the recipient",
      "function post(url, body) { return fetch(url, { method: 'POST', body: JSON.stringify(body) }); }\nasync function f() {\n  await post('https://releases.example.com/check', { id: await DeviceInfo.getUniqueId() });\n}",
      ["6 device-id transmit @releases.example.com"],
      "function post(url, body) { return fetch(url, { method: 'POST', body: JSON.stringify(body) }); }\nasync function f() {\n  await post('/check', { id: await DeviceInfo.getUniqueId() });\n}", "recipient"],
    ["configuration from the environment is the app's, not a person's",
      "function f(form) {\n  const payload = { password: form.password };\n  api.post('/login', payload);\n}",
      ["6 password transmit @api.acme.io"],
      "function f() {\n  const payload = { password: process.env.SMTP_PASSWORD };\n  api.post('/login', payload);\n}"],
    ["a wrapper of a wrapper",
      "const post = (u, b) => fetch(u, { method: 'POST', body: JSON.stringify(b) });\nconst send = (b) => post('/x', b);\nsend({ deviceSn: DeviceInfo.getSerialNumber() });",
      ["6 device-serial transmit"],
      "const post = (u, b) => fetch(u, { method: 'POST', body: JSON.stringify(b) });\nconst send = (b) => post('/x', b);\nsend({ count: 3 });"],
    ["object and array destructuring, defaults and rest",
      "async function f() {\n  const info = { mac: await DeviceInfo.getMacAddress(), n: 1 };\n  const { mac, ...rest } = info;\n  const [first = mac] = [];\n  api.post('/m', { first, rest });\n}",
      ["8 mac-address transmit @api.acme.io"],
      "async function f() {\n  const info = { n: 1, m: 2 };\n  const { n, ...rest } = info;\n  api.post('/m', { n, rest });\n}"],
    ["template literals and concatenation into a third party's URL",
      "const lang = navigator.language;\nconst url = `https://translate.example.org/t?l=${lang}`;\nfetch(url);",
      ["6 language transmit @translate.example.org"],
      "const lang = 'en';\nconst url = `https://translate.example.org/t?l=${lang}`;\nfetch(url);"],
    ["JSON.stringify, URLSearchParams and FormData.append",
      "async function f() {\n  const body = new FormData();\n  body.append('sn', await DeviceInfo.getSerialNumber());\n  const q = new URLSearchParams({ id: await DeviceInfo.getUniqueId() });\n  fetch('/u?' + q.toString(), { method: 'POST', body });\n}",
      ["8 device-id transmit", "8 device-serial transmit"],
      "async function f() {\n  const body = new FormData();\n  body.append('kind', 'report');\n  const q = new URLSearchParams({ page: '2' });\n  fetch('/u?' + q.toString(), { method: 'POST', body });\n}"],
    [".then callbacks and array callbacks",
      "DeviceInfo.getMacAddress().then((m) => api.post('/m', { v: m }));\n[DeviceInfo.getSerialNumber()].map((s) => s.trim()).forEach((s) => api.post('/s', { v: s }));",
      ["4 mac-address transmit @api.acme.io", "5 device-serial transmit @api.acme.io"],
      "Promise.resolve(3).then((m) => api.post('/m', { v: m }));\n[1, 2].map((s) => s * 2).forEach((s) => api.post('/s', { v: s }));"],
    ["conditional and nullish operators",
      "function f(cond) {\n  const id = cond ? DeviceInfo.getUniqueId() : null;\n  const v = id ?? 'none';\n  api.post('/i', { v });\n}",
      ["7 device-id transmit @api.acme.io"],
      "function f(cond) {\n  const id = cond ? 'a' : null;\n  const v = id ?? 'none';\n  api.post('/i', { v });\n}"],
    ["React state set from a source",
      "import { useState } from 'react';\nfunction C() {\n  const [v, setV] = useState('');\n  setV(navigator.language);\n  api.post('/l', { v });\n}",
      ["8 language transmit @api.acme.io"],
      "import { useState } from 'react';\nfunction C() {\n  const [v, setV] = useState('');\n  setV('fr');\n  api.post('/l', { v });\n}"],
    ["a geolocation callback stores coordinates in a field; another method sends them to a third party",
      "class Geo {\n  private spot: number[] = [];\n  private base = 'https://nominatim.openstreetmap.org';\n  locate() { navigator.geolocation.getCurrentPosition((pos) => { this.spot = [pos.coords.latitude, pos.coords.longitude]; }); }\n  lookup() { return fetch(`${this.base}/reverse?lat=${this.spot[0]}`); }\n}",
      ["8 precise-location transmit @nominatim.openstreetmap.org"],
      "class Geo {\n  private spot: number[] = [48.85, 2.35];\n  private base = 'https://nominatim.openstreetmap.org';\n  lookup() { return fetch(`${this.base}/reverse?lat=${this.spot[0]}`); }\n}"],
    ["an env default names the host",
      "const BASE = process.env.API_URL ?? 'https://api.segment.io';\nasync function f() { fetch(BASE + '/v1/t', { method: 'POST', body: JSON.stringify({ id: await DeviceInfo.getUniqueId() }) }); }",
      ["5 device-id transmit @api.segment.io"],
      "const BASE = process.env.API_URL ?? '/api';\nasync function f() { fetch(BASE + '/v1/t', { method: 'POST', body: JSON.stringify({ id: await DeviceInfo.getUniqueId() }) }); }", "recipient"],
    ["field-sensitive: a NetInfo state's details.ssid is Wi-Fi data, its isConnected flag is not",
      "import NetInfo from '@react-native-community/netinfo';\nasync function f() {\n  const s = await NetInfo.fetch();\n  api.post('/w', { ssid: s.details.ssid });\n}",
      ["7 wifi-info transmit @api.acme.io"],
      "import NetInfo from '@react-native-community/netinfo';\nasync function f() {\n  const s = await NetInfo.fetch();\n  api.post('/w', { online: s.isConnected, kind: s.type });\n}"],
    ["a CLI prompt's answer carries what the question asks for",
      "import { input } from '@inquirer/prompts';\nimport readline from 'readline';\nconst rl = readline.createInterface({ input: process.stdin });\nrl.question('What is your email address? ', (answer) => fetch('https://crm.example.com/leads', { method: 'POST', body: answer }));\nasync function f() {\n  const v = await input({ message: 'Enter your phone number' });\n  api.post('/p', { v });\n}",
      ["7 email transmit @crm.example.com", "10 phone transmit @api.acme.io"],
      "import { input } from '@inquirer/prompts';\nimport readline from 'readline';\nconst rl = readline.createInterface({ input: process.stdin });\nrl.question('Overwrite the file? ', (answer) => fetch('https://crm.example.com/leads', { method: 'POST', body: answer }));\nasync function f() {\n  const v = await input({ message: 'Project folder' });\n  api.post('/p', { v });\n}"],
    ["a plain-JS tracker destructures browser globals and fetches them (umami's shape)",
      "(window => {\n  const { navigator: { language }, location } = window;\n  const { href } = location;\n  const payload = () => ({ language, url: href });\n  const send = (p) => fetch('https://stats.example.com/api/send', { method: 'POST', body: JSON.stringify(p) });\n  send(payload());\n})(window);",
      ["9 browsing-behavior transmit @stats.example.com", "9 language transmit @stats.example.com"],
      "(window => {\n  const { screen: { width } } = window;\n  const payload = () => ({ width });\n  const send = (p) => fetch('https://stats.example.com/api/send', { method: 'POST', body: JSON.stringify(p) });\n  send(payload());\n})(window);"],
  ];
  for (const [what, positive, expected, negative, only] of cases) {
    it(what, () => {
      const pos = sinks(DEVICE + positive);
      for (const e of expected) expect(pos, `positive:\n${positive}`).toContain(e);
      // The negative differs in what the case is about: the category, or only the recipient.
      const neg = sinks(DEVICE + negative).filter((f) => expected.some((e) => (only === "recipient" ? e === f : e.split(" ")[1] === f.split(" ")[1])));
      expect(neg, `negative:\n${negative}`).toEqual([]);
    });
  }
});

describe("what is not personal data stays out", () => {
  it("constants are never a person's data", () => {
    expect(sinks(DEVICE + "const lat = 48.85;\nconst lng = 2.35;\nconst loc = { lat, lng };\napi.post('/x', loc);")).toEqual([]);
  });
  it("a parameter named like an import hides it", () => {
    const src = "import fetch from 'node-fetch';\nimport DeviceInfo from 'react-native-device-info';\nexport function f(fetch) {\n  const sn = DeviceInfo.getSerialNumber();\n  fetch('/x', { body: JSON.stringify({ v: sn }) });\n}";
    expect(sinks(src)).toEqual([]);
  });
  it("a local `const fetch = makeClient()` is not the network", () => {
    const src = "import DeviceInfo from 'react-native-device-info';\nconst fetch = makeClient();\nconst sn = DeviceInfo.getSerialNumber();\nfetch('/x', { body: JSON.stringify({ v: sn }) });";
    expect(sinks(src)).toEqual([]);
  });
  it("two classes in one file do not share field bindings", () => {
    const src = "import axios from 'axios';\nimport DeviceInfo from 'react-native-device-info';\nclass A { queue = axios.create(); }\nclass B { queue = makeLocalQueue(); push() { this.queue.request({ v: DeviceInfo.getSerialNumber() }); } }";
    expect(sinks(src).filter((f) => f.includes("transmit"))).toEqual([]);
    expect(sinks(src.replace("class B { queue = makeLocalQueue();", "class B { queue = axios.create();"))).toContain("4 device-serial transmit");
  });
  it("array positions keep their own values: sending the first item does not send the second", () => {
    const out = sinks(DEVICE + "async function f() {\n  const [id, mac] = await Promise.all([DeviceInfo.getUniqueId(), DeviceInfo.getMacAddress()]);\n  api.post('/x', { v: id });\n}");
    expect(out).toEqual(["6 device-id transmit @api.acme.io"]);
  });
  it("a table indexed by a value of its own category holds what it maps it to: idMaps.mac[mac] is a native id, macs[i] a MAC", () => {
    const src = [
      "class Plugin {",
      "  nativeIdOf(device: { id: string }) {",
      "    const { id, mac } = device;",
      "    const found = (mac && idMaps.mac?.[mac]) || id;",
      "    this.console.log('native id', found);",
      "  }",
      "  listed(device: { id: string }, i: number) {",
      "    const m = device.macs[i];",
      "    this.console.log('mac', m);",
      "  }",
      "}",
    ].join("\n");
    expect(sinks(src)).toEqual(["9 mac-address log"]);
  });
  it("a comparison or a boolean derived from personal data is not the data", () => {
    expect(sinks(DEVICE + "async function f() {\n  const id = await DeviceInfo.getUniqueId();\n  const known = id === 'x' || !id;\n  api.post('/k', { known });\n}")).toEqual([]);
  });
});

describe("a relation presented only when a query loaded it", () => {
  it("carries nothing; a relation presented always, and a record presented after its null check, carry what they hold", () => {
    const src = [
      "function presentUser(user: User) { return { name: user.name, avatarUrl: user.avatarUrl }; }",
      "function presentCollection(c: Collection) { return { id: c.id, archivedBy: c.archivedBy && presentUser(c.archivedBy) }; }",
      "function presentHook(w: Hook) { return { id: w.id, createdBy: w.createdBy ? presentUser(w.createdBy) : undefined }; }",
      "function presentComment(m: Comment) { return { id: m.id, createdBy: presentUser(m.createdBy) }; }",
      "function presentMember(g: GroupUser, options?: { includeUser: boolean }) { return { id: g.id, user: options?.includeUser ? presentUser(g.user) : undefined }; }",
      "export async function deliver(url: string, c: Collection, w: Hook, m: Comment, u: User | null, g: GroupUser) {",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(presentCollection(c)) });",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(presentHook(w)) });",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(presentComment(m)) });",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(u && presentUser(u)) });",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(presentMember(g)) });",
      "}",
    ].join("\n");
    expect(sinks(src)).toEqual(["10 name transmit", "10 profile-photo transmit", "9 name transmit", "9 profile-photo transmit"]);
  });
});

describe("trace", () => {
  it("lists each step from the source to the sink, source first", () => {
    const f = scanText("sample.ts", DEVICE + "function serial() { return DeviceInfo.getSerialNumber(); }\nfunction send(b) { return api.post('/d', b); }\nsend({ v: serial() });", rules).find((x) => x.kind === "transmit");
    expect(f?.line).toBe(6);
    expect(f?.trace?.map((s) => s.line)).toEqual([4, 6, 5]);
    expect(f?.trace?.[0].note).toContain("rn.device-info");
    expect(f?.trace?.at(-1)?.note).toContain("net.axios");
  });
});
