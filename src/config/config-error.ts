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
