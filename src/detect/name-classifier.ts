import type { Confidence } from "../types.js";
import { detach, splitWords } from "./tokens.js";

/** One compiled name rule: word sequences that name a category, and words that veto it. */
export interface NameRuleSpec {
  id: string;
  category: string;
  confidence: Confidence;
  /** Word sequences, e.g. ["serial number"], ["sn"]. */
  patterns: string[][];
  /** When set, a match also needs one of these words before it (in the name or the owning object). */
  qualifiers?: string[];
  /** Words that, anywhere in the name, mean it is not this category. */
  exclude: string[];
  /** Owner words that mean the field is not a person's (a document's language). */
  ownerExclude?: string[];
  /** Two word sets that must both appear among sibling names (lat + lng). */
  pair?: [string[], string[]];
  /** Value shapes that make a field of this name a setting, not the datum (`audio: number`). */
  unlessValue?: ValueShape[];
  /** Last words of sibling names that make a match something else: `ip` beside `port` is an endpoint to connect to, not a person's address. */
  unlessBeside?: string[];
}

/**
 * What a field or key holds, read from its type or initialiser, when that says more than its
 * name: `boolean` (a flag), `options` (a type named …Options, …Init, …Config), `number`,
 * `object` (an inline object type or literal), `enum` (a union of string literals),
 * `constant` (exactly one string literal: `email: "magic_link"`, `email: z.literal("alert-run")`) and
 * `reference` (another declared shape, not content: `Video: Video[]`, `video?: Resource`).
 */
export type ValueShape = "boolean" | "options" | "number" | "object" | "enum" | "constant" | "reference";

export interface Vocabulary {
  /** Abbreviations folded before matching, e.g. addr → address. */
  normalize: Record<string, string>;
  /** Words that veto every category (template, regex, is, valid, …). */
  exclude: string[];
  /** Words allowed after a match without changing its meaning (value, hash, …). */
  tail: string[];
  /** Object keys whose values are not the data itself (an ORM `select`, a query `orderBy`). */
  opaque: string[];
  /** Owners whose fields are the app's own settings (config.database.password). */
  ownerExclude: string[];
  /** Keys of a store call's argument that find the rows to write (`where`), not what it writes. */
  lookupKeys: string[];
  /** Last words of type names that make a field options or a handle, whatever its name (VideoStreamOptions, RTCRtpTransceiverInit). */
  settingTypes: string[];
  /** Members that read a setting or a measure of their owner (`audio.port`, `email.length`), not the owner's value. */
  settingMembers: string[];
  /** Types that hold media or bytes themselves (Buffer, Blob, MediaStream): a field of one holds the content, not a description of it. */
  contentTypes: string[];
  /** Words in a function's name that say it makes up data (TestConsolePage, mockCheckout): what it sends from literals is nobody's. */
  madeUpScopes: string[];
  /** Last words of a type name that make it a shape of something (Params, Props, Detail): the word before says whose. */
  shapeWords: string[];
  /** Numeric fields that make a small shape a statistic's row (`{ name; value: number; country }`): visits per country, not a person's country. */
  measureFields: string[];
  /** Categories that name one person even in a statistic's row (`{ email; _count }`: a customer's tally, not a bucket). */
  rowIdentities: string[];
  /** Words that make a name an installation's (installationId, instanceId): telemetry about a deployment, not a person. */
  installationWords: string[];
  /** Words that make a component about an encrypted file (PdfPassword): a password typed there unlocks the file, not an account. */
  documentWords: string[];
  /** Words in a function's name that say its connections are the app's own nodes (createClusterServer, connectForkWorker): a peer's address there is the deployment's. */
  peerScopes: string[];
  /** Words that make an owner a person or a person's record (member, user, invitee): what it holds is theirs. */
  personWords: string[];
  /** Owners that hold a thing for their own owner (an installation's `account`): the owner above says whose. */
  holderWords: string[];
  /** Members of a form field's settings (show, required, placeholder): a shape made only of them configures a question. */
  fieldSettings: string[];
}

/**
 * A sibling that is a discriminator with one literal value (`kind: "basic"`, `authType: z.literal("digest")`),
 * as the sibling lists hold it: a rule's unlessBeside names it `kind=basic`, `auth type=digest`.
 */
export function besideLiteral(key: string, value: string): string {
  return `${key}=${value}`;
}

/** The category of a network address: a cluster peer's (vocabulary peerScopes) or a URL's host is the app's own endpoint, not a person's. */
export const IP_ADDRESS = "ip-address";

export interface NameMatch {
  category: string;
  rule: string;
  confidence: Confidence;
}

interface Candidate {
  spec: NameRuleSpec;
  pattern: string[];
}

/** First words of a sibling that make it a switch about what it names (`include_database`, `use_cert`). */
const FLAG_PREFIXES = new Set(["include", "restore", "use", "enable", "enabled", "disable", "is", "has", "show", "allow", "skip", "exclude", "with"]);

/**
 * Classifies a name (identifier, key, property chain) into at most one category.
 * The longest matching word sequence wins, so "emailAddress" is email, not postal-address.
 */
export class NameClassifier {
  private readonly byFirstWord = new Map<string, Candidate[]>();
  private readonly joined = new Map<string, Candidate>();
  private readonly globalExclude: Set<string>;
  private readonly ownerExclude: Set<string>;
  private readonly tail: Set<string>;
  private readonly settingTypes: Set<string>;
  private readonly settingMembersSet: Set<string>;
  private readonly contentTypes: Set<string>;
  private readonly madeUpScopes: Set<string>;
  private readonly shapeWords: Set<string>;
  readonly measureFields: ReadonlySet<string>;
  readonly rowIdentities: ReadonlySet<string>;
  private readonly installationWords: Set<string>;
  private readonly documentWords: Set<string>;
  private readonly peerScopes: Set<string>;
  private readonly fieldSettingsSet: Set<string>;
  private readonly holderWords: Set<string>;
  private readonly personWords: Set<string>;
  private readonly cache = new Map<string, Map<string, NameMatch | null>>();
  /** name → its words and its match when nobody owns it. */
  private readonly base = new Map<string, { words: string[]; match: NameMatch | null }>();
  private readonly ownerWordCache = new Map<string, string[]>();
  /** Words of patterns that need an owner to match (`name` in user.name): only these can gain a match from one. */
  private readonly ownerSensitive = new Set<string>();
  private readonly specById = new Map<string, NameRuleSpec>();
  private readonly othersCache = new Map<string, boolean>();
  readonly pairs: NameRuleSpec[];
  private readonly pairWords = new Set<string>();

  constructor(private readonly specs: NameRuleSpec[], private readonly vocab: Vocabulary) {
    this.globalExclude = new Set(vocab.exclude);
    this.ownerExclude = new Set(vocab.ownerExclude);
    this.tail = new Set(vocab.tail);
    this.settingTypes = new Set(vocab.settingTypes);
    this.settingMembersSet = new Set(vocab.settingMembers);
    this.contentTypes = new Set(vocab.contentTypes);
    this.madeUpScopes = new Set(vocab.madeUpScopes);
    this.shapeWords = new Set(vocab.shapeWords);
    this.measureFields = new Set(vocab.measureFields);
    this.rowIdentities = new Set(vocab.rowIdentities);
    this.installationWords = new Set(vocab.installationWords);
    this.documentWords = new Set(vocab.documentWords);
    this.peerScopes = new Set(vocab.peerScopes);
    this.fieldSettingsSet = new Set(vocab.fieldSettings);
    this.holderWords = new Set(vocab.holderWords);
    this.personWords = new Set(vocab.personWords);
    for (const spec of specs) {
      for (const pattern of spec.patterns) {
        const first = pattern[0];
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ spec, pattern });
        this.byFirstWord.set(first, list);
        // "macaddress", "serialnumber": one lower-case word that glues a pattern together.
        if (pattern.length > 1) this.joined.set(pattern.join(""), { spec, pattern });
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
    for (const spec of specs) {
      this.specById.set(spec.id, spec);
      if (spec.qualifiers) for (const p of spec.patterns) for (const w of p) this.ownerSensitive.add(w);
    }
    this.pairs = specs.filter((s) => s.pair);
    for (const p of this.pairs) for (const w of [...p.pair![0], ...p.pair![1]]) this.pairWords.add(w);
  }

  /**
   * A match whose value is a flag, options or a shape its rule rules out is a setting of that
   * name, not the datum: `recordAudio: boolean`, `video?: VideoStreamOptions`, `audioNum: number`.
   */
  isSetting(match: NameMatch, shape: ValueShape | null): boolean {
    if (shape === null) return false;
    // A field that can hold one string only (`email: z.literal("alert-run")`, a mail template's
    // discriminator) holds what the code wrote, nobody's datum.
    if (shape === "boolean" || shape === "options" || shape === "constant") return true;
    return this.specById.get(match.rule)?.unlessValue?.includes(shape) ?? false;
  }

  /** Whether some sibling could veto the match (its rule has unlessBeside). */
  vetoableBeside(match: NameMatch): boolean {
    return (this.specById.get(match.rule)?.unlessBeside?.length ?? 0) > 0;
  }

  /** `{ ip, port }`, `${ip}:${port}`, `{ tag_id, device_id }`: a sibling's last word, or the whole sibling, turns the match into something else. */
  vetoedBeside(match: NameMatch, siblings: Iterable<string>): boolean {
    const beside = this.specById.get(match.rule)?.unlessBeside;
    if (!beside?.length) return false;
    for (const s of siblings) {
      // `authType=basic` (besideLiteral): a discriminator's value, matched as `auth type=basic`.
      const eq = s.indexOf("=");
      if (eq > 0) {
        if (beside.includes(`${this.words(s.slice(0, eq)).join(" ")}=${s.slice(eq + 1).toLowerCase()}`)) return true;
        continue;
      }
      // A last word (`port`) or the whole sibling (`entity id`); a switch about one (`include_database`,
      // `restore_database` beside a backup's password) is no database.
      const w = this.words(s);
      if (w.length > 1 && FLAG_PREFIXES.has(w[0])) continue;
      if (w.length && (beside.includes(w[w.length - 1]) || (w.length > 1 && beside.includes(w.join(" "))))) return true;
    }
    return false;
  }

  /** `port` in `rtp.audio.port`, `rtcpPort`, `frameCount`: the member is a setting or measure of its owner, not the owner's value. */
  isSettingMember(member: string): boolean {
    if (this.settingMembersSet.has(member)) return true;
    const w = this.words(member);
    return w.length > 1 && this.settingMembersSet.has(w[w.length - 1]);
  }

  /** `VideoStreamOptions` → true: the last word of the type's name is a settings word. */
  isSettingType(typeName: string): boolean {
    const w = this.words(typeName);
    return w.length > 0 && this.settingTypes.has(w[w.length - 1]);
  }

  /** `zip: ZipFile`: the field's type name holds a word the rule excludes (file), so it is not the datum. */
  typeVetoes(match: NameMatch, typeName: string): boolean {
    const exclude = this.specById.get(match.rule)?.exclude;
    return !!exclude?.length && this.words(typeName).some((w) => exclude.includes(w));
  }

  /** `proxyUrl`, `smtpConfig`: an owner whose fields are the app's own settings (vocabulary ownerExclude). */
  isSettingOwner(owner: string): boolean {
    return this.ownerWords(owner).some((w) => this.ownerExclude.has(w));
  }

  /** `Buffer`, `MediaObject`: a type whose values are the content itself. */
  isContentType(typeName: string): boolean {
    return this.contentTypes.has(typeName);
  }

  /**
   * `EmailTransport`, `ProxyConfig`: a subject that is one of the app's own settings (its last word
   * is in vocabulary ownerExclude). `EmailTransportSendTest` is about a test message, not the transport.
   */
  isSettingsSubject(subject: string): boolean {
    const w = this.ownerWords(subject);
    return w.length > 0 && this.ownerExclude.has(w[w.length - 1]);
  }

  /** `{ show: boolean; required: boolean; placeholder: string }`: every member is a form field's setting. */
  areFieldSettings(members: readonly string[]): boolean {
    return members.length > 1 && members.every((m) => this.fieldSettingsSet.has(m));
  }

  /**
   * The owner a field is judged by, from its owners outermost first: the innermost, or for a holder
   * (`installation: { account: { name } }`) the holder named by its own owner (installationAccount).
   */
  ownerOf(chain: readonly (string | undefined)[]): string | undefined {
    const inner = chain[chain.length - 1];
    const outer = chain[chain.length - 2];
    if (inner === undefined || outer === undefined || !this.holderWords.has(inner)) return inner;
    // CreateUserCommand: { auth: { username } }: a person's record holds that person's own login or account.
    if (this.ownerWords(outer).some((w) => this.personWords.has(w))) return inner;
    return outer + inner[0].toUpperCase() + inner.slice(1);
  }

  /**
   * `team.save({ avatarUrl })`, `prisma.organisationEmail.create(…)`: a record of an owner that the
   * category's name rules rule out (ownerExclude) holds that owner's datum, unless a person's word says
   * the record is a person's too (organisationMember, teamInvitee).
   */
  recordOfOthers(category: string, record: string): boolean {
    const w = this.ownerWords(record);
    if (w.some((x) => this.personWords.has(x))) return false;
    return this.specs.some((s) => s.category === category && ownedBy(s.ownerExclude, w));
  }

  /** `installationId`, `this.instanceId`: a name for the deployment itself. */
  namesInstallation(name: string): boolean {
    return this.words(name).some((w) => this.installationWords.has(w));
  }

  /** `PdfPassword`, `ZipUnlockForm`: a component about an encrypted file, whose password opens it, not an account. */
  isDocumentSubject(subject: string): boolean {
    return this.ownerWords(subject).some((w) => this.documentWords.has(w));
  }

  /** `createClusterServer`, `connectForkWorker`: a function whose name says the peers it talks to are the app's own nodes. */
  isPeerScope(symbol: string): boolean {
    return this.hasWordOf(symbol, this.peerScopes);
  }

  /**
   * `teamEmail`, `deletedServiceAccountEmail`: a name that holds a rule's words beside one of the owners
   * that rule says are no person (its ownerExclude). A value so named is that owner's, whatever key it is put under.
   */
  namesOthers(name: string): boolean {
    let hit = this.othersCache.get(name);
    if (hit === undefined) {
      const w = this.words(name);
      hit = w.length > 1 && this.specs.some((s) => ownedBy(s.ownerExclude, w) && s.patterns.some((p) => p.every((x) => w.includes(x))));
      this.othersCache.set(detach(name), hit);
    }
    return hit;
  }

  /** `TestConsolePage`, `mockCheckout`: a function whose name says its data is made up. */
  isMadeUpScope(symbol: string): boolean {
    return this.hasWordOf(symbol, this.madeUpScopes);
  }

  private hasWordOf(name: string, set: ReadonlySet<string>): boolean {
    return this.words(name).some((w) => set.has(w));
  }

  words(name: string): string[] {
    return splitWords(name).map((w) => this.vocab.normalize[w] ?? w);
  }

  /**
   * @param name the identifier or key
   * @param owner the object it belongs to (`device` in `device.name`), used as a qualifier
   */
  classify(name: string, owner?: string): NameMatch | null {
    let base = this.base.get(name);
    if (!base) {
      const words = this.words(name);
      base = { words, match: this.compute(words, []) };
      this.base.set(detach(name), base);
    }
    if (!owner) return base.match;
    // Most names mean the same whoever owns them: an owner can only veto a match, or qualify
    // a bare word such as `name`. Only those cases pay for a second look.
    if (base.match) {
      const ow = this.ownerWords(owner);
      const spec = this.specById.get(base.match.rule);
      const vetoed = ow.some((w) => this.ownerExclude.has(w)) || ownedBy(spec?.ownerExclude, ow);
      // BasePerson.picture: an owner can also make a bare word another rule's (a person's photo, not a camera's).
      if (!vetoed && !base.words.some((w) => this.ownerSensitive.has(w))) return base.match;
    } else if (!base.words.some((w) => this.ownerSensitive.has(w))) return null;
    // Two-level cache (owner → name): no key string is built per lookup.
    let byName = this.cache.get(owner);
    if (!byName) {
      byName = new Map();
      this.cache.set(detach(owner), byName);
    }
    const hit = byName.get(name);
    if (hit !== undefined) return hit;
    const result = this.compute(base.words, this.ownerWords(owner));
    byName.set(detach(name), result);
    return result;
  }

  private ownerWords(owner: string): string[] {
    let w = this.ownerWordCache.get(owner);
    if (!w) {
      w = this.words(owner);
      this.ownerWordCache.set(detach(owner), w);
    }
    return w;
  }

  /** Words of a name that take part in a pair rule (lat, lng …), for sibling checks. */
  pairWord(name: string): string | undefined {
    const w = this.base.get(name)?.words ?? this.words(name);
    if (w.length !== 1) return undefined;
    return this.pairWords.has(w[0]) ? w[0] : undefined;
  }

  /** Categories completed by pairs among sibling names (e.g. lat and lng in one object). */
  pairsIn(words: Set<string>): NameMatch[] {
    const out: NameMatch[] = [];
    for (const p of this.pairs) {
      const [a, b] = p.pair!;
      if (a.some((w) => words.has(w)) && b.some((w) => words.has(w))) {
        out.push({ category: p.category, rule: p.id, confidence: p.confidence });
      }
    }
    return out;
  }

  private compute(words: string[], ownerWords: string[]): NameMatch | null {
    if (words.length === 0 || words.length > 8) return null;
    if (words.some((w) => this.globalExclude.has(w))) return null;
    if (ownerWords.some((w) => this.ownerExclude.has(w))) return null;
    let best: { c: Candidate; start: number } | null = null;
    for (let i = 0; i < words.length; i++) {
      const list = this.byFirstWord.get(words[i]);
      if (list) {
        for (const c of list) {
          if (!matchesAt(words, i, c.pattern)) continue;
          if (!this.endsWell(words, i + c.pattern.length)) continue;
          // At equal length, a rule whose qualifier holds says more than one that needs none.
          if (best && (best.c.pattern.length > c.pattern.length || (best.c.pattern.length === c.pattern.length && (best.c.spec.qualifiers || !c.spec.qualifiers)))) continue;
          if (!this.qualified(c.spec, words.slice(0, i), ownerWords) || vetoed(c.spec, words, ownerWords)) continue;
          best = { c, start: i };
        }
      }
      const glued = this.joined.get(words[i]);
      if (glued && !best && this.endsWell(words, i + 1) && !vetoed(glued.spec, words, ownerWords)) {
        if (this.qualified(glued.spec, words.slice(0, i), ownerWords)) best = { c: glued, start: i };
      }
    }
    if (!best) return null;
    return { category: best.c.spec.category, rule: best.c.spec.id, confidence: best.c.spec.confidence };
  }

  /** After the match only "tail" words may follow: emailValue yes, emailTemplate no. */
  private endsWell(words: string[], from: number): boolean {
    for (let j = from; j < words.length; j++) if (!this.tail.has(words[j])) return false;
    return true;
  }

  private qualified(spec: NameRuleSpec, before: string[], ownerWords: string[]): boolean {
    if (!spec.qualifiers) return true;
    const q = spec.qualifiers;
    if (before.length > 0) return q.includes(before[before.length - 1]);
    // PersonMutableParams, DialogPersonDetail: past the shape's own words, the owner's head says whose.
    let i = ownerWords.length - 1;
    while (i > 0 && this.shapeWords.has(ownerWords[i])) i--;
    const head = ownerWords[i];
    return head !== undefined && q.includes(head);
  }
}

function vetoed(spec: NameRuleSpec, words: string[], ownerWords: string[]): boolean {
  if (spec.exclude.length && words.some((w) => spec.exclude.includes(w))) return true;
  return ownedBy(spec.ownerExclude, ownerWords);
}

/**
 * Whether the owner's words hold one of a rule's ownerExclude entries: a word (`team`), or words in a
 * row (`shipping profile`: a ShippingProfile is a catalogue's delivery rule, though a `profile` is a person's).
 */
function ownedBy(list: readonly string[] | undefined, ownerWords: readonly string[]): boolean {
  if (!list) return false;
  for (const o of list) {
    const run = wordRun(o);
    if (run === null) {
      if (ownerWords.includes(o)) return true;
      continue;
    }
    for (let i = 0; i + run.length <= ownerWords.length; i++) if (matchesAt(ownerWords as string[], i, run)) return true;
  }
  return false;
}

/** An ownerExclude entry's words when it is several (`shipping profile`), split once per entry; null for one word. */
const wordRuns = new Map<string, string[] | null>();
function wordRun(entry: string): string[] | null {
  let run = wordRuns.get(entry);
  if (run === undefined) wordRuns.set(entry, (run = entry.includes(" ") ? entry.split(" ") : null));
  return run;
}

function matchesAt(words: string[], i: number, pattern: string[]): boolean {
  if (i + pattern.length > words.length) return false;
  for (let k = 0; k < pattern.length; k++) if (words[i + k] !== pattern[k]) return false;
  return true;
}
