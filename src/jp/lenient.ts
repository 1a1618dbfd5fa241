// Lenient normalisation (SPEC §3.4): used to explain a difference and to fold names for B04, never to decide B05–B07.
import { KYUJI_TO_SHINJI } from "./kyuji.js";

/** The kinds of notation difference lenient normalisation names, in the order its steps run. */
export const DIFFERENCE_KINDS = ["space", "width", "kana-script", "small-kana", "kyuji", "address-numerals"] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

interface Step {
  kind: DifferenceKind;
  apply(s: string): string;
  /** Only for 住所. */
  addressOnly?: boolean;
}

// ---- the steps ----------------------------------------------------------------------------------------------

/** Any white space, including 全角SP, NBSP and TAB. */
const SPACES = /[\s\u3000\u00a0]+/gu;

/** CJK Compatibility Ideographs: NFKC maps them to unified twins, which the "kyuji" step (not "width") owns. */
const COMPAT_IDEOGRAPH = /[\uf900-\ufaff\u{2f800}-\u{2fa1f}]/u;
const NOT_COMPAT_RUN = /[^\uf900-\ufaff\u{2f800}-\u{2fa1f}]+/gu;
const COMPAT_CHAR = /[\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu;

/** NFKC except for compatibility ideographs: full/half width letters, digits, kana and punctuation. */
function width(s: string): string {
  return COMPAT_IDEOGRAPH.test(s) ? s.replace(NOT_COMPAT_RUN, (run) => run.normalize("NFKC")) : s.normalize("NFKC");
}

/** ひらがな → カタカナ (ぁ–ゖ, ゝゞ). */
function kanaScript(s: string): string {
  return s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Small kana → large: the server side holds upper-case kana only (domain.md §3.1). */
const SMALL_KANA: ReadonlyMap<string, string> = new Map(
  [..."ァアィイゥウェエォオッツャヤュユョヨヮワヵカヶケㇰクㇱシㇲスㇳトㇴヌㇵハㇶヒㇷフㇸヘㇹホㇺムㇻラㇼリㇽルㇾレㇿロ"]
    .reduce<[string, string][]>((acc, c, i, all) => (i % 2 === 0 ? [...acc, [c, all[i + 1]]] : acc), []),
);
const SMALL_KANA_RE = /[ァィゥェォッャュョヮヵヶ\u31f0-\u31ff]/g;

function smallKana(s: string): string {
  return s.replace(SMALL_KANA_RE, (c) => SMALL_KANA.get(c) ?? c);
}

/** 旧字体 → 新字体: compatibility ideographs by NFKC, then the 常用漢字表 table (kyuji.ts). */
function kyuji(s: string): string {
  let out = "";
  for (const c of s.replace(COMPAT_CHAR, (c) => c.normalize("NFKC"))) out += KYUJI_TO_SHINJI.get(c) ?? c;
  return out;
}

/** 二十三 → 23, 百五 → 105, 一〇 → 10. */
export function kanjiNumber(k: string): number {
  const codes = Uint16Array.from(k, (c) => c.charCodeAt(0));
  return kanjiValue(codes, 0, codes.length);
}

// 住所 step. In regular-expression terms (the tests restate it so):
//   1. /[〇一二三四五六七八九十百千]+(?=丁目|番地|番|号|[のノ]|条|線|[-‐‑‒–—―−ー]|$)/ → the number in digits
//      (kanji numerals are read only before an address unit, a dash or the end, so 四日市, 八王子, 十日町 stay);
//   2. /(?<=[0-9])(?:丁目|番地|番|号|[‐‑‒–—―−ー])/ → "-";
//   3. /(?<=[0-9-])[のノ](?=[0-9])/ → "-";
//   4. /-{2,}/ → "-", then /-(?![0-9])/ → "" (一丁目二番地三号 → 1-2-3, 3号室 → 3室).
// Written as scans because B04 folds every record's address.

const code = (c: string) => c.charCodeAt(0);
/** Kanji numeral → its value (digits 0–9, units 10/100/1000). */
const KANJI_VALUE: ReadonlyMap<number, number> = new Map([..."〇一二三四五六七八九"].map((c, i) => [code(c), i] as [number, number]).concat([
  [code("十"), 10], [code("百"), 100], [code("千"), 1000],
]));
const DASH_CODES = new Set([..."‐‑‒–—―−ー"].map(code));
/** The same two sets as a per-code-unit table (the address fold tests every character of every address). */
const IS_KANJI_NUMERAL = new Uint8Array(0x10000);
for (const c of KANJI_VALUE.keys()) IS_KANJI_NUMERAL[c] = 1;
const IS_DASH = new Uint8Array(0x10000);
for (const c of DASH_CODES) IS_DASH[c] = 1;
const [CHO, ME, BAN, CHI, GO, NO_H, NO_K, JO, SEN] = [..."丁目番地号のノ条線"].map(code);
const HYPHEN = 0x2d;
const isDigit = (c: number) => c >= 48 && c <= 57;

function addressNumerals(s: string): string {
  const n = s.length;
  const big = n * 4 > SCRATCH;
  const a = big ? new Uint16Array(n * 4) : ADDR_A;
  for (let i = 0; i < n; i++) a[i] = s.charCodeAt(i);
  const m = addressNumeralCodes(a, n, big ? new Uint16Array(n * 4) : ADDR_B);
  return String.fromCharCode.apply(null, a.subarray(0, m) as unknown as number[]);
}

/** Scratch buffers: pass 1 can make the text up to 4× longer (千 → 1000). */
const SCRATCH = 16_384;
const ADDR_A = new Uint16Array(SCRATCH);
const ADDR_B = new Uint16Array(SCRATCH);

/**
 * The 住所 step on char codes in `a[0..n)`, with `b` as scratch space (both at least 4n long); the result is left
 * in `a` and its length returned.
 */
function addressNumeralCodes(a: Uint16Array, n: number, b: Uint16Array): number {
  // 1: maximal runs of kanji numerals followed by a unit, の/ノ, 条, 線, a dash or the end → digits
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (IS_KANJI_NUMERAL[a[i]] === 0) {
      b[m++] = a[i];
      continue;
    }
    let j = i;
    while (j + 1 < n && IS_KANJI_NUMERAL[a[j + 1]] === 1) j++;
    const next = j + 1 < n ? a[j + 1] : -1;
    const unit = next === -1 || next === BAN || next === GO || next === NO_H || next === NO_K || next === JO || next === SEN ||
      next === HYPHEN || (next >= 0 && IS_DASH[next] === 1) || (next === CHO && j + 2 < n && a[j + 2] === ME);
    if (unit) {
      const digits = String(kanjiValue(a, i, j + 1));
      for (let k = 0; k < digits.length; k++) b[m++] = digits.charCodeAt(k);
    } else for (let k = i; k <= j; k++) b[m++] = a[k];
    i = j;
  }
  // 2: units and dash variants right after a digit → "-" (looking back at pass 1's text)
  n = 0;
  for (let i = 0; i < m; i++) {
    const c = b[i];
    if (i > 0 && isDigit(b[i - 1])) {
      if ((c === CHO && b[i + 1] === ME && i + 1 < m) || (c === BAN && b[i + 1] === CHI && i + 1 < m)) {
        a[n++] = HYPHEN;
        i++;
        continue;
      }
      if (c === BAN || c === GO || IS_DASH[c] === 1) {
        a[n++] = HYPHEN;
        continue;
      }
    }
    a[n++] = c;
  }
  // 3: の/ノ between a digit (or "-") and a digit → "-"
  for (let i = 1; i + 1 < n; i++) {
    if ((a[i] === NO_H || a[i] === NO_K) && (isDigit(a[i - 1]) || a[i - 1] === HYPHEN) && isDigit(a[i + 1])) b[i] = HYPHEN;
    else b[i] = a[i];
  }
  if (n > 0) b[0] = a[0];
  if (n > 1) b[n - 1] = a[n - 1];
  // 4: a run of "-" stays as one "-" only when a digit follows it
  m = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== HYPHEN) {
      a[m++] = b[i];
      continue;
    }
    let j = i;
    while (j + 1 < n && b[j + 1] === HYPHEN) j++;
    if (j + 1 < n && isDigit(b[j + 1])) a[m++] = HYPHEN;
    i = j;
  }
  return m;
}

function kanjiValue(a: Uint16Array, from: number, to: number): number {
  let total = 0;
  let current = 0;
  let seenDigit = false;
  for (let i = from; i < to; i++) {
    const v = KANJI_VALUE.get(a[i])!;
    if (v < 10) {
      current = current * 10 + v;
      seenDigit = true;
    } else {
      total += (seenDigit ? current : 1) * v;
      current = 0;
      seenDigit = false;
    }
  }
  return total + current;
}

const STEPS: readonly Step[] = [
  { kind: "space", apply: (s) => s.replace(SPACES, "") },
  { kind: "width", apply: width },
  { kind: "kana-script", apply: kanaScript },
  { kind: "small-kana", apply: smallKana },
  { kind: "kyuji", apply: kyuji },
  { kind: "address-numerals", apply: addressNumerals, addressOnly: true },
];

// ---- the API -------------------------------------------------------------------------------------------------

export interface LenientOptions {
  /** Apply the 住所 step (漢数字, 丁目/番地/番/号/の). */
  address?: boolean;
}

function run(s: string, o: LenientOptions, skip?: DifferenceKind, upTo = STEPS.length): string {
  let out = s;
  for (let i = 0; i < upTo; i++) {
    const step = STEPS[i];
    if (step.kind === skip || (step.addressOnly && !o.address)) continue;
    out = step.apply(out);
  }
  return out;
}

/** The lenient form of a value (every step; the 住所 step only with `address`). */
export function lenient(s: string, o: LenientOptions = {}): string {
  return run(s, o);
}

// ---- the same, fast: B04 folds three values of every record ------------------------------------------------------

/** Per UTF-16 code unit: the result of every non-address step on that unit alone. */
const UNKNOWN = -1;
const COMPLEX = -2;
const DELETE = -3;
const CHAR_FOLD = new Int32Array(0x10000).fill(UNKNOWN);
/** Units whose fold depends on their neighbours (combining marks, half-width ﾞﾟ, Hangul jamo); surrogates too. */
const CONTEXTUAL = /[\p{M}\uff9e\uff9f\p{Script=Hangul}]/u;

function charFold(code: number): number {
  let f = CHAR_FOLD[code];
  if (f !== UNKNOWN) return f;
  const ch = String.fromCharCode(code);
  if ((code >= 0xd800 && code <= 0xdfff) || CONTEXTUAL.test(ch)) f = COMPLEX;
  else {
    const out = run(ch, {});
    f = out.length === 0 ? DELETE : out.length === 1 && !CONTEXTUAL.test(out) ? out.charCodeAt(0) : COMPLEX;
  }
  CHAR_FOLD[code] = f;
  return f;
}

/**
 * Exactly `lenient(s, o)`, computed one code unit at a time through a lazily filled table (≈ 10× faster on
 * names); values with context-dependent characters take the full path.
 */
export function lenientFast(s: string, o: LenientOptions = {}): string {
  const n = foldCodes(s, o);
  if (n < 0) return lenient(s, o);
  if (n === SAME) return s;
  return String.fromCharCode.apply(null, BUFFER.subarray(0, n) as unknown as number[]);
}

/** foldCodes: the value folds to itself. */
const SAME = -2;

/**
 * Folds `s` into BUFFER and returns the number of code units; SAME when the fold is `s` itself (not for addresses),
 * -1 when the value needs the full path (context-dependent characters, very long values).
 */
function foldCodes(s: string, o: LenientOptions): number {
  if (s.length * 4 > BUFFER.length) return -1;
  let n = 0;
  let same = true;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    const voiced = next === 0xff9e || next === 0xff9f;
    const f = voiced ? voicedFold(code, next) : charFold(code);
    if (f === COMPLEX) return -1;
    if (f >= 0) BUFFER[n++] = f;
    if (voiced) i++;
    if (f !== code || voiced) same = false;
  }
  if (o.address) return addressNumeralCodes(BUFFER, n, ADDR_B);
  return same ? SAME : n;
}

/**
 * The 32-bit FNV-1a of `lenient(s, o)` (never 0; 0 when it folds to ""), hashed straight from the fold's code
 * units without building the string: B04 fingerprints three folded values of every record.
 */
export function lenientFingerprint32(s: string, o: LenientOptions = {}): number {
  const n = foldCodes(s, o);
  let h = 0x811c9dc5;
  if (n === SAME || n < 0) {
    const t = n === SAME ? s : lenient(s, o);
    if (t === "") return 0;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    return h >>> 0 || 1;
  }
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ BUFFER[i], 0x01000193);
  return h >>> 0 || 1;
}

/** Scratch space for lenientFast (values longer than a quarter of it take the full path). */
const BUFFER = new Uint16Array(SCRATCH);

/** Half-width kana + ﾞ/ﾟ (ｶﾞ → ガ): the pair folds as a whole. */
const VOICED_FOLD = new Map<number, number>();

function voicedFold(code: number, mark: number): number {
  const key = code * 2 + (mark === 0xff9f ? 1 : 0);
  let f = VOICED_FOLD.get(key);
  if (f === undefined) {
    const pair = String.fromCharCode(code, mark);
    const out = charFold(code) < 0 ? "" : run(pair, {});
    f = out.length === 1 && !CONTEXTUAL.test(out) ? out.charCodeAt(0) : COMPLEX;
    VOICED_FOLD.set(key, f);
  }
  return f;
}

export interface NotationDifference {
  /** True when the two values are equal after lenient normalisation. */
  equal: boolean;
  /** The kinds of difference that lenient normalisation had to remove (empty when not `equal`). */
  kinds: DifferenceKind[];
}

/**
 * Explains how `a` and `b` differ. A kind is named when leaving its step out keeps the values apart; when no
 * single step is needed (several would each do), the step after which they first become equal is named.
 */
export function explainDifference(a: string, b: string, o: LenientOptions = {}): NotationDifference {
  if (a === b) return { equal: true, kinds: [] };
  if (run(a, o) !== run(b, o)) return { equal: false, kinds: [] };
  const kinds: DifferenceKind[] = [];
  for (const step of STEPS) {
    if (step.addressOnly && !o.address) continue;
    if (run(a, o, step.kind) !== run(b, o, step.kind)) kinds.push(step.kind);
  }
  if (kinds.length === 0) {
    for (let i = 1; i <= STEPS.length; i++) {
      if (run(a, o, undefined, i) === run(b, o, undefined, i)) {
        kinds.push(STEPS[i - 1].kind);
        break;
      }
    }
  }
  return { equal: true, kinds };
}
