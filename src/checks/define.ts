// The check API: a check declares its metadata as data and returns hooks the engine drives.
import type { Code } from "../codes/table.js";
import type { RecordRereader } from "../input/record-rereader.js";
import type { DataRecord, FieldName, Lang, RecordRef, SuspensionKind } from "../types.js";

/** A message in both languages; `{name}` placeholders are filled from `data` (never personal values). */
export interface Message {
  ja: string;
  en: string;
}

export interface CheckMeta {
  code: Code;
  /** Fields the check reads; a check whose fields are all missing from the layout is skipped and reported. */
  fields: readonly FieldName[];
  /** When true the check is skipped if ANY of `fields` is missing (default: only if all are missing). */
  needsAllFields?: boolean;
  messages: Record<string, Message>;
}

/** Where a finding points: a record seen now, or a remembered position (for end-of-run findings). */
export interface At {
  fileIndex: number;
  record: number;
  line: number;
  /** 受給者番号 of the record, when the check knows it (used in suspendedRecords). */
  recipientNumber?: string;
}

export interface ReportInput {
  messageId: string;
  at: DataRecord | At;
  field?: FieldName;
  /** The offending value; defaults to the field's value. Masked by --redact. */
  value?: string;
  suggestion?: string;
  /** Placeholder values for the message (not personal data). */
  data?: Record<string, string | number>;
  /** Overrides the code table's suspension for this finding (e.g. B03 by field). */
  suspension?: SuspensionKind;
  byteOffset?: number;
  /** Extra machine-readable keys spread into the finding (serverLiteral, codePoint, related …). */
  extra?: Record<string, unknown>;
}

/** Options every check may read. Values are already validated by the CLI. */
export interface CheckOptions {
  lang: Lang;
  /** "Today" for date checks, YYYYMMDD. */
  asOf: string;
  /** 法別 numbers accepted for 保険者番号 (N02). */
  allowedLaw: readonly string[];
  /** Date formats the layout declares for date fields (see src/layout/profile.ts). */
  dateFormats: readonly string[];
  /** The office's 外字 table: user-defined character → replacement text (G01). */
  gaijiMap?: ReadonlyMap<string, string>;
  /** Input encoding of the file being checked (set per file by the engine). */
  encoding?: string;
  /** Open bag for options added by later checks (reference index, key …). */
  [key: string]: unknown;
}

export interface CheckContext {
  readonly options: CheckOptions;
  /** Path of input file `fileIndex` as given on the command line. */
  filePath(fileIndex: number): string;
  /** The column (header name or position) that holds `field` in file `fileIndex`. */
  column(fileIndex: number, field: FieldName): string | undefined;
  /** Reads records of file `fileIndex` again by offset; undefined when the input cannot be read twice. */
  rereader(fileIndex: number): RecordRereader | undefined;
  report(input: ReportInput): void;
  /** Builds a RecordRef for cross-record findings. */
  ref(at: At): RecordRef;
}

export interface CheckHooks {
  /** Called for every data record of every file, in order. */
  record?(rec: DataRecord): void;
  /** Called once after the last record of file `fileIndex`. */
  fileEnd?(fileIndex: number): void;
  /** Called once after every file of the run has been read (cross-file checks report here). */
  end?(): void;
  /**
   * Parallel runs: what record() gathered since the last call, as structured-cloneable data (a worker thread
   * calls it after each byte range). Checks whose end() needs record() state must implement both hooks.
   */
  exportState?(): unknown;
  /**
   * Parallel runs: adds a worker's exported state, in file and range order, before end() in the main thread. A
   * worker numbers the records and lines of its byte range from 1: add `shift` to every record and line it holds.
   */
  importState?(state: unknown, shift: PositionShift): void;
}

/** What to add to a byte range's record and line numbers to make them the file's (see importState). */
export interface PositionShift {
  records: number;
  lines: number;
}

export interface Check {
  meta: CheckMeta;
  create(ctx: CheckContext): CheckHooks;
}

export function defineCheck(check: Check): Check {
  return check;
}

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}
