// Writes a report to standard output and to every --report target; a target that cannot be written is counted.
import { FatalError } from "../i18n/fatal.js";
import type { FormatContext } from "../report/format-context.js";
import { FORMATTERS, type FormatName } from "../report/formatters.js";
import { writeJson } from "../report/json.js";
import { writeAtomically, type PieceProducer } from "../report/write.js";
import type { Report } from "../types.js";
import type { Io } from "./io.js";

/** Returns the number of report files that could not be written. */
export function writeOutputs(report: Report, format: FormatName, targets: { format: FormatName; file: string }[], ctx: FormatContext, io: Io): number {
  let failures = 0;
  for (const t of targets) {
    try {
      writeAtomically(t.file, rendered(report, t.format, { ...ctx, color: false }));
    } catch (e) {
      if (!(e instanceof FatalError)) throw e;
      io.stderr(`oqs-check: ${e.messageIn(ctx.lang)}\n`);
      failures++;
    }
  }
  const out = rendered(report, format, format === "terminal" ? ctx : { ...ctx, color: false });
  if (typeof out === "function") out(io.stdout);
  else io.stdout(out);
  return failures;
}

/**
 * The report in a format: JSON in pieces (the same bytes as FORMATTERS.json, which would be one string of up to
 * ~50 MB for a national-size file and its UTF-8 copy), every other format whole.
 */
function rendered(report: Report, format: FormatName, ctx: FormatContext): string | Uint8Array | PieceProducer {
  if (format === "json") return (write) => writeJson(report, write);
  return FORMATTERS[format](report, ctx);
}
