// Kana spellings for the generator: full ↔ half width, small kana written large, hiragana, and one-letter typos.

const FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー";
const HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ";
const TO_HALF = new Map<string, string>([...FULL].map((c, i) => [c, HALF[i]]));

/** Full-width katakana → half-width (ガ → ｶﾞ), U+3000 → U+0020; other characters unchanged. */
export function toHalfWidthKana(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "\u3000") {
      out += " ";
      continue;
    }
    const direct = TO_HALF.get(ch);
    if (direct) {
      out += direct;
      continue;
    }
    const [base, mark] = ch.normalize("NFD");
    const half = TO_HALF.get(base);
    if (half && mark === "\u3099") out += half + "ﾞ";
    else if (half && mark === "\u309a") out += half + "ﾟ";
    else out += ch;
  }
  return out;
}

/** Half-width katakana → full-width (ｶﾞ → ガ), U+0020 → U+3000. */
export function toFullWidthKana(s: string): string {
  return s.normalize("NFKC").replace(/ /g, "\u3000");
}

const SMALL = "ァィゥェォッャュョ";
const LARGE = "アイウエオツヤユヨ";

export function hasSmallKana(s: string): boolean {
  for (const ch of s) if (SMALL.includes(ch)) return true;
  return false;
}

/** Every small kana written large (キョウコ → キヨウコ), as older registries hold them. */
export function smallToLarge(s: string): string {
  let out = "";
  for (const ch of s) {
    const i = SMALL.indexOf(ch);
    out += i >= 0 ? LARGE[i] : ch;
  }
  return out;
}

/** Katakana → hiragana (the kana field typed in ひらがな: K01). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Pairs of kana that are easily confused when typing a reading. */
const TYPO_PAIRS: readonly (readonly [string, string])[] = [
  ["ウ", "オ"], ["シ", "ジ"], ["タ", "ダ"], ["コ", "ゴ"], ["ト", "ド"], ["カ", "ガ"], ["キ", "ギ"],
  ["ハ", "バ"], ["ヒ", "ビ"], ["サ", "ザ"], ["ケ", "ゲ"], ["ホ", "ボ"], ["ツ", "ズ"], ["ユ", "ヨ"],
];

/** The reading with one kana changed into a confusable one (ヒロシ → ビロシ); the same string when none applies. */
export function kanaTypo(s: string, pick: (n: number) => number): string {
  const places: { at: number; to: string }[] = [];
  [...s].forEach((ch, at) => {
    for (const [a, b] of TYPO_PAIRS) {
      if (ch === a) places.push({ at, to: b });
      else if (ch === b) places.push({ at, to: a });
    }
  });
  if (places.length === 0) return s;
  const p = places[pick(places.length)];
  const chars = [...s];
  chars[p.at] = p.to;
  return chars.join("");
}
