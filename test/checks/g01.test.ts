// G01 user-defined-char: PUA U+E000–U+F8FF and planes 15–16 (CP932 F040–F9FC) in 氏名/カナ氏名/住所.
import { describe, expect, it } from "vitest";
import g01 from "../../src/checks/g01-user-defined-char.js";
import { hexBytes, rawRows } from "../helpers/raw-record.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const valid: Row[] = [
  { name: "山田　太郎", nameKana: "ﾔﾏﾀﾞ ﾀﾛｳ", address: "東京都千代田区霞が関１－２－２" },
  { name: "髙橋　一郎", nameKana: "タカハシ　イチロウ", address: "大阪府大阪市北区梅田１－１" },
  { name: "\uf900" }, // a compatibility ideograph just above the user-defined area: G03, not G01
  { name: "鷗外", address: "〜−‖—¢£¬" },
];

interface Invalid {
  row: Row;
  errors: { messageId: string; field: string; position: number; codePoint: string }[];
}

const invalid: Invalid[] = [
  { row: { name: "山\ue000太郎" }, errors: [{ messageId: "userDefined", field: "name", position: 2, codePoint: "U+E000" }] },
  { row: { name: "\uf8ff" }, errors: [{ messageId: "userDefined", field: "name", position: 1, codePoint: "U+F8FF" }] },
  { row: { nameKana: "ヤマ\ue757" }, errors: [{ messageId: "userDefined", field: "nameKana", position: 3, codePoint: "U+E757" }] },
  { row: { address: "𠮷野町\u{f0000}" }, errors: [{ messageId: "userDefined", field: "address", position: 4, codePoint: "U+F0000" }] },
  { row: { address: "\u{10fffd}" }, errors: [{ messageId: "userDefined", field: "address", position: 1, codePoint: "U+10FFFD" }] },
  {
    row: { name: "\ue000\ue001", address: "市\ue000" },
    errors: [
      { messageId: "userDefined", field: "name", position: 1, codePoint: "U+E000" },
      { messageId: "userDefined", field: "name", position: 2, codePoint: "U+E001" },
      { messageId: "userDefined", field: "address", position: 2, codePoint: "U+E000" },
    ],
  },
];

describe("G01 user-defined-char", () => {
  it.each(valid.map((row, i) => [i, row] as const))("valid row %i has no G01", (_i, row) => {
    expect(runChecks([g01], [row])).toEqual([]);
  });

  it.each(invalid.map((c, i) => [i, c] as const))("invalid row %i", (_i, c) => {
    const findings = runChecks([g01], [c.row]);
    expect(findings.map((f) => ({ messageId: f.messageId, field: f.field, position: f.position, codePoint: f.codePoint }))).toEqual(c.errors);
    for (const f of findings) {
      expect(f.code).toBe("G01");
      expect(f.record).toBe(1);
      expect(f.suggestion).toBeUndefined();
    }
  });

  it("without raw bytes names the character's UTF-8 bytes and says so", () => {
    const [f] = runChecks([g01], [{ name: "\ue000" }]);
    expect([f.char, f.bytes, f.bytesEncoding, f.bytesFromFile]).toEqual(["\ue000", "EE8080", "utf-8", false]);
  });

  it("with CP932 raw bytes names the file's bytes (F040, F9FC)", () => {
    const { rows, raw } = rawRows("cp932", ["name", "address"], [
      [hexBytes("F040"), "東京都港区"],
      [Uint8Array.from([...hexBytes("8E52"), ...hexBytes("F9FC")]), "東京都港区"],
    ]);
    const findings = runChecks([g01], rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.record, f.codePoint, f.bytes, f.bytesEncoding, f.bytesFromFile, f.position])).toEqual([
      [1, "U+E000", "F040", "cp932", true, 1],
      [2, "U+E757", "F9FC", "cp932", true, 2],
    ]);
  });

  it("a --gaiji-map entry becomes the suggestion (U+E000 → 邉)", () => {
    const gaijiMap = new Map([["\ue000", "邉"]]);
    const findings = runChecks([g01], [{ name: "渡\ue000　花子" }, { name: "\ue001" }], { options: { gaijiMap } });
    expect(findings.map((f) => [f.record, f.messageId, f.suggestion, f.substitute])).toEqual([
      [1, "userDefinedMapped", "渡邉　花子", "邉"],
      [2, "userDefined", undefined, undefined],
    ]);
  });

  it("suspension follows the field: 住所 → medical, a name alone → none", () => {
    const findings = runChecks([g01], [{ name: "\ue000", address: "\ue000" }]);
    expect(findings.map((f) => [f.field, f.severity, f.suspension])).toEqual([
      ["name", "error", "none"],
      ["address", "error", "medical"],
    ]);
  });
});
