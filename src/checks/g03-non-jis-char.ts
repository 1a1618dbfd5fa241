// G03: any other character outside JIS X 0208 (鷗 𠮷 㐂, half-width kana in 氏名/住所, variation selectors) — likely ●.
import { CharClass } from "../jp/jisx0208.js";
import { defineCheck } from "./define.js";
import { CHAR_FIELDS, classBits, isVariationSelector, reportChars, type OffendingChar } from "./support/char-findings.js";

/** Half-width katakana count only outside カナ氏名 (the scanner treats them as allowed there). */
const BITS = classBits(CharClass.NonJis, CharClass.HalfWidthKana);

function messageId(c: OffendingChar, substitute: string | undefined): string {
  if (c.charClass === CharClass.HalfWidthKana) return "halfWidthKana";
  if (isVariationSelector(c.codePoint)) return "variationSelector";
  return substitute !== undefined ? "nonJis" : "nonJisNoSubstitute";
}

export default defineCheck({
  meta: {
    code: "G03",
    fields: CHAR_FIELDS,
    messages: {
      nonJis: {
        ja: "{position}文字目 {codePoint} は JIS X 0208 にない文字です。中間サーバーで●になるおそれがあります。JIS X 0208 の代替文字を示します",
        en: "Character {position} ({codePoint}) is outside JIS X 0208: the server will likely turn it into ●. A JIS X 0208 substitute is suggested",
      },
      nonJisNoSubstitute: {
        ja: "{position}文字目 {codePoint} は JIS X 0208 にない文字です。中間サーバーで●になるおそれがあります。本人の表記を確認して JIS X 0208 の文字を選んでください",
        en: "Character {position} ({codePoint}) is outside JIS X 0208: the server will likely turn it into ●. Confirm the spelling and choose a JIS X 0208 character",
      },
      halfWidthKana: {
        ja: "{position}文字目 {codePoint} は半角カタカナ（JIS X 0201）です。カナ氏名以外では JIS X 0208 外のため●になるおそれがあります。全角カタカナにしてください",
        en: "Character {position} ({codePoint}) is half-width katakana (JIS X 0201), outside JIS X 0208 in this field: likely ●. Use full-width katakana",
      },
      variationSelector: {
        ja: "{position}文字目 {codePoint} は異体字セレクタです。中間サーバーで●になるおそれがあります。取り除いてください（前の文字はそのまま使えます）",
        en: "Character {position} ({codePoint}) is a variation selector: likely ●. Remove it (the character before it can stay)",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        reportChars(ctx, rec, BITS, messageId);
      },
    };
  },
});
