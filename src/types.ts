// The one result model shared by every stage. The JSON report (SPEC §5) serialises it
// field for field, so a change here is a contract change (docs/contract.md): add fields, never rename.

export type Kind = "source" | "input" | "transmit" | "store" | "log" | "schema";
export const KINDS: readonly Kind[] = ["source", "input", "transmit", "store", "log", "schema"];

export type Confidence = "high" | "medium" | "low";
export const CONFIDENCES: readonly Confidence[] = ["high", "medium", "low"];

export type Status = "declared" | "undeclared" | "unchecked" | "suppressed";

export interface Finding {
  /** Stable fingerprint of what classified it: rule, file, category, kind, symbol and the call, key or name that matched (src/baseline/fingerprint.ts); no line numbers. */
  id: string;
  /** POSIX path relative to the scanned directory. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  category: string;
  kind: Kind;
  rule: string;
  confidence: Confidence;
  /** The source text of the collecting expression, trimmed to one line. */
  evidence: string;
  /** Enclosing function, method or class, when there is one. */
  symbol: string | null;
  /** Third party the data reaches (recipient id), when known. */
  recipient: string | null;
  status: Status;
  /** Activities whose code globs match the file and that list the category. */
  activities: string[];
  /** Why the finding is suppressed (inline comment reason or "baseline"); absent otherwise. */
  suppression?: { source: "inline" | "baseline"; reason: string };
  /** SPEC §3: the steps from where the value was obtained or named to the sink, source first. Present when it passed through more than one place. */
  trace?: TraceStep[];
  /** SPEC §4: on undeclared findings, what is undeclared — the category, or the third party it reaches. */
  violation?: Violation;
}

export type Violation = "category" | "recipient";

export interface TraceStep {
  /** POSIX path relative to the scanned directory. */
  file: string;
  line: number;
  column: number;
  /** What happens at this step and which rule or name classified it ("email: name `userEmail`", "→ fetch body"). */
  note: string;
}

export interface UnusedDeclaration {
  activity: string;
  category: string;
}

export interface ScanError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Summary {
  files: number;
  findings: number;
  declared: number;
  undeclared: number;
  suppressed: number;
  unused: number;
  errors: number;
  durationMs: number;
}

/** What the manifest said, resolved, kept for reporters that render the policy table. */
export interface ActivityView {
  id: string;
  ref?: string;
  title?: string;
  /** Leaf category ids after alias and group expansion. */
  data: string[];
  /** The entries as the manifest wrote them (aliases, groups), for display. */
  declared: string[];
  purposes: string[];
  basis: string;
  recipients: string[];
  code: string[];
  /** Where the manifest says it, for reports that point at the line (SARIF unused declarations). */
  positions?: { activity: Position; data: Record<string, Position> };
  /** How the activity reads on privacy labels, where it differs from its purposes and basis (SPEC §7). */
  labels?: ActivityLabels;
}

/** An activity's own privacy-label answers, instead of those mapped from its purposes and basis. */
export interface ActivityLabels {
  /** Apple purposes (NSPrivacyCollectedDataTypePurpose…). */
  apple?: string[];
  /** Play Data safety purposes (PSL_…). */
  play?: string[];
  /** fideslang data use. */
  fides?: string;
  /** fideslang data subjects (default: customer). */
  subjects?: string[];
  /** Apple: the data is used to track (default false). */
  tracking?: boolean;
  /** Apple: the data is linked to the user's identity (default true). */
  linked?: boolean;
  /** Play: users can choose whether it is collected (default: when the basis is consent). */
  optional?: boolean;
}

export interface Position {
  line: number;
  column: number;
}

export interface RecipientView {
  id: string;
  name: string;
  /** SPEC §4: hosts (api.stripe.com, *.stripe.com) and catalogue SDK ids this recipient stands for. */
  hosts?: string[];
  sdks?: string[];
}

export interface ManifestView {
  path: string;
  policy?: { name?: string; updated?: string };
  activities: ActivityView[];
  recipients: RecipientView[];
  /** SPEC §4: hosts of the app's own backend; present when the manifest says so. */
  firstParty?: { hosts: string[] };
  /** Whether the manifest has a `recipients` list: only then are recipients checked. */
  checksRecipients?: boolean;
}

export interface RuleView {
  id: string;
  category: string;
  kind: Kind | "name";
  confidence: Confidence;
  description: string;
  recipient?: string;
  /** What the rule looks at in the code, in one or two sentences (src/report/rule-help.ts). */
  matches?: string;
  /** One of the rule's positive samples. */
  example?: string;
}

export interface ScanResult {
  schemaVersion: 1;
  tool: { name: "policytrace"; version: string };
  /** Manifest path relative to the scanned directory, or null for an inventory scan. */
  manifest: string | null;
  findings: Finding[];
  unused: UnusedDeclaration[];
  errors: ScanError[];
  summary: Summary;
  /** SPEC §7: each privacy label given with `scan --labels`, checked against what the code collects. */
  labels?: LabelCheck[];
  /** Context for reporters; not part of the JSON report. */
  context: ScanContext;
}

export interface ScanContext {
  /** Absolute path of the scanned directory. */
  root: string;
  /** Absolute path of the repository that holds it, when there is one: SARIF and annotations locate files from there. */
  repoRoot?: string;
  manifest: ManifestView | null;
  rules: RuleView[];
  /** Category catalogue (SPEC §2) for titles and policy wording. */
  categories: CategoryView[];
  /** Suppression comments and baseline entries that matched nothing. */
  staleSuppressions: { file: string; line: number; category: string; reason: string }[];
  staleBaseline: { id: string; file: string; category: string }[];
  /** What the configuration means for this scan (coverage of `code` globs), at the line it concerns. */
  notes?: ConfigNote[];
  /** ISO time the scan started. */
  startedAt: string;
  git?: { commit?: string; branch?: string };
}

/** A remark about the configuration that is not an error: the scan ran, but a reader should know. */
export interface ConfigNote {
  level: "warning" | "info";
  /** The manifest (or rule file) as the user named it. */
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export interface CategoryView {
  id: string;
  title: string;
  group: string;
  aliases: string[];
  fideslang: string | null;
}

/** One privacy label (`scan --labels FILE`) beside what the code collects. */
export interface LabelCheck {
  /** The label file, POSIX, relative to the scanned directory. */
  file: string;
  format: "apple" | "play" | "fides";
  /** Every category the code collects, the label type it maps to, and whether the label has it. */
  categories: LabelCategory[];
  /** Types the label claims that no code collects. */
  unused: LabelUnused[];
}

export interface LabelCategory {
  category: string;
  /** The label's type for it (an Apple data type, a Play response id, a fideslang key). */
  type: string;
  /** Set when the label has no type of its own for the category and `type` is the nearest. */
  note?: string;
  /** `omitted`: the code collects it and the label leaves it out (a violation). */
  status: "labelled" | "omitted";
  /** Where the code first collects it (sorted by location), and how many collection points there are. */
  file: string;
  line: number;
  column: number;
  findings: number;
}

export interface LabelUnused {
  type: string;
  /** 1-based line of the claim in the label file, when it can be told. */
  line?: number;
}
