import type { RuleDef, RuleSet } from "../config/rules-loader.js";
import { NameClassifier, type NameRuleSpec } from "./name-classifier.js";
import { splitWords } from "./tokens.js";

/**
 * Every rule folded into lookup tables keyed by what the walker sees at a node (an API
 * path, a method name, an attribute name, a string), so each node costs one map lookup
 * however many rules there are.
 */
export interface CompiledRules {
  api: Map<string, RuleDef[]>;
  /** "@sentry/*:captureException": module prefix + member path. */
  // A module glob + member path: "@sentry/<star>:captureException", "<star>/gtag:event".
  apiWildcards: { module: RegExp; member: string; rule: RuleDef }[];
  /** Root names of global APIs (navigator, console …): the only free identifiers worth resolving. */
  globals: Set<string>;
  /**
   * Imported types some rule names a member of ("@angular/common/http:HttpHandler" for
   * `HttpHandler.handle`): a parameter typed by one is a handle of its API (`next: HttpHandler`).
   */
  apiTypes: Set<string>;
  methods: Map<string, { receiver: RegExp; firstArg?: RegExp; rule: RuleDef }[]>;
  calls: Map<string, RuleDef[]>;
  opaque: Set<string>;
  /** Keys of a store call's argument that find rows (`where`): what they hold is not written. */
  lookupKeys: Set<string>;
  requestObjects: Set<string>;
  /** First names of request objects (req, ctx): a chain rooted elsewhere is never a request. */
  requestRoots: Set<string>;
  requestMembers: Map<string, RuleDef[]>;
  requestProperties: Map<string, RuleDef[]>;
  jsx: Map<string, RuleDef[]>;
  strings: Map<string, RuleDef[]>;
  syntax: Map<string, RuleDef[]>;
  names: NameClassifier;
  byId: Map<string, RuleDef>;
  /** Every regular expression a rule carries, compiled once (jsx elements, refine symbols). */
  regex(source: string, flags?: string): RegExp;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function compileRules(set: RuleSet): CompiledRules {
  const regexCache = new Map<string, RegExp>();
  const c: CompiledRules = {
    api: new Map(),
    apiWildcards: [],
    globals: new Set(),
    apiTypes: new Set(),
    methods: new Map(),
    calls: new Map(),
    opaque: new Set(set.vocabulary.opaque),
    lookupKeys: new Set(set.vocabulary.lookupKeys),
    requestObjects: new Set(),
    requestRoots: new Set(),
    requestMembers: new Map(),
    requestProperties: new Map(),
    jsx: new Map(),
    strings: new Map(),
    syntax: new Map(),
    names: undefined as unknown as NameClassifier,
    byId: new Map(),
    regex: (source, flags = "") => {
      const key = `${flags}/${source}`;
      let re = regexCache.get(key);
      if (!re) {
        re = new RegExp(source, flags);
        regexCache.set(key, re);
      }
      return re;
    },
  };
  const nameSpecs: NameRuleSpec[] = [];
  for (const rule of set.rules) {
    c.byId.set(rule.id, rule);
    for (const api of rule.api ?? []) {
      const [mod, member] = splitApi(api);
      if (mod.includes("*")) c.apiWildcards.push({ module: moduleGlob(mod), member, rule });
      else push(c.api, `${mod}:${member}`, rule);
      const root = member.split(/[.(]/)[0];
      if (mod === "global") c.globals.add(root);
      else if (/^[A-Z]/.test(root) && !mod.includes("*")) c.apiTypes.add(`${mod}:${root}`);
    }
    if (rule.method) {
      const receiver = new RegExp(rule.method.receiver, "i");
      const firstArg = rule.method.firstArg ? new RegExp(rule.method.firstArg) : undefined;
      for (const m of rule.method.names) push(c.methods, m, { receiver, firstArg, rule });
    }
    for (const w of rule.calls ?? []) push(c.calls, w.toLowerCase(), rule);
    if (rule.request) {
      for (const o of rule.request.objects) {
        c.requestObjects.add(o);
        c.requestRoots.add(o.split(".")[0]);
      }
      for (const m of rule.request.members ?? []) push(c.requestMembers, m, rule);
      for (const p of rule.request.properties ?? []) push(c.requestProperties, p, rule);
    }
    if (rule.jsx) push(c.jsx, rule.jsx.attribute, rule);
    for (const s of rule.strings ?? []) push(c.strings, s.toLowerCase(), rule);
    for (const s of rule.syntax ?? []) push(c.syntax, s, rule);
    if (rule.kind === "name") {
      nameSpecs.push({
        id: rule.id,
        category: rule.category,
        confidence: rule.confidence,
        patterns: (rule.names ?? []).map((p) => p.toLowerCase().split(/\s+/)),
        qualifiers: rule.qualifiers,
        exclude: rule.exclude ?? [],
        ownerExclude: rule.ownerExclude,
        unlessValue: rule.unlessValue,
        unlessBeside: rule.unlessBeside,
        pair: rule.pair,
      });
    }
  }
  c.names = new NameClassifier(nameSpecs, set.vocabulary);
  return c;
}

function splitApi(api: string): [string, string] {
  const i = api.indexOf(":");
  return [api.slice(0, i).replace(/^node:/, ""), api.slice(i + 1)];
}

/**
 * The category a rule's `refine` gives inside a function so named (`pickAvatar`: a profile photo, not any image),
 * or for a call whose arguments' words say so (`openCamera({ mediaType: 'video' })`, `{ ...VIDEO_PICKER_CONFIG }`), if any.
 */
export function refinedCategory(c: CompiledRules, rule: RuleDef, symbol: string | null, argsText?: string): string | undefined {
  if (!rule.refine) return undefined;
  let words: Set<string> | undefined;
  for (const x of rule.refine) {
    if (x.symbol !== undefined) {
      if (symbol && c.regex(x.symbol, "i").test(symbol)) return x.category;
    } else if (x.args && argsText) {
      words ??= new Set(splitWords(argsText));
      if (x.args.some((w) => words!.has(w)) && !(x.unlessArgs ?? []).some((w) => words!.has(w))) return x.category;
    }
  }
  return undefined;
}

export function lookupApi(c: CompiledRules, path: string): RuleDef[] | undefined {
  const exact = c.api.get(path);
  if (c.apiWildcards.length === 0) return exact;
  let out = exact;
  const colon = path.indexOf(":");
  const member = path.slice(colon + 1);
  for (const w of c.apiWildcards) {
    if (w.member === member && w.module.test(path.slice(0, colon))) out = out ? [...out, w.rule] : [w.rule];
  }
  return out;
}

// "@sentry/<star>" is any @sentry package; "<star>/gtag" any module path ending in /gtag (a local wrapper).
function moduleGlob(glob: string): RegExp {
  const body = glob.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}$`);
}
