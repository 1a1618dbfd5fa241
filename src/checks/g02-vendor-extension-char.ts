// G02: CP932 NEC/IBM extension characters outside JIS X 0208 (髙 﨑 德 ① ㈱ Ⅰ …), in any encoding — the server turns them into ●.
import { CharClass } from "../jp/jisx0208.js";
import { defineCheck } from "./define.js";
import { CHAR_FIELDS, classBits, reportChars } from "./support/char-findings.js";

const BITS = classBits(CharClass.VendorExtension);

export default defineCheck({
  meta: {
    code: "G02",
    fields: CHAR_FIELDS,
    messages: {
      vendorExtension: {
        ja: "{position}文字目 {codePoint} は NEC/IBM 拡張文字（JIS X 0208 外）です。中間サーバーで●になります。JIS X 0208 の代替文字を示します",
        en: "Character {position} ({codePoint}) is an NEC/IBM extension character outside JIS X 0208: the server turns it into ●. A JIS X 0208 substitute is suggested",
      },
      vendorExtensionNoSubstitute: {
        ja: "{position}文字目 {codePoint} は NEC/IBM 拡張文字（JIS X 0208 外）です。中間サーバーで●になります。定まった代替文字がないため、本人の表記を確認して JIS X 0208 の文字を選んでください",
        en: "Character {position} ({codePoint}) is an NEC/IBM extension character outside JIS X 0208: the server turns it into ●. It has no standard substitute: confirm the spelling and choose a JIS X 0208 character",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        reportChars(ctx, rec, BITS, (_c, sub) => (sub !== undefined ? "vendorExtension" : "vendorExtensionNoSubstitute"));
      },
    };
  },
});
