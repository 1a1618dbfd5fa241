// Z04/name-spacing: leading and trailing white space in 氏名 (server rule), doubled spaces and カナ氏名 (inferred).
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import z04 from "../../src/checks/z04-name-spacing.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const SP = " ";
const ZSP = "\u3000";

const valid: Row[] = [
  { name: `山田${ZSP}太郎`, nameKana: `ヤマダ${ZSP}タロウ` },
  { name: `山田${SP}太郎`, nameKana: `ﾔﾏﾀﾞ${SP}ﾀﾛｳ` },
  { name: "山田太郎", nameKana: "ヤマダタロウ" },
  { name: `スミス${ZSP}ジョン${ZSP}ポール`, nameKana: `スミス${ZSP}ジョン${ZSP}ポール` },
  { name: "", nameKana: "" }, // empty: B03's case
  { name: `${ZSP}${ZSP}`, nameKana: `${SP}\t` }, // blank after trimming: B03's case
];

interface Expected {
  messageId: "leading" | "trailing" | "doubled";
  field: "name" | "nameKana";
  suggestion: string;
  inferred: boolean;
}

const invalid: { row: Row; errors: Expected[] }[] = [
  { row: { name: `山田${ZSP}太郎${ZSP}` }, errors: [{ messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false }] },
  { row: { name: `山田${ZSP}太郎${SP}` }, errors: [{ messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false }] },
  { row: { name: `山田${SP}太郎${SP}${SP}` }, errors: [{ messageId: "trailing", field: "name", suggestion: `山田${SP}太郎`, inferred: false }] },
  { row: { name: `山田${ZSP}太郎\t` }, errors: [{ messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false }] },
  { row: { name: `山田${ZSP}太郎\u00a0` }, errors: [{ messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false }] },
  { row: { name: `${ZSP}山田${ZSP}太郎` }, errors: [{ messageId: "leading", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false }] },
  {
    row: { name: `${SP}山田${ZSP}太郎${ZSP}` },
    errors: [
      { messageId: "leading", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false },
      { messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false },
    ],
  },
  { row: { name: `山田${ZSP}${ZSP}太郎` }, errors: [{ messageId: "doubled", field: "name", suggestion: `山田${ZSP}太郎`, inferred: true }] },
  { row: { name: `山田${SP}${ZSP}太郎` }, errors: [{ messageId: "doubled", field: "name", suggestion: `山田${ZSP}太郎`, inferred: true }] },
  // the separator kind is the one used between the other parts of the name
  {
    row: { name: `スミス${SP}ジョン${SP}${SP}ポール` },
    errors: [{ messageId: "doubled", field: "name", suggestion: `スミス${SP}ジョン${SP}ポール`, inferred: true }],
  },
  {
    row: { name: `山田${ZSP}${ZSP}太郎${ZSP}` },
    errors: [
      { messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false },
      { messageId: "doubled", field: "name", suggestion: `山田${ZSP}太郎`, inferred: true },
    ],
  },
  { row: { nameKana: `ヤマダ${ZSP}タロウ${ZSP}` }, errors: [{ messageId: "trailing", field: "nameKana", suggestion: `ヤマダ${ZSP}タロウ`, inferred: true }] },
  { row: { nameKana: `${SP}ﾔﾏﾀﾞ${SP}ﾀﾛｳ` }, errors: [{ messageId: "leading", field: "nameKana", suggestion: `ﾔﾏﾀﾞ${SP}ﾀﾛｳ`, inferred: true }] },
  { row: { nameKana: `ﾔﾏﾀﾞ${SP}${ZSP}ﾀﾛｳ` }, errors: [{ messageId: "doubled", field: "nameKana", suggestion: `ﾔﾏﾀﾞ${SP}ﾀﾛｳ`, inferred: true }] },
  {
    row: { name: `山田${ZSP}太郎${ZSP}`, nameKana: `ヤマダ${ZSP}${ZSP}タロウ` },
    errors: [
      { messageId: "trailing", field: "name", suggestion: `山田${ZSP}太郎`, inferred: false },
      { messageId: "doubled", field: "nameKana", suggestion: `ヤマダ${ZSP}タロウ`, inferred: true },
    ],
  },
];

describe("Z04/name-spacing", () => {
  it("accepts names without leading, trailing or doubled spaces, and blank names", () => {
    expect(runChecks([z04], valid)).toEqual([]);
  });

  it.each(invalid.map((c, i) => [i, c] as const))("invalid case %i", (_i, c) => {
    const findings = runChecks([z04], [c.row]);
    expect(findings.map((f) => ({ messageId: f.messageId, field: f.field, suggestion: f.suggestion, inferred: f.inferred }))).toEqual(c.errors);
    for (const f of findings) {
      expect(f.code).toBe("Z04");
      expect(f.record).toBe(1);
      expect(f.line).toBe(2);
    }
  });

  it("reports each record on its own line", () => {
    const rows: Row[] = [{ name: `山田${ZSP}太郎` }, { name: `佐藤${ZSP}花子${ZSP}` }, { name: `鈴木${ZSP}一郎` }, { name: `高橋${ZSP}次郎${SP}` }];
    const findings = runChecks([z04], rows);
    expect(findings.map((f) => [f.record, f.line, f.messageId])).toEqual([
      [2, 3, "trailing"],
      [4, 5, "trailing"],
    ]);
  });

  it("names the spaces as a clerk does (全角スペース, 半角スペース, タブ), in English with lang en", () => {
    const rows: Row[] = [{ name: `山田${ZSP}太郎${ZSP}` }, { name: `${SP}山田${ZSP}太郎` }, { name: `山田\t${ZSP}太郎` }, { name: `山田${ZSP}太郎${SP}${ZSP}` }];
    expect(runChecks([z04], rows).map((f) => f.message)).toEqual([
      "末尾に全角スペースがあります",
      "先頭に半角スペースがあります",
      "タブ・全角スペースが2つ以上続いています",
      "末尾に半角スペース・全角スペースがあります",
    ]);
    expect(runChecks([z04], rows.slice(0, 1), { options: { lang: "en" } }).map((f) => f.message)).toEqual(["Trailing white space (full-width space)"]);
  });

  it("finds trailing U+3000 and U+0020 in names decoded from CP932 bytes", () => {
    // 81 40 is the CP932 full-width space; 0x20 the ASCII one.
    const base = iconv.encode(`山田${ZSP}太郎`, "cp932");
    const withZsp = Buffer.concat([base, Buffer.from([0x81, 0x40])]);
    const withSp = Buffer.concat([base, Buffer.from([0x20])]);
    const decoder = new TextDecoder("shift_jis");
    const rows: Row[] = [{ name: decoder.decode(withZsp) }, { name: decoder.decode(withSp) }, { name: decoder.decode(base) }];
    const findings = runChecks([z04], rows);
    expect(findings.map((f) => [f.record, f.messageId, f.suggestion])).toEqual([
      [1, "trailing", `山田${ZSP}太郎`],
      [2, "trailing", `山田${ZSP}太郎`],
    ]);
  });
});
