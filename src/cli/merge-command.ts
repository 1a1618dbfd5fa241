// oqs-check merge: offices' JSON reports (usually redacted) combined into one report, in any format.
import { readFileSync } from "node:fs";
import { fatal } from "../i18n/fatal.js";
import { MergeInputError, mergeReports, parseReportJson } from "../report/merge.js";
import type { Lang, Report } from "../types.js";
import type { Io } from "./io.js";
import { formatContext, outputFormat, reportTargets, type Opts } from "./options.js";
import { writeOutputs } from "./write-outputs.js";

/** Exit 0 when the merged report was written, 2 when an input could not be read or is not a report. */
export function mergeCommand(paths: string[], o: Opts, io: Io, lang: Lang, version: string): number {
  const format = outputFormat((o.format as string | undefined) ?? "terminal");
  const targets = reportTargets((o.report as string[] | undefined) ?? []);
  const reports: Report[] = paths.map((p) => {
    let text: string;
    try {
      text = readFileSync(p, "utf8");
    } catch (e) {
      throw fatal("merge", `${p}: レポートを読めません（${(e as NodeJS.ErrnoException).code ?? "error"}）`, `${p}: cannot read the report (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    try {
      return parseReportJson(text, p);
    } catch (e) {
      if (e instanceof MergeInputError) throw fatal("merge", `${p}: oqs-check の JSON レポートとして読めません（${e.keyPath || "文書全体"}：${e.detail}）`, `${p}: not an oqs-check JSON report (${e.keyPath || "document"}: ${e.detail})`);
      throw e;
    }
  });
  const merged = mergeReports(reports, { sources: paths, toolVersion: version });
  const redact = merged.options?.redacted ?? false;
  return writeOutputs(merged, format, targets, formatContext(o, lang, redact, false), io) > 0 ? 2 : 0;
}
