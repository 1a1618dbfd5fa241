// Where the CLI writes: standard output and error, TTY and environment; tests pass their own.
import type { Lang } from "../types.js";

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

/** What happened to standard output while the command ran: `failed` is set by an error other than a closed pipe. */
export interface StreamGuard {
  failed: boolean;
}

/**
 * Listens for the asynchronous write errors of standard output and error, which would otherwise be an uncaught
 * 'error' event (a stack trace). A reader that went away (EPIPE: `| head -1`) ends the output quietly: later writes
 * are dropped and the command still finishes with the exit code it computed. Any other error on standard output is
 * reported once, in one line, and marks the guard failed (exit 2).
 */
export function guardStandardStreams(lang: Lang, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): StreamGuard {
  const guard: StreamGuard = { failed: false };
  stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || guard.failed) return;
    guard.failed = true;
    const what = e.code ?? e.message;
    try {
      stderr.write(lang === "ja" ? `oqs-check: 標準出力に書けません（${what}）\n` : `oqs-check: cannot write to standard output (${what})\n`);
    } catch {
      /* standard error is gone too: nothing left to tell */
    }
  });
  stderr.on("error", () => {
    /* nowhere left to report a failure of standard error itself */
  });
  return guard;
}
