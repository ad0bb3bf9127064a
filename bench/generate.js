// Generates a deterministic, realistic TS/TSX project for `npm run bench`.
//
//   node bench/generate.js [--force] [--files N]
//
// Output: bench/.generated/<N>/ (gitignored), one project per size. By default 2,000 files,
// ~200 lines each (~400k lines): React
// Native screens with TextInputs, API services (axios/fetch), loggers, DTOs/interfaces,
// express handlers reading req.body, and a lot of ordinary utility code around them.
// The same GENERATOR_VERSION + SEED always produce byte-identical files; if the folder
// already holds output of this version, nothing is rewritten. A larger project starts with
// the same files as a smaller one (one PRNG stream), so sizes differ only in how much code.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const GENERATOR_VERSION = 1;
export const SEED = 0x5eed_2024;
export const FILE_COUNT = 2000;
/** Sizes `npm run bench` scans, to show that the cost grows linearly with the code. */
export const SIZES = [FILE_COUNT, 4 * FILE_COUNT];
const GENERATED = join(dirname(fileURLToPath(import.meta.url)), ".generated");
/** The folder of the generated project of `files` files. */
export const projectDir = (files = FILE_COUNT) => join(GENERATED, String(files));
export const OUT_DIR = projectDir(FILE_COUNT);
export const META_FILE = "bench-meta.json";
export const MANIFEST_FILE = "privacy-manifest.yml";

// ---------------------------------------------------------------- seeded PRNG (mulberry32)
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const sample = (arr, n) => {
  const copy = [...arr];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
  return out;
};
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const lcFirst = (s) => s[0].toLowerCase() + s.slice(1);

// ---------------------------------------------------------------- vocabulary
const DOMAINS = ["account", "devices", "cloud", "playback", "alarms", "family", "billing", "support", "settings", "notifications", "sharing", "firmware"];
const NOUNS = ["Device", "Camera", "Order", "Plan", "Event", "Clip", "Alarm", "Member", "Ticket", "Invoice", "Schedule", "Zone", "Channel", "Preset", "Snapshot", "Report", "Session", "Profile", "Subscription", "Gateway"];
const VERBS = ["load", "fetch", "sync", "update", "refresh", "submit", "resolve", "archive", "compute", "build", "apply", "merge", "normalize", "validate", "prepare"];
const PERSONAL = ["email", "phone", "phoneNumber", "firstName", "lastName", "fullName", "streetAddress", "postalCode", "zipCode", "city", "country",
  "latitude", "longitude", "deviceId", "serialNumber", "macAddress", "ipAddress", "password", "birthDate", "avatarUrl", "pushToken", "ssid",
  "nickname", "userName", "language", "timezone", "contactEmail", "mobileNumber", "shippingAddress", "deviceName"];
const NEUTRAL = ["status", "page", "pageSize", "limit", "offset", "sortBy", "orderId", "productId", "quantity", "price", "currency", "title",
  "description", "enabled", "retryCount", "timeout", "theme", "version", "createdAt", "updatedAt", "tags", "category", "channelId",
  "resolution", "bitrate", "format", "mode", "level", "duration", "count", "planId", "isActive", "priority", "region", "startTime", "endTime",
  "thumbnailUrl", "quality", "sensitivity", "volume", "brightness", "label", "color", "sequence", "checksum"];
const TYPES_FOR = (f) => (/(count|page|limit|offset|quantity|price|retry|timeout|duration|bitrate|latitude|longitude|volume|brightness|sensitivity|sequence|priority|level)/i.test(f) ? "number" : /^(is|enabled)/.test(f) ? "boolean" : /At$|Time$/.test(f) ? "string" : /tags/.test(f) ? "string[]" : "string");
const DEFAULT_FOR = (t) => (t === "number" ? "0" : t === "boolean" ? "false" : t === "string[]" ? "[]" : "''");
const shuffle = (arr) => {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
};
const fields = (nPersonal, nNeutral) => shuffle([...sample(PERSONAL, nPersonal), ...sample(NEUTRAL, nNeutral)]);

// ---------------------------------------------------------------- filler: ordinary code
function utilityBlock(tag) {
  const N = pick(NOUNS);
  const v = pick(VERBS);
  const kind = int(0, 9);
  switch (kind) {
    case 0:
      return `
export function chunk${tag}<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) throw new RangeError('size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}
`;
    case 1:
      return `
export class ${N}Cache${tag}<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(private readonly ttlMs: number = ${int(1, 60) * 1000}) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  prune(): number {
    let removed = 0;
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires < now) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
`;
    case 2:
      return `
export function ${v}${N}Stats${tag}(values: number[]): { min: number; max: number; mean: number; p95: number } {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, p95: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const x of sorted) sum += x;
  const idx = Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95));
  return { min: sorted[0], max: sorted[sorted.length - 1], mean: sum / sorted.length, p95: sorted[idx] };
}
`;
    case 3:
      return `
export type ${N}State${tag} = 'idle' | 'loading' | 'ready' | 'failed';

export function next${N}State${tag}(state: ${N}State${tag}, event: { type: string; error?: unknown }): ${N}State${tag} {
  switch (state) {
    case 'idle':
      return event.type === 'start' ? 'loading' : state;
    case 'loading':
      if (event.type === 'done') return 'ready';
      if (event.type === 'fail') return 'failed';
      return state;
    case 'failed':
      return event.type === 'retry' ? 'loading' : state;
    default:
      return state;
  }
}
`;
    case 4:
      return `
export function groupBy${tag}<T, K extends string | number>(items: Iterable<T>, keyOf: (item: T) => K): Record<K, T[]> {
  const out = {} as Record<K, T[]>;
  for (const item of items) {
    const key = keyOf(item);
    (out[key] ??= []).push(item);
  }
  return out;
}

export function uniqueBy${tag}<T>(items: T[], keyOf: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
`;
    case 5:
      return `
export async function retry${tag}<T>(fn: () => Promise<T>, attempts = ${int(2, 5)}, delayMs = ${int(1, 9) * 100}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
`;
    case 6:
      return `
export function format${N}Duration${tag}(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.floor(totalSeconds % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? \`\${hours}:\${pad(minutes)}:\${pad(seconds)}\` : \`\${pad(minutes)}:\${pad(seconds)}\`;
}

export const ${N.toUpperCase()}_LIMITS_${tag} = {
  maxItems: ${int(10, 500)},
  minInterval: ${int(1, 30)},
  maxRetries: ${int(1, 6)},
  backoff: ${int(100, 2000)},
} as const;
`;
    case 7:
      return `
export class ${N}Queue${tag}<T extends { id: string; priority: number }> {
  private items: T[] = [];

  push(item: T): void {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1].priority < item.priority) i--;
    this.items.splice(i, 0, item);
  }

  pop(): T | undefined {
    return this.items.shift();
  }

  remove(id: string): boolean {
    const idx = this.items.findIndex((x) => x.id === id);
    if (idx < 0) return false;
    this.items.splice(idx, 1);
    return true;
  }

  get size(): number {
    return this.items.length;
  }
}
`;
    case 8:
      return `
export function ${v}${N}Matrix${tag}(rows: number, cols: number, seed = ${int(1, 999)}): number[][] {
  const grid: number[][] = [];
  let x = seed;
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      row.push(x % 100);
    }
    grid.push(row);
  }
  return grid;
}
`;
    default:
      return `
export function debounce${tag}<A extends unknown[]>(fn: (...args: A) => void, waitMs = ${int(50, 500)}): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, waitMs);
  };
}

export function clamp${tag}(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}
`;
  }
}

// Filler names must not collide inside one file: suffix every block with a counter.
function filler(targetLines, current) {
  let out = "";
  let lines = current;
  let k = 1;
  while (lines < targetLines) {
    const block = utilityBlock(`_${k++}`);
    out += block;
    lines += block.split("\n").length - 1;
  }
  return out;
}

// ---------------------------------------------------------------- file kinds
function screenFile(domain, name) {
  const inputs = fields(int(2, 4), int(1, 3)).filter((f) => TYPES_FOR(f) === "string");
  const payload = fields(int(1, 3), int(2, 4));
  const viaClient = chance(0.5); // half the screens post through a shared `api` client
  const service = viaClient ? "api" : `${lcFirst(name)}Api`;
  const states = inputs.map((f) => `  const [${f}, set${cap(f)}] = useState('');`).join("\n");
  const contentType = { email: "emailAddress", contactEmail: "emailAddress", phone: "telephoneNumber", phoneNumber: "telephoneNumber", mobileNumber: "telephoneNumber", password: "password", firstName: "givenName", lastName: "familyName", fullName: "name", nickname: "nickname", postalCode: "postalCode", streetAddress: "fullStreetAddress", city: "addressCity", userName: "username" };
  const keyboard = (f) => (/email/i.test(f) ? "email-address" : /phone|mobile/i.test(f) ? "phone-pad" : "default");
  const inputsJsx = inputs
    .map((f) => {
      const attrs = [`value={${f}}`, `onChangeText={set${cap(f)}}`, `placeholder={translate('${domain}.${f}')}`, `style={styles.input}`];
      if (contentType[f] && chance(0.7)) attrs.push(`textContentType="${contentType[f]}"`);
      if (chance(0.5)) attrs.push(`keyboardType="${keyboard(f)}"`);
      if (f === "password") attrs.push("secureTextEntry");
      if (chance(0.4)) attrs.push('autoCapitalize="none"');
      return `        <TextInput\n${attrs.map((a) => `          ${a}`).join("\n")}\n        />`;
    })
    .join("\n");
  const body = payload.map((f) => `        ${f}: ${inputs.includes(f) ? f : `props.${f}`},`).join("\n");
  const styleEntries = Array.from({ length: int(6, 14) }, (_, i) => `  block${i}: { padding: ${int(2, 24)}, marginTop: ${int(0, 16)}, borderRadius: ${int(0, 12)}, backgroundColor: '#${int(0x100000, 0xffffff).toString(16)}' },`).join("\n");
  const head = `import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { ActivityIndicator, Alert, Pressable, ScrollView, StyleSheet, Text, TextInput, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
${viaClient ? "import { api } from '../../api/client';" : `import { ${service} } from '../../services/${domain}/${lcFirst(name)}Service';`}
import { translate } from '../../i18n/translate';

interface ${name}Props {
${payload.filter((f) => !inputs.includes(f)).map((f) => `  ${f}: ${TYPES_FOR(f)};`).join("\n")}
  onDone?: () => void;
}

export default function ${name}Screen(props: ${name}Props): JSX.Element {
  const navigation = useNavigation();
${states}
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const canSubmit = useMemo(() => ${inputs.map((f) => `${f}.trim().length > 0`).join(" && ") || "true"}, [${inputs.join(", ")}]);

  useEffect(() => {
    setError(null);
  }, [${inputs.join(", ")}]);

  const onSubmit = useCallback(async () => {
    if (!canSubmit || busy) return;
    setBusy(true);
    try {
      await ${viaClient ? `api.post('/${domain}/${lcFirst(name)}', {` : `${service}.save({`}
${body}
      });
      props.onDone?.();
      navigation.goBack();
    } catch (err) {
      setError((err as Error).message);
      Alert.alert(translate('common.error'), (err as Error).message);
    } finally {
      setBusy(false);
    }
  }, [canSubmit, busy, ${inputs.join(", ")}]);

  return (
    <ScrollView contentContainerStyle={styles.container}>
      <View style={styles.card}>
        <Text style={styles.title}>{translate('${domain}.${lcFirst(name)}.title')}</Text>
${inputsJsx}
        {error ? <Text style={styles.error}>{error}</Text> : null}
        <Pressable disabled={!canSubmit || busy} onPress={onSubmit} style={styles.button}>
          {busy ? <ActivityIndicator /> : <Text style={styles.buttonText}>{translate('common.save')}</Text>}
        </Pressable>
      </View>
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  container: { padding: 16, flexGrow: 1 },
  card: { borderRadius: 8, padding: 12, backgroundColor: '#fff' },
  title: { fontSize: 18, fontWeight: '600', marginBottom: 12 },
  input: { borderWidth: 1, borderColor: '#ccc', borderRadius: 6, padding: 10, marginBottom: 8 },
  error: { color: '#c00', marginBottom: 8 },
  button: { backgroundColor: '#0a7', padding: 12, borderRadius: 6, alignItems: 'center' },
  buttonText: { color: '#fff', fontWeight: '600' },
${styleEntries}
});
`;
  return head;
}

function serviceFile(domain, name) {
  const personal = fields(int(1, 4), int(2, 5));
  const neutral = fields(0, int(3, 6));
  const iface = `${name}Payload`;
  const useAxios = chance(0.6);
  const base = `https://api.example.com/v${int(1, 3)}/${domain}`;
  const saveBody = personal.map((f) => `      ${f}: payload.${f},`).join("\n");
  const listParams = neutral.map((f) => `${f}: query.${f}`).join(", ");
  const call = useAxios
    ? `    const res = await axios.post<${name}Result>(\`\${BASE_URL}/${lcFirst(name)}\`, {
${saveBody}
    });
    return res.data;`
    : `    const res = await fetch(\`\${BASE_URL}/${lcFirst(name)}\`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
${saveBody.replace(/^/gm, "  ")}
      }),
    });
    if (!res.ok) throw new Error(\`save failed: \${res.status}\`);
    return (await res.json()) as ${name}Result;`;
  return `${useAxios ? "import axios from 'axios';\n" : ""}import { logger } from '../../logging/logger';

const BASE_URL = '${base}';

export interface ${iface} {
${personal.map((f) => `  ${f}${chance(0.3) ? "?" : ""}: ${TYPES_FOR(f)};`).join("\n")}
}

export interface ${name}Query {
${neutral.map((f) => `  ${f}?: ${TYPES_FOR(f)};`).join("\n")}
}

export interface ${name}Result {
  id: string;
  ${pick(NEUTRAL)}: ${TYPES_FOR("status")};
  createdAt: string;
}

class ${name}Service {
  private inflight = 0;

  async save(payload: ${iface}): Promise<${name}Result> {
    this.inflight++;
    try {
${call.replace(/^ {4}/gm, "      ")}
    } finally {
      this.inflight--;
    }
  }

  async list(query: ${name}Query = {}): Promise<${name}Result[]> {
    ${useAxios ? `const res = await axios.get<${name}Result[]>(\`\${BASE_URL}/${lcFirst(name)}s\`, { params: { ${listParams} } });
    return res.data;` : `const qs = new URLSearchParams(Object.entries({ ${listParams} }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const res = await fetch(\`\${BASE_URL}/${lcFirst(name)}s?\${qs}\`);
    return (await res.json()) as ${name}Result[];`}
  }

  async remove(id: string): Promise<void> {
    logger.info('removing ${lcFirst(name)}', { id, inflight: this.inflight });
    ${useAxios ? `await axios.delete(\`\${BASE_URL}/${lcFirst(name)}/\${encodeURIComponent(id)}\`);` : `await fetch(\`\${BASE_URL}/${lcFirst(name)}/\${encodeURIComponent(id)}\`, { method: 'DELETE' });`}
  }

  get busy(): boolean {
    return this.inflight > 0;
  }
}

export const ${lcFirst(name)}Api = new ${name}Service();
`;
}

function loggerFile(domain, name) {
  const logged = fields(int(1, 3), int(2, 4));
  return `type Level = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = __DEV__ ? 'debug' : 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

function emit(level: Level, message: string, context?: Record<string, unknown>): void {
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = \`[\${new Date().toISOString()}] \${level.toUpperCase()} \${message}\`;
  if (level === 'error') console.error(line, context ?? {});
  else if (level === 'warn') console.warn(line, context ?? {});
  else console.log(line, context ?? {});
}

export const logger = {
  debug: (message: string, context?: Record<string, unknown>) => emit('debug', message, context),
  info: (message: string, context?: Record<string, unknown>) => emit('info', message, context),
  warn: (message: string, context?: Record<string, unknown>) => emit('warn', message, context),
  error: (message: string, context?: Record<string, unknown>) => emit('error', message, context),
};

export function log${name}Event(event: { ${logged.map((f) => `${f}: ${TYPES_FOR(f)}`).join("; ")} }): void {
  console.log('${domain}.${lcFirst(name)}', {
${logged.map((f) => `    ${f}: event.${f},`).join("\n")}
  });
}

export function log${name}Timing(label: string, startedAt: number): void {
  const elapsed = Date.now() - startedAt;
  logger.debug(\`\${label} took \${elapsed}ms\`, { label, elapsed });
}
`;
}

function dtoFile(domain, name) {
  const out = [];
  const n = int(2, 4);
  for (let i = 0; i < n; i++) {
    const N = `${name}${pick(["Dto", "Model", "Record", "Summary", "Details"])}${i}`;
    const fs = fields(int(0, 3), int(3, 7));
    if (chance(0.5)) {
      out.push(`
export interface ${N} {
${fs.map((f) => `  ${f}${chance(0.25) ? "?" : ""}: ${TYPES_FOR(f)};`).join("\n")}
}
`);
    } else {
      out.push(`
export class ${N} {
${fs.map((f) => `  ${f}: ${TYPES_FOR(f)} = ${DEFAULT_FOR(TYPES_FOR(f))};`).join("\n")}

  static from(raw: Partial<${N}>): ${N} {
    return Object.assign(new ${N}(), raw);
  }

  clone(): ${N} {
    return ${N}.from({ ...this });
  }
}
`);
    }
  }
  const enumName = `${name}Kind`;
  out.push(`
export enum ${enumName} {
${sample(["Primary", "Secondary", "Archived", "Draft", "Pending", "Shared", "Local", "Remote"], int(3, 6)).map((v, i) => `  ${v} = ${i},`).join("\n")}
}

export type ${name}Map<T> = { readonly [K in keyof T]: T[K] extends Function ? never : T[K] };
export type ${name}Patch<T> = Partial<Pick<T, keyof T>> & { id: string };
`);
  return `// ${domain} shapes\n${out.join("")}`;
}

function routeFile(domain, name) {
  const bodyFields = fields(int(1, 4), int(1, 3));
  const route = `/${domain}/${lcFirst(name)}`;
  return `import express, { type Request, type Response, type NextFunction } from 'express';
import { logger } from '../../logging/logger';

export const router = express.Router();

interface ${name}Row {
  id: string;
${bodyFields.map((f) => `  ${f}: ${TYPES_FOR(f)};`).join("\n")}
}

const rows = new Map<string, ${name}Row>();

function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
}

router.post('${route}', requireAuth, (req: Request, res: Response) => {
  const { ${bodyFields.join(", ")} } = req.body;
  const id = Math.random().toString(36).slice(2);
  rows.set(id, { id, ${bodyFields.join(", ")} });
  logger.info('created ${lcFirst(name)}', { id, from: req.ip });
  res.status(201).json({ id });
});

router.get('${route}/:id', requireAuth, (req: Request, res: Response) => {
  const row = rows.get(req.params.id);
  if (!row) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(row);
});

router.patch('${route}/:id', requireAuth, (req: Request, res: Response) => {
  const row = rows.get(req.params.id);
  if (!row) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const ${bodyFields[0]} = req.body.${bodyFields[0]};
  rows.set(row.id, { ...row, ${bodyFields[0]} });
  res.json({ ok: true, page: Number(req.query.page ?? 1) });
});

router.delete('${route}/:id', requireAuth, (req: Request, res: Response) => {
  const deleted = rows.delete(req.params.id);
  res.status(deleted ? 204 : 404).end();
});
`;
}

// Pure utility modules: a header, then filler() supplies loops, classes and generics.
function utilFile(domain) {
  return `// ${domain}: shared helpers\n`;
}

const KINDS = [
  { kind: "screen", weight: 25, dir: (d) => `src/screens/${d}`, ext: "tsx", suffix: "Screen", make: screenFile },
  { kind: "service", weight: 20, dir: (d) => `src/services/${d}`, ext: "ts", suffix: "Service", make: serviceFile, lcName: true },
  { kind: "logger", weight: 5, dir: (d) => `src/logging/${d}`, ext: "ts", suffix: "Log", make: loggerFile, lcName: true },
  { kind: "dto", weight: 15, dir: (d) => `src/models/${d}`, ext: "ts", suffix: "Models", make: dtoFile },
  { kind: "route", weight: 10, dir: (d) => `server/routes/${d}`, ext: "ts", suffix: "Routes", make: routeFile, lcName: true },
  { kind: "util", weight: 25, dir: (d) => `src/utils/${d}`, ext: "ts", suffix: "Utils", make: utilFile, lcName: true },
];
const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0);
function pickKind() {
  let r = rnd() * TOTAL_WEIGHT;
  for (const k of KINDS) if ((r -= k.weight) < 0) return k;
  return KINDS[KINDS.length - 1];
}

const MANIFEST = `# Generated for the benchmark: 5 activities with code globs.
version: 1
policy:
  name: Bench Privacy Policy
  updated: "2024-01-01"
recipients:
  - id: api-backend
    name: Example API
activities:
  - id: account
    data: [contact, identity, credentials]
    purposes: [account-registration]
    basis: contract
    recipients: [api-backend]
    code: ["src/screens/account/**", "src/services/account/**", "server/routes/account/**"]
  - id: devices
    data: [device-identifiers, network, device-info]
    purposes: [device-binding]
    basis: contract
    code: ["src/screens/devices/**", "src/services/devices/**", "src/screens/firmware/**", "src/services/firmware/**"]
  - id: location-features
    data: [location, locale]
    purposes: [geofencing]
    basis: consent
    code: ["src/**/settings/**", "src/**/alarms/**"]
  - id: billing
    data: [contact, financial, postal-address]
    purposes: [payments]
    basis: contract
    code: ["src/**/billing/**", "server/routes/billing/**"]
  - id: diagnostics
    data: [diagnostics, device-id, ip-address]
    purposes: [troubleshooting]
    basis: legitimate-interest
    code: ["src/logging/**", "server/**"]
`;

export function generate({ force = false, quiet = false, files: count = FILE_COUNT } = {}) {
  const dir = projectDir(count);
  const shown = `bench/.generated/${count}`;
  const metaPath = join(dir, META_FILE);
  if (!force && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, "utf8"));
      if (meta.version === GENERATOR_VERSION && meta.seed === SEED && meta.files.length === count) {
        if (!quiet) console.log(`${shown} is up to date (generator v${GENERATOR_VERSION}): ${meta.files.length} files, ${meta.lines} lines`);
        return { ...meta, dir };
      }
    } catch {
      // unreadable meta: regenerate
    }
  }
  // The layout before one folder per size kept a single project at the top.
  if (existsSync(join(GENERATED, META_FILE))) rmSync(GENERATED, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  rnd = mulberry32(SEED);
  const files = [];
  const usedNames = new Set();
  let lines = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const k = pickKind();
    const domain = pick(DOMAINS);
    let name;
    do name = `${pick(NOUNS)}${pick(["", "List", "Detail", "Edit", "Settings", "Share", "History", "Setup", "Overview", "Sync"])}${int(1, 99)}`;
    while (usedNames.has(`${k.kind}/${domain}/${name}`));
    usedNames.add(`${k.kind}/${domain}/${name}`);
    const target = int(140, 260); // lines; mean ~200
    let text = k.make(domain, name);
    text += filler(target, text.split("\n").length - 1);
    const rel = `${k.dir(domain)}/${k.lcName ? lcFirst(name) : name}${k.suffix}.${k.ext}`;
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
    files.push(rel);
    lines += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    bytes += Buffer.byteLength(text);
  }
  // Screens import `../../services/<domain>/<x>Service`; whether it exists does not matter to a syntax-only scan.
  writeFileSync(join(dir, MANIFEST_FILE), MANIFEST);
  // A generated project is its own repository: the scanner honours .gitignore files up to the
  // git root, and this folder is gitignored by policytrace itself.
  try {
    execFileSync("git", ["init", "-q"], { cwd: dir, stdio: "ignore" });
  } catch {
    mkdirSync(join(dir, ".git"), { recursive: true });
  }
  files.sort();
  const meta = { version: GENERATOR_VERSION, seed: SEED, lines, bytes, manifest: MANIFEST_FILE, files };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 1)}\n`);
  if (!quiet) console.log(`generated ${files.length} files, ${lines} lines, ${(bytes / 1048576).toFixed(1)} MB into ${shown}`);
  return { ...meta, dir };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--files");
  generate({ force: process.argv.includes("--force"), files: i >= 0 ? Number(process.argv[i + 1]) : FILE_COUNT });
}
