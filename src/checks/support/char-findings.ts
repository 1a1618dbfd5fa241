// Shared by G01–G04: finds the characters of one class in 氏名/カナ氏名/住所 and reports each with its code point, file bytes and position.
import { charBytes, toHex } from "../../input/cell-bytes.js";
import { CHAR_CLASS, CharClass, classifyCodePoint } from "../../jp/jisx0208.js";
import { substituteFor } from "../../jp/substitutes.js";
import type { DataRecord, FieldName } from "../../types.js";
import type { CheckContext } from "../define.js";

/** The fields whose characters the server turns into ●. */
export const CHAR_FIELDS = ["name", "nameKana", "address"] as const satisfies readonly FieldName[];
export type CharField = (typeof CHAR_FIELDS)[number];

/** Half-width katakana are allowed only in the kana field. */
const KANA_FIELD: CharField = "nameKana";

/** One offending character of a field. */
export interface OffendingChar {
  ch: string;
  codePoint: number;
  charClass: CharClass;
  /** 1-based position in the field, in code points. */
  position: number;
  /** 0-based count of the same character earlier in the field (to find its bytes). */
  occurrence: number;
}

function classAt(value: string, i: number, kana: boolean): { cls: CharClass; cp: number; units: number } {
  const unit = value.charCodeAt(i);
  let cls = CHAR_CLASS[unit] as CharClass;
  if (cls === CharClass.Surrogate) {
    const cp = value.codePointAt(i)!;
    if (cp > 0xffff) return { cls: classifyCodePoint(cp), cp, units: 2 };
    return { cls: CharClass.NonJis, cp: unit, units: 1 };
  }
  if (cls === CharClass.HalfWidthKana && kana) cls = CharClass.Allowed;
  return { cls, cp: unit, units: 1 };
}

/** SUSPICIOUS bits: the code unit is not Allowed in カナ氏名 (where half-width katakana are), or in 氏名/住所. */
const IN_KANA_FIELD = 1;
const IN_OTHER_FIELD = 2;

/** Per BMP code unit, the fields where it is not simply Allowed (IN_KANA_FIELD | IN_OTHER_FIELD); 0 for most text. */
const SUSPICIOUS: Uint8Array = buildSuspicious();

function buildSuspicious(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const cls = CHAR_CLASS[unit];
    if (cls === CharClass.Allowed) continue;
    t[unit] = cls === CharClass.HalfWidthKana ? IN_OTHER_FIELD : IN_KANA_FIELD | IN_OTHER_FIELD;
  }
  return t;
}

/**
 * True when every code unit of `value` is Allowed in the field (`inField`: IN_KANA_FIELD or IN_OTHER_FIELD): one
 * table lookup per character, so the common value costs no more than reading it. A surrogate is never common.
 */
function isCommonText(value: string, inField: number): boolean {
  let seen = 0;
  for (let i = 0; i < value.length; i++) seen |= SUSPICIOUS[value.charCodeAt(i)];
  return (seen & inField) === 0;
}

/** Bit mask (1 << CharClass) of the classes other than Allowed present in a value (half-width katakana are Allowed in カナ氏名). */
export function classMask(value: string, kana: boolean): number {
  if (isCommonText(value, kana ? IN_KANA_FIELD : IN_OTHER_FIELD)) return 0;
  let mask = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const cls = CHAR_CLASS[unit];
    if (cls === CharClass.Allowed) continue;
    const c = classAt(value, i, kana);
    if (c.cls !== CharClass.Allowed) mask |= 1 << c.cls;
    i += c.units - 1;
  }
  return mask;
}

/** Where each field's classMask sits in a record mask: 8 bits per field, in CHAR_FIELDS order. */
const FIELD_SHIFT: Record<CharField, number> = { name: 0, nameKana: 8, address: 16 };
/** Copies 8 bits of classes into the place of each of the three fields. */
const EVERY_FIELD = 0x010101;

// The four checks look at the same record one after another: remember the last values and their masks.
let lastName: string | undefined;
let lastNameKana: string | undefined;
let lastAddress: string | undefined;
let lastMask = 0;

/** classMask of 氏名, カナ氏名 and 住所 in one number (see FIELD_SHIFT); 0 when none has a character of note. */
function recordMask(fields: DataRecord["fields"]): number {
  const name = fields.name;
  const nameKana = fields.nameKana;
  const address = fields.address;
  if (name !== lastName || nameKana !== lastNameKana || address !== lastAddress) {
    lastName = name;
    lastNameKana = nameKana;
    lastAddress = address;
    lastMask = valueMask(name, false) | (valueMask(nameKana, true) << FIELD_SHIFT.nameKana) | (valueMask(address, false) << FIELD_SHIFT.address);
  }
  return lastMask;
}

function valueMask(value: string | undefined, kana: boolean): number {
  return value ? classMask(value, kana) : 0;
}

/** Bit mask of the given classes, for offendingChars and reportChars. */
export function classBits(...classes: CharClass[]): number {
  return classes.reduce<number>((m, c) => m | (1 << c), 0);
}

/** The characters whose class is in `bits` (see classBits) in a field's value, in order. */
export function offendingChars(value: string, field: CharField, bits: number): OffendingChar[] {
  const kana = field === KANA_FIELD;
  if ((classMask(value, kana) & bits) === 0) return [];
  const out: OffendingChar[] = [];
  const seen = new Map<string, number>();
  let position = 0;
  for (let i = 0; i < value.length; ) {
    const c = classAt(value, i, kana);
    const ch = value.slice(i, i + c.units);
    position++;
    const occurrence = seen.get(ch) ?? 0;
    seen.set(ch, occurrence + 1);
    if ((bits & (1 << c.cls)) !== 0) out.push({ ch, codePoint: c.cp, charClass: c.cls, position, occurrence });
    i += c.units;
  }
  return out;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** U+FE00–U+FE0F and U+E0100–U+E01EF: variation selectors (IVS), dropped in a suggestion. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

const HALF_WIDTH_KANA_RUN = /[\uff61-\uff9f]+/y;

/** Half-width katakana → full-width (ｶﾞ → ガ), keeping to JIS X 0208 (ﾜﾞ → ワ゛, not ヷ). */
export function fullWidthKana(run: string): string {
  let out = "";
  for (const ch of run.normalize("NFKC")) {
    if ((CHAR_CLASS[ch.charCodeAt(0)] as CharClass) === CharClass.Allowed) out += ch;
    else out += ch.normalize("NFD").replace(/\u3099/g, "゛").replace(/\u309a/g, "゜");
  }
  return out;
}

/** What to type instead of one character, if known (G01 from the office's 外字 table). */
export function charSubstitute(ch: string, cls: CharClass, gaijiMap: ReadonlyMap<string, string> | undefined): string | undefined {
  if (cls === CharClass.UserDefined) return gaijiMap?.get(ch);
  if (cls === CharClass.HalfWidthKana) return fullWidthKana(ch);
  if (isVariationSelector(ch.codePointAt(0)!)) return "";
  return substituteFor(ch);
}

/**
 * The field's value with every character that has a substitute replaced (so every finding on a field
 * shows the same, most complete suggestion); characters without one (●, unknown 外字) stay.
 */
export function suggestValue(value: string, field: CharField, gaijiMap: ReadonlyMap<string, string> | undefined): string {
  const kana = field === KANA_FIELD;
  let out = "";
  for (let i = 0; i < value.length; ) {
    const c = classAt(value, i, kana);
    const ch = value.slice(i, i + c.units);
    i += c.units;
    if (c.cls === CharClass.HalfWidthKana) {
      HALF_WIDTH_KANA_RUN.lastIndex = i - 1;
      const run = HALF_WIDTH_KANA_RUN.exec(value)![0];
      out += fullWidthKana(run);
      i += run.length - 1;
      continue;
    }
    const sub = c.cls === CharClass.Allowed || c.cls === CharClass.Replacement ? undefined : charSubstitute(ch, c.cls, gaijiMap);
    out += sub ?? ch;
  }
  return out;
}

/** Facts every G finding carries (spread into the JSON finding). */
export interface CharFacts {
  char: string;
  codePoint: string;
  bytes: string;
  /** The encoding `bytes` are in: the file's, or "utf-8" when the file's bytes are not available. */
  bytesEncoding: string;
  /** false when the bytes are the character's UTF-8 encoding rather than the file's (XML, in-memory). */
  bytesFromFile: boolean;
  position: number;
  substitute?: string;
}

/**
 * Reports every character whose class is in `bits` (see classBits) in the record's 氏名/カナ氏名/住所,
 * one finding each, in field and position order.
 * `messageIdFor` picks the message; a suggestion is given when the character has a substitute.
 */
export function reportChars(
  ctx: CheckContext,
  rec: DataRecord,
  bits: number,
  messageIdFor: (c: OffendingChar, substitute: string | undefined) => string,
): void {
  const mask = recordMask(rec.fields);
  if ((mask & (bits * EVERY_FIELD)) === 0) return; // the common record: nothing of these classes in any field
  for (let k = 0; k < CHAR_FIELDS.length; k++) {
    const field = CHAR_FIELDS[k];
    const value = rec.fields[field];
    if (!value || ((mask >> FIELD_SHIFT[field]) & bits) === 0) continue;
    const found = offendingChars(value, field, bits);
    const gaijiMap = ctx.options.gaijiMap;
    for (const c of found) {
      const substitute = charSubstitute(c.ch, c.charClass, gaijiMap);
      const bytes = charBytes(rec.raw, field, c.ch, c.occurrence);
      const extra: CharFacts = {
        char: c.ch,
        codePoint: codePointLabel(c.codePoint),
        bytes: toHex(bytes.bytes),
        bytesEncoding: bytes.encoding,
        bytesFromFile: bytes.fromFile,
        position: c.position,
      };
      if (substitute !== undefined) extra.substitute = substitute;
      ctx.report({
        messageId: messageIdFor(c, substitute),
        at: rec,
        field,
        suggestion: substitute !== undefined ? suggestValue(value, field, gaijiMap) : undefined,
        data: { position: c.position, codePoint: extra.codePoint },
        extra: { ...extra },
      });
    }
  }
}
