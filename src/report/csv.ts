// CSV report (--format csv): the clerk's list for Excel, one row per finding or per suspended record.
import type { FileReport, Finding, Report } from "../types.js";
import { encodeCp932 } from "./cp932-encode.js";
import type { FormatContext } from "./format-context.js";
import {
  SEVERITY_LABELS, SUSPENSION_LABELS, displayFinding, displayRecipientNumber,
  fieldLabel, recipientIndex,
} from "./format-shared.js";

const FINDING_HEADERS = {
  ja: ["ファイル", "レコード", "行", "コード", "重大度", "閲覧停止", "項目", "列", "値", "修正案", "メッセージ", "受給者番号"],
  en: ["file", "record", "line", "code", "severity", "suspension", "field", "column", "value", "suggestion", "message", "recipientNumber"],
} as const;

const RECORD_HEADERS = {
  ja: ["ファイル", "レコード", "行", "受給者番号", "閲覧停止の種類", "コード", "直す項目"],
  en: ["file", "record", "line", "recipientNumber", "kind", "codes", "fields"],
} as const;

/** The first cells every CSV report of this tool starts with (both row kinds, either language): to recognise one. */
export const CSV_REPORT_LEAD_CELLS: readonly (readonly string[])[] = [FINDING_HEADERS.ja, FINDING_HEADERS.en, RECORD_HEADERS.ja, RECORD_HEADERS.en]
  .map((h) => h.slice(0, 3));

const FIELD_SEPARATOR = { ja: "、", en: " " } as const;

/** A cell: text (guarded against Excel's conversions) or a number written as is. */
type Cell = string | number;

/**
 * Excel string-formula limit: a literal in a formula holds at most 255 characters,
 * so longer guarded text is written as `="…"&"…"`.
 */
const EXCEL_LITERAL_MAX = 255;

const MONTH_NAMES = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/giu;
/** Characters of anything Excel may read as a number, date, time, currency, percent or fraction (ASCII and full-width, era letters and kanji). */
const NUMBER_OR_DATE_LIKE = /^[0-9０-９\s\u3000.,/\-:+%()¥$￥€£'Ee．，／－：＋％（）ＥｅAaPpMmTtSsHhRr年月日時分秒午前後明治大正昭和平成令和元]*$/u;
const HAS_DIGIT = /[0-9０-９]/u;
/** A finding code (S01, H12 …): a letter and two digits, which no spreadsheet reads as a date. */
const FINDING_CODE = /^[A-Z][0-9]{2}$/u;
/** Leading characters that start a formula (or are stripped) in spreadsheet programs. */
const FORMULA_START = /^[=+\-@＝＋－＠\t\r\n]/u;

/**
 * true when Excel (or LibreOffice Calc) opening the CSV would change or execute the value:
 * a formula start (= + - @, TAB, CR, LF, also full-width), a boolean, or anything that could be read
 * as a number, date, time, currency, percent or fraction (leading zeros, long digit strings, 2000/1/1, H12.3.4 …).
 */
export function needsExcelGuard(value: string): boolean {
  if (value === "") return false;
  if (FORMULA_START.test(value)) return true;
  if (/^\s*(true|false)\s*$/iu.test(value)) return true;
  if (FINDING_CODE.test(value)) return false;
  return HAS_DIGIT.test(value) && NUMBER_OR_DATE_LIKE.test(value.replace(MONTH_NAMES, ""));
}

/**
 * Documented rule: a guarded value is written as the Excel text formula `="value"` (`"` doubled inside;
 * longer than 255 characters: `="…"&"…"` in pieces). Excel and Calc show the text unchanged (leading
 * zeros kept, no exponent, no date). No other cell of the report begins with `=`, so a reader recovers the
 * value by taking every cell that begins with `=`, concatenating its `"…"` literals and reading `""` as `"`.
 */
export function excelText(value: string): string {
  if (!needsExcelGuard(value)) return value;
  const chars = [...value];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += EXCEL_LITERAL_MAX) {
    pieces.push(`"${chars.slice(i, i + EXCEL_LITERAL_MAX).join("").replace(/"/gu, '""')}"`);
  }
  return `=${pieces.join("&")}`;
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, with `"` doubled. */
function quoteField(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function cellText(cell: Cell): string {
  return quoteField(typeof cell === "number" ? String(cell) : excelText(cell));
}

function toCsv(rows: readonly Cell[][]): string {
  return rows.map((r) => r.map(cellText).join(",")).join("\r\n") + "\r\n";
}

function findingRow(file: FileReport, f: Finding, recipient: string | undefined, ctx: FormatContext): Cell[] {
  const d = displayFinding(f, ctx.redact);
  return [
    file.path, f.record, f.line, f.code, SEVERITY_LABELS[f.severity]?.[ctx.lang] ?? f.severity,
    SUSPENSION_LABELS[f.suspension]?.[ctx.lang] ?? f.suspension, fieldLabel(f.field, ctx.lang), f.column ?? "",
    typeof d.value === "string" ? d.value : "", typeof d.suggestion === "string" ? d.suggestion : "", d.message,
    displayRecipientNumber(recipient, ctx.redact),
  ];
}

function findingRows(report: Report, ctx: FormatContext): Cell[][] {
  const rows: Cell[][] = [[...FINDING_HEADERS[ctx.lang]]];
  for (const file of report.files) {
    if (file.error) {
      rows.push([file.path, "", "", file.error.code, SEVERITY_LABELS.error[ctx.lang], "", "", "", "", "", file.error.message, ""]);
    }
    const recipients = recipientIndex(file);
    for (const f of file.findings) {
      const own = typeof f.recipientNumber === "string" && f.recipientNumber !== "" ? f.recipientNumber : undefined;
      rows.push(findingRow(file, f, own ?? (f.record > 0 ? recipients.get(f.record) : undefined), ctx));
    }
  }
  return rows;
}

function recordRows(report: Report, ctx: FormatContext): Cell[][] {
  const rows: Cell[][] = [[...RECORD_HEADERS[ctx.lang]]];
  for (const file of report.files) {
    for (const s of file.suspendedRecords) {
      rows.push([
        file.path, s.record, s.line, displayRecipientNumber(s.recipientNumber, ctx.redact),
        SUSPENSION_LABELS[s.kind]?.[ctx.lang] ?? s.kind, s.codes.join(" "),
        (s.fields ?? []).map((x) => fieldLabel(x, ctx.lang)).join(FIELD_SEPARATOR[ctx.lang]),
      ]);
    }
  }
  return rows;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The CSV report: UTF-8 with BOM, or CP932 (`[U+XXXX]` only for what CP932 cannot hold); CRLF line ends. */
export function formatCsv(report: Report, ctx: FormatContext): Buffer {
  const text = toCsv(ctx.rows === "records" ? recordRows(report, ctx) : findingRows(report, ctx));
  if (ctx.reportEncoding === "cp932") return encodeCp932(text);
  return Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]);
}
