// Checks the records of one CSV/TSV file (or a byte range of it): decode, split, S01–S04, layout, checks.
import { fatal } from "../i18n/fatal.js";
import { RecordDecoder, type InvalidBytes } from "../input/decode.js";
import type { RawRecord } from "../input/record-scanner.js";
import { rereaderFor } from "../input/record-rereader.js";
import type { Sniffed } from "../input/sniff.js";
import { splitCells } from "../input/split-cells.js";
import type { LayoutProfile } from "../layout/profile.js";
import { mapFields, resolveLayout, type ResolvedLayout } from "../layout/resolve.js";
import type { DataRecord, FieldName, Finding, Lang } from "../types.js";
import type { CheckRun } from "./check-run.js";
import type { FindingCollector } from "./collector.js";
import { structuralFinding } from "./structural.js";

const S04_VALUE_CHARS = 80;

export interface CsvFileInfo {
  path: string;
  sniffed: Sniffed;
  delimiter: "," | "\t";
  lang: Lang;
  maxFieldBytes: number;
}

/** The 1-based line of byte `index` of a record that starts on `startLine`. */
export function lineOfByte(bytes: Uint8Array, startLine: number, index: number): number {
  let line = startLine;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

export class CsvRecordChecker {
  /** Data records that went through the checks (and S01). */
  checked = 0;
  private readonly decoder: RecordDecoder;
  private readonly pending: Finding[] = [];

  constructor(
    private readonly file: CsvFileInfo,
    private readonly run: CheckRun,
    private readonly collector: FindingCollector,
    private readonly profile: LayoutProfile,
    /** Known layout and file index (parallel ranges); otherwise resolved from the first record. */
    private layout?: ResolvedLayout,
    private fileIndex = -1,
  ) {
    this.decoder = new RecordDecoder(file.sniffed.encoding);
  }

  get resolvedLayout(): ResolvedLayout | undefined {
    return this.layout;
  }

  /** A finding known before the layout (a stray BOM): added once the file is registered. */
  addEarly(f: Finding): void {
    if (this.fileIndex >= 0) this.collector.add(f, false);
    else this.pending.push(f);
  }

  /** Resolves the layout from this record (header or first record) and registers the file with the run. */
  private register(cells: string[], isHeader: boolean): ResolvedLayout {
    const layout = resolveLayout(this.profile, isHeader ? cells : undefined, cells.length, this.file.path);
    this.layout = layout;
    const { path, sniffed, delimiter, maxFieldBytes } = this.file;
    const rereader = rereaderFor(path, sniffed.encoding, delimiter, maxFieldBytes, layout);
    this.fileIndex = this.run.addFile(path, layout.columns, this.collector, undefined, rereader);
    for (const f of this.pending) this.collector.add(f, false);
    return layout;
  }

  check(raw: RawRecord, recordNo: number, isHeader: boolean): void {
    const { sniffed, delimiter } = this.file;
    const decoded = this.decoder.decode(raw.bytes);
    const cells = splitCells(decoded.text, delimiter);
    const layout = this.layout ?? this.register(cells, isHeader);
    const fileIndex = this.fileIndex;
    const fields = isHeader ? {} : mapFields(layout, cells);
    const structural = decoded.invalid.length > 0 || raw.issues.length > 0 || (!isHeader && !raw.unclosedQuote && cells.length !== layout.width);
    if (structural) this.reportStructural(raw, recordNo, isHeader, decoded.invalid, cells, layout, fields);
    if (isHeader) return;
    this.checked++;
    this.collector.countRecord(fields.insurerNumber);
    if (raw.unclosedQuote) return;
    const rec: DataRecord = {
      record: recordNo, line: raw.line, offset: raw.offset, fileIndex, cells, fields,
      raw: { bytes: raw.bytes, delimiter: delimiter.charCodeAt(0), encoding: sniffed.encoding, cellOf: layout.cellOf },
    };
    this.run.record(rec);
  }

  /** S01–S04 for one record (rare: kept off the per-record fast path). */
  private reportStructural(
    raw: RawRecord, recordNo: number, isHeader: boolean, invalid: InvalidBytes[], cells: string[],
    layout: ResolvedLayout, fields: Partial<Record<FieldName, string>>,
  ): void {
    const { lang, sniffed } = this.file;
    const fileIndex = this.fileIndex;
    const addStructural = (code: string, build: (sev: "error" | "warning") => Finding) =>
      this.run.addStructural(fileIndex, code, build, fields.recipientNumber, fields.insurerNumber);
    for (const bad of invalid) {
      const byteOffset = raw.offset + bad.index;
      addStructural("S02", (sev) => structuralFinding("S02", "invalid", sev, lang,
        { record: recordNo, line: lineOfByte(raw.bytes, raw.line, bad.index), byteOffset },
        { encoding: sniffed.encoding.toUpperCase(), hex: bad.hex, offset: byteOffset, offsetHex: byteOffset.toString(16).toUpperCase() }, { bytes: bad.hex }));
    }
    for (const issue of raw.issues) {
      if (issue.kind === "field-too-long") {
        const value = (cells[issue.cell] ?? "").slice(0, S04_VALUE_CHARS) + "…";
        addStructural("S04", (sev) => structuralFinding("S04", "long", sev, lang,
          { record: recordNo, line: issue.line, byteOffset: issue.offset },
          { cell: issue.cell + 1, length: issue.length ?? 0, max: this.file.maxFieldBytes }, { value, cell: issue.cell + 1 }));
      } else {
        addStructural("S03", (sev) => structuralFinding("S03", issue.kind as "stray-quote", sev, lang,
          { record: recordNo, line: issue.line, byteOffset: issue.offset }, { cell: issue.cell + 1 }, { cell: issue.cell + 1 }));
      }
    }
    if (!isHeader && !raw.unclosedQuote && cells.length !== layout.width) {
      addStructural("S01", (sev) => structuralFinding("S01", "columns", sev, lang,
        { record: recordNo, line: raw.line, byteOffset: raw.offset }, { actual: cells.length, expected: layout.width },
        { columns: cells.length, expected: layout.width }));
    }
  }

  /** The registered file index; fatal when no record (not even a header) was seen. */
  finish(): number {
    if (this.fileIndex < 0) {
      throw fatal("header-only", `${this.file.path}: データ行がありません（空行のみ）`, `${this.file.path}: no data rows (blank lines only)`);
    }
    return this.fileIndex;
  }
}
