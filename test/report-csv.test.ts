// CSV report: round trip through csv-parse in UTF-8 (BOM) and CP932, Excel guards, rows per record, privacy.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatCsv, needsExcelGuard } from "../src/report/csv.js";
import { ctx, fileReport, finding, officeA, officeB, officeBClean, report, unreadable } from "./helpers/report-fixtures.js";

/**
 * The documented rule, implemented here on its own: a cell beginning with "=" is the Excel text formula
 * ="…" (or ="…"&"…"); its value is the literals joined, with "" read as ".
 */
function readCell(cell: string): string {
  if (!cell.startsWith("=")) return cell;
  const body = cell.slice(1);
  if (!/^"(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*$/su.test(body)) throw new Error(`cell starting with = is not a text formula: ${cell}`);
  return [...body.matchAll(/"((?:[^"]|"")*)"/gsu)].map((m) => m[1].replace(/""/gu, '"')).join("");
}

function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: false }) as string[][];
}

/** true when every line break outside quoted fields is CRLF. */
function crlfOnly(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n" && text[i - 1] !== "\r") return false;
    else if (!quoted && c === "\r" && text[i + 1] !== "\n") return false;
  }
  return !quoted;
}

const HEADER_JA = ["ファイル", "レコード", "行", "コード", "重大度", "閲覧停止", "項目", "列", "値", "修正案", "メッセージ", "受給者番号"];
const HEADER_EN = ["file", "record", "line", "code", "severity", "suspension", "field", "column", "value", "suggestion", "message", "recipientNumber"];
const MED = "医療情報・薬剤情報の閲覧停止";
const ELIG = "資格情報及び医療情報の閲覧停止";
const A = "kita/export-2026-11.csv";
const B = "minami/受給者一覧.csv";

/** Office A, B, B clean and the unreadable file, as a clerk reads them in Excel (ja). */
const EXPECTED_ROWS: string[][] = [
  [A, "1", "2", "Z04", "エラー", MED, "氏名", "氏名", "山田　太郎　", "山田　太郎", "氏名の末尾に空白があります", "0012345"],
  [A, "2", "3", "Z09", "エラー", MED, "住所", "住所", "千代田1-2-3, 2階 \"奥\"", "東京都千代田区千代田1-2-3, 2階 \"奥\"", "住所に都道府県がありません", "0012346"],
  [A, "3", "4", "G01", "エラー", "なし", "氏名", "氏名", "渡\uE000　一郎", "", "外字が含まれています", ""],
  [A, "4", "5", "B01", "エラー", ELIG, "生年月日", "生年月日", "20000230", "", "生年月日が正しい日付ではありません", "0000017"],
  [A, "5", "6", "K01", "警告", "なし", "カナ氏名", "カナ氏名", "ﾔﾏﾀﾞ\nﾀﾛｳ", "", "カナ氏名にカタカナ以外の文字があります", "0054321"],
  [A, "6", "7", "X01", "エラー", "なし", "郵便番号", "郵便番号", "600001", "0600001", "郵便番号の先頭の 0 が失われています", "01234567890"],
  [A, "6", "7", "N01", "エラー", ELIG, "個人番号", "個人番号", "********9018", "", "個人番号の検査用数字が誤っています", "01234567890"],
  [A, "6", "7", "N03", "警告", "なし", "受給者番号", "受給者番号", "01234567890", "", "受給者番号が7桁ではありません", "01234567890"],
  [A, "7", "8", "Z09", "エラー", MED, "住所", "住所", "-1-2 =SUM(A1) @x +1", "", "住所に都道府県がありません", "0012350"],
  [A, "0", "9", "S02", "エラー", "なし", "", "", "", "", "不正なバイト列 (0x81 0x20)", ""],
  [B, "1", "2", "B09", "警告", ELIG, "性別", "性別", "3", "", "性別が未設定です", "0100018"],
  [B, "2", "3", "G02", "エラー", "なし", "氏名", "氏名", "髙橋　花子", "高橋　花子", "NEC/IBM 拡張文字が含まれています", "0100026"],
  [B, "2", "3", "Z04", "エラー", MED, "カナ氏名", "カナ氏名", " タカハシ　ハナコ", "タカハシ　ハナコ", "カナ氏名の先頭に空白があります", "0100026"],
  [B, "3", "4", "G03", "警告", "なし", "氏名", "氏名", "𠮷田　〜子", "", "JIS X 0208 にない文字が含まれています", ""],
  ["higashi/broken.csv", "", "", "E_UTF16", "エラー", "", "", "", "", "", "UTF-16 のファイルは読めません", ""],
];

/**
 * How the rows above read back from a CP932 report: 𠮷 has no CP932 form ([U+XXXX]); 〜 U+301C is written as CP932's
 * 8160, which CP932 decoders read as ～ U+FF5E; user-defined U+E000 is F040 and reads back as itself.
 */
const CP932_REPLACED: [string, string][] = [["𠮷", "[U+20BB7]"], ["〜", "～"]];

function fixture() {
  return report([officeA(), officeB(), officeBClean(), unreadable()]);
}

describe("CSV report, UTF-8 with BOM (default)", () => {
  const buf = formatCsv(fixture(), ctx());
  const text = buf.subarray(3).toString("utf8");
  const raw = parseCsv(text);

  it("starts with the UTF-8 BOM and uses CRLF line ends", () => {
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(crlfOnly(text)).toBe(true);
  });

  it("round-trips every value through csv-parse (Japanese, leading zeros, commas, quotes, newlines)", () => {
    expect(raw[0]).toEqual(HEADER_JA);
    expect(raw.slice(1).map((r) => r.map(readCell))).toEqual(EXPECTED_ROWS);
  });

  it("guards what Excel would change, and only that", () => {
    const cell = (row: number, col: number) => raw[row + 1][col];
    expect(cell(0, 11)).toBe('="0012345"'); // leading zeros
    expect(cell(5, 9)).toBe('="0600001"');
    expect(cell(7, 8)).toBe('="01234567890"'); // long digit string
    expect(cell(3, 8)).toBe('="20000230"');
    expect(cell(8, 8)).toBe('="-1-2 =SUM(A1) @x +1"'); // formula start
    expect(cell(0, 8)).toBe("山田　太郎　"); // plain text stays plain
    expect(cell(1, 8)).toBe('千代田1-2-3, 2階 "奥"');
    expect(cell(0, 1)).toBe("1"); // record and line are numbers
    const guarded = raw.slice(1).flat().filter((c) => c.startsWith("="));
    expect(guarded.length).toBeGreaterThan(10);
  });

  it("writes English headers and labels with --lang en", () => {
    const rows = parseCsv(formatCsv(fixture(), ctx({ lang: "en" })).subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(HEADER_EN);
    expect(rows[1].slice(3, 8)).toEqual(["Z04", "error", "medical and drug information suspended", "name", "氏名"]);
    expect(rows[5].slice(4, 7)).toEqual(["warning", "none", "kana name"]);
  });

  it("splits text longer than Excel's 255-character literal and still reads back whole", () => {
    const long = "=" + "あ".repeat(300) + '"';
    const r = report([fileReport({ path: "x.csv", records: 1, findings: [finding({ code: "Z09", record: 1, field: "address", value: long })] })]);
    const rows = parseCsv(formatCsv(r, ctx()).subarray(3).toString("utf8"));
    expect(rows[1][8].split('"&"').length).toBe(2);
    expect(readCell(rows[1][8])).toBe(long);
  });
});

describe("CSV report, CP932", () => {
  const buf = formatCsv(fixture(), ctx({ reportEncoding: "cp932" }));
  const text = new TextDecoder("shift_jis").decode(buf);

  it("writes 〜 and the user-defined area (F040, F9FC) in CP932, byte-exactly", () => {
    const r = report([fileReport({ path: "x.csv", records: 1, findings: [finding({ code: "G01", record: 1, field: "name", value: "\uE000〜\uE757" })] })]);
    const bytes = formatCsv(r, ctx({ reportEncoding: "cp932" }));
    expect(bytes.includes(Buffer.from([0xf0, 0x40, 0x81, 0x60, 0xf9, 0xfc]))).toBe(true);
    const rows = parseCsv(new TextDecoder("shift_jis").decode(bytes));
    expect(readCell(rows[1][8])).toBe("\uE000～\uE757");
    expect(new TextDecoder("shift_jis").decode(bytes)).not.toContain("[U+");
  });

  it("has no BOM, no '?' written for a lost character, and CRLF line ends", () => {
    expect(buf[0]).not.toBe(0xef);
    expect(buf.includes(0x3f)).toBe(false); // no "?" anywhere: nothing in the data holds one
    expect(crlfOnly(text)).toBe(true);
  });

  it("round-trips every value, writing [U+XXXX] for what CP932 cannot hold", () => {
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(HEADER_JA);
    const expected = EXPECTED_ROWS.map((r) => r.map((v) => CP932_REPLACED.reduce((s, [ch, rep]) => s.split(ch).join(rep), v)));
    expect(rows.slice(1).map((r) => r.map(readCell))).toEqual(expected);
    expect(text).toContain("髙橋"); // NEC/IBM extension characters are in CP932
  });
});

describe("CSV report, one row per suspended record (--rows records)", () => {
  it("lists every suspended record with kind, codes and fields", () => {
    const rows = parseCsv(formatCsv(fixture(), ctx({ rows: "records" })).subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(["ファイル", "レコード", "行", "受給者番号", "閲覧停止の種類", "コード", "直す項目"]);
    expect(rows.slice(1).map((r) => r.map(readCell))).toEqual([
      [A, "1", "2", "0012345", MED, "Z04", "氏名"],
      [A, "2", "3", "0012346", MED, "Z09", "住所"],
      [A, "4", "5", "0000017", ELIG, "B01", "生年月日"],
      [A, "6", "7", "01234567890", ELIG, "N01 N03 X01", "個人番号、郵便番号、受給者番号"],
      [A, "7", "8", "0012350", MED, "Z09", "住所"],
      [B, "1", "2", "0100018", ELIG, "B09", "性別"],
      [B, "2", "3", "0100026", MED, "G02 Z04", "氏名、カナ氏名"],
    ]);
  });
});

describe("CSV report and privacy", () => {
  it("never writes a 個人番号 whole, even when the report holds one", () => {
    const text = formatCsv(fixture(), ctx()).toString("utf8");
    expect(text).not.toContain("123456789018");
  });

  it("masks every personal value under --redact", () => {
    const rows = parseCsv(formatCsv(fixture(), ctx({ redact: true })).subarray(3).toString("utf8")).map((r) => r.map(readCell));
    expect(rows[1].slice(8, 10)).toEqual(["＊＊　＊＊　", "＊＊　＊＊"]);
    expect(rows[1][11]).toBe("*****45");
    expect(rows[7][8]).toBe("＊".repeat(12));
    expect(rows.slice(1).every((r) => /^[＊\s\u3000]*$/u.test(r[8]) && /^[＊\s\u3000]*$/u.test(r[9]))).toBe(true);
  });
});

describe("needsExcelGuard", () => {
  const cases: [string, boolean][] = [
    ["0012345", true], ["01234567890", true], ["123456789012345", true], ["1.23457E+11", true], ["2000/1/1", true],
    ["H12.3.4", true], ["平成12年3月4日", true], ["12:30", true], ["50%", true], ["(123)", true], ["１２３", true],
    ["TRUE", true], ["Jan-1", true], ["=1+1", true], ["+81", true], ["-1", true], ["@SUM(A1)", true], ["\t1", true],
    ["山田　太郎", false], ["東京都千代田区千代田1-2-3", false], ["Z04", false], ["S01", false], ["H01", false], ["", false], ["[U+E000]", false],
    ["ﾔﾏﾀﾞ ﾀﾛｳ", false], ["kita/export.csv", false],
  ];
  it.each(cases)("%j → %s", (value, expected) => {
    expect(needsExcelGuard(value)).toBe(expected);
  });
});
