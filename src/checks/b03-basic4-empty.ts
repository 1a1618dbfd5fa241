// B03: an empty (or white-space-only) 氏名, カナ氏名, 生年月日, 性別 or 住所 — one finding per empty field.
import { isBlank } from "../jp/blank.js";
import type { FieldName } from "../types.js";
import { defineCheck } from "./define.js";

/** The fields B03 requires, with the messageId of each. */
export const B03_FIELDS = {
  name: "emptyName",
  nameKana: "emptyNameKana",
  birthDate: "emptyBirthDate",
  sex: "emptySex",
  address: "emptyAddress",
} as const satisfies Partial<Record<FieldName, string>>;

export default defineCheck({
  meta: {
    code: "B03",
    fields: Object.keys(B03_FIELDS) as FieldName[],
    messages: {
      emptyName: { ja: "氏名が空です", en: "The name is empty" },
      emptyNameKana: { ja: "カナ氏名が空です", en: "The kana name is empty" },
      emptyBirthDate: { ja: "生年月日が空です", en: "The birth date is empty" },
      emptySex: { ja: "性別が空です", en: "Sex is empty" },
      emptyAddress: { ja: "住所が空です", en: "The address is empty" },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        for (const [field, messageId] of Object.entries(B03_FIELDS) as [FieldName, string][]) {
          if (ctx.column(rec.fileIndex, field) === undefined) continue; // not in this file's layout
          if (isBlank(rec.fields[field])) ctx.report({ messageId, at: rec, field, value: rec.fields[field] ?? "" });
        }
      },
    };
  },
});
