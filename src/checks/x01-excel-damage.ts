// X01: values damaged by saving the file in Excel — 個人番号 in exponent form, lost leading zeros, reformatted dates.
import { excelDamage, EXCEL_DAMAGE_FIELDS, type ExcelDamageKind } from "../jp/excel-damage.js";
import type { DataRecord, FieldName, SuspensionKind } from "../types.js";
import { defineCheck } from "./define.js";

/**
 * The format check that would otherwise have reported the cell, and the suspension it would have carried.
 * X01 replaces it on that cell (one defect, one finding) and keeps its suspension, so recognising the cause
 * never lowers a record's suspension.
 */
export const X01_SUPERSEDES: Partial<Record<FieldName, { code: string; suspension: SuspensionKind }>> = {
  individualNumber: { code: "N01", suspension: "eligibility" },
  insurerNumber: { code: "N02", suspension: "none" },
  recipientNumber: { code: "N03", suspension: "none" },
  birthDate: { code: "B01", suspension: "eligibility" },
  qualifiedOn: { code: "D01", suspension: "none" },
  disqualifiedOn: { code: "D01", suspension: "none" },
};

const MESSAGE_OF: Record<ExcelDamageKind, string> = {
  exponent: "exponent",
  leadingZero: "leadingZero",
  dateReformatted: "dateReformatted",
  serialDate: "serialDate",
};

export default defineCheck({
  meta: {
    code: "X01",
    fields: EXCEL_DAMAGE_FIELDS,
    messages: {
      exponent: {
        ja: "個人番号が指数表記（例: 1.23457E+11）になっています。Excel で保存したため桁が失われています",
        en: "The individual number is in exponent form (e.g. 1.23457E+11): saving in Excel lost its digits",
      },
      leadingZero: {
        ja: "{label}の先頭の 0 が失われています（Excel で数値として保存された可能性があります）",
        en: "The {label} lost its leading zero(s) (probably saved as a number in Excel)",
      },
      dateReformatted: {
        ja: "{label}が Excel によって書き換えられた形式（例: 2000/1/1）になっています",
        en: "The {label} was reformatted by Excel (e.g. 2000/1/1)",
      },
      serialDate: {
        ja: "{label}が Excel の日付シリアル値（例: 36526）になっています",
        en: "The {label} is an Excel date serial number (e.g. 36526)",
      },
    },
  },
  create(ctx) {
    const label = (field: FieldName) => LABELS[field]?.[ctx.options.lang] ?? field;
    const look = (rec: DataRecord, field: FieldName, value: string | undefined) => {
      const damage = excelDamage(field, value, ctx.options.dateFormats);
      if (!damage) return;
      const replaced = X01_SUPERSEDES[field];
      ctx.report({
        messageId: MESSAGE_OF[damage.kind],
        at: rec,
        field,
        suggestion: damage.suggestion,
        data: { label: label(field) },
        suspension: replaced?.suspension ?? "none",
        extra: { damage: damage.kind, ...(replaced ? { supersedes: replaced.code } : {}) },
      });
    };
    return {
      record(rec) {
        // The fields of EXCEL_DAMAGE_FIELDS, in its order (test/checks/fast-paths.test.ts holds them equal), each read by
        // name: rec.fields[field] in a loop over seven names is a slow (megamorphic) read, paid on every record.
        const f = rec.fields;
        look(rec, "individualNumber", f.individualNumber);
        look(rec, "recipientNumber", f.recipientNumber);
        look(rec, "insurerNumber", f.insurerNumber);
        look(rec, "postalCode", f.postalCode);
        look(rec, "birthDate", f.birthDate);
        look(rec, "qualifiedOn", f.qualifiedOn);
        look(rec, "disqualifiedOn", f.disqualifiedOn);
      },
    };
  },
});

const LABELS: Partial<Record<FieldName, { ja: string; en: string }>> = {
  individualNumber: { ja: "個人番号", en: "individual number" },
  recipientNumber: { ja: "受給者番号", en: "recipient number" },
  insurerNumber: { ja: "保険者番号", en: "insurer number" },
  postalCode: { ja: "郵便番号", en: "postal code" },
  birthDate: { ja: "生年月日", en: "birth date" },
  qualifiedOn: { ja: "資格取得年月日", en: "qualification date" },
  disqualifiedOn: { ja: "資格喪失年月日", en: "disqualification date" },
};
