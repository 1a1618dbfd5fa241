// The main command: check the inputs, write the reports (and --split files), return the exit code.
import { runCheckParallel } from "../engine/parallel.js";
import { exitCode } from "../exit-code.js";
import { fatal, FatalError } from "../i18n/fatal.js";
import { applyBaseline, loadBaseline } from "../report/baseline.js";
import { splitFile } from "../report/split.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";
import { expandInputs, formatContext, jobsFor, outputFormat, prepareRun, reportTargets, type Opts } from "./options.js";
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
  const baseline = o.baseline ? loadBaseline(o.baseline as string) : undefined;
  const prepared = await prepareRun(o, lang, io.env, version);
  const paths = expandInputs(inputs);
  const progress = io.stderrIsTTY ? new Progress(paths, io, lang) : undefined;
  const { report, crashes, errorRecords, workersLost } = await runCheckParallel(paths, { ...prepared.run, onProgress: progress?.update }, jobsFor(o.jobs as string, paths));
  progress?.clear();
  if (baseline) applyBaseline(report, baseline);
  for (const f of report.files) if (f.error) io.stderr(`oqs-check: ${f.error.message}\n`);
  for (const w of workersLost ?? []) {
    io.stderr(lang === "ja"
      ? `oqs-check: 作業スレッドが止まりました（${w}）。その範囲は残りのスレッドで点検し直しました\n`
      : `oqs-check: a worker thread stopped (${w}); its ranges were checked again by the threads left\n`);
  }
  for (const c of crashes) io.stderr(`oqs-check: ${lang === "ja" ? "点検中の内部エラー" : "internal error in check"} ${c}\n`);
  let failures = 0;
  if (o.split) failures += await split(paths, report.files, errorRecords, o, io, lang, prepared.run.maxFieldBytes, prepared.run.layout.header);
  const ctx = formatContext(o, lang, prepared.redact, io.isTTY && o.color !== false && !io.env.NO_COLOR);
  failures += writeOutputs(report, format, targets, ctx, io);
  return exitCode({ report, severity: prepared.severity, crashes: crashes.length, failures, maxWarnings: prepared.maxWarnings });
}

async function split(
  paths: string[], files: { format?: string; error?: unknown }[], errorRecords: Set<number>[],
  o: Opts, io: Io, lang: Lang, maxFieldBytes: number, hasHeader: boolean,
): Promise<number> {
  let failures = 0;
  for (const [i, path] of paths.entries()) {
    if (files[i].error) continue;
    try {
      const r = await splitFile(path, o.split as string, errorRecords[i], files[i].format === "tsv" ? 0x09 : 0x2c, hasHeader, maxFieldBytes);
      io.stderr(lang === "ja"
        ? `oqs-check: ${path} → ${r.valid}（${r.validRecords} 件）, ${r.invalid}（${r.invalidRecords} 件）\n`
        : `oqs-check: ${path} → ${r.valid} (${r.validRecords}), ${r.invalid} (${r.invalidRecords})\n`);
    } catch (e) {
      if (!(e instanceof FatalError)) throw e;
      io.stderr(`oqs-check: ${e.messageIn(lang)}\n`);
      failures++;
    }
  }
  return failures;
}
