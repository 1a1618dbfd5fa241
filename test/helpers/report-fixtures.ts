// Hand-built Report objects for the formatter and merge tests (synthetic values only, no real people).
import type { FileReport, Finding, InsurerSummary, Report, SuspendedRecord } from "../../src/types.js";
import type { FormatContext } from "../../src/report/format-context.js";
import { summarize } from "../../src/report/summary.js";

/** A finding with defaults for what a test does not care about. */
export function finding(f: Partial<Finding> & Pick<Finding, "code" | "record">): Finding {
  return {
    severity: "error", suspension: "none", line: f.record + 1, message: `${f.code} のテスト用メッセージ`, messageId: "test",
    ...f,
  } as Finding;
}

export interface FileSpec {
  path: string;
  records: number;
  recordsChecked?: number;
  encoding?: string;
  findings?: Finding[];
  /** Exact counts when the list is cut (truncated); default: tallied from `findings`. */
  counts?: Record<string, number>;
  truncated?: boolean;
  suspendedRecords?: SuspendedRecord[];
  byInsurer?: Record<string, InsurerSummary>;
  error?: { code: string; message: string };
}

/** A FileReport whose counts, recordsWithFindings and suspended are tallied from the spec. */
export function fileReport(spec: FileSpec): FileReport {
  const findings = spec.findings ?? [];
  const tally: Record<string, number> = {};
  for (const f of findings) tally[f.code] = (tally[f.code] ?? 0) + 1;
  const suspendedRecords = spec.suspendedRecords ?? [];
  const file: FileReport = {
    path: spec.path,
    records: spec.records,
    recordsChecked: spec.recordsChecked ?? spec.records,
    findings,
    counts: spec.counts ?? tally,
    recordsWithFindings: new Set(findings.filter((f) => f.record > 0).map((f) => f.record)).size,
    suspended: {
      eligibility: suspendedRecords.filter((s) => s.kind === "eligibility").length,
      medical: suspendedRecords.filter((s) => s.kind === "medical").length,
    },
    suspendedRecords,
  };
  if (spec.encoding) file.encoding = spec.encoding;
  if (spec.truncated) file.truncated = true;
  if (spec.byInsurer) file.byInsurer = spec.byInsurer;
  if (spec.error) file.error = spec.error;
  return file;
}

export function report(files: FileReport[], redacted = false): Report {
  return {
    schemaVersion: 1,
    tool: { name: "oqs-check", version: "0.1.0" },
    generatedAt: "2026-11-23T09:00:00Z",
    options: { asOf: "20261123", redacted, lang: "ja" },
    files,
    summary: summarize(files),
  };
}

export function ctx(over: Partial<FormatContext> = {}): FormatContext {
  return { lang: "ja", redact: false, rows: "findings", reportEncoding: "utf-8", color: false, ...over };
}

/** Office A (北福祉事務所): names, addresses, a user-defined character, numbers with leading zeros. */
export function officeA(): FileReport {
  return fileReport({
    path: "kita/export-2026-11.csv",
    records: 7,
    encoding: "cp932",
    findings: [
      finding({ code: "Z04", record: 1, suspension: "medical", field: "name", column: "氏名", value: "山田　太郎　", suggestion: "山田　太郎", message: "氏名の末尾に空白があります" }),
      finding({ code: "Z09", record: 2, suspension: "medical", field: "address", column: "住所", value: "千代田1-2-3, 2階 \"奥\"", suggestion: "東京都千代田区千代田1-2-3, 2階 \"奥\"", message: "住所に都道府県がありません" }),
      finding({ code: "G01", record: 3, field: "name", column: "氏名", value: "渡\uE000　一郎", message: "外字が含まれています" }),
      finding({ code: "B01", record: 4, suspension: "eligibility", field: "birthDate", column: "生年月日", value: "20000230", message: "生年月日が正しい日付ではありません" }),
      finding({ code: "K01", record: 5, severity: "warning", field: "nameKana", column: "カナ氏名", value: "ﾔﾏﾀﾞ\nﾀﾛｳ", message: "カナ氏名にカタカナ以外の文字があります", recipientNumber: "0054321" }),
      finding({ code: "X01", record: 6, field: "postalCode", column: "郵便番号", value: "600001", suggestion: "0600001", message: "郵便番号の先頭の 0 が失われています" }),
      finding({ code: "N01", record: 6, suspension: "eligibility", field: "individualNumber", column: "個人番号", value: "123456789018", message: "個人番号の検査用数字が誤っています" }),
      finding({ code: "N03", record: 6, severity: "warning", field: "recipientNumber", column: "受給者番号", value: "01234567890", message: "受給者番号が7桁ではありません" }),
      finding({ code: "Z09", record: 7, suspension: "medical", field: "address", column: "住所", value: "-1-2 =SUM(A1) @x +1", message: "住所に都道府県がありません" }),
      finding({ code: "S02", record: 0, line: 9, message: "不正なバイト列 (0x81 0x20)" }),
    ],
    suspendedRecords: [
      { record: 1, line: 2, recipientNumber: "0012345", kind: "medical", codes: ["Z04"], fields: ["name"] },
      { record: 2, line: 3, recipientNumber: "0012346", kind: "medical", codes: ["Z09"], fields: ["address"] },
      { record: 4, line: 5, recipientNumber: "0000017", kind: "eligibility", codes: ["B01"], fields: ["birthDate"] },
      { record: 6, line: 7, recipientNumber: "01234567890", kind: "eligibility", codes: ["N01", "N03", "X01"], fields: ["individualNumber", "postalCode", "recipientNumber"] },
      { record: 7, line: 8, recipientNumber: "0012350", kind: "medical", codes: ["Z09"], fields: ["address"] },
    ],
    byInsurer: {
      "12130001": { records: 7, counts: { B01: 1, G01: 1, K01: 1, N01: 1, N03: 1, S02: 1, X01: 1, Z04: 1, Z09: 2 }, suspended: { eligibility: 2, medical: 3 } },
    },
  });
}

/** Office B (南福祉事務所): a Japanese path, a warning that suspends, both names defective, no 保険者番号 on one record. */
export function officeB(): FileReport {
  return fileReport({
    path: "minami/受給者一覧.csv",
    records: 4,
    encoding: "utf-8",
    findings: [
      finding({ code: "B09", record: 1, severity: "warning", suspension: "eligibility", field: "sex", column: "性別", value: "3", message: "性別が未設定です" }),
      finding({ code: "G02", record: 2, field: "name", column: "氏名", value: "髙橋　花子", suggestion: "高橋　花子", message: "NEC/IBM 拡張文字が含まれています" }),
      finding({ code: "Z04", record: 2, suspension: "medical", field: "nameKana", column: "カナ氏名", value: " タカハシ　ハナコ", suggestion: "タカハシ　ハナコ", message: "カナ氏名の先頭に空白があります" }),
      finding({ code: "G03", record: 3, severity: "warning", field: "name", column: "氏名", value: "𠮷田　〜子", message: "JIS X 0208 にない文字が含まれています" }),
    ],
    suspendedRecords: [
      { record: 1, line: 2, recipientNumber: "0100018", kind: "eligibility", codes: ["B09"], fields: ["sex"] },
      { record: 2, line: 3, recipientNumber: "0100026", kind: "medical", codes: ["G02", "Z04"], fields: ["name", "nameKana"] },
    ],
    byInsurer: {
      "12270153": { records: 3, counts: { B09: 1, G02: 1, G03: 1, Z04: 1 }, suspended: { eligibility: 1, medical: 1 } },
      "(none)": { records: 1, counts: {}, suspended: { eligibility: 0, medical: 0 } },
    },
  });
}

/** Office B's second file: clean. */
export function officeBClean(): FileReport {
  return fileReport({
    path: "minami/clean.csv", records: 3, encoding: "utf-8",
    byInsurer: { "12270153": { records: 3, counts: {}, suspended: { eligibility: 0, medical: 0 } } },
  });
}

/** A file that could not be read. */
export function unreadable(): FileReport {
  return fileReport({ path: "higashi/broken.csv", records: 0, error: { code: "E_UTF16", message: "UTF-16 のファイルは読めません" } });
}

/** A file with many findings of a few codes (one per record, in code order), for counts beyond the examples shown. */
export function bulkFile(path: string, insurer: string, perCode: Record<string, number>): FileReport {
  const field: Record<string, "name" | "address" | "birthDate"> = { Z04: "name", Z09: "address", B01: "birthDate", G02: "name" };
  const kind: Record<string, "medical" | "eligibility" | "none"> = { Z04: "medical", Z09: "medical", B01: "eligibility", G02: "none" };
  const findings: Finding[] = [];
  const suspendedRecords: SuspendedRecord[] = [];
  let record = 0;
  for (const [code, n] of Object.entries(perCode)) {
    for (let i = 0; i < n; i++) {
      record++;
      const f = field[code] ?? "name";
      const k = kind[code] ?? "none";
      findings.push(finding({ code, record, field: f, suspension: k, value: `試験${record}　値`, message: `${code} の例 ${record}` }));
      if (k !== "none") suspendedRecords.push({ record, line: record + 1, recipientNumber: String(1000000 + record), kind: k, codes: [code], fields: [f] });
    }
  }
  const counts = Object.fromEntries(Object.entries(perCode));
  return fileReport({
    path, records: record + 5, encoding: "cp932", findings, suspendedRecords,
    byInsurer: {
      [insurer]: {
        records: record + 5, counts,
        suspended: {
          eligibility: suspendedRecords.filter((s) => s.kind === "eligibility").length,
          medical: suspendedRecords.filter((s) => s.kind === "medical").length,
        },
      },
    },
  });
}
