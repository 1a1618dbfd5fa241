// G01: user-defined characters (外字, U+E000–U+F8FF, planes 15–16; CP932 F040–F9FC) — the server turns them into ●.
import { CharClass } from "../jp/jisx0208.js";
import { defineCheck } from "./define.js";
import { CHAR_FIELDS, classBits, reportChars } from "./support/char-findings.js";

const BITS = classBits(CharClass.UserDefined);

export default defineCheck({
  meta: {
    code: "G01",
    fields: CHAR_FIELDS,
    messages: {
      userDefined: {
        ja: "{position}文字目 {codePoint} は外字（ユーザー定義文字）です。中間サーバーで●になります。標準の文字に置き換えてください（--gaiji-map で外字表を渡すと置換候補を示します）",
        en: "Character {position} ({codePoint}) is a user-defined character (gaiji): the server turns it into ●. Replace it with a standard character (--gaiji-map gives suggestions from the office's gaiji table)",
      },
      userDefinedMapped: {
        ja: "{position}文字目 {codePoint} は外字（ユーザー定義文字）です。中間サーバーで●になります。外字表による置換候補を示します",
        en: "Character {position} ({codePoint}) is a user-defined character (gaiji): the server turns it into ●. The suggestion comes from the office's gaiji table",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        reportChars(ctx, rec, BITS, (_c, sub) => (sub !== undefined ? "userDefinedMapped" : "userDefined"));
      },
    };
  },
});
