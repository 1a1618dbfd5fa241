// D01: 資格取得年月日 not a real day, before 生年月日 or after 資格喪失年月日 (and 資格喪失年月日 not a real day).
import { isBlank } from "../jp/blank.js";
import { parseDate } from "../jp/dates.js";
import { excelDamage } from "../jp/excel-damage.js";
import type { DataRecord } from "../types.js";
import { defineCheck } from "./define.js";
import { isBefore } from "./support/code-unit-order.js";

export default defineCheck({
  meta: {
    code: "D01",
    fields: ["qualifiedOn", "disqualifiedOn"],
    messages: {
      invalid: { ja: "資格取得年月日が正しい日付ではありません", en: "The qualification date is not a valid date" },
      disqualificationInvalid: { ja: "資格喪失年月日が正しい日付ではありません", en: "The disqualification date is not a valid date" },
      beforeBirth: { ja: "資格取得年月日が生年月日より前です", en: "The qualification date is before the birth date" },
      afterDisqualification: { ja: "資格取得年月日が資格喪失年月日より後です", en: "The qualification date is after the disqualification date" },
    },
  },
  create(ctx) {
    const formats = ctx.options.dateFormats;
    /**
     * The day a date cell names: X01-damaged cells count as the day they still show (X01 reports them).
     * A cell that parses is never damage (excelDamage tries the declared formats first), so damage is looked for only in one that does not.
     */
    const dayOf = (rec: DataRecord, field: "qualifiedOn" | "disqualifiedOn" | "birthDate") => {
      const value = rec.fields[field];
      const parsed = parseDate(value ?? "", formats);
      if (parsed.ok) return parsed;
      const damaged = excelDamage(field, value, formats);
      return damaged ? { ok: true as const, ymd: damaged.ymd! } : parsed;
    };
    return {
      record(rec) {
        let qualified: string | undefined;
        if (!isBlank(rec.fields.qualifiedOn)) { // an empty cell gets no format code (SPEC §3)
          const q = dayOf(rec, "qualifiedOn");
          if (q.ok) qualified = q.ymd;
          else ctx.report({ messageId: "invalid", at: rec, field: "qualifiedOn", suggestion: q.suggestion, extra: { reason: q.reason } });
        }
        let disqualified: string | undefined;
        if (!isBlank(rec.fields.disqualifiedOn)) {
          const d = dayOf(rec, "disqualifiedOn");
          if (d.ok) disqualified = d.ymd;
          else ctx.report({ messageId: "disqualificationInvalid", at: rec, field: "disqualifiedOn", suggestion: d.suggestion, extra: { reason: d.reason } });
        }
        if (qualified === undefined) return;
        const birth = isBlank(rec.fields.birthDate) ? undefined : dayOf(rec, "birthDate");
        if (birth?.ok && isBefore(qualified, birth.ymd)) ctx.report({ messageId: "beforeBirth", at: rec, field: "qualifiedOn" });
        if (disqualified !== undefined && isBefore(disqualified, qualified)) ctx.report({ messageId: "afterDisqualification", at: rec, field: "qualifiedOn" });
      },
    };
  },
});
