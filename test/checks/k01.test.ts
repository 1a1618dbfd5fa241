// K01/kana-chars: カナ氏名 characters outside katakana (either width), ー, ゛゜, ・, ＝ and spaces.
import { describe, expect, it } from "vitest";
import k01 from "../../src/checks/k01-kana-chars.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const valid: string[] = [
  "ヤマダ　タロウ",
  "ﾔﾏﾀﾞ ﾀﾛｳ",
  "スミス＝ジョン",
  "ｽﾐｽ=ｼﾞｮﾝ",
  "ヴァン・デル・ベルク",
  "ｳﾞｧﾝ･ﾃﾞﾙ",
  "ヵヶヴ",
  "ハ゛ハ゜",
  "ﾊﾟﾊﾟｰ",
  "ヲァィゥェォャュョッ",
  "",
  "　 ",
];

interface Expected {
  messageId: "hiragana" | "invalidChars";
  suggestion?: string;
  chars: { char: string; codePoint: string; positions: number[] }[];
}

const invalid: { kana: string; expected: Expected }[] = [
  {
    kana: "やまだ　たろう",
    expected: {
      messageId: "hiragana",
      suggestion: "ヤマダ　タロウ",
      chars: [
        { char: "や", codePoint: "U+3084", positions: [1] },
        { char: "ま", codePoint: "U+307E", positions: [2] },
        { char: "だ", codePoint: "U+3060", positions: [3] },
        { char: "た", codePoint: "U+305F", positions: [5] },
        { char: "ろ", codePoint: "U+308D", positions: [6] },
        { char: "う", codePoint: "U+3046", positions: [7] },
      ],
    },
  },
  {
    kana: "ヤマダ　たたみ",
    expected: {
      messageId: "hiragana",
      suggestion: "ヤマダ　タタミ",
      chars: [
        { char: "た", codePoint: "U+305F", positions: [5, 6] },
        { char: "み", codePoint: "U+307F", positions: [7] },
      ],
    },
  },
  {
    kana: "ヤマダ太郎",
    expected: {
      messageId: "invalidChars",
      chars: [
        { char: "太", codePoint: "U+592A", positions: [4] },
        { char: "郎", codePoint: "U+90CE", positions: [5] },
      ],
    },
  },
  { kana: "ﾔﾏﾀﾞ\tﾀﾛｳ", expected: { messageId: "invalidChars", chars: [{ char: "\t", codePoint: "U+0009", positions: [5] }] } },
  { kana: "ヤマダ２", expected: { messageId: "invalidChars", chars: [{ char: "２", codePoint: "U+FF12", positions: [4] }] } },
  {
    kana: "ヤマダ（タロウ）",
    expected: {
      messageId: "invalidChars",
      chars: [
        { char: "（", codePoint: "U+FF08", positions: [4] },
        { char: "）", codePoint: "U+FF09", positions: [8] },
      ],
    },
  },
  // hiragana plus another offence: no conversion suggested
  {
    kana: "やまだ2",
    expected: {
      messageId: "invalidChars",
      chars: [
        { char: "や", codePoint: "U+3084", positions: [1] },
        { char: "ま", codePoint: "U+307E", positions: [2] },
        { char: "だ", codePoint: "U+3060", positions: [3] },
        { char: "2", codePoint: "U+0032", positions: [4] },
      ],
    },
  },
  // positions count code points, not UTF-16 units
  { kana: "ア𠮷イ𠮷", expected: { messageId: "invalidChars", chars: [{ char: "𠮷", codePoint: "U+20BB7", positions: [2, 4] }] } },
  { kana: "ヤマダ\u00a0タロウ", expected: { messageId: "invalidChars", chars: [{ char: "\u00a0", codePoint: "U+00A0", positions: [4] }] } },
];

describe("K01/kana-chars", () => {
  it("accepts katakana of either width with ー ゛゜ ・ ＝ and spaces, and empty values", () => {
    expect(runChecks([k01], valid.map((nameKana) => ({ nameKana })))).toEqual([]);
  });

  it.each(invalid.map((c) => [c.kana, c.expected] as const))("%s", (kana, expected) => {
    const findings = runChecks([k01], [{ nameKana: kana }]);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect([f.code, f.record, f.field, f.messageId]).toEqual(["K01", 1, "nameKana", expected.messageId]);
    expect(f.suggestion).toBe(expected.suggestion);
    expect(f.chars).toEqual(expected.chars);
  });

  it("reports one finding per record, on the right record", () => {
    const rows: Row[] = [{ nameKana: "ヤマダ" }, { nameKana: "やまだ" }, { nameKana: "ヤマダ" }, { nameKana: "山田" }];
    const findings = runChecks([k01], rows);
    expect(findings.map((f) => [f.record, f.line, f.messageId])).toEqual([
      [2, 3, "hiragana"],
      [4, 5, "invalidChars"],
    ]);
  });

  it("checks every code point outside the allowed ranges of the BMP kana blocks", () => {
    // Independent of the check: the allowed set written out from SPEC §3 K01.
    const allowed = new Set<number>([0x20, 0x3d, 0x3000, 0x309b, 0x309c, 0x30fb, 0x30fc, 0xff1d]);
    for (let c = 0x30a1; c <= 0x30fa; c++) allowed.add(c);
    for (let c = 0xff65; c <= 0xff9f; c++) allowed.add(c);
    const probe: number[] = [];
    for (let c = 0x3040; c <= 0x30ff; c++) probe.push(c);
    for (let c = 0xff00; c <= 0xffef; c++) probe.push(c);
    const rows = probe.map((c) => ({ nameKana: "ア" + String.fromCharCode(c) }));
    const flagged = new Set(runChecks([k01], rows).map((f) => probe[f.record - 1]));
    for (const c of probe) expect(flagged.has(c), `U+${c.toString(16)}`).toBe(!allowed.has(c));
  });
});
