// N04: 個人番号 empty — the recipient cannot use the マイナンバーカード until it is registered.
import { isBlank } from "../jp/blank.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "N04",
    fields: ["individualNumber"],
    messages: {
      empty: {
        ja: "個人番号が空です（登録されるまでマイナンバーカードで資格確認ができません）",
        en: "The individual number is empty (the card cannot be used until it is registered)",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        if (isBlank(rec.fields.individualNumber)) ctx.report({ messageId: "empty", at: rec, field: "individualNumber", value: rec.fields.individualNumber ?? "" });
      },
    };
  },
});
