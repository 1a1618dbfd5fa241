// B02: 性別 other than 1 (男), 2 (女) or 3 (未設定).
import { isBlank, trimSpaces } from "../jp/blank.js";
import { defineCheck } from "./define.js";

export const SEX_CODES = ["1", "2", "3"] as const;

/** Values whose code is certain: full-width digits and the words a layout value map usually handles. */
const OBVIOUS: Readonly<Record<string, string>> = { 男: "1", 男性: "1", 女: "2", 女性: "2" };

export default defineCheck({
  meta: {
    code: "B02",
    fields: ["sex"],
    messages: {
      invalid: { ja: "性別が 1（男）・2（女）・3（未設定）のいずれでもありません", en: "Sex is not 1 (male), 2 (female) or 3 (unset)" },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const value = rec.fields.sex;
        if (isBlank(value)) return; // B03
        const v = trimSpaces(value!);
        if ((SEX_CODES as readonly string[]).includes(v)) return;
        const normal = v.normalize("NFKC");
        const suggestion = (SEX_CODES as readonly string[]).includes(normal) ? normal : OBVIOUS[normal];
        ctx.report({ messageId: "invalid", at: rec, field: "sex", suggestion });
      },
    };
  },
});
