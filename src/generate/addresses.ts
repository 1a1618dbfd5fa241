// Addresses for the generator: 都道府県 + [郡] + 市区町村 + [区] + invented 町名 + 丁目/番地 (+ a building), in the
// writing style of the office, and the postal code that goes with the place.
import type { Place } from "./places.js";
import type { Prng } from "./prng.js";

/** Invented 町名 for cities (common words; none is the start of a municipality name — filtered at start-up). */
const URBAN_TOWNS = `本町 栄町 緑町 旭町 幸町 錦町 若葉 桜木町 東町 西町 南町 北町 大手町 新町 元町 宮前 山手 松原 青葉台
平和 昭和町 大通 駅前 城東 城西 城南 城北 港町 浜町 春日 寿町 花園 富士見 朝日 曙町 柳町 住吉 稲荷 八幡 天神 新田 高見
光が丘 緑が丘 桜ケ丘 見晴台 川端 堀川 南台 北野 東雲 宝町 西原 東原 日の出 若松 弥生 松が丘 御幸 千歳 美園 白山 中町 宮町`.split(/\s+/);

/** Invented 字 names for 町村. */
const RURAL_TOWNS = `上野 下田 北原 南原 東山 西山 本郷 大原 長尾 石原 岩井 松尾 竹田 上原 下原 中原 宮下 川原 大久保 桑原 荻野 平山
上村 下村 中村 北山 南山 前田 後藤 新屋敷 柳原 坂下 坂上 滝ノ上 沢田 堤 古川 寺前 宮脇`.split(/\s+/);

const BUILDINGS = ["グリーンハイツ", "サンハイツ", "コーポ若葉", "メゾン青葉", "ハイツ緑", "ひかり荘", "第二平和荘", "市営住宅", "県営住宅", "シャトー栄"];

const KANJI_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** How one office writes numbers, kana and postal codes (every office has its habits). */
export interface OfficeStyle {
  fullWidthDigits: boolean;
  /** 2-14-5 instead of 2丁目14番5号. */
  hyphens: boolean;
  halfWidthKana: boolean;
  postalHyphen: boolean;
  /** Writes the 郡 before a 町村 when it is known. */
  writesGun: boolean;
}

export function officeStyle(hash: number): OfficeStyle {
  return {
    fullWidthDigits: hash % 100 < 30,
    hyphens: (hash >>> 7) % 100 < 40,
    halfWidthKana: (hash >>> 14) % 100 < 15,
    postalHyphen: (hash >>> 21) % 100 < 85,
    writesGun: (hash >>> 3) % 100 < 70,
  };
}

/** The part after the 町名: 丁目 form, hyphen form or 番地 form. */
export interface Block {
  form: "chome" | "hyphen" | "banchi";
  chome: number;
  ban: number;
  /** 号 (0 = none, in the 番地 form). */
  go: number;
  fullWidth: boolean;
}

export interface Address {
  prefecture: string;
  gun?: string;
  municipality: string;
  ward?: string;
  town: string;
  block: Block;
  /** Written after U+3000, e.g. グリーンハイツ201号室. */
  building?: string;
}

export class Addresses {
  private readonly urban: string[];
  private readonly rural: string[];
  /** 町名 without 市, 区, 郡, 町 or 村 (for the server-literal Z09 case). */
  readonly literalFree: string[];

  constructor(municipalityNames: readonly string[]) {
    const clear = (t: string) => !municipalityNames.some((m) => m.startsWith(t));
    this.urban = URBAN_TOWNS.filter(clear);
    this.rural = RURAL_TOWNS.filter(clear);
    this.literalFree = this.urban.filter((t) => !/[市区郡町村]/.test(t));
  }

  address(place: Place, style: OfficeStyle, rng: Prng): Address {
    const m = place.municipality;
    const rural = (m.kind === "town" || m.kind === "village") && rng.chance(0.7);
    const town = rural ? (rng.chance(0.6) ? "大字" : "") + rng.pick(this.rural) : rng.pick(this.urban);
    const address: Address = {
      prefecture: place.prefecture.name,
      municipality: m.name,
      town,
      block: this.block(rng, style, rural || rng.chance(0.15)),
    };
    if (m.gun && style.writesGun) address.gun = m.gun;
    if (place.ward) address.ward = place.ward;
    if (!rural && rng.chance(0.12)) address.building = `${rng.pick(BUILDINGS)}${rng.range(1, 5)}0${rng.range(1, 9)}号室`;
    return address;
  }

  block(rng: Prng, style: OfficeStyle, banchi: boolean): Block {
    if (banchi) return { form: "banchi", chome: 0, ban: rng.range(1, 2999), go: rng.chance(0.4) ? rng.range(1, 30) : 0, fullWidth: style.fullWidthDigits };
    return { form: style.hyphens ? "hyphen" : "chome", chome: rng.range(1, 9), ban: rng.range(1, 40), go: rng.range(1, 30), fullWidth: style.fullWidthDigits };
  }

  /** A 町名 for the given place, different from `not` (a move within the municipality). */
  otherTown(rng: Prng, rural: boolean, not: string): string {
    for (;;) {
      const t = rng.pick(rural ? this.rural : this.urban);
      if (t !== not && !not.endsWith(t)) return rural && not.startsWith("大字") ? "大字" + t : t;
    }
  }
}

/** Digits in the block's width. */
export function digits(n: number, fullWidth: boolean): string {
  const s = String(n);
  return fullWidth ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
}

/** The block as text; `kanjiChome` writes the 丁目 number in 漢数字 (二丁目), as registries often do. */
export function blockText(b: Block, kanjiChome = false): string {
  const d = (n: number) => digits(n, b.fullWidth);
  switch (b.form) {
    case "banchi":
      return `${d(b.ban)}番地${b.go > 0 ? d(b.go) : ""}`;
    case "hyphen": {
      const dash = b.fullWidth ? "－" : "-";
      return `${d(b.chome)}${dash}${d(b.ban)}${dash}${d(b.go)}`;
    }
    case "chome":
      return `${kanjiChome ? KANJI_DIGITS[b.chome] : d(b.chome)}丁目${d(b.ban)}番${d(b.go)}号`;
  }
}

/** The address as the pieces it is written from (each piece a string the writer encodes once and caches). */
export function addressPieces(a: Address, block: string = blockText(a.block)): string[] {
  const out = [a.prefecture];
  if (a.gun) out.push(a.gun);
  out.push(a.municipality);
  if (a.ward) out.push(a.ward);
  out.push(a.town, block);
  if (a.building) out.push("\u3000", a.building);
  return out;
}

/** A postal code of the place: its municipality's 3-digit prefix and 4 more digits. */
export function postalCode(place: Place, style: OfficeStyle, rng: Prng): string {
  const rest = String(rng.int(10000)).padStart(4, "0");
  return style.postalHyphen ? `${place.municipality.postal3}-${rest}` : `${place.municipality.postal3}${rest}`;
}
