// N03: 受給者番号 not 7 digits (受給者区分 6 + 検証番号) or with the wrong check digit.
import { isAsciiDigits, isBlank, trimSpaces } from "../jp/blank.js";
import { isValidMhlwNumber } from "../jp/check-digits.js";
import { excelDamage } from "../jp/excel-damage.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "N03",
    fields: ["recipientNumber"],
    messages: {
      format: { ja: "受給者番号が半角数字7桁ではありません", en: "The recipient number is not 7 ASCII digits" },
      checkDigit: { ja: "受給者番号の検証番号（7桁目）が合いません", en: "The recipient number's check digit (7th digit) is wrong" },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const value = rec.fields.recipientNumber;
        // The common cell, 7 digits and nothing else, is neither blank nor Excel damage: only the check digit is left.
        if (value !== undefined && value.length === 7 && isAsciiDigits(value)) {
          if (!isValidMhlwNumber(value)) ctx.report({ messageId: "checkDigit", at: rec, field: "recipientNumber" });
          return;
        }
        if (isBlank(value)) return; // an empty cell gets no format code (SPEC §3)
        if (excelDamage("recipientNumber", value, ctx.options.dateFormats)) return; // X01
        const v = trimSpaces(value!);
        if (!/^[0-9]{7}$/.test(v)) {
          const digits = v.normalize("NFKC").replace(/[\s\-‐－−ー]/gu, "");
          ctx.report({ messageId: "format", at: rec, field: "recipientNumber", suggestion: /^[0-9]{7}$/.test(digits) && isValidMhlwNumber(digits) ? digits : undefined });
        } else if (!isValidMhlwNumber(v)) ctx.report({ messageId: "checkDigit", at: rec, field: "recipientNumber" });
      },
    };
  },
});
