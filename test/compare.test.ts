import { describe, expect, it } from "vitest";
import { compareBasic4, type Basic4Values } from "../src/reference/compare.js";
import { mulberry32 } from "./helpers/basic4-rows.js";

type F = "birthDate" | "sex" | "name" | "nameKana" | "address";
const FIELDS: F[] = ["birthDate", "sex", "name", "nameKana", "address"];

const REFERENCE: Required<Basic4Values> = {
  birthDate: "19800515",
  sex: "2",
  name: "試験　花子",
  nameKana: "シケン　ハナコ",
  address: "東京都千代田区霞が関1-2-2",
};
/** A substantive change per field (a different day, sex, person, street number). */
const SUBSTANTIVE: Required<Basic4Values> = {
  birthDate: "19800516",
  sex: "1",
  name: "試験　花江",
  nameKana: "シケン　ハナエ",
  address: "東京都千代田区霞が関1-2-3",
};
/** A notation-only change per field, with the kind lenient normalisation must name. */
const NOTATION: Record<F, [string, string]> = {
  birthDate: ["１９８００５１５", "width"],
  sex: ["２", "width"],
  name: ["試験 花子", "space"],
  nameKana: ["ｼｹﾝ ﾊﾅｺ", "width"],
  address: ["東京都千代田区霞が関一丁目二番二号", "address-numerals"],
};

// The SPEC §3.4 table as data: per row, the state of each column ("d" differs, "s" same, "*" any); first match wins.
// "exactly one name differs" is written as its two cases.
const TABLE: { row: string; when: Record<F, "d" | "s" | "*">; code: "B05" | "B06" | "B07" }[] = [
  { row: "1: 生年月日 differs", when: { birthDate: "d", sex: "*", name: "*", nameKana: "*", address: "*" }, code: "B05" },
  { row: "1: 性別 differs", when: { birthDate: "*", sex: "d", name: "*", nameKana: "*", address: "*" }, code: "B05" },
  { row: "2: both names differ", when: { birthDate: "s", sex: "s", name: "d", nameKana: "d", address: "*" }, code: "B06" },
  { row: "3: 住所 differs", when: { birthDate: "s", sex: "s", name: "*", nameKana: "*", address: "d" }, code: "B06" },
  { row: "4: only 漢字氏名 differs", when: { birthDate: "s", sex: "s", name: "d", nameKana: "s", address: "s" }, code: "B07" },
  { row: "4: only カナ氏名 differs", when: { birthDate: "s", sex: "s", name: "s", nameKana: "d", address: "s" }, code: "B07" },
];

function expectedCode(differing: Set<F>): "B05" | "B06" | "B07" | null {
  const hit = TABLE.find((r) => FIELDS.every((f) => r.when[f] === "*" || (r.when[f] === "d") === differing.has(f)));
  return hit?.code ?? null;
}

/** All 32 combinations of differing fields. */
const COMBOS: F[][] = Array.from({ length: 32 }, (_, mask) => FIELDS.filter((_, i) => mask & (1 << i)));

describe("SPEC §3.4 table, every combination of differing fields", () => {
  it("the table rows cover each of the 5 rows of the spec (B05 ×2, B06 ×2, B07 ×2 cases)", () => {
    const byCode = COMBOS.map((c) => expectedCode(new Set(c)));
    expect(byCode.filter((c) => c === "B05")).toHaveLength(24); // 32 − 8 with both 生年月日 and 性別 same
    expect(byCode.filter((c) => c === "B06")).toHaveLength(5); // names both (×2 addresses) + address alone ×3 − overlap
    expect(byCode.filter((c) => c === "B07")).toHaveLength(2);
    expect(byCode.filter((c) => c === null)).toHaveLength(1);
  });

  it.each(COMBOS.map((c) => [c.join("+") || "(none)", c] as const))("substantive: %s", (_, combo) => {
    const input = { ...REFERENCE, ...Object.fromEntries(combo.map((f) => [f, SUBSTANTIVE[f]])) };
    const r = compareBasic4(input, REFERENCE);
    expect(r.code).toBe(expectedCode(new Set(combo)));
    expect(r.fields).toEqual(combo);
    expect(r.notationOnly).toBeUndefined();
    expect(r.differences).toEqual(combo.map((field) => ({ field, kinds: [] })));
  });

  it.each(COMBOS.filter((c) => c.length > 0).map((c) => [c.join("+"), c] as const))("notation only: %s", (_, combo) => {
    const input = { ...REFERENCE, ...Object.fromEntries(combo.map((f) => [f, NOTATION[f][0]])) };
    const r = compareBasic4(input, REFERENCE);
    expect(r.code).toBe(expectedCode(new Set(combo))); // exact code points decide, notation or not
    expect(r.fields).toEqual(combo);
    expect(r.notationOnly).toBe(true);
    expect(r.differences).toEqual(combo.map((field) => ({ field, kinds: [NOTATION[field][1]] })));
  });

  it("one substantive difference among notation ones removes notationOnly", () => {
    const r = compareBasic4({ ...REFERENCE, name: "試験 花子", address: SUBSTANTIVE.address }, REFERENCE);
    expect(r.code).toBe("B06");
    expect(r.notationOnly).toBeUndefined();
    expect(r.differences).toEqual([{ field: "name", kinds: ["space"] }, { field: "address", kinds: [] }]);
  });

  it("trims white space at both ends before comparing", () => {
    const r = compareBasic4({ ...REFERENCE, name: "試験　花子　", address: " 東京都千代田区霞が関1-2-2" }, REFERENCE);
    expect(r).toEqual({ code: null, fields: [], differences: [] });
  });

  it("compares birth dates as days across the two layouts' formats", () => {
    expect(compareBasic4({ ...REFERENCE, birthDate: "1980/05/15" }, REFERENCE).code).toBeNull();
    expect(compareBasic4({ ...REFERENCE, birthDate: "S55.5.15" }, REFERENCE, { inputDateFormats: ["wareki"] }).code).toBeNull();
    expect(compareBasic4({ ...REFERENCE, birthDate: "S55.5.16" }, REFERENCE, { inputDateFormats: ["wareki"] }).code).toBe("B05");
  });

  it("an empty field against a filled one is a difference, not notation", () => {
    const r = compareBasic4({ ...REFERENCE, nameKana: "" }, REFERENCE);
    expect(r.code).toBe("B07");
    expect(r.notationOnly).toBeUndefined();
  });
});

// ---- property tests over documented transformations (seeded, fixed counts) ------------------------------------

const CASES = 200;

/** 旧字体/新字体 pairs of the 常用漢字表, written out here independently of src/jp/kyuji.ts. */
const KYUJI: [string, string][] = [
  ["邊", "辺"], ["齋", "斎"], ["齊", "斉"], ["澤", "沢"], ["濱", "浜"], ["櫻", "桜"], ["廣", "広"], ["國", "国"],
  ["會", "会"], ["實", "実"], ["惠", "恵"], ["壽", "寿"], ["榮", "栄"], ["眞", "真"], ["藏", "蔵"], ["瀧", "滝"],
  ["條", "条"], ["龍", "竜"], ["嶽", "岳"], ["曾", "曽"], ["黑", "黒"], ["靜", "静"], ["豐", "豊"], ["寶", "宝"],
  ["與", "与"], ["莊", "荘"], ["淺", "浅"], ["萬", "万"], ["圓", "円"], ["鄕", "郷"], ["溪", "渓"], ["鷄", "鶏"],
  ["穗", "穂"], ["粹", "粋"], ["薰", "薫"], ["瀨", "瀬"], ["驛", "駅"], ["舊", "旧"], ["乘", "乗"], ["佛", "仏"],
  ["獵", "猟"], ["臺", "台"], ["德", "徳"], ["彌", "弥"], ["壹", "壱"], ["亞", "亜"], ["惡", "悪"], ["學", "学"],
  ["樂", "楽"], ["氣", "気"], ["歸", "帰"], ["龜", "亀"], ["區", "区"], ["縣", "県"], ["驗", "験"], ["嚴", "厳"],
  ["黃", "黄"], ["號", "号"], ["兒", "児"], ["將", "将"], ["晝", "昼"], ["鐵", "鉄"], ["傳", "伝"], ["當", "当"],
];

/** Half-width forms of the katakana the generator uses (JIS X 0201). */
const HALF: Record<string, string> = {
  ア: "ｱ", イ: "ｲ", ウ: "ｳ", エ: "ｴ", オ: "ｵ", カ: "ｶ", キ: "ｷ", ク: "ｸ", ケ: "ｹ", コ: "ｺ", サ: "ｻ", シ: "ｼ", ス: "ｽ",
  セ: "ｾ", ソ: "ｿ", タ: "ﾀ", チ: "ﾁ", ツ: "ﾂ", テ: "ﾃ", ト: "ﾄ", ナ: "ﾅ", ニ: "ﾆ", ノ: "ﾉ", ハ: "ﾊ", ヒ: "ﾋ",
  マ: "ﾏ", ミ: "ﾐ", ヤ: "ﾔ", ユ: "ﾕ", ヨ: "ﾖ", ラ: "ﾗ", リ: "ﾘ", ロ: "ﾛ", ワ: "ﾜ", ン: "ﾝ", ガ: "ｶﾞ", ゴ: "ｺﾞ",
  ダ: "ﾀﾞ", ド: "ﾄﾞ", バ: "ﾊﾞ", ベ: "ﾍﾞ", ャ: "ｬ", ュ: "ｭ", ョ: "ｮ", ッ: "ｯ", "　": " ",
};
const SYLLABLES = ["サ", "ト", "ウ", "カ", "ナ", "タ", "ロ", "ハ", "コ", "シ", "ヤ", "マ", "ダ", "ガ", "ベ", "イ", "チ", "ミ", "ン", "リ"];
const SMALL: Record<string, string> = { ャ: "ヤ", ュ: "ユ", ョ: "ヨ", ッ: "ツ" };
const KANJI_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const KANJI_FILL = ["山", "田", "川", "中", "木", "村", "井", "上", "花", "子", "太", "郎", "美"];

const pick = <T,>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

function kana(rand: () => number, withSmall: boolean): string {
  const part = () => {
    let s = "";
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) {
      s += pick(rand, SYLLABLES);
      if (withSmall && i === 0) s += pick(rand, ["シ", "チ"]) + pick(rand, ["ャ", "ュ", "ョ"]);
    }
    if (withSmall) s += "ッ" + pick(rand, ["タ", "コ"]);
    return s;
  };
  return `${part()}　${part()}`;
}

/** 1–99 in kanji numerals: 12 → 十二, 40 → 四十. */
function kanjiNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? "" : tens === 1 ? "十" : KANJI_DIGITS[tens] + "十") + (ones === 0 ? "" : KANJI_DIGITS[ones]);
}
const fullWidth = (s: string) => s.replace(/[0-9-]/g, (c) => (c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

function withName(ref: Basic4Values, input: Basic4Values) {
  return compareBasic4({ ...REFERENCE, ...input }, { ...REFERENCE, ...ref });
}

describe(`property: documented notation differences give notationOnly (${CASES} seeded cases each)`, () => {
  it("spaces: half-width for full-width, removed, or added", () => {
    const rand = mulberry32(1);
    for (let i = 0; i < CASES; i++) {
      const ref = `${pick(rand, KANJI_FILL)}${pick(rand, KANJI_FILL)}　${pick(rand, KANJI_FILL)}${pick(rand, KANJI_FILL)}`;
      const variant = [ref.replace("　", " "), ref.replace("　", ""), ref.replace("　", "　　"), ref.replace("　", " 　")][i % 4];
      const r = withName({ name: ref }, { name: variant });
      expect(r.code, variant).toBe("B07");
      expect(r.notationOnly, variant).toBe(true);
      expect(r.differences, variant).toEqual([{ field: "name", kinds: ["space"] }]);
    }
  });

  it("width: ｻﾄｳ / サトウ (half-width katakana and space)", () => {
    expect(withName({ nameKana: "サトウ" }, { nameKana: "ｻﾄｳ" })).toMatchObject({ code: "B07", notationOnly: true, differences: [{ field: "nameKana", kinds: ["width"] }] });
    const rand = mulberry32(2);
    for (let i = 0; i < CASES; i++) {
      const ref = kana(rand, false);
      const half = [...ref].map((c) => HALF[c]).join("");
      const r = withName({ nameKana: ref }, { nameKana: half });
      expect(r.notationOnly, half).toBe(true);
      expect(r.differences[0].kinds, half).toContain("width");
    }
  });

  it("small kana: シヨウイチ / ショウイチ", () => {
    expect(withName({ nameKana: "ショウイチ" }, { nameKana: "シヨウイチ" })).toMatchObject({ code: "B07", notationOnly: true, differences: [{ field: "nameKana", kinds: ["small-kana"] }] });
    const rand = mulberry32(3);
    for (let i = 0; i < CASES; i++) {
      const ref = kana(rand, true);
      const upper = [...ref].map((c) => SMALL[c] ?? c).join("");
      const r = withName({ nameKana: ref }, { nameKana: upper });
      expect(r, upper).toMatchObject({ notationOnly: true, differences: [{ field: "nameKana", kinds: ["small-kana"] }] });
    }
  });

  it(`旧字体 / 新字体: all ${KYUJI.length} pairs, in names built around them`, () => {
    expect(KYUJI.length).toBeGreaterThanOrEqual(50);
    const rand = mulberry32(4);
    for (const [old, modern] of KYUJI) {
      const surname = `${pick(rand, KANJI_FILL)}${modern}`;
      const given = `${pick(rand, KANJI_FILL)}${pick(rand, KANJI_FILL)}`;
      const r = withName({ name: `${surname}　${given}` }, { name: `${surname.replace(modern, old)}　${given}` });
      expect(r, old).toMatchObject({ code: "B07", notationOnly: true, differences: [{ field: "name", kinds: ["kyuji"] }] });
    }
  });

  it("一丁目二番地三号 / 1-2-3 / １－２－３ (numbers 1–99)", () => {
    const rand = mulberry32(5);
    const base = "東京都千代田区霞が関";
    for (let i = 0; i < CASES; i++) {
      const [a, b, c] = [1 + Math.floor(rand() * 99), 1 + Math.floor(rand() * 99), 1 + Math.floor(rand() * 99)];
      const ascii = `${base}${a}-${b}-${c}`;
      const kanji = `${base}${kanjiNumeral(a)}丁目${kanjiNumeral(b)}${rand() < 0.5 ? "番地" : "番"}${kanjiNumeral(c)}号`;
      const wide = `${base}${fullWidth(`${a}-${b}-${c}`)}`;
      for (const [input, kinds] of [[kanji, ["address-numerals"]], [wide, ["width"]]] as const) {
        const r = withName({ address: ascii }, { address: input });
        expect(r, input).toMatchObject({ code: "B06", notationOnly: true, differences: [{ field: "address", kinds }] });
      }
      const r = withName({ address: wide }, { address: kanji });
      expect(r.notationOnly, kanji).toBe(true);
    }
  });
});

describe(`property: real differences never get notationOnly (${CASES} seeded cases each)`, () => {
  it("佐藤 / 加藤 and one kanji replaced by another", () => {
    expect(withName({ name: "佐藤　一郎" }, { name: "加藤　一郎" })).toMatchObject({ code: "B07", differences: [{ field: "name", kinds: [] }] });
    expect(withName({ name: "佐藤　一郎" }, { name: "加藤　一郎" }).notationOnly).toBeUndefined();
    const rand = mulberry32(6);
    for (let i = 0; i < CASES; i++) {
      const ref = `${pick(rand, KANJI_FILL)}${pick(rand, KANJI_FILL)}　${pick(rand, KANJI_FILL)}`;
      const pos = Math.floor(rand() * 2);
      const other = KANJI_FILL.filter((k) => k !== ref[pos]);
      const input = ref.slice(0, pos) + pick(rand, other) + ref.slice(pos + 1);
      const r = withName({ name: ref }, { name: input });
      expect(r.notationOnly, input).toBeUndefined();
      expect(r.differences, input).toEqual([{ field: "name", kinds: [] }]);
    }
  });

  it("1-2-3 / 1-2-4 and a changed number in any notation", () => {
    expect(withName({ address: "東京都港区芝1-2-3" }, { address: "東京都港区芝1-2-4" }).notationOnly).toBeUndefined();
    const rand = mulberry32(7);
    const base = "大阪府大阪市北区梅田";
    for (let i = 0; i < CASES; i++) {
      const [a, b, c] = [1 + Math.floor(rand() * 99), 1 + Math.floor(rand() * 99), 1 + Math.floor(rand() * 98)];
      const ref = `${base}${a}-${b}-${c}`;
      const changed = [`${base}${kanjiNumeral(a)}丁目${kanjiNumeral(b)}番${kanjiNumeral(c + 1)}号`, `${base}${fullWidth(`${a}-${b}-${c + 1}`)}`][i % 2];
      const r = withName({ address: ref }, { address: changed });
      expect(r.code).toBe("B06");
      expect(r.notationOnly, changed).toBeUndefined();
    }
  });
});
