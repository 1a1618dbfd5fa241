// The run's verdict (pass / fail / incomplete): what the exit code, --split, JUnit and the closing line agree on.
import type { FieldName, FileReport, Finding, Lang, Report, Severity, SuspendedRecord } from "../types.js";

/** What makes a run fail (--fail-on): error findings only, also every predicted suspension (default), or any finding. */
export const FAIL_ON = ["error", "suspension", "warning"] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const DEFAULT_FAIL_ON: FailOn = "suspension";

export type VerdictStatus = "pass" | "fail" | "incomplete";

/** Why a run did not pass (or, for `pass`, nothing). Each reason carries how many of that kind there were. */
export const VERDICT_REASONS = [
  "noFiles", "noRecords", "unreadableFiles", "internalErrors", "unwrittenOutputs",
  "suspendedRecords", "errorFindings", "warningFindings", "tooManyWarnings",
] as const;
export type VerdictReasonId = (typeof VERDICT_REASONS)[number];

export interface VerdictReason {
  reason: VerdictReasonId;
  count: number;
  message: string;
}

export interface Verdict {
  status: VerdictStatus;
  exitCode: 0 | 1 | 2;
  failOn: FailOn;
  reasons: VerdictReason[];
}

/** Problems outside the report that still decide the verdict. */
export interface VerdictInputs {
  failOn: FailOn;
  /** Effective severity of a code in this run (code table + --rules). */
  severity: (code: string) => Severity;
  /** Checks that threw, worker failures. */
  crashes: number;
  /** Outputs (--split files, report files) that could not be written. */
  unwritten: number;
  maxWarnings?: number;
  lang: Lang;
}

const NAME_FIELDS: ReadonlySet<FieldName | undefined> = new Set<FieldName | undefined>(["name", "nameKana"]);

/**
 * Whether a finding fails the run under `failOn`, baseline aside: every error; under `suspension` also a finding that
 * helps suspend its record (its own kind, or a name defect of a record suspended for both names); under `warning`
 * every finding.
 */
export function findingBlocks(f: Finding, suspended: SuspendedRecord | undefined, failOn: FailOn): boolean {
  if (f.severity === "error" || failOn === "warning") return true;
  if (failOn === "error" || suspended === undefined) return false;
  return f.suspension !== "none" || NAME_FIELDS.has(f.field);
}

/** A file's suspended records by record number. */
export function suspendedByRecord(file: FileReport): Map<number, SuspendedRecord> {
  return new Map(file.suspendedRecords.map((s) => [s.record, s]));
}

/** The predicate `findingBlocks` for the findings of one file. */
export function blockingIn(file: FileReport, failOn: FailOn): (f: Finding) => boolean {
  const suspended = suspendedByRecord(file);
  return (f) => findingBlocks(f, suspended.get(f.record), failOn);
}

const MESSAGES: Record<Lang, Record<VerdictReasonId, (n: number) => string>> = {
  ja: {
    noFiles: () => "点検するファイルが見つかりません（.csv .tsv .txt .xml）",
    noRecords: () => "記録が 1 件もありません（ヘッダーだけ、または空のファイル）",
    unreadableFiles: (n) => `点検できなかったファイル ${n} 件`,
    internalErrors: (n) => `点検中の内部エラー ${n} 件`,
    unwrittenOutputs: (n) => `書けなかった出力ファイル ${n} 件`,
    suspendedRecords: (n) => `閲覧停止になる記録 ${n} 件`,
    errorFindings: (n) => `エラーの指摘 ${n} 件`,
    warningFindings: (n) => `警告の指摘 ${n} 件（--fail-on warning）`,
    tooManyWarnings: (n) => `警告 ${n} 件が --max-warnings を超えています`,
  },
  en: {
    noFiles: () => "no file to check was found (.csv .tsv .txt .xml)",
    noRecords: () => "no record at all (header only, or empty files)",
    unreadableFiles: (n) => `${n} file(s) could not be checked`,
    internalErrors: (n) => `${n} internal error(s) during the check`,
    unwrittenOutputs: (n) => `${n} output file(s) could not be written`,
    suspendedRecords: (n) => `${n} record(s) would be suspended`,
    errorFindings: (n) => `${n} error finding(s)`,
    warningFindings: (n) => `${n} warning finding(s) (--fail-on warning)`,
    tooManyWarnings: (n) => `${n} warnings exceed --max-warnings`,
  },
};

/** Counts of what is new (not in --baseline) in one file: findings by severity, and suspended records. */
interface NewCounts {
  errors: number;
  warnings: number;
  suspendedRecords: number;
}

function newCounts(file: FileReport, severity: (code: string) => Severity, failOn: FailOn): NewCounts {
  const listedInBaseline = new Map<string, number>();
  for (const f of file.findings) if (f.inBaseline) listedInBaseline.set(f.code, (listedInBaseline.get(f.code) ?? 0) + 1);
  const out: NewCounts = { errors: 0, warnings: 0, suspendedRecords: 0 };
  for (const [code, count] of Object.entries(file.counts)) {
    const n = count - (listedInBaseline.get(code) ?? 0);
    if (severity(code) === "warning") out.warnings += n;
    else out.errors += n;
  }
  out.suspendedRecords = file.suspendedRecords.filter((s) => !coveredByBaseline(file, s, failOn)).length;
  return out;
}

/**
 * A suspended record is covered by the baseline when every finding that suspends it is listed and in the baseline. A
 * list cut by --max-findings may hide findings, so a record of a truncated file is never covered.
 */
function coveredByBaseline(file: FileReport, s: SuspendedRecord, failOn: FailOn): boolean {
  if (file.truncated) return false;
  const own = file.findings.filter((f) => f.record === s.record && findingBlocks(f, s, failOn));
  return own.length > 0 && own.every((f) => f.inBaseline === true);
}

/** The verdict of a run: incomplete (exit 2) beats fail (exit 1) beats pass (exit 0). */
export function decideVerdict(report: Report, v: VerdictInputs): Verdict {
  const reasons: [VerdictReasonId, number][] = [];
  const unreadable = report.files.filter((f) => f.error).length;
  if (report.files.length === 0) reasons.push(["noFiles", 0]);
  else if (unreadable === 0 && report.summary.records === 0) reasons.push(["noRecords", 0]);
  if (unreadable > 0) reasons.push(["unreadableFiles", unreadable]);
  if (v.crashes > 0) reasons.push(["internalErrors", v.crashes]);
  if (v.unwritten > 0) reasons.push(["unwrittenOutputs", v.unwritten]);
  const incomplete = reasons.length > 0;
  const total: NewCounts = { errors: 0, warnings: 0, suspendedRecords: 0 };
  for (const file of report.files) {
    const c = newCounts(file, v.severity, v.failOn);
    total.errors += c.errors;
    total.warnings += c.warnings;
    total.suspendedRecords += c.suspendedRecords;
  }
  if (v.failOn !== "error" && total.suspendedRecords > 0) reasons.push(["suspendedRecords", total.suspendedRecords]);
  if (total.errors > 0) reasons.push(["errorFindings", total.errors]);
  if (v.failOn === "warning" && total.warnings > 0) reasons.push(["warningFindings", total.warnings]);
  if (v.maxWarnings !== undefined && total.warnings > v.maxWarnings) reasons.push(["tooManyWarnings", total.warnings]);
  const status: VerdictStatus = incomplete ? "incomplete" : reasons.length > 0 ? "fail" : "pass";
  return {
    status,
    exitCode: status === "incomplete" ? 2 : status === "fail" ? 1 : 0,
    failOn: v.failOn,
    reasons: reasons.map(([reason, count]) => ({ reason, count, message: MESSAGES[v.lang][reason](count) })),
  };
}
