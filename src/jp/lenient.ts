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
 * in `a` and its length returned. `numerals` false says that pass 1 has nothing to do (the caller has checked).
 * Passes 2–4 never lengthen the text and work in place.
 */
function addressNumeralCodes(a: Uint16Array, n: number, b: Uint16Array, numerals = true): number {
  if (numerals) {
    for (let i = 0; i < n; i++) b[i] = a[i];
    n = readKanjiNumerals(b, n, a);
  }
  n = unitsToHyphens(a, n);
  noToHyphens(a, n);
  return joinHyphens(a, n);
}

/** Pass 1, from `a` into `b`: maximal runs of kanji numerals followed by a unit, の/ノ, 条, 線, a dash or the end → digits. */
function readKanjiNumerals(a: Uint16Array, n: number, b: Uint16Array): number {
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
  return m;
}

/**
 * Pass 2, in place: units and dash variants right after a digit → "-". The write position never passes the read
 * position, and a unit it replaces is not a digit either way, so "after a digit" still reads the input.
 */
function unitsToHyphens(a: Uint16Array, m: number): number {
  let n = 0;
  for (let i = 0; i < m; i++) {
    const c = a[i];
    if (i > 0 && isDigit(a[i - 1])) {
      if ((c === CHO && a[i + 1] === ME && i + 1 < m) || (c === BAN && a[i + 1] === CHI && i + 1 < m)) {
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
  return n;
}

/**
 * Pass 3, in place: の/ノ between a digit (or "-") and a digit → "-". A replaced unit is followed by a digit, so no
 * later test reads a replaced unit as its left neighbour.
 */
function noToHyphens(a: Uint16Array, n: number): void {
  for (let i = 1; i + 1 < n; i++) {
    if ((a[i] === NO_H || a[i] === NO_K) && (isDigit(a[i - 1]) || a[i - 1] === HYPHEN) && isDigit(a[i + 1])) a[i] = HYPHEN;
  }
}

/** Pass 4, in place: a run of "-" stays as one "-" only when a digit follows it. */
function joinHyphens(a: Uint16Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] !== HYPHEN) {
      a[m++] = a[i];
      continue;
    }
    let j = i;
    while (j + 1 < n && a[j + 1] === HYPHEN) j++;
    if (j + 1 < n && isDigit(a[j + 1])) a[m++] = HYPHEN;
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
 * The 32-bit FNV-1a of `lenient(s, o)` (never 0; 0 when it folds to ""), hashed while folding, without building
 * the string: B04 fingerprints three folded values of every record.
 */
export function lenientFingerprint32(s: string, o?: LenientOptions): number {
  return o?.address ? addressFingerprint32(s) : nameFingerprint32(s);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv32(t: string): number {
  if (t === "") return 0;
  let h = FNV_OFFSET;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
  return h >>> 0 || 1;
}

/**
 * Names: each folded code unit goes straight into the hash (no buffer, no second loop). A unit's fold is held back
 * one step, because a half-width ﾞ/ﾟ that follows makes the pair fold as one (ｶﾞ → ガ): one read per code unit.
 */
function nameFingerprint32(s: string): number {
  let h = FNV_OFFSET;
  let units = 0;
  let held = DELETE;
  let heldCode = -1;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0xff9e || code === 0xff9f) {
      // a mark with nothing before it (or after a pair) is contextual: the full path decides
      held = heldCode < 0 ? COMPLEX : voicedFold(heldCode, code);
      if (held === COMPLEX) return fnv32(lenient(s));
      heldCode = -1;
      continue;
    }
    if (held >= 0) {
      h = Math.imul(h ^ held, FNV_PRIME);
      units++;
    }
    held = charFold(code);
    if (held === COMPLEX) return fnv32(lenient(s));
    heldCode = code;
  }
  if (held >= 0) {
    h = Math.imul(h ^ held, FNV_PRIME);
    units++;
  }
  return units === 0 ? 0 : h >>> 0 || 1;
}

/**
 * Addresses: folded into BUFFER (as names are) and hashed at once; the 住所 step runs only when a unit and the one
 * before it (or the end) could make it change anything — a quarter of the addresses ("1-2-3", "大字沢田" need nothing),
 * and pass 1 only for a kanji numeral before a unit.
 */
function addressFingerprint32(s: string): number {
  if (s.length * 4 > BUFFER.length) return fnv32(lenient(s, ADDRESS));
  let h = FNV_OFFSET;
  let n = 0;
  let trigger = 0;
  let changes = 0;
  let held = DELETE;
  let heldCode = -1;
  for (let i = 0; i <= s.length; i++) {
    const code = i < s.length ? s.charCodeAt(i) : -1;
    if (code === 0xff9e || code === 0xff9f) {
      held = heldCode < 0 ? COMPLEX : voicedFold(heldCode, code);
      if (held === COMPLEX) return fnv32(lenient(s, ADDRESS));
      heldCode = -1;
      continue;
    }
    if (held >= 0) {
      BUFFER[n++] = held;
      h = Math.imul(h ^ held, FNV_PRIME);
      changes |= trigger & ADDRESS_UNIT[held];
      trigger = ADDRESS_TRIGGER[held];
    }
    if (code < 0) break;
    held = charFold(code);
    if (held === COMPLEX) return fnv32(lenient(s, ADDRESS));
    heldCode = code;
  }
  changes |= trigger & AT_END;
  if (changes === 0) return n === 0 ? 0 : h >>> 0 || 1;
  const m = addressNumeralCodes(BUFFER, n, ADDR_B, (changes & AFTER_NUMERAL) !== 0);
  if (m === 0) return 0;
  h = FNV_OFFSET;
  for (let i = 0; i < m; i++) h = Math.imul(h ^ BUFFER[i], FNV_PRIME);
  return h >>> 0 || 1;
}

const ADDRESS: LenientOptions = { address: true };

// When the 住所 step can change a text, read from its four passes: (1) a kanji numeral run followed by a unit, の/ノ,
// 条, 線, a dash or the end; (2) 丁目, 番, 号 or a dash right after a digit; (3) の/ノ after a digit or "-"; (4) a "-"
// not followed by a digit. Per code unit: what it is when it follows (ADDRESS_UNIT) and which following units would
// change the text (ADDRESS_TRIGGER). The test is conservative (丁 without 目 counts, and so does の after a digit
// not followed by one): a false alarm only costs the full step.
const NOT_DIGIT = 1;
const AFTER_DIGIT = 2;
const AFTER_NUMERAL = 4;
const AT_END = NOT_DIGIT | AFTER_NUMERAL;
const ADDRESS_UNIT = new Uint8Array(0x10000).fill(NOT_DIGIT);
const ADDRESS_TRIGGER = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) {
  ADDRESS_UNIT[c] = 0;
  ADDRESS_TRIGGER[c] = AFTER_DIGIT;
}
for (const c of KANJI_VALUE.keys()) ADDRESS_TRIGGER[c] = AFTER_NUMERAL;
ADDRESS_TRIGGER[HYPHEN] = NOT_DIGIT;
for (const c of [CHO, BAN, GO, NO_H, NO_K, ...DASH_CODES]) ADDRESS_UNIT[c] |= AFTER_DIGIT | AFTER_NUMERAL;
for (const c of [JO, SEN, HYPHEN]) ADDRESS_UNIT[c] |= AFTER_NUMERAL;

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
