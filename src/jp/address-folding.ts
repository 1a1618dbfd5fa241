// Folding for address recognition: width, spaces, ヶ/ケ/が, 旧字体 — both the master and the input are folded alike.
// Folding only decides whether an address is recognised and builds suggestions; it never changes a verdict of
// the server's literal Z09 test and never rewrites the user's data.

/** Characters dropped when folding (the white space a welfare system exports: SP, 全角SP, TAB, NBSP). */
export const ADDRESS_SPACES = " \u3000\t\u00a0";

/** Variant spellings of the small ケ in place names (龍ケ崎市, 茅ヶ崎市, 関が原): all fold to ケ. */
const KE_VARIANTS = "ヶヵケがガ";

/**
 * 旧字体・異体字 → one folding form. Both sides are folded, so the official spelling (塩竈, 檜原, 梼原, 龍ケ崎,
 * 下條, 鰺ヶ沢) and the everyday one (塩釜, 桧原, 檮原, 竜ケ崎, 下条, 鯵ヶ沢) meet. The target need not be
 * the official form. 區 and 邨 are here too: folding recognises 千代田區, while the literal Z09 test still fires.
 */
export const OLD_FORMS: readonly (readonly [variant: string, folded: string])[] = [
  ["竈", "釜"], ["竃", "釜"], ["檜", "桧"], ["檮", "梼"], ["龍", "竜"], ["條", "条"], ["鰺", "鯵"],
  ["區", "区"], ["邨", "村"], ["縣", "県"], ["澤", "沢"], ["濱", "浜"], ["邊", "辺"], ["邉", "辺"],
  ["嶋", "島"], ["嶌", "島"], ["髙", "高"], ["﨑", "崎"], ["嵜", "崎"], ["德", "徳"], ["櫻", "桜"],
  ["廣", "広"], ["國", "国"], ["會", "会"], ["萬", "万"], ["寶", "宝"], ["寳", "宝"], ["淺", "浅"],
  ["峯", "峰"], ["舘", "館"], ["冨", "富"], ["藏", "蔵"], ["眞", "真"], ["驒", "騨"], ["黑", "黒"],
  ["惠", "恵"], ["壽", "寿"], ["實", "実"], ["靜", "静"], ["與", "与"], ["豐", "豊"], ["戶", "戸"],
  ["嶽", "岳"], ["莊", "荘"], ["鄕", "郷"], ["瀧", "滝"], ["曾", "曽"], ["蘆", "芦"], ["穗", "穂"],
  ["靑", "青"], ["淸", "清"], ["槇", "槙"], ["栁", "柳"], ["巖", "巌"], ["溪", "渓"], ["鷄", "鶏"],
  ["榮", "栄"], ["粹", "粋"], ["薰", "薫"], ["瀨", "瀬"], ["槪", "概"], ["圓", "円"],
  ["驛", "駅"], ["舊", "旧"], ["乘", "乗"], ["佛", "仏"], ["獵", "猟"], ["臺", "台"],
];

/** Hyphen and dash variants written in the number part of addresses; folded to "-". */
const DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63";

const HALF_KANA = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ";
const FULL_KANA = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

const VOICED_MARK = 0x309b;
const SEMI_VOICED_MARK = 0x309c;

/** code unit → folded code unit; 0 means "drop". Built once. */
const FOLD = new Uint16Array(0x10000);
/** kana → its voiced / semi-voiced form (0 = none), for ｶﾞ → ガ and カ゛ → ガ. */
const VOICED = new Uint16Array(0x10000);
const SEMI_VOICED = new Uint16Array(0x10000);

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
  for (const ch of ADDRESS_SPACES) FOLD[ch.charCodeAt(0)] = 0;
  for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 0x20;
  for (let c = 0xff21; c <= 0xff3a; c++) FOLD[c] = c - 0xfee0 + 0x20;
  for (let i = 0; i < HALF_KANA.length; i++) FOLD[HALF_KANA.charCodeAt(i)] = FULL_KANA.charCodeAt(i);
  FOLD[0x3099] = VOICED_MARK;
  FOLD[0x309a] = SEMI_VOICED_MARK;
  for (const ch of DASHES) FOLD[ch.charCodeAt(0)] = 0x2d;
  // CJK compatibility ideographs (CP932's 神 U+FA19, 都 U+FA26, 塚 U+FA10 …) fold to their unified twins.
  for (let c = 0xf900; c <= 0xfaff; c++) {
    const n = String.fromCharCode(c).normalize("NFC");
    if (n.length === 1 && n.charCodeAt(0) !== c) FOLD[c] = n.charCodeAt(0);
  }
  for (const [variant, folded] of OLD_FORMS) FOLD[variant.charCodeAt(0)] = folded.charCodeAt(0);
  const ke = "ケ".charCodeAt(0);
  for (const ch of KE_VARIANTS) FOLD[ch.charCodeAt(0)] = ke;
  FOLD["の".charCodeAt(0)] = "ノ".charCodeAt(0);
  for (let c = 0x3041; c <= 0x30fa; c++) {
    const v = (String.fromCharCode(c) + "\u3099").normalize("NFC");
    if (v.length === 1) VOICED[c] = v.charCodeAt(0);
    const s = (String.fromCharCode(c) + "\u309a").normalize("NFC");
    if (s.length === 1) SEMI_VOICED[c] = s.charCodeAt(0);
  }
}
buildTables();

// Addresses are mostly CJK unified ideographs, which fold to themselves but for a few (旧字体). A bitmap of those
// few (2.6 KB) keeps the lookup of an ordinary kanji out of the 128 KB FOLD table, which other work evicts from cache.
const KANJI_FIRST = 0x4e00;
const KANJI_LAST = 0x9fff;
const KANJI_FOLDED = new Int32Array(((KANJI_LAST - KANJI_FIRST) >> 5) + 1);
for (let c = KANJI_FIRST; c <= KANJI_LAST; c++) {
  if (FOLD[c] !== c) KANJI_FOLDED[(c - KANJI_FIRST) >> 5] |= 1 << ((c - KANJI_FIRST) & 31);
}

/** FOLD[c], without touching FOLD for a kanji that folds to itself. */
function foldOf(c: number): number {
  if (c < KANJI_FIRST || c > KANJI_LAST) return FOLD[c];
  const i = c - KANJI_FIRST;
  return KANJI_FOLDED[i >> 5] & (1 << (i & 31)) ? FOLD[c] : c;
}

/** A folded view of a string: folded code units and, for each, the index of its first original code unit. */
export interface Folded {
  codes: Uint16Array;
  /** pos[i] = index in the original string where folded unit i starts; pos[length] = original length. */
  pos: Int32Array;
  length: number;
}

/** Creates a reusable folding buffer (grown on demand by foldInto). */
export function createFolded(capacity = 256): Folded {
  return { codes: new Uint16Array(capacity), pos: new Int32Array(capacity + 1), length: 0 };
}

/** Folds `s` into `out` (reusing its buffers): spaces dropped, widths, ヶ/ケ, 旧字体, ｶﾞ → ガ. */
export function foldInto(s: string, out: Folded): void {
  if (out.codes.length < s.length) {
    out.codes = new Uint16Array(s.length * 2);
    out.pos = new Int32Array(s.length * 2 + 1);
  }
  const codes = out.codes;
  const pos = out.pos;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const f = foldOf(s.charCodeAt(i));
    if (f === 0) continue;
    if ((f === VOICED_MARK || f === SEMI_VOICED_MARK) && n > 0) {
      const prev = codes[n - 1];
      const composed = f === VOICED_MARK ? VOICED[prev] : SEMI_VOICED[prev];
      if (composed !== 0) {
        codes[n - 1] = FOLD[composed];
        continue;
      }
    }
    codes[n] = f;
    pos[n] = i;
    n++;
  }
  pos[n] = s.length;
  out.length = n;
}

const scratch = createFolded();

/** The folded form of `s` as a string (for building keys and for tests of the folding itself). */
export function foldKey(s: string): string {
  foldInto(s, scratch);
  return String.fromCharCode(...scratch.codes.subarray(0, scratch.length));
}
