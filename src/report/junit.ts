// JUnit XML report (--format junit) for the vendor's CI: one testsuite per file, one testcase per finding.
import { XMLBuilder } from "fast-xml-parser";
import type { FileReport, Finding, Report } from "../types.js";
import type { FormatContext } from "./format-context.js";
import {
  SUSPENSION_LABELS, displayFinding, displayRecipientNumber, fieldLabel, isShowableChar, recipientIndex,
  replaceCodePoints,
} from "./format-shared.js";

const TEXT = {
  ja: {
    record: (n: number) => `レコード${n}`, lineOnly: (n: number) => `${n}行目`,
    noFindings: "指摘なし", readError: "読み込みエラー", truncated: "一覧の打ち切り",
    notListed: (n: number) => `${n} 件の指摘は一覧に含まれていません（--max-findings）。件数は properties の counts が正確です。`,
    file: "ファイル", line: "行", recordLabel: "レコード", field: "項目", column: "列", value: "値", suggestion: "修正案",
    suspension: "閲覧停止", recipient: "受給者番号", quote: (s: string) => `「${s}」`,
    checked: (n: number, m: number) => `${m} 件のレコードを点検し、指摘はありません（全 ${n} 件）。`,
  },
  en: {
    record: (n: number) => `record ${n}`, lineOnly: (n: number) => `line ${n}`,
    noFindings: "no findings", readError: "read error", truncated: "truncated list",
    notListed: (n: number) => `${n} findings are not listed (--max-findings); the counts property is exact.`,
    file: "file", line: "line", recordLabel: "record", field: "field", column: "column", value: "value", suggestion: "suggestion",
    suspension: "suspension", recipient: "recipient number", quote: (s: string) => `"${s}"`,
    checked: (n: number, m: number) => `${m} of ${n} records checked, no findings.`,
  },
} as const;

/** Text XML 1.0 can hold: characters it does not allow (and C1 controls) are written as [U+XXXX]. */
function xmlText(s: string): string {
  return replaceCodePoints(s, isShowableChar);
}

/** Attribute values stay on one line (XML parsers turn line breaks in attributes into spaces anyway). */
function xmlAttr(s: string): string {
  return xmlText(s).replace(/\r\n|[\r\n\t]/gu, " ");
}

type XmlNode = Record<string, unknown>;

function caseName(f: Finding, ctx: FormatContext): string {
  const t = TEXT[ctx.lang];
  const where = f.record > 0 ? t.record(f.record) : t.lineOnly(f.line);
  return [f.code, where, fieldLabel(f.field, ctx.lang)].filter((x) => x !== "").join(" ");
}

function details(file: FileReport, f: Finding, recipient: string | undefined, ctx: FormatContext): string {
  const t = TEXT[ctx.lang];
  const d = displayFinding(f, ctx.redact);
  const lines = [d.message, `${t.file}: ${file.path}`, `${t.line}: ${f.line}` + (f.record > 0 ? ` / ${t.recordLabel}: ${f.record}` : "")];
  if (f.field) lines.push(`${t.field}: ${fieldLabel(f.field, ctx.lang)}` + (f.column ? ` (${t.column}: ${f.column})` : ""));
  if (typeof d.value === "string") lines.push(`${t.value}: ${t.quote(d.value)}`);
  if (typeof d.suggestion === "string") lines.push(`${t.suggestion}: ${t.quote(d.suggestion)}`);
  if (f.suspension !== "none") lines.push(`${t.suspension}: ${SUSPENSION_LABELS[f.suspension]?.[ctx.lang] ?? f.suspension}`);
  const shown = displayRecipientNumber(recipient, ctx.redact);
  if (shown !== "") lines.push(`${t.recipient}: ${shown}`);
  return xmlText(lines.join("\n"));
}

function findingCase(file: FileReport, f: Finding, recipient: string | undefined, ctx: FormatContext): XmlNode {
  const node: XmlNode = {
    "@_name": xmlAttr(caseName(f, ctx)), "@_classname": xmlAttr(f.code), "@_file": xmlAttr(file.path),
    "@_line": f.line, "@_time": 0,
  };
  const text = details(file, f, recipient, ctx);
  if (f.severity === "error") {
    node.failure = { "@_message": xmlAttr(displayFinding(f, ctx.redact).message), "@_type": xmlAttr(f.code), "#text": text };
  } else {
    node["system-out"] = text;
  }
  return node;
}

function properties(file: FileReport): XmlNode {
  const props: [string, string | number][] = [["records", file.records], ["recordsChecked", file.recordsChecked]];
  if (file.encoding) props.push(["encoding", file.encoding]);
  props.push(["counts", Object.entries(file.counts).map(([c, n]) => `${c}=${n}`).join(" ")]);
  props.push(["suspended.eligibility", file.suspended.eligibility], ["suspended.medical", file.suspended.medical]);
  for (const s of file.skippedChecks ?? []) props.push([`skipped.${s.code}`, s.missing.join(" ")]);
  return { property: props.map(([name, value]) => ({ "@_name": xmlAttr(name), "@_value": typeof value === "number" ? value : xmlAttr(value) })) };
}

interface SuiteTally {
  tests: number;
  failures: number;
  errors: number;
}

function fileSuite(file: FileReport, ctx: FormatContext, generatedAt: string | undefined): { node: XmlNode; tally: SuiteTally } {
  const t = TEXT[ctx.lang];
  const cases: XmlNode[] = [];
  let failures = 0;
  let errors = 0;
  const base = (name: string): XmlNode => ({ "@_name": xmlAttr(name), "@_classname": "oqs-check", "@_file": xmlAttr(file.path), "@_time": 0 });
  if (file.error) {
    errors++;
    cases.push({ ...base(t.readError), error: { "@_message": xmlAttr(file.error.message), "@_type": xmlAttr(file.error.code), "#text": xmlText(file.error.message) } });
  }
  const recipients = recipientIndex(file);
  for (const f of file.findings) {
    const own = typeof f.recipientNumber === "string" && f.recipientNumber !== "" ? f.recipientNumber : undefined;
    cases.push(findingCase(file, f, own ?? (f.record > 0 ? recipients.get(f.record) : undefined), ctx));
    if (f.severity === "error") failures++;
  }
  const total = Object.values(file.counts).reduce((a, b) => a + b, 0);
  if (file.truncated && total > file.findings.length) {
    cases.push({ ...base(t.truncated), "system-out": xmlText(t.notListed(total - file.findings.length)) });
  }
  if (cases.length === 0) cases.push({ ...base(t.noFindings), "system-out": xmlText(t.checked(file.records, file.recordsChecked)) });
  const tally = { tests: cases.length, failures, errors };
  const node: XmlNode = {
    "@_name": xmlAttr(file.path), "@_tests": tally.tests, "@_failures": failures, "@_errors": errors, "@_skipped": 0, "@_time": 0,
    properties: properties(file), testcase: cases,
  };
  if (generatedAt) node["@_timestamp"] = xmlAttr(generatedAt);
  return { node, tally };
}

const builder = new XMLBuilder({
  ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true,
});

/** The JUnit XML report: error findings fail, warnings pass with their message in system-out. */
export function formatJunit(report: Report, ctx: FormatContext): string {
  const suites = report.files.map((f) => fileSuite(f, ctx, report.generatedAt));
  const sum = (k: keyof SuiteTally) => suites.reduce((a, s) => a + s.tally[k], 0);
  const root: XmlNode = {
    "@_name": "oqs-check", "@_tests": sum("tests"), "@_failures": sum("failures"), "@_errors": sum("errors"), "@_skipped": 0, "@_time": 0,
    testsuite: suites.map((s) => s.node),
  };
  return builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, testsuites: root }) as string;
}
