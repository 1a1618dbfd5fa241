// N02: 保険者番号 (公費負担者番号) not 8 digits, 法別 not allowed, prefecture not 01–47, or wrong check digit.
import { isBlank, trimSpaces } from "../jp/blank.js";
import { isValidMhlwNumber } from "../jp/check-digits.js";
import { excelDamage } from "../jp/excel-damage.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "N02",
    fields: ["insurerNumber"],
    messages: {
      format: { ja: "保険者番号が半角数字8桁ではありません", en: "The insurer number is not 8 ASCII digits" },
      law: { ja: "保険者番号の法別番号 {law} は許可されていません（許可: {allowed}）", en: "Law number {law} is not allowed (allowed: {allowed})" },
      prefecture: { ja: "保険者番号の都道府県番号 {prefecture} が 01〜47 ではありません", en: "Prefecture number {prefecture} is not 01–47" },
      checkDigit: { ja: "保険者番号の検証番号（8桁目）が合いません", en: "The insurer number's check digit (8th digit) is wrong" },
    },
  },
  create(ctx) {
    const allowed = ctx.options.allowedLaw;
    return {
      record(rec) {
        const value = rec.fields.insurerNumber;
        if (isBlank(value)) return; // an empty cell gets no format code (SPEC §3)
        if (excelDamage("insurerNumber", value, ctx.options.dateFormats)) return; // X01
        const v = trimSpaces(value!);
        if (!/^[0-9]{8}$/.test(v)) {
          const digits = v.normalize("NFKC").replace(/[\s\-‐－−ー]/gu, "");
          ctx.report({ messageId: "format", at: rec, field: "insurerNumber", suggestion: isValid(digits, allowed) ? digits : undefined });
          return;
        }
        const law = v.slice(0, 2);
        const prefecture = v.slice(2, 4);
        if (!allowed.includes(law)) ctx.report({ messageId: "law", at: rec, field: "insurerNumber", data: { law, allowed: allowed.join(",") } });
        else if (!isPrefecture(prefecture)) ctx.report({ messageId: "prefecture", at: rec, field: "insurerNumber", data: { prefecture } });
        else if (!isValidMhlwNumber(v)) ctx.report({ messageId: "checkDigit", at: rec, field: "insurerNumber" });
      },
    };
  },
});

function isPrefecture(p: string): boolean {
  const n = Number(p);
  return n >= 1 && n <= 47;
}

function isValid(v: string, allowed: readonly string[]): boolean {
  return /^[0-9]{8}$/.test(v) && allowed.includes(v.slice(0, 2)) && isPrefecture(v.slice(2, 4)) && isValidMhlwNumber(v);
}
