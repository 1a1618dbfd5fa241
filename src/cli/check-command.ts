// The main command: check the inputs, write the reports (and --split files), return the verdict's exit code.
import { runCheckParallel } from "../engine/parallel.js";
import { emptyFileReport } from "../engine/run.js";
import { fatal } from "../i18n/fatal.js";
import { asFileError } from "../i18n/system-errors.js";
import { applyBaseline, loadBaseline } from "../report/baseline.js";
import { splitFile } from "../report/split.js";
import { summarize } from "../report/summary.js";
import { decideVerdict, type VerdictInputs } from "../report/verdict.js";
import type { FileReport, Lang, Report } from "../types.js";
import { expandInputs, type InputList } from "./inputs.js";
import type { Io } from "./io.js";
import { formatContext, jobsFor, outputFormat, prepareRun, reportTargets, type Opts } from "./options.js";
import { refuseUnsafeTargets, splitStems } from "./output-safety.js";
import { Progress } from "./progress.js";
import { writeOutputs } from "./write-outputs.js";

export async function checkCommand(inputs: string[], o: Opts, io: Io, lang: Lang, version: string): Promise<number> {
  if (inputs.length === 0) {
    throw fatal("usage", "点検するファイルを指定してください（例：oqs-check samples/defects.csv）", "give a file to check (e.g. oqs-check samples/defects.csv)");
  }
  const format = outputFormat(o.format as string);
  const targets = reportTargets(o.report as string[]);
  if (o.split && (o.head !== undefined || o.sample !== undefined)) {
    throw fatal("option", "--split は --head・--sample と同時に使えません（点検していない記録を振り分けられません）", "--split cannot be combined with --head or --sample (unchecked records cannot be sorted)");
  }
  const list = expandInputs(inputs);
  refuseUnsafeTargets([
    ...targets.map((t) => ({ option: `--report ${t.format}=${t.file}`, path: t.file })),
    ...(o.split ? [{ option: `--split ${o.split as string}`, path: o.split as string, folder: true }] : []),
  ], list);
  if (list.ownOutputs.length > 0) io.stderr(ownOutputsNotice(list.ownOutputs, lang));
  const baseline = o.baseline ? loadBaseline(o.baseline as string) : undefined;
  const prepared = await prepareRun(o, lang, io.env, version);
  const progress = io.stderrIsTTY ? new Progress(list.paths, io, lang) : undefined;
  const result = await runCheckParallel(list.paths, { ...prepared.run, onProgress: progress?.update }, jobsFor(o.jobs as string, list.paths));
  progress?.clear();
  const { report, crashes, workersLost } = result;
  addUnlistedFolders(report, list);
  if (baseline) applyBaseline(report, baseline);
  for (const f of report.files) if (f.error) io.stderr(`oqs-check: ${f.error.message}\n`);
  for (const f of report.files) if (!f.error && f.records === 0) io.stderr(noRecordsNotice(f.path, lang));
  if (report.files.length === 0) io.stderr(noFilesNotice(inputs, lang));
  for (const w of workersLost ?? []) {
    io.stderr(lang === "ja"
      ? `oqs-check: 作業スレッドが止まりました（${w}）。その範囲は残りのスレッドで点検し直しました\n`
      : `oqs-check: a worker thread stopped (${w}); its ranges were checked again by the threads left\n`);
  }
  for (const c of crashes) io.stderr(`oqs-check: ${lang === "ja" ? "点検中の内部エラー" : "internal error in check"} ${c}\n`);
  const failOn = prepared.failOn;
  const verdictInputs: VerdictInputs = { failOn, severity: prepared.severity, crashes: crashes.length, unwritten: 0, maxWarnings: prepared.maxWarnings, lang };
  if (o.split) {
    verdictInputs.unwritten += await split(list.paths, report.files, result.failingRecords(failOn), o, io, lang, prepared.run.maxFieldBytes, prepared.run.layout.header);
  }
  report.summary.verdict = decideVerdict(report, verdictInputs);
  const ctx = { ...formatContext(o, lang, prepared.redact, io.isTTY && o.color !== false && !io.env.NO_COLOR), failOn };
  writeOutputs(report, format, targets, ctx, io, (unwritten) => {
    // A report file that could not be written makes the run incomplete: standard output says so too.
    if (unwritten === 0) return;
    verdictInputs.unwritten += unwritten;
    report.summary.verdict = decideVerdict(report, verdictInputs);
  });
  return report.summary.verdict.exitCode;
}

/** Folders that could not be listed join the report as files with `error`, so the summary counts them. */
function addUnlistedFolders(report: Report, list: InputList): void {
  if (list.unlisted.length === 0) return;
  for (const u of list.unlisted) {
    const file: FileReport = emptyFileReport(u.path);
    file.error = { code: u.error.kind, message: u.error.messageIn(report.options?.lang ?? "ja") };
    report.files.push(file);
  }
  report.summary = summarize(report.files);
}

function noRecordsNotice(path: string, lang: Lang): string {
  return lang === "ja"
    ? `oqs-check: ${path}: 記録がありません（ヘッダーだけのファイルです）。出力の条件を確かめてください\n`
    : `oqs-check: ${path}: no records (the file has a header only); check how it was exported\n`;
}

function noFilesNotice(inputs: readonly string[], lang: Lang): string {
  return lang === "ja"
    ? `oqs-check: 点検するファイルが見つかりません（${inputs.join(", ")} に .csv .tsv .txt .xml がありません）\n`
    : `oqs-check: no file to check was found (no .csv .tsv .txt .xml in ${inputs.join(", ")})\n`;
}

function ownOutputsNotice(paths: readonly string[], lang: Lang): string {
  const shown = paths.slice(0, 3).join(", ") + (paths.length > 3 ? (lang === "ja" ? ` ほか ${paths.length - 3} 件` : ` and ${paths.length - 3} more`) : "");
  return lang === "ja"
    ? `oqs-check: このツールが書いたレポート・分割ファイル ${paths.length} 件は点検しません（${shown}）\n`
    : `oqs-check: ${paths.length} report or split file(s) written by this tool are not checked (${shown})\n`;
}

async function split(
  paths: string[], files: { format?: string; error?: unknown }[], failingRecords: Set<number>[],
  o: Opts, io: Io, lang: Lang, maxFieldBytes: number, hasHeader: boolean,
): Promise<number> {
  let failures = 0;
  const stems = splitStems(paths);
  for (const [i, path] of paths.entries()) {
    if (files[i].error) continue;
    try {
      const r = await splitFile(path, o.split as string, failingRecords[i], files[i].format === "tsv" ? 0x09 : 0x2c, hasHeader, maxFieldBytes, stems[i]);
      io.stderr(lang === "ja"
        ? `oqs-check: ${path} → ${r.valid}（${r.validRecords} 件）, ${r.invalid}（${r.invalidRecords} 件）\n`
        : `oqs-check: ${path} → ${r.valid} (${r.validRecords}), ${r.invalid} (${r.invalidRecords})\n`);
    } catch (e) {
      io.stderr(`oqs-check: ${asFileError(path, e).messageIn(lang)}\n`);
      failures++;
    }
  }
  return failures;
}
