// Rule regexes run against every call receiver and JSX tag in a scan, so one that can
// backtrack exponentially hangs the scan on an unlucky line. safe-regex2 catches nested
// quantifiers ((a+)+) by star height, but not a repeated alternation whose branches can
// match the same text ((a|a)*, (a|ab)+), which is just as exponential; that check is here.

import safeRegex from "safe-regex2";

/** Why `source` is not acceptable as a rule regex, or undefined when it is. */
export function regexProblem(source: string): { message: string; hint?: string } | undefined {
  try {
    new RegExp(source);
  } catch (err) {
    return { message: `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}` };
  }
  if (!safeRegex(source)) {
    return { message: `regular expression /${source}/ can backtrack catastrophically (nested quantifiers)`, hint: "Remove nested quantifiers such as (a+)+ or (\\w+\\s?)*." };
  }
  if (repeatsAlternation(source)) {
    return {
      message: `regular expression /${source}/ can backtrack catastrophically (a repeated group with | in it)`,
      hint: "Use a character class ([ab]*) or drop the repetition; policytrace cannot prove such a group safe.",
    };
  }
  return undefined;
}

/** Is a group holding a top-level `|` repeated by *, + or {n,m} with m > 1? */
function repeatsAlternation(source: string): boolean {
  const groups: boolean[] = []; // per open group: has it a top-level |
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      // A class is one atom: skip to its unescaped closing bracket.
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") groups.push(false);
    else if (c === "|" && groups.length) groups[groups.length - 1] = true;
    else if (c === ")") {
      const alternates = groups.pop() ?? false;
      if (alternates && repeats(source, i + 1)) return true;
    }
  }
  return false;
}

function repeats(source: string, at: number): boolean {
  const q = source[at];
  if (q === "*" || q === "+") return true;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!m) return false;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
  return max > 1;
}
