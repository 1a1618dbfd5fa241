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

const KANJI_DIGIT: Readonly<Record<string, number>> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 二十三 → 23, 百五 → 105, 一〇 → 10. */
export function kanjiNumber(k: string): number {
  let total = 0;
  let current = 0;
  let seenDigit = false;
  for (const c of k) {
    if (c in KANJI_DIGIT) {
      current = current * 10 + KANJI_DIGIT[c];
      seenDigit = true;
    } else {
      total += (seenDigit ? current : 1) * KANJI_UNIT[c];
      current = 0;
      seenDigit = false;
    }
  }
  return total + current;
}

/** Kanji numerals are read only before an address unit or a dash, so 四日市, 八王子, 十日町 stay as they are. */
const KANJI_NUMERAL_BEFORE_UNIT = /[〇一二三四五六七八九十百千]+(?=丁目|番地|番|号|の|条|線|[-‐‑‒–—―−ー]|$)/gu;
const UNIT_AFTER_DIGIT = /(?<=[0-9])(?:丁目|番地|番|号|[‐‑‒–—―−ー])/gu;
const NO_BETWEEN_DIGITS = /(?<=[0-9-])[のノ](?=[0-9])/gu;

/** 住所: 漢数字 → digits, and 丁目/番地/番/号/の and dash variants after a number → "-" (一丁目二番地三号 → 1-2-3). */
function addressNumerals(s: string): string {
  return s
    .replace(KANJI_NUMERAL_BEFORE_UNIT, (k) => String(kanjiNumber(k)))
    .replace(UNIT_AFTER_DIGIT, "-")
    .replace(NO_BETWEEN_DIGITS, "-")
    .replace(/-{2,}/g, "-")
    .replace(/-(?![0-9])/g, "");
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
