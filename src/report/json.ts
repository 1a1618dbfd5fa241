// The JSON report (SPEC §4, schema version 1): the report object as stable, indented JSON.
import type { Report } from "../types.js";
import type { FormatContext } from "./format-context.js";

export function formatJson(report: Report, _ctx: FormatContext): string {
  return JSON.stringify(report, null, 2) + "\n";
}
