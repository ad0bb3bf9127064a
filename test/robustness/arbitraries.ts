// fast-check generators for the property tests: TypeScript/JavaScript drawn from a small
// grammar biased towards what the rules look at (personal names and their look-alikes,
// network/log/storage calls, object literals, JSX, type shapes), with garbage tokens mixed
// in; and manifests built from valid parts and plausible mistakes.

import fc from "fast-check";
import { stringify } from "yaml";
import { CATEGORY_IDS } from "../../src/report/report-schema.js";

const personal = fc.constantFrom("email", "phone", "deviceSn", "serialNumber", "mac", "macAddress", "latitude", "longitude", "ip", "password", "userName", "firstName", "imei", "ssid", "birthday", "avatar", "pushToken", "idfa", "coords");
const lookalike = fc.constantFrom("emailTemplate", "isValidEmail", "snackbar", "serialPort", "translate", "macro", "latency", "name", "id", "data", "user", "req", "constructor", "__proto__", "toString", "hasOwnProperty");
const identifier = fc.oneof(personal, lookalike, fc.stringMatching(/^[A-Za-z_$][\w$]{0,10}$/));
const typeName = fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/);
const literal = fc.oneof(personal, lookalike, fc.string({ maxLength: 10 }), fc.constantFrom("email", "tel", "password", "off", "telephoneNumber")).map((s) => JSON.stringify(s));
const callee = fc.constantFrom(
  "fetch", "console.log", "console.error", "axios.post", "axios.get", "api.post", "http.put", "localStorage.setItem", "sessionStorage.setItem",
  "AsyncStorage.setItem", "logger.info", "this.logger.warn", "analytics.track", "Sentry.setUser", "navigator.geolocation.getCurrentPosition",
  "os.networkInterfaces", "DeviceInfo.getSerialNumber", "JSON.stringify", "res.json", "repo.save", "prisma.user.create", "new WebSocket", "require", "import",
);
const tag = fc.constantFrom("input", "TextInput", "div", "Form.Item", "x-y", "Input");
const attribute = fc.constantFrom("type", "name", "autoComplete", "textContentType", "placeholder", "value", "onChange", "secureTextEntry", "keyboardType");
const garbage = fc.oneof(
  fc.constantFrom(")))", "{", "}", "<", "</", "@", "#!", "\u0000", "\uFFFD", "`", "/*", "*/", "'", '"', "=>", "...", "<div", "?.", "??", "import(", "enum", "declare module", "\\u{", "/[/", "//", "\r", "\u2028", "\uFEFF", "#x", "${"),
  fc.string({ maxLength: 8 }),
);

const { expression } = fc.letrec<{ expression: string; object: string; call: string; jsx: string }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 4, depthSize: "small" },
    identifier,
    literal,
    fc.integer().map(String),
    fc.tuple(identifier, identifier).map(([a, b]) => `${a}.${b}`),
    fc.tuple(tie("expression"), identifier).map(([o, p]) => `${o}.${p}`),
    fc.tuple(identifier, literal).map(([o, k]) => `${o}[${k}]`),
    tie("object"),
    tie("call"),
    tie("jsx"),
    fc.tuple(tie("expression"), tie("expression")).map(([a, b]) => `${a} + ${b}`),
    fc.tuple(fc.array(identifier, { maxLength: 3 }), tie("expression")).map(([ps, b]) => `(${ps.join(", ")}) => ${b}`),
    tie("expression").map((e) => `\`at ${"${"}${e}}\``),
    tie("expression").map((e) => `await ${e}`),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(identifier, literal), tie("expression"), fc.boolean()), { maxLength: 4 })
    .map((ps) => `{ ${ps.map(([k, v, short]) => (short && /^[A-Za-z_$][\w$]*$/.test(k) ? k : `${k}: ${v}`)).join(", ")} }`),
  call: fc.tuple(fc.oneof(callee, identifier), fc.array(tie("expression"), { maxLength: 3 })).map(([c, args]) => `${c}(${args.join(", ")})`),
  jsx: fc
    .tuple(tag, fc.array(fc.tuple(attribute, fc.oneof(literal, tie("expression").map((e) => `{${e}}`))), { maxLength: 3 }), fc.option(tie("expression")))
    .map(([t, attrs, child]) => `<${t} ${attrs.map(([a, v]) => `${a}=${v}`).join(" ")}${child === null ? " />" : `>{${child}}</${t}>`}`),
}));

const fields = fc.array(fc.tuple(fc.oneof(personal, lookalike), fc.constantFrom("string", "number", "Date", "string | null")), { maxLength: 4 });

const statement = fc.oneof(
  fc.tuple(identifier, expression).map(([n, e]) => `const ${n} = ${e};`),
  expression.map((e) => `${e};`),
  fc.tuple(typeName, fields).map(([n, fs]) => `export interface ${n} { ${fs.map(([f, t]) => `${f}: ${t};`).join(" ")} }`),
  fc.tuple(typeName, fields, expression).map(([n, fs, e]) => `class ${n} { ${fs.map(([f, t]) => `${f}!: ${t};`).join(" ")} run() { return ${e}; } }`),
  fc.tuple(typeName, identifier).map(([n, f]) => `class ${n}Controller { @Post() create(@Body() dto: ${n}Dto, @Req() req) { return req.body.${f}; } }`),
  fc.tuple(identifier, fc.constantFrom("axios", "react-native-device-info", "@sentry/react", "os", "./local")).map(([n, m]) => `import ${n} from "${m}";`),
  fc.tuple(identifier, identifier, expression).map(([f, p, e]) => `export async function ${f}(${p}) { return ${e}; }`),
  garbage,
);

/** A source file: random statements, sometimes glued by garbage instead of newlines. */
export const sourceText = fc.array(fc.tuple(statement, fc.constantFrom("\n", "\n", "\r\n", " ", ";")), { maxLength: 12 }).map((parts) => parts.map(([s, sep]) => s + sep).join(""));

export const sourceExtension = fc.constantFrom("ts", "tsx", "js", "jsx", "mjs", "cjs", "d.ts", "mts", "cts");

const goodGlob = fc.constantFrom("src/**", "src/a/**", "**/*.tsx", "src/{a,b}/**", "src/f0.ts", "*.ts");
const glob = fc.oneof(goodGlob, fc.constantFrom("../**", "/etc/**", "src/../../x/**", "[", "!(x", "src/**/..", "", " "), fc.string({ maxLength: 8 }));
const goodTerm = fc.oneof(fc.constantFrom(...CATEGORY_IDS), fc.constantFrom("contact", "location", "device-identifiers", "Device SN", "GPS", "Email address"));
const dataTerm = fc.oneof(goodTerm, fc.constantFrom("emial", "", "gps!"), fc.string({ maxLength: 6 }));
const id = fc.oneof(fc.constantFrom("sign-up", "app", "device-binding", "a"), fc.constantFrom("Sign Up", "", "-x", "TODO"), fc.string({ maxLength: 6 }));

/** Valid: what a user who read the README writes. */
const goodManifest = fc.record(
  {
    version: fc.constant(1),
    policy: fc.record({ name: fc.string({ maxLength: 8 }), updated: fc.constantFrom("2023-01-10") }, { requiredKeys: [] }),
    recipients: fc.constant([{ id: "aws", name: "Amazon Web Services", hosts: ["*.amazonaws.com"] }]),
    activities: fc.uniqueArray(
      fc.record(
        {
          id: fc.constantFrom("sign-up", "app", "device-binding", "a1"),
          data: fc.array(goodTerm, { minLength: 1, maxLength: 4 }),
          purposes: fc.constant(["support"]),
          basis: fc.constantFrom("contract", "consent", "legitimate-interest", "legal-obligation"),
          recipients: fc.constant(["aws"]),
          code: fc.array(goodGlob, { maxLength: 2 }),
        },
        { requiredKeys: ["id", "data", "purposes", "basis"] },
      ),
      { minLength: 1, maxLength: 3, selector: (a) => a.id },
    ),
    audit: fc.record({ include: fc.array(goodGlob, { minLength: 1, maxLength: 2 }), exclude: fc.array(goodGlob, { maxLength: 1 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ["version", "activities"] },
);

/** Plausible mistakes: wrong types, unknown keys and ids, escaping globs, missing folders. */
const activity = fc.record(
  {
    id,
    ref: fc.oneof(fc.constantFrom("A.1a", "B.2"), fc.integer()),
    title: fc.string({ maxLength: 10 }),
    data: fc.oneof(fc.array(dataTerm, { maxLength: 4 }), dataTerm),
    purposes: fc.array(fc.oneof(fc.constantFrom("support", "account-registration", "TODO: fill in"), fc.string({ maxLength: 6 })), { maxLength: 2 }),
    basis: fc.oneof(fc.constantFrom("contract", "consent", "legitimate-interest", "legal-obligation"), fc.constantFrom("contrakt", "", 5)),
    recipients: fc.array(fc.constantFrom("aws", "sentry", "nobody"), { maxLength: 2 }),
    code: fc.array(glob, { maxLength: 3 }),
    extra: fc.string({ maxLength: 4 }),
  },
  { requiredKeys: ["id", "data", "purposes", "basis"] },
);

const badManifest = fc.record(
  {
    version: fc.constantFrom(1, 1, 1, 2, "1", null),
    policy: fc.record({ name: fc.string({ maxLength: 8 }), updated: fc.constantFrom("2023-01-10", "yesterday") }, { requiredKeys: [] }),
    recipients: fc.array(fc.record({ id: fc.constantFrom("aws", "sentry", "Bad Id"), name: fc.string({ maxLength: 6 }) }, { requiredKeys: ["id"] }), { maxLength: 3 }),
    activities: fc.oneof(fc.array(activity, { maxLength: 3 }), fc.constantFrom(null, "none", {})),
    audit: fc.record({ include: fc.array(glob, { maxLength: 2 }), exclude: fc.array(glob, { maxLength: 2 }), rules: fc.array(fc.constantFrom("./rules", "../x", "missing"), { maxLength: 1 }) }, { requiredKeys: [] }),
    activites: fc.constant([]),
  },
  { requiredKeys: [] },
);

const manifestObject = fc.oneof(goodManifest, badManifest);

/** Manifest text: YAML of a good or plausibly bad manifest; sometimes cut short, or with garbage spliced in. */
export const manifestText = fc.oneof(
  { weight: 6, arbitrary: manifestObject.map((m) => stringify(m)) },
  { weight: 2, arbitrary: fc.tuple(manifestObject.map((m) => stringify(m)), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))) },
  { weight: 2, arbitrary: fc.tuple(manifestObject.map((m) => stringify(m)), fc.nat(), garbage).map(([t, n, g]) => { const i = n % (t.length + 1); return t.slice(0, i) + g + t.slice(i); }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
