// 32-bit FNV-1a fingerprints of compared values, so indexes hold numbers instead of personal text.
import { trimSpaces } from "../jp/blank.js";
import { parseDate } from "../jp/dates.js";

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The value as the server compares it (trimmed; 生年月日 as a day when it parses in the file's formats). */
export function comparable(field: string, value: string | undefined, dateFormats: readonly string[]): string {
  const v = trimSpaces(value ?? "");
  if (field === "birthDate") {
    const d = parseDate(v, dateFormats);
    if (d.ok) return d.ymd;
  }
  return v;
}
