// Encoding names, aliases (WHATWG-style) and the per-encoding byte segmentation used to locate bad bytes.

export type EncodingName = "cp932" | "utf-8" | "euc-jp";
export type EncodingOption = EncodingName | "auto";

const ALIASES: Record<string, EncodingOption> = {
  auto: "auto",
  cp932: "cp932", "windows-31j": "cp932", shift_jis: "cp932", "shift-jis": "cp932", sjis: "cp932", ms932: "cp932",
  "utf-8": "utf-8", utf8: "utf-8",
  "euc-jp": "euc-jp", eucjp: "euc-jp",
};

export function parseEncodingOption(s: string): EncodingOption | undefined {
  return ALIASES[s.trim().toLowerCase()];
}

/** The label Node's TextDecoder knows each encoding by. */
export const DECODER_LABEL: Record<EncodingName, string> = { cp932: "shift_jis", "utf-8": "utf-8", "euc-jp": "euc-jp" };

/**
 * Length in bytes of the character starting at bytes[i], by the encoding's byte structure, or 0 when the
 * byte cannot start a character (the caller reports it as one invalid byte).
 */
export function charLength(enc: EncodingName, bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const trail = (k: number, lo: number, hi: number) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (enc === "cp932") {
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) return 1;
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      return i + 1 < bytes.length && ((bytes[i + 1] >= 0x40 && bytes[i + 1] <= 0x7e) || (bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xfc)) ? 2 : 0;
    }
    return 0;
  }
  if (enc === "euc-jp") {
    if (b < 0x80) return 1;
    if (b === 0x8e) return trail(1, 0xa1, 0xdf) ? 2 : 0;
    if (b === 0x8f) return trail(1, 0xa1, 0xfe) && trail(2, 0xa1, 0xfe) ? 3 : 0;
    if (b >= 0xa1 && b <= 0xfe) return trail(1, 0xa1, 0xfe) ? 2 : 0;
    return 0;
  }
  if (b < 0x80) return 1;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  for (let k = 1; k < n; k++) if (!trail(k, 0x80, 0xbf)) return 0;
  return n;
}
