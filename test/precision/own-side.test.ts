// Issue 8, server-side code: the machine's own side of a connection and the endpoints it
// connects to are not a person's data; the peer on the other end is.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string) => scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.kind}`);

describe("an address beside a port is an endpoint; a peer's address is a person's", () => {
  it("an RTP target, a SIP registrar and the local side are endpoints; a user's IP and a connection's remote address are not", () => {
    const src = [
      "interface RtpTarget { ip: string; port: number }",
      "interface SipConfig { localIp: string; localPort: number }",
      "interface Visit { ip: string; userAgent: string }",
      "console.debug(`Setting initial RTP target ${ip}:${port}`);",
      "console.log('connection from', socket.remoteAddress, socket.remotePort);",
      "logger.info({ ip: userIp });",
    ].join("\n");
    expect(found(src)).toEqual(["3 ip-address schema", "5 ip-address log", "6 ip-address log"]);
  });

  it("an address carried by the flow engine to a sink that also reads a port beside it is an endpoint; a report of both, a carried user IP and a peer's address are not", () => {
    const src = [
      "function parse(line: string, port: number) {",
      "  const ip = line.split(' ')[1];",
      "  console.debug(`Parsed SDP audio target: ${ip}:${port}`);",
      "  socket.send(packet, target.port, ip);",
      "  api.post('/qos', { report: ip, devicePort: port });",
      "}",
      "function visit(line: string, port: number) {",
      "  const ip = line.split(' ')[1];",
      "  console.debug('visit from', ip);",
      "  const remote = req.socket.remoteAddress;",
      "  console.debug(`peer ${remote}:${port}`);",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["9 ip-address log", "10 ip-address input", "5 ip-address transmit", "11 ip-address log"]);
  });
});

describe("an address a string connects to is an endpoint", () => {
  it("a URL's host and an address concatenated beside its port are where the app connects; an address in a URL's path or beside a name is data", () => {
    const src = [
      "class CameraClient {",
      "  listen() {",
      "    const url = `http://${this.ip}/cgi-bin/eventManager.cgi`;",
      "    console.log('preparing event listener', url);",
      "  }",
      "  configure(ip: string, port: number) {",
      "    const data = '<SIPServer>' + `<proxy>${ip}</proxy>` + `<proxyPort>${port}</proxyPort>` + '</SIPServer>';",
      "    this.console.debug(`SIP configuration: ${data}`);",
      "  }",
      "  report(ip: string, user: string) {",
      "    const url = `https://audit.example.com/visits/${ip}`;",
      "    console.log('reporting', url);",
      "    const line = 'visit ' + ip + ' by ' + user;",
      "    console.log(line);",
      "  }",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["12 ip-address log", "14 ip-address log"]);
  });

  it("an address written as a URL's host in the sink's own arguments is where it sends; in the URL's path it is sent", () => {
    const src = [
      "function probe(ip: string) {",
      "  fetch(`http://${ip}/ISAPI/System/deviceInfo`, { method: 'PUT', body: 'x' });",
      "  console.log(`probing http://${ip}/`);",
      "  fetch(`https://audit.example.com/visits/${ip}`, { method: 'POST', body: 'x' });",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["4 ip-address transmit"]);
  });
});

describe("a cluster's peers are the app's own nodes", () => {
  it("a worker's address logged or carried to a log in a cluster function is the deployment's; a request's client address there and a peer elsewhere are a person's", () => {
    const src = [
      "function createClusterServer() {",
      "  return net.createServer((socket) => {",
      "    console.log('Cluster client connected.', socket.remoteAddress, socket.remotePort);",
      "    const peer = socket.remoteAddress;",
      "    logger.info(`worker ${peer}`);",
      "  });",
      "}",
      "function connectForkWorker(req) {",
      "  logger.info('fork from', req.socket.remoteAddress);",
      "}",
      "function acceptConnection(socket) {",
      "  console.log('connection from', socket.remoteAddress, socket.remotePort);",
      "}",
    ].join("\n");
    expect(found(src)).toEqual(["9 ip-address input", "12 ip-address log"]);
  });
});

describe("a server's own addresses in its own log describe the server", () => {
  it("the interface addresses logged at startup are not collected; sent to a registry they are", () => {
    const src = [
      "import os from 'node:os';",
      "const addresses = Object.values(os.networkInterfaces()).flat().map((n) => n.address);",
      "console.log(`Listening on https://${addresses[0]}:443/`);",
      "fetch('https://registry.example.com/hosts', { method: 'POST', body: JSON.stringify({ addresses }) });",
    ].join("\n");
    expect(found(src)).toEqual(["4 ip-address transmit"]);
  });
});

const graded = (file: string, src: string) => scanText(file, src, rules).map((f) => `${f.line} ${f.category} ${f.kind} ${f.confidence}`);

describe("the app's own settings and its installation are not a person", () => {
  it("an SMTP transport form's from address and password are the sender's settings; a sign-up form's and a test message's recipient are a person's", () => {
    const src = [
      "export const EmailTransportForm = () => <Input type='email' name='fromAddress' />;",
      "export const SmtpTransportForm = () => <Input type='password' name='password' />;",
      "export const SignUpForm = () => <Input type='email' />;",
      "export const EmailTransportSendTestDialog = () => <Input type='email' />;",
    ].join("\n");
    expect(graded("sample.tsx", src)).toEqual(["3 email input high", "4 email input high"]);
  });

  it("an organisation's reply-to address, a support line and an SSO client's secret are settings; a signer's address and a password are a person's", () => {
    const src = [
      "export const EmailPreferencesForm = () => (",
      "  <FormField name='emailReplyTo' render={({ field }) => <Input {...field} type='email' />} />",
      ");",
      "export const SsoForm = () => <Input id='client-secret' type='password' />;",
      "export const GitLabConnectDialog = () => <Input value={clientSecret} type='password' />;",
      "export const ContactForm = () => <FormField name='supportPhone'><Input type='tel' /></FormField>;",
      "export const SignerForm = () => <FormField name='signerEmail' render={({ field }) => <Input {...field} type='email' />} />;",
      "export const LoginForm = () => <Input id='password' type='password' />;",
    ].join("\n");
    expect(graded("sample.tsx", src)).toEqual(["7 email input high", "8 password input medium"]);
  });

  it("a self-hosted server's heartbeat keyed by its installation id is no one's browsing; a person's event is", () => {
    const src = [
      "import { PostHog } from 'posthog-node';",
      "const client = new PostHog('phc_key');",
      "export function heartbeat(installationId: string) {",
      "  client.capture({ distinctId: installationId, event: 'heartbeat', properties: { installationId } });",
      "}",
      "export function signedUp(user: { id: string; email: string }) {",
      "  client.capture({ distinctId: user.id, event: 'signed-up', properties: { email: user.email } });",
      "}",
    ].join("\n");
    expect(graded("sample.ts", src)).toEqual(["6 email schema low", "7 browsing-behavior transmit high", "7 email transmit high"]);
  });

  it("a server's instance id sent with usage counts is not a device id; an app instance id on a phone is", () => {
    const src = [
      "export async function sendTelemetry(instanceId: string, responseCount: number) {",
      "  const payload = { instanceId, responseCount };",
      "  const url = `https://ee.example.com/api/v1/instances/${instanceId}/usage-updates`;",
      "  await fetch(url, { method: 'POST', body: JSON.stringify(payload) });",
      "}",
      "export async function registerPush(appInstanceId: string) {",
      "  await fetch('/api/push', { method: 'POST', body: JSON.stringify({ appInstanceId }) });",
      "}",
    ].join("\n");
    expect(graded("sample.ts", src).filter((f) => f.includes("device-id"))).toEqual(["7 device-id transmit medium"]);
  });
});

describe("the app's own branding is no one's name", () => {
  it("a white label's display name is the product's; a user profile's is a person's", () => {
    const src = ["interface WhiteLabel {", "  displayName: string;", "}", "interface UserProfile {", "  displayName: string;", "}"].join("\n");
    expect(found(src)).toEqual(["5 name schema"]);
  });
});

describe("a test of whether a request carries a field is not a read of it", () => {
  it("req.body.emails === undefined and typeof req.body.phone are kept at low; req.body.email read is high", () => {
    const src = [
      "export const schema = z.object({}).refine((req) => req.body.emails === undefined || req.body.ids === undefined);",
      "export function handler(req: Request) {",
      "  if (typeof req.body.phone !== 'string') return;",
      "  return lookup(req.body.email);",
      "}",
    ].join("\n");
    expect(graded("sample.ts", src)).toEqual(["1 email input low", "3 phone input low", "4 email input high"]);
  });
});

describe("a field typed only to confirm an action collects nothing", () => {
  it("an address typed to confirm deleting an account is kept at low; a login form's address is high", () => {
    const src = [
      "export const AdminUserDeleteDialog = ({ user }) => {",
      "  const [email, setEmail] = useState('');",
      "  return <><Input type='email' value={email} onChange={(e) => setEmail(e.target.value)} />",
      "    <Button disabled={email !== user.email} onClick={() => deleteUser(user.id)} /></>;",
      "};",
      "export const AccountDeleteDialog = ({ user }) => {",
      "  const [enteredEmail, setEnteredEmail] = useState('');",
      "  return <><Input value={enteredEmail} onChange={(e) => setEnteredEmail(e.target.value)} />",
      "    <Button disabled={enteredEmail !== user.email} /></>;",
      "};",
      "export const LoginForm = () => {",
      "  const [email, setEmail] = useState('');",
      "  return <form onSubmit={() => signIn({ email })}><Input type='email' value={email} onChange={(e) => setEmail(e.target.value)} /></form>;",
      "};",
    ].join("\n");
    expect(graded("sample.tsx", src)).toEqual(["3 email input low", "8 email input low", "13 email input high"]);
  });
});

describe("values named as the app's own are not a person's", () => {
  it("a service account's address, a team's mailbox and a configuration read's login are the deployment's; a member's address is a person's", () => {
    const src = [
      "import { CONVERSION_AUTH } from './constants';",
      "export async function migrate(member: { email: string }, teamEmail: string) {",
      "  await prisma.user.updateMany({ where: { email: LEGACY_SERVICE_EMAIL }, data: { email: deletedServiceAccountEmail() } });",
      "  await prisma.team.update({ data: { replyTo: teamEmail, email: teamEmail } });",
      "  const auth = DOCUMENT_CONVERSION_AUTH();",
      "  const headers = { Authorization: `Basic ${btoa(`${auth.username}:${auth.password}`)}` };",
      "  await fetch('/convert', { method: 'POST', headers });",
      "  await prisma.user.update({ data: { email: member.email } });",
      "}",
    ].join("\n");
    expect(graded("sample.ts", src)).toEqual(["2 email schema low", "8 email store medium"]);
  });
});

describe("a team's or an installation's records are not a person's", () => {
  it("a team's logo saved, an organisation's mailbox created and an installation account's avatar are theirs; a user's photo and a member's address are a person's", () => {
    const src = [
      "export async function onTeamAvatar(team: Team, avatarUrl: string) { await team.save({ avatarUrl }); }",
      "export async function onUserAvatar(user: User, avatarUrl: string) { await user.save({ avatarUrl }); }",
      "export async function addEmail(email: string) { await prisma.organisationEmail.create({ data: { email } }); }",
      "export async function addMember(email: string) { await prisma.organisationMember.create({ data: { email } }); }",
      "type IntegrationSettings = { github?: { installation: { id: number; account: { name: string; avatarUrl: string } } } };",
      "type LinkedAccount = { figma?: { account: { name: string; avatarUrl: string } } };",
    ].join("\n");
    expect(found(src)).toEqual(["2 profile-photo store", "4 email store", "6 name schema", "6 profile-photo schema"]);
  });
});

describe("credentials the app keeps in its own settings are a setting", () => {
  it("a TLS key's passphrase is the app's; a login form's password is a person's", () => {
    const src = [
      "interface TunnelOptions { cert?: string; key?: string; passphrase?: string }",
      "export function login(form: { password: string }) { api.post('/login', { password: form.password }); }",
    ].join("\n");
    expect(graded("sample.ts", src)).toEqual(["2 password transmit medium"]);
  });

  it("a device's login read from the plugin's stored settings is no one's; a form's is a person's", () => {
    const src = [
      "fetch(url, { method: 'POST', body: JSON.stringify({ username: this.storageSettings.values.username || 'admin' }) });",
      "fetch('/api/login', { method: 'POST', body: JSON.stringify({ username: form.username }) });",
    ].join("\n");
    expect(graded("sample.ts", src)).toEqual(["2 nickname transmit high"]);
  });
});
