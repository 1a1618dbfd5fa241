// The shortcuts of the Z09 address reader agree with their plain definitions: trie lookups, kanji folding, the
// non-address pre-scan, and the per-prefecture name indexes against the master.
import { describe, expect, it } from "vitest";
import { createFolded, foldInto, foldKey, OLD_FORMS } from "../src/jp/address-folding.js";
import { FoldedTrie, NO_MATCH } from "../src/jp/folded-trie.js";
import {
  NON_ADDRESS_PHRASES,
  NON_ADDRESS_VALUES,
  PLACEHOLDER_WORDS,
  findNonAddressText,
  type NonAddressText,
} from "../src/jp/non-address-text.js";
import { readAddress } from "../src/jp/address.js";
import { mulberry32 } from "../src/engine/sampler.js";
import { ENTRIES_BY_NAME, RAW } from "./helpers/master.js";

describe("FoldedTrie.match", () => {
  const trie = new FoldedTrie<string>();
  for (const key of ["市", "市川市", "市川三郷町", "ab", "abcd"]) trie.add(key, key.toUpperCase());
  const at = (s: string, start = 0) => {
    const f = createFolded();
    foldInto(s, f);
    const node = trie.match(f, start);
    return node === NO_MATCH ? undefined : { end: start + trie.keyLength(node), value: trie.valueAt(node) };
  };

  it("takes the longest key, not the first one that ends", () => {
    expect(at("市川三郷町市川大門")).toEqual({ end: 5, value: "市川三郷町" });
    expect(at("市川市八幡")).toEqual({ end: 3, value: "市川市" });
    expect(at("市川")).toEqual({ end: 1, value: "市" });
  });

  it("walks on past a key that is a prefix, and stops at the end of the input", () => {
    expect(at("abc")).toEqual({ end: 2, value: "AB" });
    expect(at("abcd")).toEqual({ end: 4, value: "ABCD" });
    expect(at("abcde")).toEqual({ end: 4, value: "ABCD" });
    expect(at("xabcd", 1)).toEqual({ end: 5, value: "ABCD" });
  });

  it("finds nothing where no key starts", () => {
    expect(at("川市")).toBeUndefined();
    expect(at("a")).toBeUndefined();
    expect(at("ab", 2)).toBeUndefined();
  });

  it("refuses a key added twice, an empty key, and keys added after the first lookup", () => {
    const fresh = new FoldedTrie<number>();
    fresh.add("ab", 1);
    expect(() => fresh.add("ab", 2)).toThrow();
    expect(() => fresh.add("", 2)).toThrow();
    expect(() => trie.add("x", "X")).toThrow();
  });
});

describe("folding of kanji", () => {
  it("leaves every CJK unified ideograph as it is, except the 旧字体 of OLD_FORMS", () => {
    const old = new Map(OLD_FORMS.map(([variant, folded]) => [variant, folded]));
    const wrong: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      if (foldKey(ch) !== (old.get(ch) ?? ch)) wrong.push(ch);
    }
    expect(wrong).toEqual([]);
    expect(foldKey("東京都千代田區丸の内")).toBe("東京都千代田区丸ノ内");
  });
});

/** The definition of non-address text as plain regular expressions over the whole value (SPEC §3 Z09). */
function referenceNonAddressText(address: string): NonAddressText | undefined {
  const trimmed = address.replace(/^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g, "");
  if (trimmed === "") return undefined;
  const lead = address.length - address.replace(/^[ \u3000\t\u00a0]+/, "").length;
  if (NON_ADDRESS_VALUES.includes(trimmed)) return { kind: "phrase", phrase: trimmed, start: lead, end: lead + trimmed.length };
  const phrase = new RegExp(NON_ADDRESS_PHRASES.join("|")).exec(address);
  if (phrase) return { kind: "phrase", phrase: phrase[0], start: phrase.index, end: phrase.index + phrase[0].length };
  if (/^[\x21-\x7e\uff01-\uff5e \u3000\t\u00a0]+$/.test(trimmed) && !/[0-9０-９]/.test(trimmed)) {
    return { kind: "ascii", start: lead, end: lead + trimmed.length };
  }
  const d = "[0-9０-９]";
  const sep = "[-－‐−―ー(（)）]";
  const phone = new RegExp(`(?<!${d})[0０]${d}{1,4}${sep}?${d}{1,4}${sep}?${d}{3,4}(?!${d})`, "g");
  for (let m = phone.exec(address); m; m = phone.exec(address)) {
    const n = m[0].replace(/[^0-9０-９]/g, "").length;
    if (n !== 10 && n !== 11) continue;
    const label = /(?:TEL|ＴＥＬ|Tel|tel|電話|携帯|連絡先)[:：]?[ \u3000]*$/.exec(address.slice(0, m.index));
    return { kind: "phone", start: label ? label.index : m.index, end: m.index + m[0].length };
  }
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(address)) {
    const ascii = address.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const words = PLACEHOLDER_WORDS.map((w) => w.replace("/", "\\/")).join("|");
    const word = new RegExp(`(?<![a-z])(?:${words})(?![a-z])`, "i").exec(ascii);
    if (word) return { kind: "ascii", start: word.index, end: word.index + word[0].length };
  }
  return undefined;
}

describe("non-address text: the one-pass pre-scan skips only searches that cannot match", () => {
  const pieces = [
    ..."0123456789０１２３４５６７８９-－‐−―ー()（）:：",
    ...NON_ADDRESS_PHRASES, ...NON_ADDRESS_VALUES, ...PLACEHOLDER_WORDS, "NULL", "Ｎｕｌｌ", "TEL", "電話", "携帯",
    "住", "入", "施", "不", "同", "所", "院", "東京都", "千代田区", "丸の内", "号室", "ハイツ", "A", "ｚ", "x",
    " ", "\u3000", "\t", "\u00a0", "03-1234-5678", "090", "1234", "5678", "〒", "😀",
  ];

  it("finds the same text as the plain definition in 20,000 seeded values", () => {
    const random = mulberry32(20261123);
    const differ: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      const n = 1 + Math.floor(random() * 8);
      for (let k = 0; k < n; k++) s += pieces[Math.floor(random() * pieces.length)];
      if (JSON.stringify(findNonAddressText(s)) !== JSON.stringify(referenceNonAddressText(s))) differ.push(s);
    }
    expect(differ).toEqual([]);
  });

  it("finds the same text in every test value of Z09", () => {
    const values = [
      "住所不定", "　同上　", "なし", " 無 ", "記載なし", "東京都新宿区西新宿2-8-1（入院中）", "03-1234-5678",
      "０９０－１２３４－５６７８", "東京都新宿区西新宿2-8-1 TEL 03-1234-5678", "NULL", "unknown", "ｘｘｘ",
      "東京都新宿区西新宿2-8-1 null", "東京都千代田区丸の内1-2-3-1001", "北海道札幌市中央区北1条西2丁目1番地",
      "東京都港区六本木6-10-1 ABCタワー 0101号室", "N/A", "n/a号室", "123", "　", "", "abc", "電話：0312345678",
    ];
    for (const v of values) expect(findNonAddressText(v), v).toEqual(referenceNonAddressText(v));
  });
});

describe("per-prefecture name indexes, for every name of the master after every prefecture", () => {
  const folded = [...ENTRIES_BY_NAME.keys()].map((name) => ({ name, key: foldKey(name) }));
  /** Names read whole in any prefecture: no other name folds alike or is a prefix of it, and no 郡 inside. */
  const plain = [...ENTRIES_BY_NAME].filter(
    ([name]) => !name.includes("郡") && !folded.some((o) => o.name !== name && foldKey(name).startsWith(o.key)),
  );

  it("leaves out only the few names that fold alike or hold a shorter name (checked by hand below)", () => {
    expect(plain.length).toBeGreaterThan(ENTRIES_BY_NAME.size - 60);
  });

  it("reads 都道府県 + name as the prefecture's own municipality, a ward without its city, or a wrong prefecture", () => {
    const wrong: string[] = [];
    for (const p of RAW) {
      const prefCode = p.code.slice(0, 2);
      for (const [name, entries] of plain) {
        const own = entries.filter((e) => e.prefCode === prefCode && e.city === undefined);
        const ownWards = entries.filter((e) => e.prefCode === prefCode && e.city !== undefined);
        const expected = own.length > 0
          ? { status: "ok", prefectures: [prefCode] }
          : ownWards.length > 0
            ? { status: "wardWithoutCity", prefectures: [prefCode] }
            : { status: "wrongPrefecture", prefectures: [...new Set(entries.map((e) => e.prefCode))].sort() };
        const r = readAddress(`${p.name}${name}1`);
        const got = { status: r.status, prefectures: [...new Set(r.candidates.map((c) => c.prefecture.code))].sort() };
        if (r.prefecture?.code !== prefCode || JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${p.name}${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("reads the names that fold alike or hold a shorter name by the prefecture's own names first", () => {
    const cases: [address: string, status: string, municipality: string | undefined, rest: string][] = [
      ["沖縄県東村山市1", "ok", "東村", "山市1"],
      ["東京都東村山市1", "ok", "東村山市", "1"],
      ["佐賀県鹿嶋市1", "ok", "鹿島市", "1"],
      ["茨城県鹿島市1", "ok", "鹿嶋市", "1"],
      ["大阪府鹿島市1", "wrongPrefecture", "鹿島市", "1"], // 佐賀県's: spelt exactly as written
      ["奈良県大和郡山市1", "ok", "大和郡山市", "1"],
      ["福島県郡山市1", "ok", "郡山市", "1"],
      ["奈良県郡山市1", "wrongPrefecture", "郡山市", "1"],
    ];
    for (const [a, status, municipality, rest] of cases) {
      const r = readAddress(a);
      expect([r.status, r.place?.municipality.name, a.slice(r.restStart)], a).toEqual([status, municipality, rest]);
    }
  });
});
