import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { lazyValidator } from "./lazy-validator.js";
import type { Confidence, Kind } from "../types.js";
import type { Taxonomy } from "./categories.js";
import { ConfigError } from "./config-error.js";
import { builtinRulesDir } from "./package-paths.js";
import { preparsedYamlFile, readYamlFile, type YamlFile } from "./yaml-file.js";
import { builtinYamlFiles, cachedBuiltins } from "./rules-cache.js";
import { MATCHERS, ruleFileSchema } from "./rule-schema.js";
import { schemaError } from "./schema-errors.js";
import { suggestion } from "./did-you-mean.js";
import { regexProblem } from "./regex-safety.js";
import type { ValueShape, Vocabulary } from "../detect/name-classifier.js";
import { readCatalogueFile, type CatalogueSeen, type RecipientDef } from "./recipients-loader.js";

export type RuleKind = Kind | "name";

/** A rule as written in YAML, after validation. `category: names` means "the names in its arguments". */
export interface RuleDef {
  id: string;
  category: string;
  kind: RuleKind;
  confidence: Confidence;
  description?: string;
  recipient?: string;
  api?: string[];
  argsHave?: string[];
  /** Words that must appear in the arguments' source text (an Apple sign-in asking for EMAIL). */
  argsMention?: string[];
  /** Skip the call when these argument keys are all literals or CONSTANTS (an app's own address). */
  unlessConstant?: string[];
  /** Skip the call when its first argument's text matches this regular expression (`gtag('js', new Date())` sets up, sends nothing). */
  unlessFirstArg?: string;
  /** A source whose value is personal only in what is done with it (the page's URL): reported where it reaches a sink, not where it is read. */
  onlyWhenSent?: boolean;
  /** With onlyWhenSent: the machine's own facts (its interfaces, host name) written to its own log are no one's; only a send or a store collects them. */
  unlessLogged?: boolean;
  /** Where in the value a source yields its category lives (NetInfo state: `details.ssid`); the rest of the value carries none. */
  yields?: string[];
  /** The call asks a person a question: its string arguments are prompt text, classified without the `ignore` words (what, your, enter …). */
  promptText?: { ignore: string[] };
  /**
   * A more specific category when the enclosing function's name matches (pickAvatar → profile-photo), or
   * when the words of the call's arguments include one of `args` and none of `unlessArgs`
   * (openCamera({ mediaType: 'video' }), launchCamera(VIDEO_OPTIONS) → video).
   */
  refine?: { symbol?: string; args?: string[]; unlessArgs?: string[]; category: string }[];
  method?: { names: string[]; receiver: string; firstArg?: string };
  request?: { objects: string[]; members?: string[]; properties?: string[] };
  /**
   * `unlessNamed`, with `values`: words in the field's own name (its name or id, the wrapper's name, the
   * variable bound to its value) that make what its type asks for the app's setting (emailReplyTo, clientSecret).
   */
  /**
   * `unlessAttributes`, with `values`: per value, `attribute=value` pairs of the same element that say the field is
   * for something else (autoComplete="username" on a `type="email"` field: the login is an email address).
   */
  /**
   * `boundOnly`, with `names`: only a bound expression is judged (value={email}); a string the code wrote
   * (<input type="hidden" name="action" value="avatar" />) is the field's own constant, nobody's datum.
   */
  jsx?: { attribute: string; values?: Record<string, string>; names?: boolean; boundOnly?: boolean; elements?: string; unlessNamed?: string[]; unlessAttributes?: Record<string, string[]> };
  strings?: string[];
  /** First word of a called function's name: saveUser(…), createSession(…). */
  calls?: string[];
  /** With `calls`: receivers (a regular expression over `res`, `this.reply` …) whose method of that name is not this rule's (a server's reply). */
  unlessReceiver?: string;
  /** With `calls`: the only receivers whose method of that name is this rule's (an API client's upsertCustomer); a bare call never is. */
  onlyReceiver?: string;
  /** Categories this sink never collects, whatever carries them (a UI language kept in the device's own storage). */
  unlessCategories?: string[];
  syntax?: ("type-field" | "class-field" | "prisma-field")[];
  names?: string[];
  qualifiers?: string[];
  exclude?: string[];
  ownerExclude?: string[];
  /** Value shapes that mean a field of this name holds a setting, not the datum (`audio: number`). */
  unlessValue?: ValueShape[];
  /** Last words of sibling names that make a match something else (`ip` beside `port` is an endpoint). */
  unlessBeside?: string[];
  pair?: [string[], string[]];
  tests?: { positive?: string[]; negative?: string[] };
  /** Where it was loaded from, for messages. */
  file: string;
}

export interface RuleSet {
  rules: RuleDef[];
  vocabulary: Vocabulary;
  /** The recipients catalogue (rules/recipients/ and any user rule folder's catalogue files). */
  recipients: RecipientDef[];
}

export const NAMES = "names";

/** Kinds of rule that move data somewhere (a network, storage, a log): what reaches them is what they report. */
export const SINK_KINDS: ReadonlySet<string> = new Set(["transmit", "store", "log"]);

/** Built-in YAML under rules/ that is data, not detection rules: the categories and the label tables. */
const BUILTIN_DATA = ["categories.yml", "labels"];

// With the built-in rules cache, a scan without user rules never compiles it.
const ruleFileValidator = lazyValidator(ruleFileSchema);

export function loadRuleSet(taxonomy: Taxonomy, extraDirs: string[] = [], cwd = process.cwd()): RuleSet {
  const files = [...ruleFiles(builtinRulesDir, true)];
  for (const dir of extraDirs) files.push(...ruleFiles(resolve(cwd, dir), false));
  const rules: RuleDef[] = [];
  // Maps looked up by words from scanned code have no prototype: a JSX type="constructor"
  // or an identifier `toString` must not find Object.prototype's functions.
  const vocabulary: Vocabulary = { normalize: Object.create(null), exclude: [], tail: [], opaque: [], lookupKeys: [], ownerExclude: [], settingTypes: [], settingMembers: [], contentTypes: [], madeUpScopes: [], measureFields: [], rowIdentities: [], installationWords: [], documentWords: [], holderWords: [], personWords: [], peerScopes: [], fieldSettings: [], shapeWords: [] };
  const seen = new Map<string, string>();
  const recipients: RecipientDef[] = [];
  const catalogueSeen: CatalogueSeen = { ids: new Map(), hosts: new Map() };
  const cache = cachedBuiltins(builtinYamlFiles());
  for (const path of files) {
    const display = relative(cwd, path) || path;
    const pre = cache?.get(path);
    const file = pre !== undefined ? preparsedYamlFile(path, display, pre) : readYamlFile(path, display);
    if (pre === undefined) {
      if (file.data === null || file.data === undefined) {
        throw new ConfigError("rule file is empty", display, 1, 1, "Add a `rules:` list, or delete the file.");
      }
      const validate = ruleFileValidator();
      if (!validate(file.data)) throw schemaError(file, validate.errors ?? [], "rule file");
    }
    const data = file.data as { rules?: Omit<RuleDef, "file">[]; vocabulary?: Partial<Vocabulary>; recipients?: unknown[] };
    if (data.vocabulary) {
      Object.assign(vocabulary.normalize, data.vocabulary.normalize ?? {});
      vocabulary.exclude.push(...(data.vocabulary.exclude ?? []));
      vocabulary.tail.push(...(data.vocabulary.tail ?? []));
      vocabulary.opaque.push(...(data.vocabulary.opaque ?? []));
      vocabulary.lookupKeys.push(...(data.vocabulary.lookupKeys ?? []));
      vocabulary.ownerExclude.push(...(data.vocabulary.ownerExclude ?? []));
      vocabulary.settingTypes.push(...(data.vocabulary.settingTypes ?? []));
      vocabulary.settingMembers.push(...(data.vocabulary.settingMembers ?? []));
      vocabulary.contentTypes.push(...(data.vocabulary.contentTypes ?? []));
      vocabulary.madeUpScopes.push(...(data.vocabulary.madeUpScopes ?? []));
      vocabulary.measureFields.push(...(data.vocabulary.measureFields ?? []));
      vocabulary.rowIdentities.push(...(data.vocabulary.rowIdentities ?? []));
      vocabulary.installationWords.push(...(data.vocabulary.installationWords ?? []));
      vocabulary.documentWords.push(...(data.vocabulary.documentWords ?? []));
      vocabulary.holderWords.push(...(data.vocabulary.holderWords ?? []));
      vocabulary.personWords.push(...(data.vocabulary.personWords ?? []));
      vocabulary.peerScopes.push(...(data.vocabulary.peerScopes ?? []));
      vocabulary.fieldSettings.push(...(data.vocabulary.fieldSettings ?? []));
      vocabulary.shapeWords.push(...(data.vocabulary.shapeWords ?? []));
    }
    const found = (data.rules ?? []).map((raw, i) => ({ rule: { ...raw, file: display } as RuleDef, path: ["rules", i] as (string | number)[] }));
    if (data.recipients) {
      const catalogue = readCatalogueFile(file, display, catalogueSeen);
      recipients.push(...catalogue.recipients);
      found.push(...catalogue.rules);
    }
    for (const { rule, path: at } of found) {
      if (rule.jsx?.values) rule.jsx = { ...rule.jsx, values: Object.assign(Object.create(null), rule.jsx.values) };
      checkRule(file, rule, at, taxonomy);
      const earlier = seen.get(rule.id);
      if (earlier) {
        throw file.error([...at, "id"], `duplicate rule id "${rule.id}" (first defined in ${earlier})`, "Give each rule a unique id.");
      }
      seen.set(rule.id, display);
      rules.push(rule);
    }
  }
  return { rules, vocabulary, recipients };
}

function ruleFiles(dir: string, builtin: boolean): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ConfigError(`rules folder not found: ${dir}`, undefined, undefined, undefined, "Pass an existing folder to --rules or audit.rules.");
  }
  if (st.isFile()) return [dir];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name) && !(builtin && BUILTIN_DATA.some((d) => p === join(builtinRulesDir, d) || p.startsWith(join(builtinRulesDir, d, "/"))))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function checkRule(file: YamlFile, rule: RuleDef, base: (string | number)[], taxonomy: Taxonomy): void {
  const at = (key: string, ...more: (string | number)[]) => [...base, key, ...more];
  const matchers = MATCHERS.filter((m) => rule[m] !== undefined);
  if (matchers.length !== 1) {
    throw file.error(
      base,
      `rule "${rule.id}" must have exactly one matcher, found ${matchers.length ? matchers.join(", ") : "none"}`,
      `Use one of: ${MATCHERS.join(", ")}.`,
    );
  }
  const isName = rule.kind === "name";
  if (isName !== (rule.names !== undefined || rule.pair !== undefined)) {
    throw file.error(at("kind"), `rule "${rule.id}": kind "name" goes with "names" or "pair", and only with them`);
  }
  if (rule.category === NAMES) {
    if (!(rule.api || rule.method || rule.calls || rule.syntax || rule.request?.properties || rule.jsx?.names)) {
      throw file.error(at("category"), `rule "${rule.id}": category "names" needs a matcher with arguments (api, method, calls, syntax, request.properties, jsx.names)`);
    }
  } else if (!taxonomy.byId.has(rule.category)) {
    const hint = suggestion(rule.category, [...taxonomy.byId.keys()]) || "Run `policytrace categories` for the ids.";
    throw file.error(at("category"), `rule "${rule.id}": unknown category "${rule.category}"`, hint);
  }
  for (const [value, cat] of Object.entries(rule.jsx?.values ?? {})) {
    if (!taxonomy.byId.has(cat)) {
      throw file.error(at("jsx", "values", value), `rule "${rule.id}": unknown category "${cat}"`, suggestion(cat, [...taxonomy.byId.keys()]));
    }
  }
  for (const a of rule.api ?? []) {
    if (!/^[^:\s]+:[^\s]*$/.test(a)) {
      throw file.error(at("api"), `rule "${rule.id}": api "${a}" must be "module:member.path" or "global:name.path"`);
    }
  }
  checkRegex(file, at("method", "receiver"), rule.method?.receiver, rule.id);
  checkRegex(file, at("method", "firstArg"), rule.method?.firstArg, rule.id);
  checkRegex(file, at("jsx", "elements"), rule.jsx?.elements, rule.id);
  checkRegex(file, at("unlessReceiver"), rule.unlessReceiver, rule.id);
  checkRegex(file, at("onlyReceiver"), rule.onlyReceiver, rule.id);
  checkRegex(file, at("unlessFirstArg"), rule.unlessFirstArg, rule.id);
  (rule.refine ?? []).forEach((r, j) => {
    checkRegex(file, at("refine", j, "symbol"), r.symbol, rule.id);
    if (r.symbol === undefined && !r.args?.length) throw file.error(at("refine", j), `rule "${rule.id}": a refine needs a symbol or args`);
    if (!taxonomy.byId.has(r.category)) throw file.error(at("refine", j, "category"), `rule "${rule.id}": unknown category "${r.category}"`, suggestion(r.category, [...taxonomy.byId.keys()]));
  });
}

function checkRegex(file: YamlFile, path: (string | number)[], source: string | undefined, id: string): void {
  const problem = source === undefined ? undefined : regexProblem(source);
  if (problem) throw file.error(path, `rule "${id}": ${problem.message}`, problem.hint);
}
