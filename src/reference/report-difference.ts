// Shared reporting of a reference difference (B05/B06/B07): both values, the named differences, the fix.
import type { CheckContext } from "../checks/define.js";
import { CharClass, classifyCodePoint } from "../jp/jisx0208.js";
import { FIELD_LABELS } from "../layout/aliases.js";
import type { DataRecord } from "../types.js";
import type { ComparedField } from "./compare.js";
import { matchReference, referenceOf } from "./match.js";

export const DIFFERENCE_MESSAGES = {
  copy: {
    ja: "住基と{fields}が異なります（住基 {line} 行目）{notation}。住基の表記に合わせてください",
    en: "{fields} differ from the registry (reference line {line}){notation}; use the registry's spelling",
  },
  manual: {
    ja: "住基と{fields}が異なります（住基 {line} 行目）{notation}。住基の表記に JIS X 0208 外の文字があるため、JIS の代替字のまま目視確認してください",
    en: "{fields} differ from the registry (reference line {line}){notation}; the registry's spelling has characters outside JIS X 0208: keep the JIS substitute and confirm by eye",
  },
} as const;

const KIND_LABELS: Record<string, { ja: string; en: string }> = {
  space: { ja: "空白", en: "spaces" },
  width: { ja: "全角・半角", en: "width" },
  "kana-script": { ja: "ひらがな・カタカナ", en: "hiragana/katakana" },
  "small-kana": { ja: "小書きの仮名", en: "small kana" },
  kyuji: { ja: "旧字体", en: "old character forms" },
  "address-numerals": { ja: "丁目・番地の数字", en: "address numerals" },
};

function serverSafe(field: ComparedField, text: string): boolean {
  for (const ch of text) {
    const c = classifyCodePoint(ch.codePointAt(0)!);
    if (c === CharClass.Allowed || (field === "nameKana" && c === CharClass.HalfWidthKana)) continue;
    return false;
  }
  return true;
}

/** Reports `code` for `rec` when its reference comparison gives that code; `primary` lists the fields it concerns. */
export function reportDifference(ctx: CheckContext, rec: DataRecord, code: "B05" | "B06" | "B07", primary: readonly ComparedField[]): void {
  if (!referenceOf(ctx)) return;
  const m = matchReference(rec, ctx);
  if (m.status !== "differs" || m.comparison.code !== code) return;
  const lang = ctx.options.lang;
  const fields = m.comparison.fields;
  const field = primary.find((f) => fields.includes(f)) ?? fields[0];
  const refValue = m.reference[field] ?? "";
  const kinds = [...new Set(m.comparison.differences.flatMap((d) => d.kinds))];
  const notation = m.comparison.notationOnly
    ? (lang === "ja" ? `（表記の違いのみ：${kinds.map((k) => KIND_LABELS[k]?.ja ?? k).join("・")}）` : ` (notation only: ${kinds.map((k) => KIND_LABELS[k]?.en ?? k).join(", ")})`)
    : "";
  const safe = serverSafe(field, refValue);
  ctx.report({
    messageId: safe ? "copy" : "manual",
    at: rec,
    field,
    suggestion: safe ? refValue.trim() : undefined,
    data: { fields: fields.map((f) => FIELD_LABELS[f][lang]).join(lang === "ja" ? "・" : ", "), line: m.line, notation },
    extra: {
      referenceValue: refValue,
      referenceLine: m.line,
      fields,
      differences: m.comparison.differences,
      ...(m.comparison.notationOnly ? { notationOnly: true } : {}),
    },
  });
}
