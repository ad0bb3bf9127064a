/** Everything a command touches outside its arguments, so tests can drive main() in-process. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal: colour the text report. */
  isTTY: boolean;
  /** stderr is a terminal: show scan progress there. Absent means no. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
