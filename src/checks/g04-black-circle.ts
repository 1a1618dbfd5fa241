// G04: a ● (U+25CF) already in 氏名/カナ氏名/住所 — the original character was lost before this file was written.
import { CharClass } from "../jp/jisx0208.js";
import { defineCheck } from "./define.js";
import { CHAR_FIELDS, classBits, reportChars } from "./support/char-findings.js";

const BITS = classBits(CharClass.BlackCircle);

export default defineCheck({
  meta: {
    code: "G04",
    fields: CHAR_FIELDS,
    messages: {
      blackCircle: {
        ja: "{position}文字目が ● です。元の文字はすでに失われています。住民票などで本来の文字を確認し、JIS X 0208 の文字で入力し直してください",
        en: "Character {position} is ●: the original character is already lost. Look it up (resident record) and re-enter it with a JIS X 0208 character",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        reportChars(ctx, rec, BITS, () => "blackCircle");
      },
    };
  },
});
