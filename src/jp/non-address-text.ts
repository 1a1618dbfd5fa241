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
const LETTERS_RE = /[A-Za-zＡ-Ｚａ-ｚ]/;
const ASCII_ONLY_RE = /^[\x21-\x7e\uff01-\uff5e \u3000\t\u00a0]+$/;
const HAS_DIGIT_RE = /[0-9０-９]/;
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

/** The first non-address text in `address`, or undefined. */
export function findNonAddressText(address: string): NonAddressText | undefined {
  const trimmed = address.replace(SPACES, "");
  if (trimmed === "") return undefined;
  const lead = address.length - address.replace(/^[ \u3000\t\u00a0]+/, "").length;
  if (NON_ADDRESS_VALUES.includes(trimmed)) return { kind: "phrase", phrase: trimmed, start: lead, end: lead + trimmed.length };
  const phrase = PHRASE_RE.exec(address);
  if (phrase) return { kind: "phrase", phrase: phrase[0], start: phrase.index, end: phrase.index + phrase[0].length };
  if (ASCII_ONLY_RE.test(trimmed) && !HAS_DIGIT_RE.test(trimmed)) return { kind: "ascii", start: lead, end: lead + trimmed.length };
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(address); m; m = PHONE_RE.exec(address)) {
    const n = digitCount(m[0]);
    if (n !== 10 && n !== 11) continue;
    const label = PHONE_LABEL_RE.exec(address.slice(0, m.index));
    const start = label ? label.index : m.index;
    return { kind: "phone", start, end: m.index + m[0].length };
  }
  if (LETTERS_RE.test(address)) {
    const word = PLACEHOLDER_RE.exec(toAscii(address));
    if (word) return { kind: "ascii", start: word.index, end: word.index + word[0].length };
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
