// The formatter map: every output format as a pure function of the report.
import type { Report } from "../types.js";
import { formatCsv } from "./csv.js";
import type { FormatContext } from "./format-context.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatTerminal } from "./terminal.js";

export type Formatter = (report: Report, ctx: FormatContext) => string | Uint8Array;

export const FORMATTERS = {
  terminal: formatTerminal,
  json: formatJson,
  csv: formatCsv,
  junit: formatJunit,
  html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormat(s: string): s is FormatName {
  return Object.hasOwn(FORMATTERS, s);
}
