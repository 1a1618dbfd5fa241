// G02 vendor-extension-char: CP932 NEC/IBM extension characters outside JIS X 0208, whatever the input encoding.
import { describe, expect, it } from "vitest";
import g02 from "../../src/checks/g02-vendor-extension-char.js";
import { hexBytes, rawRows } from "../helpers/raw-record.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const valid: Row[] = [
  { name: "高橋　崎子", nameKana: "タカハシ　サキコ", address: "徳島県徳島市" },
  { name: "神田　都", address: "東京都府中市" }, // U+795E, U+90FD: the JIS X 0208 forms
  { address: "≒≡∫√⊥∠∵∩∪￢" }, // the NEC/IBM codes that decode to JIS X 0208 characters
  { name: "鷗\ue000●" }, // other G codes, not G02
];

interface Invalid {
  row: Row;
  errors: { messageId: string; field: string; position: number; codePoint: string; substitute?: string; suggestion?: string }[];
}

const invalid: Invalid[] = [
  { row: { name: "髙橋　一郎" }, errors: [{ messageId: "vendorExtension", field: "name", position: 1, codePoint: "U+9AD9", substitute: "高", suggestion: "高橋　一郎" }] },
  { row: { name: "山﨑　花" }, errors: [{ messageId: "vendorExtension", field: "name", position: 2, codePoint: "U+FA11", substitute: "崎", suggestion: "山崎　花" }] },
  { row: { name: "德川" }, errors: [{ messageId: "vendorExtension", field: "name", position: 1, codePoint: "U+5FB7", substitute: "徳", suggestion: "徳川" }] },
  { row: { name: "神\ufa19" }, errors: [{ messageId: "vendorExtension", field: "name", position: 2, codePoint: "U+FA19", substitute: "神", suggestion: "神神" }] },
  { row: { address: "札幌市中央区北①条" }, errors: [{ messageId: "vendorExtension", field: "address", position: 8, codePoint: "U+2460", substitute: "1", suggestion: "札幌市中央区北1条" }] },
  { row: { address: "㈱山田ビルⅢ" }, errors: [
    { messageId: "vendorExtension", field: "address", position: 1, codePoint: "U+3231", substitute: "(株)", suggestion: "(株)山田ビルIII" },
    { messageId: "vendorExtension", field: "address", position: 6, codePoint: "U+2162", substitute: "III", suggestion: "(株)山田ビルIII" },
  ] },
  { row: { nameKana: "№" }, errors: [{ messageId: "vendorExtension", field: "nameKana", position: 1, codePoint: "U+2116", substitute: "No.", suggestion: "No." }] },
  { row: { name: "草彅　剛" }, errors: [{ messageId: "vendorExtensionNoSubstitute", field: "name", position: 2, codePoint: "U+5F45" }] },
  { row: { name: "髙﨑" }, errors: [
    { messageId: "vendorExtension", field: "name", position: 1, codePoint: "U+9AD9", substitute: "高", suggestion: "高崎" },
    { messageId: "vendorExtension", field: "name", position: 2, codePoint: "U+FA11", substitute: "崎", suggestion: "高崎" },
  ] },
];

describe("G02 vendor-extension-char", () => {
  it.each(valid.map((row, i) => [i, row] as const))("valid row %i has no G02", (_i, row) => {
    expect(runChecks([g02], [row])).toEqual([]);
  });

  it.each(invalid.map((c, i) => [i, c] as const))("invalid row %i", (_i, c) => {
    const findings = runChecks([g02], [c.row]);
    expect(findings.map((f) => {
      const o: Record<string, unknown> = { messageId: f.messageId, field: f.field, position: f.position, codePoint: f.codePoint };
      if (f.substitute !== undefined) o.substitute = f.substitute;
      if (f.suggestion !== undefined) o.suggestion = f.suggestion;
      return o;
    })).toEqual(c.errors);
    for (const f of findings) expect([f.code, f.record, f.severity]).toEqual(["G02", 1, "error"]);
  });

  it("never normalises first: 神 U+FA19 is G02 even though NFC makes it 神 U+795E", () => {
    expect("\ufa19".normalize("NFC")).toBe("\u795e");
    expect(runChecks([g02], [{ name: "\ufa19" }]).map((f) => f.code)).toEqual(["G02"]);
  });

  it("髙 from FBFC and from EEE0 (CP932) reports each record's own bytes", () => {
    const { rows, raw } = rawRows("cp932", ["name", "address"], [
      [Uint8Array.from([...hexBytes("FBFC"), ...hexBytes("8BB4")]), "東京都"],
      [Uint8Array.from([...hexBytes("EEE0"), ...hexBytes("8BB4")]), "東京都"],
    ]);
    const findings = runChecks([g02], rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.record, f.char, f.bytes, f.bytesEncoding, f.suggestion])).toEqual([
      [1, "\u9ad9", "FBFC", "cp932", "高橋"],
      [2, "\u9ad9", "EEE0", "cp932", "高橋"],
    ]);
  });

  it("finds bytes in a quoted cell after a quoted cell with a comma, and the second of two equal characters", () => {
    const { rows, raw } = rawRows("cp932", ["address", "name"], [
      ["東京都港区１－１,髙輪", Uint8Array.from([...hexBytes("EEE0"), ...hexBytes("FBFC")])],
    ], { quote: true });
    const findings = runChecks([g02], rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.field, f.position, f.bytes])).toEqual([
      ["name", 1, "EEE0"],
      ["name", 2, "FBFC"],
      ["address", 10, "FBFC"],
    ]);
  });

  it("from UTF-8 and EUC-JP files: 德 (UTF-8) and 髙 (EUC-JP FCE2) are G02 with the file's bytes", () => {
    const utf8 = rawRows("utf-8", ["name"], [["德永"]]);
    const euc = rawRows("euc-jp", ["name"], [["髙田"]]);
    const f1 = runChecks([g02], utf8.rows, { raw: (_f, i) => utf8.raw[i] });
    const f2 = runChecks([g02], euc.rows, { raw: (_f, i) => euc.raw[i] });
    expect(f1.map((f) => [f.codePoint, f.bytes, f.bytesEncoding])).toEqual([["U+5FB7", "E5BEB7", "utf-8"]]);
    expect(f2.map((f) => [f.codePoint, f.bytes, f.bytesEncoding])).toEqual([["U+9AD9", "FCE2", "euc-jp"]]);
  });
});
