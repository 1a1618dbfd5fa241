// G04 black-circle: a ● (U+25CF, CP932 819C) already in 氏名/カナ氏名/住所.
import { describe, expect, it } from "vitest";
import g04 from "../../src/checks/g04-black-circle.js";
import { hexBytes, rawRows } from "../helpers/raw-record.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const valid: Row[] = [
  { name: "山田　太郎", address: "東京都港区○○町" }, // ○ U+25CB is not ●
  { name: "◎◇◆□■△▲", address: "⚫⬤" }, // other circles and shapes are not G04 (⚫⬤ are G03)
];

const invalid: { row: Row; errors: { field: string; position: number }[] }[] = [
  { row: { name: "山●太郎" }, errors: [{ field: "name", position: 2 }] },
  { row: { name: "●●", nameKana: "ヤマ●", address: "東京都●区" }, errors: [
    { field: "name", position: 1 },
    { field: "name", position: 2 },
    { field: "nameKana", position: 3 },
    { field: "address", position: 4 },
  ] },
];

describe("G04 black-circle", () => {
  it.each(valid.map((row, i) => [i, row] as const))("valid row %i has no G04", (_i, row) => {
    expect(runChecks([g04], [row])).toEqual([]);
  });

  it.each(invalid.map((c, i) => [i, c] as const))("invalid row %i", (_i, c) => {
    const findings = runChecks([g04], [c.row]);
    expect(findings.map((f) => ({ field: f.field, position: f.position }))).toEqual(c.errors);
    for (const f of findings) {
      expect([f.code, f.messageId, f.record, f.codePoint, f.severity]).toEqual(["G04", "blackCircle", 1, "U+25CF", "error"]);
      expect(f.suggestion).toBeUndefined();
      expect(f.substitute).toBeUndefined();
    }
  });

  it("names the CP932 bytes 819C", () => {
    const { rows, raw } = rawRows("cp932", ["name"], [[Uint8Array.from([...hexBytes("8E52"), ...hexBytes("819C")])]]);
    const findings = runChecks([g04], rows, { raw: (_f, i) => raw[i] });
    expect(findings.map((f) => [f.bytes, f.bytesEncoding, f.position])).toEqual([["819C", "cp932", 2]]);
  });
});
