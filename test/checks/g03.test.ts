// G03 non-jis-char: characters outside JIS X 0208 that are neither user-defined nor NEC/IBM extensions.
import { describe, expect, it } from "vitest";
import g01 from "../../src/checks/g01-user-defined-char.js";
import g02 from "../../src/checks/g02-vendor-extension-char.js";
import g03 from "../../src/checks/g03-non-jis-char.js";
import g04 from "../../src/checks/g04-black-circle.js";
import { rawRows } from "../helpers/raw-record.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const ALL_G = [g01, g02, g03, g04];

const valid: Row[] = [
  { name: "森　鴎外", nameKana: "ﾓﾘ ｵｳｶﾞｲ", address: "東京都文京区千駄木１丁目２３－４" },
  { address: "〜−‖—¢£¬" }, // the JIS-standard twins (UTF-8 input)
  { address: "～－∥―￠￡￢" }, // the same characters as CP932 decodes them
  { name: "Smith John", address: "Tokyo 1-2-3 #101 (A)" }, // ASCII
  { name: "山\ufffd太郎" }, // an undecodable byte: S02 from the reader, not G03
  { nameKana: "ｶﾞｯｺｳ ﾀﾛｰ" }, // half-width katakana are allowed in カナ氏名
];

interface Invalid {
  row: Row;
  errors: { messageId: string; field: string; position: number; codePoint: string; substitute?: string; suggestion?: string }[];
}

const invalid: Invalid[] = [
  { row: { name: "森　鷗外" }, errors: [{ messageId: "nonJis", field: "name", position: 3, codePoint: "U+9DD7", substitute: "鴎", suggestion: "森　鴎外" }] },
  { row: { name: "𠮷田　𠮷" }, errors: [
    { messageId: "nonJis", field: "name", position: 1, codePoint: "U+20BB7", substitute: "吉", suggestion: "吉田　吉" },
    { messageId: "nonJis", field: "name", position: 4, codePoint: "U+20BB7", substitute: "吉", suggestion: "吉田　吉" },
  ] },
  { row: { name: "㐂田" }, errors: [{ messageId: "nonJis", field: "name", position: 1, codePoint: "U+3402", substitute: "喜", suggestion: "喜田" }] },
  { row: { address: "東京都ｱﾊﾟｰﾄ" }, errors: [
    { messageId: "halfWidthKana", field: "address", position: 4, codePoint: "U+FF71", substitute: "ア", suggestion: "東京都アパート" },
    { messageId: "halfWidthKana", field: "address", position: 5, codePoint: "U+FF8A", substitute: "ハ", suggestion: "東京都アパート" },
    { messageId: "halfWidthKana", field: "address", position: 6, codePoint: "U+FF9F", substitute: "゜", suggestion: "東京都アパート" },
    { messageId: "halfWidthKana", field: "address", position: 7, codePoint: "U+FF70", substitute: "ー", suggestion: "東京都アパート" },
    { messageId: "halfWidthKana", field: "address", position: 8, codePoint: "U+FF84", substitute: "ト", suggestion: "東京都アパート" },
  ] },
  { row: { name: "葛\u{e0100}城" }, errors: [{ messageId: "variationSelector", field: "name", position: 2, codePoint: "U+E0100", substitute: "", suggestion: "葛城" }] },
  { row: { name: "\uf900" }, errors: [{ messageId: "nonJis", field: "name", position: 1, codePoint: "U+F900", substitute: "豈", suggestion: "豈" }] },
  { row: { name: "김" }, errors: [{ messageId: "nonJisNoSubstitute", field: "name", position: 1, codePoint: "U+AE40" }] },
  { row: { nameKana: "ｵｵﾀ\u00a0ﾊﾅ" }, errors: [{ messageId: "nonJisNoSubstitute", field: "nameKana", position: 4, codePoint: "U+00A0" }] },
];

describe("G03 non-jis-char", () => {
  it.each(valid.map((row, i) => [i, row] as const))("valid row %i has no G finding at all", (_i, row) => {
    expect(runChecks(ALL_G, [row])).toEqual([]);
  });

  it.each(invalid.map((c, i) => [i, c] as const))("invalid row %i", (_i, c) => {
    const findings = runChecks([g03], [c.row]);
    expect(findings.map((f) => {
      const o: Record<string, unknown> = { messageId: f.messageId, field: f.field, position: f.position, codePoint: f.codePoint };
      if (f.substitute !== undefined) o.substitute = f.substitute;
      if (f.suggestion !== undefined) o.suggestion = f.suggestion;
      return o;
    })).toEqual(c.errors);
    for (const f of findings) expect([f.code, f.record, f.severity]).toEqual(["G03", 1, "warning"]);
  });

  it("a UTF-8 file: 〜 and − in 住所 give no G finding; 鷗 and 𠮷 are G03 with their UTF-8 bytes", () => {
    const { rows, raw } = rawRows("utf-8", ["name", "address"], [
      ["山田　花子", "静岡県浜松市中央区元城町１〜２−３"],
      ["森　鷗外", "東京都文京区"],
      ["𠮷野　太郎", "東京都文京区"],
    ]);
    const findings = runChecks(ALL_G, rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.record, f.code, f.field, f.char, f.bytes, f.bytesEncoding, f.bytesFromFile])).toEqual([
      [2, "G03", "name", "鷗", "E9B797", "utf-8", true],
      [3, "G03", "name", "𠮷", "F0A0AEB7", "utf-8", true],
    ]);
  });

  it("a JIS X 0212 character from EUC-JP (鷗, 8FECBF) is G03 with its three bytes", () => {
    const { rows, raw } = rawRows("euc-jp", ["name"], [["鷗"]]);
    const findings = runChecks(ALL_G, rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.code, f.bytes, f.bytesEncoding])).toEqual([["G03", "8FECBF", "euc-jp"]]);
  });

  it("half-width katakana in 氏名 from CP932 (one byte each) are G03 with their bytes", () => {
    const { rows, raw } = rawRows("cp932", ["name", "nameKana"], [["ﾀﾛｳ", "ﾀﾛｳ"]]);
    const findings = runChecks(ALL_G, rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.code, f.field, f.bytes])).toEqual([
      ["G03", "name", "C0"],
      ["G03", "name", "DB"],
      ["G03", "name", "B3"],
    ]);
  });
});
