// Recognises values damaged by opening and saving the file in Excel (X01): exponent form, lost leading zeros,
// reformatted dates. The format checks (N01, N02, N03, B01, D01) stay silent on a cell this recognises.
import type { FieldName } from "../types.js";
import { isAsciiDigits, trimSpaces } from "./blank.js";
import { isValidIndividualNumber, isValidMhlwNumber } from "./check-digits.js";
import { daysToYmd, isRealDay, parseDate, ymd } from "./dates.js";

export type ExcelDamageKind = "exponent" | "leadingZero" | "dateReformatted" | "serialDate";

export interface ExcelDamage {
  kind: ExcelDamageKind;
  /** The value as it was before Excel, where it can be restored without guessing. */
  suggestion?: string;
  /** For dates: the day the damaged value still names ("YYYYMMDD"). */
  ymd?: string;
}

/** The fields X01 looks at. */
export const EXCEL_DAMAGE_FIELDS = [
  "individualNumber", "recipientNumber", "insurerNumber", "postalCode", "birthDate", "qualifiedOn", "disqualifiedOn",
] as const satisfies readonly FieldName[];

/** Excel's day serial of 1970-01-01 (serial 1 = 1900-01-01, with Excel's phantom 1900-02-29). */
const SERIAL_1970 = 25_569;
/** Five-digit serials only: 10000 = 1927-05-18 … 73050 = 2099-12-31. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 73_050;

const EXPONENT = /^[+-]?[0-9]+(?:\.[0-9]+)?[eE]\+?[0-9]+$/;
const EXCEL_DATE = /^([0-9]{4})\/([0-9]{1,2})\/([0-9]{1,2})(?:[ \t]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$/;

/**
 * The Excel damage of `value` in `field`, or undefined. Empty values are never damage.
 * `dateFormats` are the layout's declared date formats (empty = the default three).
 */
export function excelDamage(field: FieldName, value: string | undefined, dateFormats: readonly string[]): ExcelDamage | undefined {
  if (value === undefined) return undefined;
  const v = trimSpaces(value);
  if (v === "") return undefined;
  switch (field) {
    case "individualNumber":
      // Digits only (the common cell) can never be in exponent form, which needs an E.
      if (!isAsciiDigits(v)) return EXPONENT.test(v) ? { kind: "exponent" } : undefined;
      // A 12-digit number starting with 0 shows as 11 digits in Excel; only called damage when the zero restores a valid number.
      if (v.length === 11 && isValidIndividualNumber(`0${v}`)) return { kind: "leadingZero", suggestion: `0${v}` };
      return undefined;
    case "recipientNumber":
      return v.length === 6 && isAsciiDigits(v) ? padded(v, 7, isValidMhlwNumber) : undefined;
    case "insurerNumber":
      return v.length === 7 && isAsciiDigits(v) ? padded(v, 8, isValidMhlwNumber) : undefined;
    case "postalCode":
      return (v.length === 5 || v.length === 6) && isAsciiDigits(v) ? padded(v, 7, () => true) : undefined;
    case "birthDate":
    case "qualifiedOn":
    case "disqualifiedOn":
      return dateDamage(v, dateFormats);
    default:
      return undefined;
  }
}

function padded(v: string, length: number, valid: (s: string) => boolean): ExcelDamage {
  const restored = v.padStart(length, "0");
  return valid(restored) ? { kind: "leadingZero", suggestion: restored } : { kind: "leadingZero" };
}

function dateDamage(v: string, dateFormats: readonly string[]): ExcelDamage | undefined {
  if (parseDate(v, dateFormats).ok) return undefined;
  const m = EXCEL_DATE.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDay(y, mo, d)) return undefined;
    const day = ymd(y, mo, d);
    return withSuggestion({ kind: "dateReformatted", ymd: day }, day, dateFormats);
  }
  if (v.length === 5 && isAsciiDigits(v)) {
    const serial = Number(v);
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return undefined;
    const day = daysToYmd(serial - SERIAL_1970);
    return withSuggestion({ kind: "serialDate", ymd: day }, day, dateFormats);
  }
  return undefined;
}

/** Writes the restored day in a declared 西暦 format, preferring the slashed form Excel started from. */
function withSuggestion(d: ExcelDamage, day: string, dateFormats: readonly string[]): ExcelDamage {
  const declared = dateFormats.length > 0 ? dateFormats : ["YYYY/MM/DD"];
  const [y, m, dd] = [day.slice(0, 4), day.slice(4, 6), day.slice(6, 8)];
  if (declared.includes("YYYY/MM/DD")) d.suggestion = `${y}/${m}/${dd}`;
  else if (declared.includes("YYYY-MM-DD")) d.suggestion = `${y}-${m}-${dd}`;
  else if (declared.includes("YYYYMMDD")) d.suggestion = day;
  return d;
}
