// RuleTester-style helper: runs checks over in-memory rows (logical fields) and returns the findings.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckRun } from "../../src/engine/check-run.js";
import { RecordRereader } from "../../src/input/record-rereader.js";
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
  /**
   * Writes each file's rows to a UTF-8 CSV file (every value quoted) that the checks may read again by offset, as
   * the engine's files can: records carry their offset and bytes (B04 then defers its identities to the end).
   */
  readAgain?: boolean;
}

/**
 * Runs `checks` over one file per element of `files` (each a list of rows), record numbers from 1 and
 * line = record + 1 (a header on line 1). Returns every finding per file, in report order.
 */
export function runChecksOnFiles(checks: readonly Check[], files: Row[][], o: RunChecksOptions = {}): Finding[][] {
  const run = new CheckRun({ checks, options: { ...DEFAULT_TEST_OPTIONS, ...o.options }, rules: o.rules, redact: o.redact });
  const collectors = files.map(() => new FindingCollector());
  const dir = o.readAgain ? mkdtempSync(join(tmpdir(), "oqs-rows-")) : undefined;
  const written = files.map((rows, fi) => {
    const fields = o.fields ?? ([...new Set(rows.flatMap((r) => Object.keys(r)))] as FieldName[]);
    const columns = Object.fromEntries(fields.map((f) => [f, f])) as Partial<Record<FieldName, string>>;
    const csv = dir === undefined ? undefined : writeRowsCsv(join(dir, `file${fi + 1}.csv`), fields, rows);
    run.addFile(`file${fi + 1}.csv`, columns, collectors[fi], undefined, csv?.rereader);
    return csv;
  });
  try {
    files.forEach((rows, fi) => {
      rows.forEach((row, i) => {
        const rec: DataRecord = { record: i + 1, line: i + 2, offset: 0, fileIndex: fi, cells: Object.values(row) as string[], fields: row };
        const csv = written[fi];
        if (csv) Object.assign(rec, { offset: csv.offsets[i], raw: csv.raws[i] });
        const raw = o.raw?.(fi, i);
        if (raw) rec.raw = raw;
        run.record(rec);
      });
      run.fileEnd(fi);
    });
    run.end();
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  if (run.crashes.length > 0) throw new Error(run.crashes.join("\n"));
  return collectors.map((c) => c.findings);
}

/** Writes a header of field names and the rows, every value quoted; the offset and bytes of each row's record. */
export function writeRowsCsv(path: string, fields: FieldName[], rows: Row[]): { rereader: RecordRereader; offsets: number[]; raws: RawRecordBytes[] } {
  const cellOf = Object.fromEntries(fields.map((f, i) => [f, i])) as Partial<Record<FieldName, number>>;
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [fields.join(","), ...rows.map((r) => fields.map((f) => quote(r[f] ?? "")).join(","))].map((l) => Buffer.from(`${l}\r\n`));
  writeFileSync(path, Buffer.concat(lines));
  const offsets: number[] = [];
  const raws: RawRecordBytes[] = [];
  for (let i = 1, at = lines[0].length; i < lines.length; at += lines[i++].length) {
    offsets.push(at);
    raws.push({ bytes: lines[i].subarray(0, lines[i].length - 2), delimiter: 0x2c, encoding: "utf-8", cellOf });
  }
  const columns = Object.fromEntries(fields.map((f) => [f, f]));
  const rereader = new RecordRereader(path, "utf-8", ",", 1 << 20, { cellOf, columns, values: {}, width: fields.length });
  return { rereader, offsets, raws };
}

export function runChecks(checks: readonly Check[], rows: Row[], o: RunChecksOptions = {}): Finding[] {
  return runChecksOnFiles(checks, [rows], o)[0];
}
