// B09: 性別 3 (未設定): J-LIS always holds 1 or 2, so the server's comparison will find a difference.
import { trimSpaces } from "../jp/blank.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "B09",
    fields: ["sex"],
    messages: {
      unset: {
        ja: "性別が 3（未設定）です。住民基本台帳の性別は 1 か 2 なので、照合で不一致になります",
        en: "Sex is 3 (unset); the resident registry always holds 1 or 2, so the comparison will differ",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        if (rec.fields.sex !== undefined && trimSpaces(rec.fields.sex) === "3") ctx.report({ messageId: "unset", at: rec, field: "sex" });
      },
    };
  },
});
