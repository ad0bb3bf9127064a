// A processing activity as the policy states it, before its wording is mapped to ids.

export interface PolicyText {
  text: string;
  line: number;
}

export interface RawActivity {
  /** The policy's own numbering, qualified by its part: "A.1a", "C.2", "2.1". */
  ref: string;
  title: string;
  line: number;
  /** The part (lettered section) heading the activity sits under, if any. */
  part?: string;
  data: PolicyText[];
  purposes: PolicyText[];
  /** `spannedFrom`: the ref of the row whose basis cell reaches down to this one. */
  bases: (PolicyText & { spannedFrom?: string })[];
  /** The policy gives only a description (a row or section with no separate data column). */
  descriptionOnly?: boolean;
  /** The data is prose ("We collect your email address to …"): only the aliases found in it count. */
  prose?: boolean;
}
