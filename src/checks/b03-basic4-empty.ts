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

/** B03_FIELDS as pairs, made once rather than per record. */
const REQUIRED = Object.entries(B03_FIELDS) as [FieldName, string][];

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
        // The common record, none of the five blank, read field by field by name (rec.fields[field] in a loop over
        // five names is a slow, megamorphic read); the keys of B03_FIELDS, as test/checks/fast-paths.test.ts holds.
        const f = rec.fields;
        if (!isBlank(f.name) && !isBlank(f.nameKana) && !isBlank(f.birthDate) && !isBlank(f.sex) && !isBlank(f.address)) return;
        for (const [field, messageId] of REQUIRED) {
          if (ctx.column(rec.fileIndex, field) === undefined) continue; // not in this file's layout
          if (isBlank(rec.fields[field])) ctx.report({ messageId, at: rec, field, value: rec.fields[field] ?? "" });
        }
      },
    };
  },
});
