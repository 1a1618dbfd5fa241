// N02: 保険者番号 (公費負担者番号) not 8 digits, 法別 not allowed, prefecture not 01–47, or wrong check digit.
import { isAsciiDigits, isBlank, trimSpaces } from "../jp/blank.js";
import { isValidMhlwNumber } from "../jp/check-digits.js";
import { excelDamage } from "../jp/excel-damage.js";
import type { DataRecord } from "../types.js";
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
    const allowedLaws = twoDigitNumbers(allowed);
    /** The parts of an 8-digit number, read from its digits (no string cut out per record). */
    const reportParts = (rec: DataRecord, v: string) => {
      if (allowedLaws[twoDigitsAt(v, 0)] !== 1) {
        ctx.report({ messageId: "law", at: rec, field: "insurerNumber", data: { law: v.slice(0, 2), allowed: allowed.join(",") } });
      } else if (!isPrefectureNumber(twoDigitsAt(v, 2))) {
        ctx.report({ messageId: "prefecture", at: rec, field: "insurerNumber", data: { prefecture: v.slice(2, 4) } });
      } else if (!isValidMhlwNumber(v)) ctx.report({ messageId: "checkDigit", at: rec, field: "insurerNumber" });
    };
    return {
      record(rec) {
        const value = rec.fields.insurerNumber;
        // The common cell, 8 digits and nothing else, is neither blank nor Excel damage.
        if (value !== undefined && value.length === 8 && isAsciiDigits(value)) {
          reportParts(rec, value);
          return;
        }
        if (isBlank(value)) return; // an empty cell gets no format code (SPEC §3)
        if (excelDamage("insurerNumber", value, ctx.options.dateFormats)) return; // X01
        const v = trimSpaces(value!);
        if (!/^[0-9]{8}$/.test(v)) {
          const digits = v.normalize("NFKC").replace(/[\s\-‐－−ー]/gu, "");
          ctx.report({ messageId: "format", at: rec, field: "insurerNumber", suggestion: isValid(digits, allowed) ? digits : undefined });
          return;
        }
        reportParts(rec, v);
      },
    };
  },
});

/** The value of the two ASCII digits at `i`. */
function twoDigitsAt(v: string, i: number): number {
  return (v.charCodeAt(i) - 48) * 10 + (v.charCodeAt(i + 1) - 48);
}

/**
 * 1 at each allowed 法別 number that is two digits (00–99): `allowed.includes(v.slice(0, 2))` for a value of digits,
 * without cutting out the slice.
 */
function twoDigitNumbers(allowed: readonly string[]): Uint8Array {
  const table = new Uint8Array(100);
  for (const law of allowed) if (law.length === 2 && isAsciiDigits(law)) table[twoDigitsAt(law, 0)] = 1;
  return table;
}

function isPrefectureNumber(n: number): boolean {
  return n >= 1 && n <= 47;
}

function isPrefecture(p: string): boolean {
  return isPrefectureNumber(Number(p));
}

function isValid(v: string, allowed: readonly string[]): boolean {
  return /^[0-9]{8}$/.test(v) && allowed.includes(v.slice(0, 2)) && isPrefecture(v.slice(2, 4)) && isValidMhlwNumber(v);
}
