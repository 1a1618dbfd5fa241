// Where the CLI writes: standard output and error, TTY and environment; tests pass their own.
export interface Io {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Standard error is a terminal: progress lines are shown there for large inputs. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
}

export const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  env: process.env,
};
