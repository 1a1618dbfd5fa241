// Non-address text in a 住所 (住所不定, 入院中, 同上, a phone number, NULL …): what the server's Z09 is meant to catch.

/** Phrases that are never part of an address, wherever they occur (seed 003 l.785; SPEC §3 Z09). */
export const NON_ADDRESS_PHRASES: readonly string[] = [
  "住所不定", "住居不定", "入院中", "入所中", "施設入所", "不明", "不詳", "同上",
];

/** Values that are non-address text only when they are the whole 住所 (they may occur inside real addresses). */
export const NON_ADDRESS_VALUES: readonly string[] = ["なし", "無し", "無", "〃", "未定", "調査中", "未登録", "記載なし"];

/** ASCII placeholders a system or a spreadsheet writes for "no value", matched as whole words. */
export const PLACEHOLDER_WORDS: readonly string[] = ["null", "undefined", "nan", "n/a", "none", "unknown", "tbd"];

export type NonAddressKind = "phrase" | "phone" | "ascii";

/** Where the non-address text is; `phrase` is one of the tables above (never personal data). */
export interface NonAddressText {
  kind: NonAddressKind;
  phrase?: string;
  start: number;
  end: number;
}

const SPACES = /^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g;
const PHRASE_RE = new RegExp(NON_ADDRESS_PHRASES.join("|"));
const DIGIT = "[0-9０-９]";
const PHONE_SEP = "[-－‐−―ー(（)）]";
/** 0 + 9 or 10 more digits, optionally grouped (03-1234-5678, 090(1234)5678, ０３１２３４５６７８). */
const PHONE_RE = new RegExp(
  `(?<!${DIGIT})[0０]${DIGIT}{1,4}${PHONE_SEP}?${DIGIT}{1,4}${PHONE_SEP}?${DIGIT}{3,4}(?!${DIGIT})`,
  "g",
);
const PHONE_LABEL_RE = /(?:TEL|ＴＥＬ|Tel|tel|電話|携帯|連絡先)[:：]?[ \u3000]*$/;
const PLACEHOLDER_RE = new RegExp(
  `(?<![a-z])(?:${PLACEHOLDER_WORDS.map((w) => w.replace("/", "\\/")).join("|")})(?![a-z])`,
  "i",
);
const OPENERS = "（(【［[「『";
const CLOSERS = "）)】］]」』";

function toAscii(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function digitCount(s: string): number {
  let n = 0;
  for (const c of s) if (/[0-9０-９]/.test(c)) n++;
  return n;
}

// One pass over the address classifies its code units, so the searches below run only when they can match.
const SPACE = 1;
const DIGIT_UNIT = 2;
const PHONE_SEP_UNIT = 4;
const LETTER = 8;
/** Printable ASCII, its full-width twins and the spaces: a value of only these (and no digit) is an ASCII word. */
const ASCII_LIKE = 16;
const PHRASE_START = 32;

/**
 * Code unit → its flags, as two levels (high byte → page, low byte → flags): only the pages that hold a flagged
 * unit are stored, so the table a kanji address touches stays small and in cache.
 */
const PAGE_OF = new Uint8Array(256);
let pages = new Uint8Array(256);

function flagUnit(c: number, flag: number): void {
  let page = PAGE_OF[c >> 8];
  if (page === 0) {
    page = pages.length / 256;
    PAGE_OF[c >> 8] = page;
    const grown = new Uint8Array(pages.length + 256);
    grown.set(pages);
    pages = grown;
  }
  pages[page * 256 + (c & 0xff)] |= flag;
}

function unitClass(c: number): number {
  return pages[(PAGE_OF[c >> 8] << 8) | (c & 0xff)];
}

function buildUnitClasses(): void {
  const mark = (chars: Iterable<string>, flag: number) => {
    for (const c of chars) flagUnit(c.charCodeAt(0), flag);
  };
  const range = (from: number, to: number, flag: number) => {
    for (let c = from; c <= to; c++) flagUnit(c, flag);
  };
  mark(" \u3000\t\u00a0", SPACE | ASCII_LIKE);
  range(0x21, 0x7e, ASCII_LIKE);
  range(0xff01, 0xff5e, ASCII_LIKE);
  range(0x30, 0x39, DIGIT_UNIT);
  range(0xff10, 0xff19, DIGIT_UNIT);
  mark("-－‐−―ー(（)）", PHONE_SEP_UNIT);
  range(0x41, 0x5a, LETTER);
  range(0x61, 0x7a, LETTER);
  range(0xff21, 0xff3a, LETTER);
  range(0xff41, 0xff5a, LETTER);
  mark(NON_ADDRESS_PHRASES.map((p) => p[0]), PHRASE_START);
}
buildUnitClasses();

const LONGEST_VALUE = Math.max(...NON_ADDRESS_VALUES.map((v) => v.length));
/** A phone number has 10 or 11 digits, so a run of digits and separators with fewer cannot hold one. */
const PHONE_MIN_DIGITS = 10;

/** The first non-address text in `address`, or undefined. */
export function findNonAddressText(address: string): NonAddressText | undefined {
  const length = address.length;
  let lead = 0;
  while (lead < length && unitClass(address.charCodeAt(lead)) & SPACE) lead++;
  if (lead === length) return undefined;
  let end = length;
  while (unitClass(address.charCodeAt(end - 1)) & SPACE) end--;
  let seen = 0;
  let allAsciiLike = ASCII_LIKE;
  /** Digits in the current run of digits and phone separators, and in the richest run so far. */
  let runDigits = 0;
  let mostRunDigits = 0;
  for (let i = 0; i < length; i++) {
    const k = unitClass(address.charCodeAt(i));
    seen |= k;
    allAsciiLike &= k;
    if (k & (DIGIT_UNIT | PHONE_SEP_UNIT)) {
      if ((k & DIGIT_UNIT) !== 0 && ++runDigits > mostRunDigits) mostRunDigits = runDigits;
    } else runDigits = 0;
  }
  if (end - lead <= LONGEST_VALUE) {
    const trimmed = address.slice(lead, end);
    if (NON_ADDRESS_VALUES.includes(trimmed)) return { kind: "phrase", phrase: trimmed, start: lead, end };
  }
  if (seen & PHRASE_START) {
    const phrase = PHRASE_RE.exec(address);
    if (phrase) return { kind: "phrase", phrase: phrase[0], start: phrase.index, end: phrase.index + phrase[0].length };
  }
  if (allAsciiLike && !(seen & DIGIT_UNIT)) return { kind: "ascii", start: lead, end };
  if (mostRunDigits >= PHONE_MIN_DIGITS) {
    const phone = findPhoneNumber(address);
    if (phone) return phone;
  }
  if (seen & LETTER) {
    const word = PLACEHOLDER_RE.exec(toAscii(address));
    if (word) return { kind: "ascii", start: word.index, end: word.index + word[0].length };
  }
  return undefined;
}

/** The first phone number of 10 or 11 digits, with a label written before it (TEL, 電話 …). */
function findPhoneNumber(address: string): NonAddressText | undefined {
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(address); m; m = PHONE_RE.exec(address)) {
    const n = digitCount(m[0]);
    if (n !== 10 && n !== 11) continue;
    const label = PHONE_LABEL_RE.exec(address.slice(0, m.index));
    const start = label ? label.index : m.index;
    return { kind: "phone", start, end: m.index + m[0].length };
  }
  return undefined;
}

/** `address` without the non-address text (and brackets around it), trimmed; "" when nothing is left. */
export function withoutNonAddressText(address: string, t: NonAddressText): string {
  let { start, end } = t;
  const open = OPENERS.indexOf(address[start - 1] ?? "");
  if (open >= 0 && address[end] === CLOSERS[open]) {
    start--;
    end++;
  }
  return (address.slice(0, start) + address.slice(end)).replace(SPACES, "");
}
