// The date formats a layout may declare for date fields (生年月日, 資格取得年月日, 資格喪失年月日).

/** Every format name a layout may declare. */
export const DATE_FORMATS = ["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD", "wareki", "eraCode7"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The formats accepted when a layout declares none (SPEC §2). */
export const DEFAULT_DATE_FORMATS: readonly DateFormat[] = ["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD"];

export function isDateFormat(s: string): s is DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(s);
}
