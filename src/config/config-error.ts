// A user-fixable problem in a manifest, rule file or flag. The CLI prints it as
// `file:line:column: message` plus a hint and exits 2; nothing else should escape as a stack.
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }

  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ""}: ` : "";
    return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ""}`;
  }
}

/** Several problems in one file, reported together: a person fixes them all in one pass. */
export class ConfigErrors extends ConfigError {
  constructor(readonly problems: ConfigError[], file: string) {
    super(`${problems.length} problems in ${file}`, file, problems[0]?.line, problems[0]?.column);
    this.name = "ConfigErrors";
  }

  /** Each problem on its own `file:line:column:` line, in file order, then the count. */
  format(): string {
    const lines = this.problems.map((p, i) => (i === 0 ? p.format() : `policytrace: ${p.format()}`));
    return `${lines.join("\n")}\n${this.problems.length} problems in ${this.file}: fix them all, then run again.`;
  }
}

/** One problem as itself; several as a ConfigErrors sorted by position. */
export function configErrors(problems: ConfigError[], file: string): ConfigError {
  if (problems.length === 1) return problems[0];
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return new ConfigErrors(sorted, file);
}
