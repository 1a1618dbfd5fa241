// B01: 生年月日 that is not a real day in a declared format, is after the reference day (--as-of), or is before 1890.
import { isBlank } from "../jp/blank.js";
import { parseDate } from "../jp/dates.js";
import { excelDamage } from "../jp/excel-damage.js";
import { defineCheck } from "./define.js";
import { isBefore } from "./support/code-unit-order.js";

/** Birth dates before this day are taken as typing errors (the oldest living Japanese were born after 1900). */
export const EARLIEST_BIRTH = "18900101";

export default defineCheck({
  meta: {
    code: "B01",
    fields: ["birthDate"],
    messages: {
      format: { ja: "生年月日が日付の形式になっていません", en: "The birth date is not in a date format the layout accepts" },
      impossible: { ja: "生年月日が実在しない日付です", en: "The birth date names a day that does not exist" },
      eraRange: { ja: "生年月日の元号と年が合いません（その元号にない日付です）", en: "The birth date's era did not cover that day" },
      future: { ja: "生年月日が基準日（{asOf}）より後です", en: "The birth date is after the reference day ({asOf})" },
      tooOld: { ja: "生年月日が1890年より前です", en: "The birth date is before 1890" },
    },
  },
  create(ctx) {
    const formats = ctx.options.dateFormats;
    return {
      record(rec) {
        const value = rec.fields.birthDate;
        if (isBlank(value)) return; // B03
        // A date that parses is never Excel damage (excelDamage tries the declared formats first): look for damage only in one that does not.
        const p = parseDate(value!, formats);
        let day: string | undefined;
        if (p.ok) day = p.ymd;
        else {
          day = excelDamage("birthDate", value, formats)?.ymd; // X01 reports the damage itself
          if (day === undefined) {
            const messageId = p.reason === "era-range" ? "eraRange" : p.reason;
            ctx.report({ messageId, at: rec, field: "birthDate", suggestion: p.suggestion, extra: { reason: p.reason } });
            return;
          }
        }
        if (isBefore(ctx.options.asOf, day)) ctx.report({ messageId: "future", at: rec, field: "birthDate", data: { asOf: ctx.options.asOf }, extra: { reason: "future" } });
        else if (isBefore(day, EARLIEST_BIRTH)) ctx.report({ messageId: "tooOld", at: rec, field: "birthDate", extra: { reason: "too-old" } });
      },
    };
  },
});
