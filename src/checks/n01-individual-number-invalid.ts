// N01: 個人番号 that is not 12 digits or has the wrong check digit (empty → N04; Excel damage → X01).
import { isAsciiDigits, isBlank, trimSpaces } from "../jp/blank.js";
import { individualNumberCheckDigit, isValidIndividualNumber } from "../jp/check-digits.js";
import { excelDamage } from "../jp/excel-damage.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "N01",
    fields: ["individualNumber"],
    messages: {
      format: { ja: "個人番号が半角数字12桁ではありません", en: "The individual number is not 12 ASCII digits" },
      checkDigit: { ja: "個人番号の検査用数字（12桁目）が合いません", en: "The individual number's check digit (12th digit) is wrong" },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const value = rec.fields.individualNumber;
        // The common cell, 12 digits and nothing else, is neither blank nor Excel damage: only the check digit is left.
        if (value !== undefined && value.length === 12 && isAsciiDigits(value)) {
          if (individualNumberCheckDigit(value) !== value.charCodeAt(11) - 48) ctx.report({ messageId: "checkDigit", at: rec, field: "individualNumber" });
          return;
        }
        if (isBlank(value) || excelDamage("individualNumber", value, ctx.options.dateFormats)) return;
        const v = trimSpaces(value!);
        if (!/^[0-9]{12}$/.test(v)) {
          // Full-width digits, spaces or hyphens: suggest the same digits only if they form a valid number.
          const digits = v.normalize("NFKC").replace(/[\s\-‐－−ー]/gu, "");
          ctx.report({ messageId: "format", at: rec, field: "individualNumber", suggestion: isValidIndividualNumber(digits) ? digits : undefined });
        } else if (!isValidIndividualNumber(v)) ctx.report({ messageId: "checkDigit", at: rec, field: "individualNumber" });
      },
    };
  },
});
