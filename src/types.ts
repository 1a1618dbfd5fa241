// Shared types: fields, findings, records and the per-file/per-run report (SPEC §2, §4).
import type { Verdict } from "./report/verdict.js";

/** The logical fields a layout can map; the first four after recipient data are the basic 4 (基本4情報). */
export const FIELD_NAMES = [
  "insurerNumber", "recipientNumber", "branch", "individualNumber",
  "name", "nameKana", "birthDate", "sex", "address", "postalCode",
  "qualifiedOn", "disqualifiedOn",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** 基本4情報: a file without any of these is a fatal error. */
export const REQUIRED_FIELDS: readonly FieldName[] = ["name", "birthDate", "sex", "address"];

export type Severity = "error" | "warning";
export type SeveritySetting = Severity | "off";
export type SuspensionKind = "eligibility" | "medical" | "none";
export type Lang = "ja" | "en";

/** One problem found in the data. `record` and `line` are 1-based; `record` 0 means the header or the file. */
export interface Finding {
  code: string;
  severity: Severity;
  suspension: SuspensionKind;
  /** 1-based data record (header excluded); 0 = header / whole file. */
  record: number;
  /** 1-based physical line where the record starts (or where the problem is, for S02/S03). */
  line: number;
  /** 0-based byte offset in the file, where known. */
  byteOffset?: number;
  field?: FieldName;
  /** The header name (or 1-based position) of the field in this file. */
  column?: string;
  value?: string;
  message: string;
  messageId: string;
  suggestion?: string;
  /** Further machine-readable facts (serverLiteral, codePoint, bytes, related …), spread into the JSON. */
  [extra: string]: unknown;
}

/** Keys of a finding that may hold personal data and are masked by --redact. */
export const PERSONAL_KEYS = ["value", "suggestion", "referenceValue"] as const;

/** Extra keys that can spell a personal value (K01's offending characters): dropped under --redact. */
export const REDACTED_EXTRA_KEYS = ["chars"] as const;

/** A reference to another record, used by cross-record findings (B04). */
export interface RecordRef {
  file: string;
  record: number;
  line: number;
}

/** One data record with its source position. */
export interface DataRecord {
  /** 1-based data record number (header excluded). */
  record: number;
  /** 1-based physical line where the record starts. */
  line: number;
  /** 0-based byte offset of the record's first byte. */
  offset: number;
  /** Index of the input file in this run (0-based). */
  fileIndex: number;
  /** Decoded cells, in file order. */
  cells: string[];
  /** Cells mapped to logical fields by the layout (value maps applied). Missing field = not in layout. */
  fields: Partial<Record<FieldName, string>>;
  /** The record's original bytes, for byte-exact reporting (absent for XML and in-memory records). */
  raw?: RawRecordBytes;
}

/** The undecoded bytes of a CSV/TSV record. Valid only during the synchronous check call: do not keep it. */
export interface RawRecordBytes {
  bytes: Uint8Array;
  /** Delimiter byte (0x2C comma or 0x09 TAB). */
  delimiter: number;
  /** Encoding the file was decoded with: "cp932" | "utf-8" | "euc-jp". */
  encoding: string;
  /** field → 0-based cell index in this file (shared by every record of the file). */
  cellOf: Partial<Record<FieldName, number>>;
}

export interface SuspendedRecord {
  record: number;
  line: number;
  recipientNumber?: string;
  kind: Exclude<SuspensionKind, "none">;
  codes: string[];
  fields: FieldName[];
}

export type SuspensionCounts = { eligibility: number; medical: number };

export interface FileReport {
  path: string;
  encoding?: string;
  encodingReason?: string;
  format?: "csv" | "tsv" | "xml";
  records: number;
  recordsChecked: number;
  findings: Finding[];
  counts: Record<string, number>;
  recordsWithFindings: number;
  suspended: SuspensionCounts;
  suspendedRecords: SuspendedRecord[];
  truncated?: boolean;
  skippedChecks?: { code: string; missing: FieldName[] }[];
  blankLines?: number;
  /** Per 保険者番号: records, counts, suspended (folded into summary.byInsurer). */
  byInsurer?: Record<string, InsurerSummary>;
  error?: { code: string; message: string };
}

export interface InsurerSummary {
  records: number;
  counts: Record<string, number>;
  suspended: SuspensionCounts;
}

export interface RunSummary {
  files: number;
  /** Files that could not be checked (each has `error`): 「点検できなかったファイル」. */
  unreadableFiles: number;
  records: number;
  recordsChecked: number;
  findings: number;
  recordsWithFindings: number;
  counts: Record<string, number>;
  suspended: SuspensionCounts;
  byInsurer: Record<string, InsurerSummary>;
  /** The check run's verdict (absent from merged reports): what the exit code says, and why. */
  verdict?: Verdict;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: "oqs-check"; version: string };
  generatedAt?: string;
  options?: { asOf: string; redacted: boolean; lang: Lang; baseline?: string };
  files: FileReport[];
  summary: RunSummary;
}
