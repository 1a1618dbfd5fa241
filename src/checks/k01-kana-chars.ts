// K01: カナ氏名 holding characters other than katakana (either width), ー, ゛゜, ・, ＝ and spaces.
import { defineCheck } from "./define.js";

/** Allowed in カナ氏名 (SPEC §3 K01): code-point ranges, inclusive. */
export const KANA_NAME_ALLOWED: readonly (readonly [from: number, to: number])[] = [
  [0x30a1, 0x30fa], // ァ … ヺ (full-width katakana incl. ヴ ヵ ヶ)
  [0x30fb, 0x30fc], // ・ ー
  [0x309b, 0x309c], // ゛ ゜
  [0xff65, 0xff9f], // ･ ｦ … ﾝ ｰ ﾞ ﾟ (half-width katakana)
  [0xff1d, 0xff1d], // ＝
  [0x003d, 0x003d], // =
  [0x0020, 0x0020], // SP
  [0x3000, 0x3000], // 全角SP
];

const NAME_SPACES = " \u3000\t\u00a0";

function isAllowed(cp: number): boolean {
  for (const [from, to] of KANA_NAME_ALLOWED) if (cp >= from && cp <= to) return true;
  return false;
}

/** 1 for each code unit KANA_NAME_ALLOWED allows (every range is in the BMP, so no surrogate is allowed). */
const ALLOWED_UNIT: Uint8Array = buildAllowedUnits();

function buildAllowedUnits(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const [from, to] of KANA_NAME_ALLOWED) t.fill(1, from, to + 1);
  return t;
}

/** True when every character of `value` is allowed: the common カナ氏名, checked with one table lookup per character. */
function isAllAllowed(value: string): boolean {
  let allowed = 1;
  for (let i = 0; i < value.length; i++) allowed &= ALLOWED_UNIT[value.charCodeAt(i)];
  return allowed === 1;
}

/** Hiragana that has a katakana twin 0x60 above it (ぁ … ゖ). */
const isConvertibleHiragana = (cp: number) => cp >= 0x3041 && cp <= 0x3096;

export interface KanaOffence {
  char: string;
  codePoint: string;
  /** 1-based positions in code points. */
  positions: number[];
}

/** The characters of a カナ氏名 that are not allowed, grouped by character, in order of first occurrence. */
export function kanaOffences(value: string): KanaOffence[] {
  const byChar = new Map<string, KanaOffence>();
  let position = 0;
  for (const ch of value) {
    position++;
    const cp = ch.codePointAt(0)!;
    if (isAllowed(cp)) continue;
    let o = byChar.get(ch);
    if (!o) {
      o = { char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, positions: [] };
      byChar.set(ch, o);
    }
    o.positions.push(position);
  }
  return [...byChar.values()];
}

/** Hiragana → katakana (ぁ … ゖ → ァ … ヶ); other characters unchanged. */
export function hiraganaToKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export default defineCheck({
  meta: {
    code: "K01",
    fields: ["nameKana"],
    messages: {
      hiragana: {
        ja: "カナ氏名にひらがなが {count} 文字あります（カタカナにしてください）",
        en: "The kana name holds {count} hiragana characters (use katakana)",
      },
      invalidChars: {
        ja: "カナ氏名にカタカナ以外の文字が {count} 文字あります",
        en: "The kana name holds {count} characters other than katakana",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const value = rec.fields.nameKana;
        if (!value || isAllAllowed(value)) return; // nothing to report
        if ([...value].every((c) => NAME_SPACES.includes(c))) return;
        const offences = kanaOffences(value);
        if (offences.length === 0) return;
        const count = offences.reduce((n, o) => n + o.positions.length, 0);
        const onlyHiragana = offences.every((o) => isConvertibleHiragana(o.char.codePointAt(0)!));
        ctx.report({
          messageId: onlyHiragana ? "hiragana" : "invalidChars",
          at: rec,
          field: "nameKana",
          suggestion: onlyHiragana ? hiraganaToKatakana(value) : undefined,
          data: { count },
          extra: { chars: offences },
        });
      },
    };
  },
});
