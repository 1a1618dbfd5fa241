// JIS X 0208 substitutes for characters the server turns into ● (G02/G03 suggestions): a curated table plus canonical equivalents.
//
// Sources (a suggestion is for a person to confirm, never an automatic rewrite):
// 1. CURATED — hand-curated by the oqs-check authors (MIT, no third-party data copied):
//    - NEC row 13 symbols and the IBM small roman numerals: the characters' Unicode compatibility
//      decompositions (UnicodeData.txt <circle>/<square>/<compat>, as String.prototype.normalize("NFKC")
//      gives them), adjusted for a registration field: circled ideographs and ㈱㈲㈹ keep their
//      parentheses ((株)), № → "No.", ㏍ → "K.K.", 〝〟 → “” and full-width quotes → the JIS X 0208 ones.
//    - Extension kanji: 新字体 whose 旧字体 (as printed in parentheses in the 常用漢字表, 内閣告示 2010) is
//      the IBM character (增→増, 寬→寛, 悅→悦, 敎→教, 淸→清, 瀨→瀬, 綠→緑, 緖→緒, 薰→薫, 賴→頼, 郞→郎,
//      鄕→郷, 靑→青, 黑→黒, 橫→横, 德→徳 …), and widely known 異体字 of name and place-name kanji (髙→高,
//      﨑→崎, 栁→柳, 濵→浜, 桒→桑, 曻→昇, 靍/靏→鶴 …), chosen from general knowledge by the authors; NOT
//      checked against the MJ縮退マップ or Unihan (neither is available offline here). The others (彅, 橳,
//      蓜, 纊 …) have no suggestion and need a person.
//    - Characters outside CP932 seen in UTF-8 exports: the traditional forms that JIS X 0213:2004 added as
//      separate characters next to the simplified JIS X 0208 ones (剝→剥, 頰→頬, 𠮟→叱, 繫→繋 …),
//      鷗→鴎, 𠮷→吉, 㐂→喜, 𣘺→橋, and non-breaking/figure/en dashes → －.
// 2. CANONICAL — derived at load time: every CJK compatibility ideograph (U+F900–U+FAFF,
//    U+2F800–U+2FA1F) whose canonical (NFD) decomposition is a single JIS X 0208 character, e.g.
//    神 U+FA19 → 神 U+795E, 塚 U+FA10 → 塚, 﨑 is NOT one (U+FA11 has no decomposition). 20 of them are in
//    CP932's IBM set; the rest can only come from UTF-8/EUC-JP input.
import { JIS_X_0208 } from "./jisx0208.js";

const CIRCLED_NUMBERS = Array.from({ length: 20 }, (_, i) => [String.fromCharCode(0x2460 + i), String(i + 1)] as const);
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const ROMAN_UPPER = ROMAN.map((r, i) => [String.fromCharCode(0x2160 + i), r] as const);
const ROMAN_LOWER = ROMAN.map((r, i) => [String.fromCharCode(0x2170 + i), r.toLowerCase()] as const);

/** NEC row 13 and IBM non-kanji: symbol → text made of JIS X 0208 characters or ASCII. */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ...CIRCLED_NUMBERS,
  ...ROMAN_UPPER,
  ...ROMAN_LOWER,
  ["㍉", "ミリ"], ["㌔", "キロ"], ["㌢", "センチ"], ["㍍", "メートル"], ["㌘", "グラム"], ["㌧", "トン"],
  ["㌃", "アール"], ["㌶", "ヘクタール"], ["㍑", "リットル"], ["㍗", "ワット"], ["㌍", "カロリー"],
  ["㌦", "ドル"], ["㌣", "セント"], ["㌫", "パーセント"], ["㍊", "ミリバール"], ["㌻", "ページ"],
  ["㎜", "mm"], ["㎝", "cm"], ["㎞", "km"], ["㎎", "mg"], ["㎏", "kg"], ["㏄", "cc"], ["㎡", "m2"],
  ["㍻", "平成"], ["㍾", "明治"], ["㍽", "大正"], ["㍼", "昭和"],
  ["〝", "“"], ["〟", "”"], ["№", "No."], ["㏍", "K.K."], ["℡", "TEL"],
  ["㊤", "(上)"], ["㊥", "(中)"], ["㊦", "(下)"], ["㊧", "(左)"], ["㊨", "(右)"],
  ["㈱", "(株)"], ["㈲", "(有)"], ["㈹", "(代)"],
  ["￤", "｜"], ["＇", "’"], ["＂", "”"],
];

/** IBM / NEC-selected IBM extension kanji → the JIS X 0208 form of the same character. */
const EXTENSION_KANJI = [
  "髙高", "﨑崎", "德徳", "栁柳", "濵浜", "增増", "寬寛", "悅悦", "敎教", "淸清", "瀨瀬", "綠緑", "緖緒",
  "薰薫", "賴頼", "郞郎", "鄕郷", "靑青", "黑黒", "橫横", "羡羨", "昻昂", "晳晰", "﨔欅", "冝宜", "桒桑",
  "曻昇", "隝島", "靍鶴", "靏鶴", "凞熙", "兊兌", "勛勲", "咊和", "喆哲", "悊哲", "杦杉", "煇輝", "燁曄",
  "甁瓶", "裵裴", "鈆鉛", "曺曹", "皜皓", "﨟臈", "嵓岩", "摠総", "凬風",
];

/** Characters outside CP932 that UTF-8 exports carry (G03). */
const NON_CP932 = [
  "鷗鴎", "𠮷吉", "㐂喜", "𣘺橋", "𠮟叱", "剝剥", "塡填", "頰頬", "俱倶", "吞呑", "噓嘘", "姸妍", "屛屏",
  "瘦痩", "繫繋", "搔掻", "摑掴", "潑溌", "瀆涜", "焰焔", "禱祷", "醬醤", "蔣蒋",
];
const HYPHENS: readonly (readonly [string, string])[] = [["\u2011", "－"], ["\u2012", "－"], ["\u2013", "－"]];

function pairs(list: readonly string[]): [string, string][] {
  return list.map((p) => {
    const [from, to] = [...p];
    return [from, to];
  });
}

/** The curated table (source 1 above). */
export const CURATED_SUBSTITUTES: ReadonlyMap<string, string> = new Map<string, string>([
  ...SYMBOLS,
  ...pairs(EXTENSION_KANJI),
  ...pairs(NON_CP932),
  ...HYPHENS,
]);

function deriveCanonical(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of [[0xf900, 0xfaff], [0x2f800, 0x2fa1f]] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const nfd = ch.normalize("NFD");
      if (nfd !== ch && JIS_X_0208.has(nfd)) map.set(ch, nfd);
    }
  }
  return map;
}

/** CJK compatibility ideographs → their canonical JIS X 0208 equivalent (source 2 above), derived at load. */
export const CANONICAL_SUBSTITUTES: ReadonlyMap<string, string> = deriveCanonical();

/** The JIS X 0208 (or ASCII) text to type instead of `ch`, if one is known. */
export function substituteFor(ch: string): string | undefined {
  return CURATED_SUBSTITUTES.get(ch) ?? CANONICAL_SUBSTITUTES.get(ch);
}
