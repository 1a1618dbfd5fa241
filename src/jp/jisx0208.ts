// The character classes of SPEC §3.2 (JIS X 0208, NEC/IBM extensions, user-defined …), built at load time from the decoder's own CP932 table.

/** How a character fares on the intermediate server (SPEC §3.2). */
export const CharClass = {
  /** JIS X 0208 (as CP932 decodes it), a JIS-standard twin, or ASCII. */
  Allowed: 0,
  /** User-defined (外字): U+E000–U+F8FF, planes 15–16. G01. */
  UserDefined: 1,
  /** CP932's NEC/IBM extension repertoire, minus the 12 codes that decode to JIS X 0208 characters. G02. */
  VendorExtension: 2,
  /** Anything else outside JIS X 0208. G03. */
  NonJis: 3,
  /** ● U+25CF: in JIS X 0208, but means the original character is already lost. G04. */
  BlackCircle: 4,
  /** Half-width katakana U+FF61–U+FF9F (JIS X 0201): allowed in カナ fields only. */
  HalfWidthKana: 5,
  /** U+FFFD: an undecodable byte sequence, reported by the reader as S02, never by G checks. */
  Replacement: 6,
  /** A UTF-16 surrogate code unit: the code point decides (see classifyCodePoint). */
  Surrogate: 7,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Lead bytes of CP932's JIS X 0208 rows (1–8, 16–84): 81–84, 88–9F, E0–EA. */
export const JIS_X_0208_LEAD_BYTES: readonly number[] = [...range(0x81, 0x84), ...range(0x88, 0x9f), ...range(0xe0, 0xea)];

/** Valid CP932 trail bytes: 40–7E, 80–FC. */
export const CP932_TRAIL_BYTES: readonly number[] = range(0x40, 0xfc).filter((b) => b !== 0x7f);

/** CP932's NEC/IBM extension ranges (inclusive, as 16-bit codes): NEC row 13, NEC-selected IBM, IBM. */
export const CP932_EXTENSION_RANGES: readonly (readonly [number, number])[] = [
  [0x8740, 0x879c],
  [0xed40, 0xeefc],
  [0xfa40, 0xfc4b],
];

/**
 * The JIS-standard Unicode twins of characters CP932 decodes differently (〜 U+301C for ～ U+FF5E,
 * − U+2212, ‖ U+2016, — U+2014, ¢ U+00A2, £ U+00A3, ¬ U+00AC): what a UTF-8 export may hold.
 */
export const JIS_STANDARD_TWINS: readonly string[] = ["\u301c", "\u2212", "\u2016", "\u2014", "\u00a2", "\u00a3", "\u00ac"];

export const BLACK_CIRCLE = "\u25cf";

const sjis = new TextDecoder("shift_jis");

/** Decodes every given CP932 double-byte code in one call; undefined where it does not decode to one character. */
function decodeCodes(codes: readonly number[]): (string | undefined)[] {
  const buf = new Uint8Array(codes.length * 3);
  codes.forEach((code, i) => {
    buf[i * 3] = code >> 8;
    buf[i * 3 + 1] = code & 0xff;
    buf[i * 3 + 2] = 0x0a;
  });
  const pieces = sjis.decode(buf).split("\n");
  return codes.map((_, i) => {
    const s = pieces[i];
    return s !== undefined && s.length === 1 && s !== "\ufffd" ? s : undefined;
  });
}

function range(from: number, to: number): number[] {
  const r: number[] = [];
  for (let i = from; i <= to; i++) r.push(i);
  return r;
}

function buildJisX0208(): Set<string> {
  const codes = JIS_X_0208_LEAD_BYTES.flatMap((lead) => CP932_TRAIL_BYTES.map((t) => (lead << 8) | t));
  return new Set(decodeCodes(codes).filter((s): s is string => s !== undefined));
}

/** Every valid CP932 code in the NEC/IBM extension ranges. */
export function cp932ExtensionCodes(): number[] {
  const codes: number[] = [];
  for (const [from, to] of CP932_EXTENSION_RANGES) {
    for (let lead = from >> 8; lead <= to >> 8; lead++) {
      for (const t of CP932_TRAIL_BYTES) {
        const code = (lead << 8) | t;
        if (code >= from && code <= to) codes.push(code);
      }
    }
  }
  return codes;
}

/** The 6,879 characters of JIS X 0208 as CP932 decodes them (rows 1–8, 16–84), without twins or ASCII. */
export const JIS_X_0208: ReadonlySet<string> = buildJisX0208();

function buildExtension(): Map<string, number[]> {
  const byChar = new Map<string, number[]>();
  const codes = cp932ExtensionCodes();
  decodeCodes(codes).forEach((s, i) => {
    if (s === undefined || JIS_X_0208.has(s)) return;
    const list = byChar.get(s);
    if (list) list.push(codes[i]);
    else byChar.set(s, [codes[i]]);
  });
  return byChar;
}

/**
 * The G02 repertoire: each NEC/IBM extension character that is not in JIS X 0208, with its CP932 codes
 * (e.g. 髙 → [0xEEE0, 0xFBFC]). 447 characters on 833 codes.
 */
export const VENDOR_EXTENSION_CODES: ReadonlyMap<string, readonly number[]> = buildExtension();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000).fill(CharClass.NonJis);
  for (let c = 0; c < 0x80; c++) t[c] = CharClass.Allowed;
  for (const s of JIS_X_0208) t[s.charCodeAt(0)] = CharClass.Allowed;
  for (const s of JIS_STANDARD_TWINS) t[s.charCodeAt(0)] = CharClass.Allowed;
  for (const s of VENDOR_EXTENSION_CODES.keys()) t[s.charCodeAt(0)] = CharClass.VendorExtension;
  t.fill(CharClass.UserDefined, 0xe000, 0xf900);
  t.fill(CharClass.HalfWidthKana, 0xff61, 0xffa0);
  t.fill(CharClass.Surrogate, 0xd800, 0xe000);
  t[0xfffd] = CharClass.Replacement;
  t[BLACK_CIRCLE.charCodeAt(0)] = CharClass.BlackCircle;
  return t;
}

/** CharClass of every BMP code unit (surrogates marked Surrogate). */
export const CHAR_CLASS: Uint8Array = buildClassTable();

/** The class of any code point (non-BMP: planes 15–16 user-defined, the rest NonJis). */
export function classifyCodePoint(cp: number): CharClass {
  if (cp < 0x10000) return CHAR_CLASS[cp] as CharClass;
  return cp >= 0xf0000 ? CharClass.UserDefined : CharClass.NonJis;
}

/** True when every character of `text` is one the server keeps in 氏名/住所 (JIS X 0208 incl. twins, ASCII; not ●). */
export function isServerSafeText(text: string): boolean {
  for (const ch of text) {
    if (classifyCodePoint(ch.codePointAt(0)!) !== CharClass.Allowed) return false;
  }
  return true;
}
