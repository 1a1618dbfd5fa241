// Writes a report to standard output and to every --report target; a target that cannot be written is counted.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fatal, FatalError } from "../i18n/fatal.js";
import { systemErrorCode, systemReason } from "../i18n/system-errors.js";
import type { FormatContext } from "../report/format-context.js";
import { FORMATTERS, type FormatName } from "../report/formatters.js";
import { writeJson } from "../report/json.js";
import { writeAtomically, type PieceProducer } from "../report/write.js";
import type { Report } from "../types.js";
import type { Io } from "./io.js";

/**
 * Returns the number of report files that could not be written; `onTargetsWritten` hears that number before standard
 * output is written (the verdict it shows may depend on it).
 */
export function writeOutputs(
  report: Report, format: FormatName, targets: { format: FormatName; file: string }[], ctx: FormatContext, io: Io,
  onTargetsWritten?: (failures: number) => void,
): number {
  let failures = 0;
  for (const t of targets) {
    try {
      mkdirSync(dirname(resolve(t.file)), { recursive: true });
      writeAtomically(t.file, rendered(report, t.format, { ...ctx, color: false }));
    } catch (e) {
      io.stderr(`oqs-check: ${asWriteError(t.file, e).messageIn(ctx.lang)}\n`);
      failures++;
    }
  }
  onTargetsWritten?.(failures);
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

/** A FatalError as it is; a system error (the report folder cannot be made …) in words; anything else rethrown. */
function asWriteError(path: string, e: unknown): FatalError {
  if (e instanceof FatalError) return e;
  if (systemErrorCode(e) === undefined) throw e;
  return fatal("write", `${path}: レポートを書き込めません：${systemReason(e, "ja")}`, `${path}: cannot write the report: ${systemReason(e, "en")}`);
}
