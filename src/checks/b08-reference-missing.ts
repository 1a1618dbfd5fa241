// B08: no record in the reference extract for this record's key (個人番号, or 受給者番号 with --key).
import { matchReference, referenceOf } from "../reference/match.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "B08",
    fields: ["individualNumber", "recipientNumber"],
    messages: {
      missing: {
        ja: "住基抽出に{key}が一致する記録がありません。転出・死亡・番号の誤りを確認してください",
        en: "no registry record with this {key}: check for a move, a death or a wrong number",
      },
    },
  },
  create(ctx) {
    const index = referenceOf(ctx);
    if (!index) return {};
    const key = index.key === "individualNumber" ? { ja: "個人番号", en: "individual number" } : { ja: "受給者番号", en: "recipient number" };
    return {
      record(rec) {
        if (matchReference(rec, ctx).status !== "missing") return;
        ctx.report({ messageId: "missing", at: rec, field: index.key, data: { key: key[ctx.options.lang] } });
      },
    };
  },
});
