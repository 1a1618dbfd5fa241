// The code table: the single source of truth for every finding code's name, severity, suspension and title.
import type { Severity } from "../types.js";

/**
 * How a code's findings count toward a viewing suspension (SPEC §3.1):
 * a fixed kind, or "field" — decided by the field the finding is on (生年月日/性別 → eligibility,
 * 住所 → medical, one name → none, both names → medical).
 */
export type SuspensionRule = "eligibility" | "medical" | "none" | "field";

export interface CodeInfo {
  code: string;
  name: string;
  severity: Severity;
  suspension: SuspensionRule;
  /** true when the rule (or part of it) is our inference, not a published server rule. */
  inferred?: boolean;
  title: { ja: string; en: string };
  since: string;
}

export const CODES = [
  { code: "Z04", name: "name-spacing", severity: "error", suspension: "medical", inferred: true, since: "0.1.0",
    title: { ja: "氏名の前後・連続空白（サーバーエラー Z04）", en: "Leading, trailing or doubled spaces in a name (server error Z04)" } },
  { code: "Z09", name: "address-municipality", severity: "error", suspension: "medical", since: "0.1.0",
    title: { ja: "住所に都道府県・市区町村がない（サーバーエラー Z09）", en: "Address lacks prefecture or municipality (server error Z09)" } },
  { code: "A01", name: "designated-city-ward", severity: "warning", suspension: "none", since: "0.1.0",
    title: { ja: "政令指定都市の区が書かれていない", en: "Designated city written without its ward" } },
  { code: "G01", name: "user-defined-char", severity: "error", suspension: "field", since: "0.1.0",
    title: { ja: "外字（ユーザー定義文字）：●になる", en: "User-defined character (gaiji): becomes ●" } },
  { code: "G02", name: "vendor-extension-char", severity: "error", suspension: "field", inferred: true, since: "0.1.0",
    title: { ja: "NEC/IBM 拡張文字：●になる", en: "NEC/IBM extension character: becomes ●" } },
  { code: "G03", name: "non-jis-char", severity: "warning", suspension: "field", inferred: true, since: "0.1.0",
    title: { ja: "JIS X 0208 外の文字：●になるおそれ", en: "Character outside JIS X 0208: likely ●" } },
  { code: "G04", name: "black-circle", severity: "error", suspension: "field", since: "0.1.0",
    title: { ja: "● がすでに入っている（元の文字が失われている）", en: "A ● is already present (the original character is lost)" } },
  { code: "K01", name: "kana-chars", severity: "warning", suspension: "field", since: "0.1.0",
    title: { ja: "カナ氏名にカタカナ以外の文字", en: "Non-katakana characters in the kana name" } },
  { code: "B01", name: "birth-date-invalid", severity: "error", suspension: "field", since: "0.1.0",
    title: { ja: "生年月日が正しい日付でない", en: "Birth date is not a valid date" } },
  { code: "B02", name: "sex-invalid", severity: "error", suspension: "field", since: "0.1.0",
    title: { ja: "性別が 1・2・3 以外", en: "Sex is not 1, 2 or 3" } },
  { code: "B09", name: "sex-unset", severity: "error", suspension: "field", inferred: true, since: "0.1.0",
    title: { ja: "性別が 3（未設定）", en: "Sex is 3 (unset)" } },
  { code: "B03", name: "basic4-empty", severity: "error", suspension: "field", since: "0.1.0",
    title: { ja: "基本4情報またはカナ氏名が空", en: "A basic-4 field or the kana name is empty" } },
  { code: "B04", name: "individual-number-conflict", severity: "error", suspension: "eligibility", inferred: true, since: "0.1.0",
    title: { ja: "個人番号の紐付け誤りの疑い", en: "Individual number linked to more than one person" } },
  { code: "B05", name: "reference-birth-sex", severity: "error", suspension: "eligibility", since: "0.1.0",
    title: { ja: "住基と生年月日・性別が異なる（×）", en: "Birth date or sex differs from the registry (×)" } },
  { code: "B06", name: "reference-names-address", severity: "error", suspension: "medical", since: "0.1.0",
    title: { ja: "住基と氏名（両方）または住所が異なる（▲）", en: "Both names or the address differ from the registry (▲)" } },
  { code: "B07", name: "reference-one-name", severity: "warning", suspension: "none", since: "0.1.0",
    title: { ja: "住基と氏名の片方だけが異なる", en: "Exactly one name differs from the registry" } },
  { code: "B08", name: "reference-missing", severity: "warning", suspension: "none", since: "0.1.0",
    title: { ja: "住基抽出に対応する記録がない", en: "No registry record for this key" } },
  { code: "N01", name: "individual-number-invalid", severity: "error", suspension: "eligibility", inferred: true, since: "0.1.0",
    title: { ja: "個人番号が12桁でない・検査用数字が誤り", en: "Individual number not 12 digits or wrong check digit" } },
  { code: "N04", name: "individual-number-empty", severity: "warning", suspension: "none", since: "0.1.0",
    title: { ja: "個人番号が空", en: "Individual number is empty" } },
  { code: "N02", name: "insurer-number-invalid", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "公費負担者番号（保険者番号）が不正", en: "Insurer (public payer) number is invalid" } },
  { code: "N03", name: "recipient-number-invalid", severity: "warning", suspension: "none", inferred: true, since: "0.1.0",
    title: { ja: "受給者番号が7桁でない・検証番号が誤り", en: "Recipient number not 7 digits or wrong check digit" } },
  { code: "D01", name: "qualification-date-invalid", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "資格取得年月日が不正・前後関係が誤り", en: "Qualification date invalid or out of order" } },
  { code: "X01", name: "excel-damage", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "Excel で保存したことによる破損", en: "Damage typical of saving the file in Excel" } },
  { code: "S01", name: "column-count", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "列数がヘッダーと異なる", en: "Number of columns differs from the header" } },
  { code: "S02", name: "invalid-bytes", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "文字コードとして不正なバイト列", en: "Invalid byte sequence for the encoding" } },
  { code: "S03", name: "csv-syntax", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "CSV の構文誤り（引用符）", en: "CSV syntax error (quotes)" } },
  { code: "S04", name: "field-too-long", severity: "error", suspension: "none", since: "0.1.0",
    title: { ja: "項目が長すぎる", en: "Field too long" } },
] as const satisfies readonly CodeInfo[];

export type Code = (typeof CODES)[number]["code"];

const byCode = new Map<string, CodeInfo>(CODES.map((c) => [c.code, c]));

/** Looks a code up by its code ("Z04") or name ("name-spacing"). */
export function codeInfo(codeOrName: string): CodeInfo | undefined {
  const upper = codeOrName.toUpperCase();
  return byCode.get(upper) ?? CODES.find((c) => c.name === codeOrName);
}

export function isCode(s: string): s is Code {
  return byCode.has(s);
}
