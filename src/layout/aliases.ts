// The default layout: header names (aliases) that identify each field (SPEC §2).
import type { FieldName } from "../types.js";

export const HEADER_ALIASES: Record<FieldName, readonly string[]> = {
  insurerNumber: ["保険者番号", "公費負担者番号", "保険者コード"],
  recipientNumber: ["受給者番号", "被保険者番号", "被保険者証番号"],
  branch: ["枝番", "被保険者枝番"],
  individualNumber: ["個人番号", "マイナンバー"],
  name: ["氏名", "漢字氏名", "氏名（漢字）"],
  nameKana: ["氏名カナ", "カナ氏名", "フリガナ", "氏名（カナ）"],
  birthDate: ["生年月日"],
  sex: ["性別"],
  address: ["住所"],
  postalCode: ["郵便番号"],
  qualifiedOn: ["資格取得年月日", "資格取得日"],
  disqualifiedOn: ["資格喪失年月日", "資格喪失日"],
};

/** Japanese and English names of the logical fields, as a clerk reads them (messages and every report). */
export const FIELD_LABELS: Record<FieldName, { ja: string; en: string }> = {
  insurerNumber: { ja: "保険者番号", en: "insurer number" },
  recipientNumber: { ja: "受給者番号", en: "recipient number" },
  branch: { ja: "枝番", en: "branch" },
  individualNumber: { ja: "個人番号", en: "individual number" },
  name: { ja: "氏名", en: "name" },
  nameKana: { ja: "カナ氏名", en: "kana name" },
  birthDate: { ja: "生年月日", en: "birth date" },
  sex: { ja: "性別", en: "sex" },
  address: { ja: "住所", en: "address" },
  postalCode: { ja: "郵便番号", en: "postal code" },
  qualifiedOn: { ja: "資格取得年月日", en: "qualified on" },
  disqualifiedOn: { ja: "資格喪失年月日", en: "disqualified on" },
};

/** Header text compared after NFKC, without spaces: 氏名(漢字) and 氏名（漢字） are the same header. */
export function headerKey(s: string): string {
  return s.replace(/^\uFEFF/, "").normalize("NFKC").replace(/[\s\u3000]/g, "");
}
