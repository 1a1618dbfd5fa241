// Writes a report to standard output and to every --report target; a target that cannot be written is counted.
import { FatalError } from "../i18n/fatal.js";
import type { FormatContext } from "../report/format-context.js";
import { FORMATTERS, type FormatName } from "../report/formatters.js";
import { writeAtomically } from "../report/write.js";
import type { Report } from "../types.js";
import type { Io } from "./io.js";

/** Returns the number of report files that could not be written. */
export function writeOutputs(report: Report, format: FormatName, targets: { format: FormatName; file: string }[], ctx: FormatContext, io: Io): number {
  let failures = 0;
  for (const t of targets) {
    try {
      writeAtomically(t.file, FORMATTERS[t.format](report, { ...ctx, color: false }));
    } catch (e) {
      if (!(e instanceof FatalError)) throw e;
      io.stderr(`oqs-check: ${e.messageIn(ctx.lang)}\n`);
      failures++;
    }
  }
  io.stdout(FORMATTERS[format](report, format === "terminal" ? ctx : { ...ctx, color: false }));
  return failures;
}
