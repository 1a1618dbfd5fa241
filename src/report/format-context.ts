// What every report formatter is told by the CLI: language, redaction, CSV row kind and encoding, colour, --fail-on.
import type { FailOn } from "./verdict.js";

/** Passed by the CLI to each pure formatter `(report, ctx) => string | Buffer`. */
export interface FormatContext {
  /** Language of headers, labels and texts written by the formatter (values stay as they are). */
  lang: "ja" | "en";
  /** --redact was given: formatters mask any personal value the report still holds. */
  redact: boolean;
  /** CSV only: one row per finding, or one row per record that would be suspended (--rows records). */
  rows: "findings" | "records";
  /** CSV only: UTF-8 with BOM (default) or CP932 (--report-encoding cp932). */
  reportEncoding: "utf-8" | "cp932";
  /** Terminal only: decided once by the CLI. */
  color: boolean;
  /** What fails the run (--fail-on): formatters mark the same findings as failing as the exit code counts. */
  failOn: FailOn;
}
