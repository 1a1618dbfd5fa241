// RuleTester-style helper: runs checks over in-memory rows (logical fields) and returns the findings.
import { CheckRun } from "../../src/engine/check-run.js";
import { FindingCollector } from "../../src/engine/collector.js";
import type { Check, CheckOptions } from "../../src/checks/define.js";
import type { DataRecord, FieldName, Finding, RawRecordBytes, SeveritySetting } from "../../src/types.js";

export type Row = Partial<Record<FieldName, string>>;

export const DEFAULT_TEST_OPTIONS: CheckOptions = {
  lang: "ja",
  asOf: "20261123",
  allowedLaw: ["12", "25"],
  dateFormats: [],
};

export interface RunChecksOptions {
  options?: Partial<CheckOptions>;
  rules?: Map<string, SeveritySetting>;
  redact?: boolean;
  /** Fields present in the layout (default: the keys of every row). */
  fields?: FieldName[];
  /** The original bytes of row `rowIndex` of file `fileIndex` (sets `rec.raw`; default: none, as for XML). */
  raw?: (fileIndex: number, rowIndex: number) => RawRecordBytes | undefined;
}

/**
 * Runs `checks` over one file per element of `files` (each a list of rows), record numbers from 1 and
 * line = record + 1 (a header on line 1). Returns every finding per file, in report order.
 */
export function runChecksOnFiles(checks: readonly Check[], files: Row[][], o: RunChecksOptions = {}): Finding[][] {
  const run = new CheckRun({ checks, options: { ...DEFAULT_TEST_OPTIONS, ...o.options }, rules: o.rules, redact: o.redact });
  const collectors = files.map(() => new FindingCollector());
  files.forEach((rows, fi) => {
    const fields = o.fields ?? ([...new Set(rows.flatMap((r) => Object.keys(r)))] as FieldName[]);
    const columns = Object.fromEntries(fields.map((f) => [f, f])) as Partial<Record<FieldName, string>>;
    run.addFile(`file${fi + 1}.csv`, columns, collectors[fi]);
  });
  files.forEach((rows, fi) => {
    rows.forEach((row, i) => {
      const rec: DataRecord = { record: i + 1, line: i + 2, offset: 0, fileIndex: fi, cells: Object.values(row) as string[], fields: row };
      const raw = o.raw?.(fi, i);
      if (raw) rec.raw = raw;
      run.record(rec);
    });
    run.fileEnd(fi);
  });
  run.end();
  if (run.crashes.length > 0) throw new Error(run.crashes.join("\n"));
  return collectors.map((c) => c.findings);
}

export function runChecks(checks: readonly Check[], rows: Row[], o: RunChecksOptions = {}): Finding[] {
  return runChecksOnFiles(checks, [rows], o)[0];
}
