// The terminal report: findings grouped by code with counts and first examples, then the suspended records.
import { Chalk } from "chalk";
import { codeInfo } from "../codes/table.js";
import { FIELD_LABELS } from "../layout/aliases.js";
import type { FileReport, Finding, Report, SuspendedRecord } from "../types.js";
import type { Verdict } from "./verdict.js";
import type { FormatContext } from "./format-context.js";

const EXAMPLES_PER_CODE = 5;
const SUSPENDED_SHOWN = 50;

const T = {
  ja: {
    file: (f: FileReport) => (f.encoding ? `${f.path}（${f.encoding}${f.format ? "・" + f.format.toUpperCase() : ""}：${f.encodingReason ?? ""}）` : f.path),
    stats: (f: FileReport) => `  ${f.records} 件を読み、${f.recordsChecked} 件を点検。指摘 ${sum(f.counts)} 件、指摘のある記録 ${f.recordsWithFindings} 件`,
    error: "エラー", warning: "警告", count: (n: number) => `${n} 件`,
    at: (x: Finding) => `${x.line} 行目${x.record > 0 ? `（記録 ${x.record}）` : "（ヘッダー）"}`,
    more: (n: number) => `    …ほか ${n} 件`,
    fix: "修正案",
    suspendedTitle: (r: Report) => `閲覧停止になる記録：資格情報ごと ${r.summary.suspended.eligibility} 件、医療・薬剤情報 ${r.summary.suspended.medical} 件`,
    kind: { eligibility: "資格情報及び医療情報の閲覧停止", medical: "医療情報・薬剤情報の閲覧停止" },
    recipient: "受給者番号",
    noneSuspended: "閲覧停止になる記録はありません。",
    noneSuspendedYet: "点検できた記録には閲覧停止になるものはありません（点検できなかったファイルがあります）。",
    clean: "  指摘はありません。",
    noRecords: "  記録がありません（ヘッダーだけのファイルです）。出力の条件を確かめてください。",
    skipped: (c: string, m: string) => `  ${c} は列（${m}）がないため点検していません`,
    truncated: "  （--max-findings により一覧は途中までです。件数は正確です）",
    total: (r: Report) => `合計：${r.summary.files} ファイル、${r.summary.records} 件、指摘 ${r.summary.findings} 件、指摘のある記録 ${r.summary.recordsWithFindings} 件` +
      (r.summary.unreadableFiles > 0 ? `、点検できなかったファイル ${r.summary.unreadableFiles} 件` : ""),
    failed: "読めませんでした",
    verdict: {
      pass: (v: Verdict) => `判定：合格（終了コード 0）${v.failOn === "error" ? "。エラーの指摘はありません" : "。閲覧停止になる記録もエラーの指摘もありません"}`,
      fail: (v: Verdict) => `判定：不合格（終了コード 1）— ${reasonsText(v, "、")}。直してから登録してください`,
      incomplete: (v: Verdict) => `判定：点検が終わっていません（終了コード 2）— ${reasonsText(v, "、")}`,
    },
  },
  en: {
    file: (f: FileReport) => (f.encoding ? `${f.path} (${f.encoding}${f.format ? ", " + f.format.toUpperCase() : ""}: ${f.encodingReason ?? ""})` : f.path),
    stats: (f: FileReport) => `  ${f.records} records read, ${f.recordsChecked} checked; ${sum(f.counts)} findings in ${f.recordsWithFindings} records`,
    error: "error", warning: "warning", count: (n: number) => `${n}`,
    at: (x: Finding) => `line ${x.line}${x.record > 0 ? ` (record ${x.record})` : " (header)"}`,
    more: (n: number) => `    … ${n} more`,
    fix: "fix",
    suspendedTitle: (r: Report) => `Records that would be suspended: eligibility ${r.summary.suspended.eligibility}, medical ${r.summary.suspended.medical}`,
    kind: { eligibility: "eligibility and medical information hidden", medical: "medical and drug information hidden" },
    recipient: "recipient",
    noneSuspended: "No record would be suspended.",
    noneSuspendedYet: "No record checked would be suspended (but some files could not be checked).",
    clean: "  No findings.",
    noRecords: "  No records (the file has a header only). Check how it was exported.",
    skipped: (c: string, m: string) => `  ${c} not checked: column missing (${m})`,
    truncated: "  (list cut by --max-findings; counts are exact)",
    total: (r: Report) => `Total: ${r.summary.files} files, ${r.summary.records} records, ${r.summary.findings} findings in ${r.summary.recordsWithFindings} records` +
      (r.summary.unreadableFiles > 0 ? `, ${r.summary.unreadableFiles} file(s) could not be checked` : ""),
    failed: "could not be read",
    verdict: {
      pass: (v: Verdict) => `Verdict: pass (exit 0)${v.failOn === "error" ? "; no error finding" : "; no record would be suspended and no error finding"}`,
      fail: (v: Verdict) => `Verdict: fail (exit 1) — ${reasonsText(v, ", ")}; fix them before uploading`,
      incomplete: (v: Verdict) => `Verdict: incomplete (exit 2) — ${reasonsText(v, ", ")}`,
    },
  },
} as const;

function reasonsText(v: Verdict, separator: string): string {
  return v.reasons.map((r) => r.message).join(separator);
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function formatTerminal(report: Report, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = T[ctx.lang];
  const out: string[] = [];
  for (const f of report.files) {
    out.push(c.bold(t.file(f)));
    if (f.error) {
      out.push(c.red(`  ${t.failed}: ${f.error.message}`), "");
      continue;
    }
    out.push(t.stats(f));
    for (const s of f.skippedChecks ?? []) out.push(c.dim(t.skipped(s.code, s.missing.map((m) => FIELD_LABELS[m][ctx.lang]).join("・"))));
    if (f.records === 0) out.push(c.yellow(t.noRecords));
    else if (f.findings.length === 0 && sum(f.counts) === 0) out.push(c.green(t.clean));
    const byCode = new Map<string, Finding[]>();
    for (const x of f.findings) byCode.set(x.code, [...(byCode.get(x.code) ?? []), x]);
    for (const code of Object.keys(f.counts)) {
      const info = codeInfo(code);
      const list = byCode.get(code) ?? [];
      const sev = list[0]?.severity ?? info?.severity ?? "error";
      const label = sev === "error" ? c.red(t.error) : c.yellow(t.warning);
      out.push("", `${c.bold(code)} ${info?.title[ctx.lang] ?? ""}  ${label}  ${t.count(f.counts[code])}`);
      for (const x of list.slice(0, EXAMPLES_PER_CODE)) out.push(exampleLine(x, ctx, c));
      if (f.counts[code] > EXAMPLES_PER_CODE) out.push(c.dim(t.more(f.counts[code] - Math.min(EXAMPLES_PER_CODE, list.length))));
    }
    if (f.truncated) out.push(c.dim(t.truncated));
    out.push("");
  }
  out.push(c.bold(t.suspendedTitle(report)));
  const all = report.files.flatMap((f) => f.suspendedRecords.map((s) => ({ f, s })));
  const incomplete = report.summary.verdict?.status === "incomplete" || report.summary.unreadableFiles > 0;
  if (all.length === 0 && report.summary.records > 0) out.push(incomplete ? c.yellow(`  ${t.noneSuspendedYet}`) : c.green(`  ${t.noneSuspended}`));
  for (const kind of ["eligibility", "medical"] as const) {
    const list = all.filter((x) => x.s.kind === kind);
    if (list.length === 0) continue;
    out.push(`  ${kind === "eligibility" ? c.red(t.kind[kind]) : c.yellow(t.kind[kind])}（${list.length}）`);
    for (const { f, s } of list.slice(0, SUSPENDED_SHOWN)) out.push(suspendedLine(f, s, ctx));
    if (list.length > SUSPENDED_SHOWN) out.push(c.dim(t.more(list.length - SUSPENDED_SHOWN)));
  }
  out.push("", t.total(report));
  const v = report.summary.verdict;
  if (v) out.push(c.bold(v.status === "pass" ? c.green(t.verdict.pass(v)) : v.status === "fail" ? c.red(t.verdict.fail(v)) : c.red(t.verdict.incomplete(v))));
  return out.join("\n") + "\n";
}

function exampleLine(x: Finding, ctx: FormatContext, c: InstanceType<typeof Chalk>): string {
  const t = T[ctx.lang];
  const field = x.field ? `${x.column ?? FIELD_LABELS[x.field][ctx.lang]}` : "";
  const value = x.value !== undefined ? `「${x.value}」` : "";
  const fix = x.suggestion !== undefined ? ` → ${c.green(`「${x.suggestion}」`)}` : "";
  return `  ${c.dim(t.at(x))} ${field} ${value}${fix}  ${x.message}`.replace(/ {2,}(?=\S)/g, (m, i) => (i === 0 ? m : "  "));
}

function suspendedLine(f: FileReport, s: SuspendedRecord, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const who = s.recipientNumber ? ` ${t.recipient} ${s.recipientNumber}` : "";
  const where = ctx.lang === "ja" ? `${f.path} ${s.line} 行目（記録 ${s.record}）` : `${f.path} line ${s.line} (record ${s.record})`;
  return `    ${where}${who}  ${s.codes.join(", ")}`;
}
