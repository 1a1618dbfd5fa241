// Address reader for Z09/A01: finds 都道府県, [郡], 市区町村 and 政令指定都市の区 at the start of a 住所, by tries built once.
import { createFolded, foldInto, foldKey, type Folded } from "./address-folding.js";
import { FoldedTrie } from "./folded-trie.js";
import { PREFECTURES, type DissolvedWard, type Municipality, type Prefecture, type Ward } from "./municipalities.js";

/** One current place an address may name: a municipality, or a ward of a 政令指定都市 (then `municipality` is the city). */
export interface Place {
  prefecture: Prefecture;
  municipality: Municipality;
  /** How the municipality is written in a corrected address (the official name, or 三宅島三宅村-style forms). */
  display: string;
  ward?: Ward;
}

export type ReadingStatus =
  /** 都道府県 + a current 市区町村 of it. */
  | "ok"
  /** No 都道府県 (or only its stem, 東京千代田区), but a 市区町村 or ward was recognised: see `candidates`. */
  | "noPrefecture"
  /** A 都道府県, then a 市区町村 or ward name that exists only in other prefectures: see `candidates`. */
  | "wrongPrefecture"
  /** A 都道府県, then a ward of one of its 政令指定都市 without the city: see `candidates`. */
  | "wardWithoutCity"
  /** A 都道府県, then nothing recognisable (invented, misspelt or dissolved 市区町村). */
  | "noMunicipality"
  /** Neither a 都道府県 nor a 市区町村. */
  | "nothing";

/** What follows a 政令指定都市 in the address. */
export type WardStatus = "notDesignatedCity" | "ok" | "missing" | "dissolved" | "unknown";

/** The result of reading the start of an address. Indexes are into the original string. */
export interface AddressReading {
  status: ReadingStatus;
  prefecture?: Prefecture;
  /** "stem" when written without its suffix (東京 for 東京都). */
  prefectureForm?: "full" | "stem";
  /** Where the text after the 都道府県 (or after a leading postal code) starts. */
  prefectureEnd: number;
  /** The recognised place when there is exactly one (always when status is "ok"). */
  place?: Place;
  /** Every place the name could be (status noPrefecture, wrongPrefecture, wardWithoutCity). */
  candidates: readonly Place[];
  /** Start of a 〇〇郡 written before the municipality (the county itself is not validated: the master has none). */
  countyStart?: number;
  /** A 郡 written before a 市: a 市 never belongs to a 郡, so the address is outdated. */
  countyBeforeCity: boolean;
  municipalityStart: number;
  /** Where the text after the municipality and ward starts. */
  restStart: number;
  wardStatus: WardStatus;
  /** The dissolved ward written (浜松市中区 …). */
  dissolvedWard?: DissolvedWard;
}

/** A name in the national index: a municipality (incl. 特別区 and island forms) or a ward of a 政令指定都市. */
interface NameEntry {
  place: Place;
  isWard: boolean;
}

type WardEntry = { ward: Ward; dissolved?: undefined } | { ward?: undefined; dissolved: DissolvedWard };

/**
 * 東京都 island municipalities written with their island, as the postal and resident registers do.
 * 大島町, 利島村, 新島村, 神津島村, 御蔵島村, 青ヶ島村 and 小笠原村 already carry their island's name.
 */
export const ISLAND_FORMS: readonly { prefCode: string; form: string; municipality: string }[] = [
  { prefCode: "13", form: "三宅島三宅村", municipality: "三宅村" },
  { prefCode: "13", form: "八丈島八丈町", municipality: "八丈町" },
];

const PREFECTURE_TRIE = new FoldedTrie<{ prefecture: Prefecture; form: "full" | "stem" }>();
const NAME_TRIE = new FoldedTrie<NameEntry>();
const WARD_TRIES = new Map<Municipality, FoldedTrie<WardEntry>>();

function buildIndexes(): void {
  for (const prefecture of PREFECTURES) {
    PREFECTURE_TRIE.add(foldKey(prefecture.name), { prefecture, form: "full" });
    if (/[都府県]$/.test(prefecture.name)) PREFECTURE_TRIE.add(foldKey(prefecture.name.slice(0, -1)), { prefecture, form: "stem" });
    for (const municipality of prefecture.municipalities) {
      NAME_TRIE.add(foldKey(municipality.name), { place: { prefecture, municipality, display: municipality.name }, isWard: false });
      if (!municipality.wards) continue;
      const wardTrie = new FoldedTrie<WardEntry>();
      for (const ward of municipality.wards) {
        wardTrie.add(foldKey(ward.name), { ward });
        NAME_TRIE.add(foldKey(ward.name), { place: { prefecture, municipality, display: municipality.name, ward }, isWard: true });
      }
      for (const dissolved of municipality.dissolvedWards ?? []) wardTrie.add(foldKey(dissolved.name), { dissolved });
      WARD_TRIES.set(municipality, wardTrie);
    }
  }
  for (const island of ISLAND_FORMS) {
    const prefecture = PREFECTURES.find((p) => p.code === island.prefCode)!;
    const municipality = prefecture.municipalities.find((m) => m.name === island.municipality)!;
    NAME_TRIE.add(foldKey(island.form), { place: { prefecture, municipality, display: island.form }, isWard: false });
  }
}
buildIndexes();

const KANJI_GUN = "郡".charCodeAt(0);
const KANJI_KU = "区".charCodeAt(0);
const POSTAL_MARK = "〒".charCodeAt(0);
/** Longest 郡 name we allow before 郡 (real ones have 1–4 characters: 西多摩, 東津軽, 北安曇 …). */
const MAX_COUNTY_CHARS = 6;
/** Longest ward name we treat as "a ward was written" when it is not one of the city's (real ones: 1–4). */
const MAX_UNKNOWN_WARD_CHARS = 4;
/** Characters a 郡 name never holds (郡 names may hold 市町村: 余市郡, 東村山郡). */
const COUNTY_BREAKERS = new Set([..."0123456789-"].map((c) => c.charCodeAt(0)));
/** Characters that end a would-be ward name: digits, "-", and the markers of the street part. */
const WARD_BREAKERS = new Set([..."0123456789-市町村区丁目番地号"].map((c) => c.charCodeAt(0)));

const folded = createFolded();
/** The address being read (for comparing the exact spelling of a matched name). */
let source = "";
let lastInput: string | undefined;
let lastReading: AddressReading | undefined;

/**
 * Reads the start of `address`: 都道府県 (full, or its stem as a defect), optional 〇〇郡, the longest
 * official 市区町村 name (never splitting 町田市 or 余市町 on their first 市/町), and a 政令指定都市's ward.
 * Folding (width, spaces, ヶ/ケ/が, 旧字体) applies to recognition only. The last result is cached, so the
 * checks that read one record's address share the work.
 */
export function readAddress(address: string): AddressReading {
  if (address === lastInput && lastReading) return lastReading;
  foldInto(address, folded);
  source = address;
  const reading = read(folded);
  lastInput = address;
  lastReading = reading;
  return reading;
}

function read(f: Folded): AddressReading {
  const start = skipPostalCode(f);
  const pref = PREFECTURE_TRIE.longest(f, start, isFullPrefecture);
  if (pref) {
    const prefecture = pref.entries[0].prefecture;
    const prefectureEnd = f.pos[pref.end];
    const reading =
      readMunicipality(f, pref.end, (e) => !e.isWard && e.place.prefecture === prefecture, "ok") ??
      readWardWithoutCity(f, pref.end, prefecture) ??
      readMunicipality(f, pref.end, acceptAny, "wrongPrefecture") ??
      newReading("noMunicipality", prefectureEnd);
    reading.prefecture = prefecture;
    reading.prefectureForm = "full";
    reading.prefectureEnd = prefectureEnd;
    return reading;
  }
  const bare = readMunicipality(f, start, acceptAny, "noPrefecture");
  if (bare) {
    bare.prefectureEnd = f.pos[start];
    return bare;
  }
  const stem = PREFECTURE_TRIE.longest(f, start, isStemPrefecture);
  if (stem) {
    const prefecture = stem.entries[0].prefecture;
    const reading = readMunicipality(f, stem.end, (e) => !e.isWard && e.place.prefecture === prefecture, "noPrefecture");
    if (reading) {
      reading.prefecture = prefecture;
      reading.prefectureForm = "stem";
      reading.prefectureEnd = f.pos[stem.end];
      return reading;
    }
  }
  return newReading("nothing", f.pos[start]);
}

const isFullPrefecture = (e: { form: string }) => e.form === "full";
const isStemPrefecture = (e: { form: string }) => e.form === "stem";
const acceptAny = () => true;

/** A reading with every key present (one object shape), positioned at original index `at`. */
function newReading(status: ReadingStatus, at: number): AddressReading {
  return {
    status,
    prefecture: undefined,
    prefectureForm: undefined,
    prefectureEnd: at,
    place: undefined,
    candidates: [],
    countyStart: undefined,
    countyBeforeCity: false,
    municipalityStart: at,
    restStart: at,
    wardStatus: "notDesignatedCity",
    dissolvedWard: undefined,
  };
}

/** The municipality (directly, or after 〇〇郡) starting at folded index `at`, whichever reading reaches further. */
function readMunicipality(f: Folded, at: number, accept: (e: NameEntry) => boolean, status: ReadingStatus): AddressReading | undefined {
  const direct = NAME_TRIE.longest(f, at, accept);
  for (let j = at + 1; j < f.length && j <= at + MAX_COUNTY_CHARS; j++) {
    const c = f.codes[j];
    if (c === KANJI_GUN) {
      const county = NAME_TRIE.longest(f, j + 1, (e) => !e.isWard && accept(e));
      if (county && (!direct || county.end > direct.end)) {
        const r = finish(f, status, j + 1, county.end, county.entries);
        r.countyStart = f.pos[at];
        r.countyBeforeCity = county.entries.every((e) => e.place.municipality.kind === "city");
        return r;
      }
      break;
    }
    if (COUNTY_BREAKERS.has(c)) break;
  }
  return direct ? finish(f, status, at, direct.end, direct.entries) : undefined;
}

/** A ward of one of the prefecture's 政令指定都市, written without the city. */
function readWardWithoutCity(f: Folded, at: number, prefecture: Prefecture): AddressReading | undefined {
  const ward = NAME_TRIE.longest(f, at, (e) => e.isWard && e.place.prefecture === prefecture);
  return ward ? finish(f, "wardWithoutCity", at, ward.end, ward.entries) : undefined;
}

/** Builds a reading from the entries of one matched name, then reads a 政令指定都市's ward when one city is meant. */
function finish(f: Folded, status: ReadingStatus, nameStart: number, nameEnd: number, entries: NameEntry[]): AddressReading {
  const reading = newReading(status, f.pos[nameStart]);
  reading.candidates = entries.map((e) => e.place);
  reading.restStart = f.pos[nameEnd];
  const place = onePlace(distinctPlaces(reading.candidates), f, nameStart, nameEnd);
  if (!place) return reading;
  reading.place = place;
  if (!place.municipality.wards || place.ward) {
    if (place.ward) reading.wardStatus = "ok";
    return reading;
  }
  const wardTrie = WARD_TRIES.get(place.municipality)!;
  const ward = wardTrie.longest(f, nameEnd, acceptAny);
  if (ward?.entries[0].ward) {
    reading.place = { prefecture: place.prefecture, municipality: place.municipality, display: place.display, ward: ward.entries[0].ward };
    reading.wardStatus = "ok";
    reading.restStart = f.pos[ward.end];
  } else if (ward?.entries[0].dissolved) {
    reading.wardStatus = "dissolved";
    reading.dissolvedWard = ward.entries[0].dissolved;
    reading.restStart = f.pos[ward.end];
  } else {
    const unknownEnd = unknownWardEnd(f, nameEnd);
    reading.wardStatus = unknownEnd < 0 ? "missing" : "unknown";
    if (unknownEnd >= 0) reading.restStart = f.pos[unknownEnd];
  }
  return reading;
}

/** 1–4 name characters then 区 right after a 政令指定都市: a ward that is not the city's. Returns its end or -1. */
function unknownWardEnd(f: Folded, at: number): number {
  for (let j = at + 1; j < f.length && j <= at + MAX_UNKNOWN_WARD_CHARS; j++) {
    const c = f.codes[j];
    if (c === KANJI_KU) return WARD_BREAKERS.has(f.codes[j - 1]) ? -1 : j + 1;
    if (WARD_BREAKERS.has(c)) return -1;
  }
  return -1;
}

/**
 * The only place, or — when folding made names meet (鹿嶋市 of 茨城県 and 鹿島市 of 佐賀県) — the only one
 * spelt exactly as written.
 */
function onePlace(places: readonly Place[], f: Folded, nameStart: number, nameEnd: number): Place | undefined {
  if (places.length <= 1) return places[0];
  const written = source.slice(f.pos[nameStart], f.pos[nameEnd]).replace(/[ \u3000\t\u00a0]/g, "");
  const exact = places.filter((p) => (p.ward ? p.ward.name : p.display) === written);
  return exact.length === 1 ? exact[0] : undefined;
}

/** Candidates that would give different corrected addresses (two 泊村 of 北海道 are one). */
function distinctPlaces(candidates: readonly Place[]): readonly Place[] {
  if (candidates.length <= 1) return candidates;
  const seen = new Set<string>();
  const out: Place[] = [];
  for (const p of candidates) {
    const key = `${p.prefecture.code}|${p.display}|${p.ward?.name ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** A leading postal code (〒123-4567, 〒1234567, 123-4567 followed by the address) is skipped: it is not the 住所. */
function skipPostalCode(f: Folded): number {
  const mark = f.length > 0 && f.codes[0] === POSTAL_MARK ? 1 : 0;
  const isDigit = (k: number) => k < f.length && f.codes[k] >= 0x30 && f.codes[k] <= 0x39;
  let k = mark;
  let digits = 0;
  while (k < f.length && (isDigit(k) || (f.codes[k] === 0x2d && digits === 3))) {
    if (isDigit(k)) digits++;
    k++;
  }
  return digits === 7 && !isDigit(k) ? k : mark;
}

/**
 * The one place a defective address most likely means: the only candidate; else the only one in the
 * prefecture of the 保険者番号 (digits 3–4); else the only one spelt exactly as written; else none.
 */
export function resolvePlace(reading: AddressReading, insurerPrefCode?: string): { place: Place; by: "unique" | "insurerNumber" } | undefined {
  const all = distinctPlaces(reading.candidates);
  if (reading.place && all.length <= 1) return { place: reading.place, by: "unique" };
  if (insurerPrefCode) {
    const local = distinctPlaces(reading.candidates.filter((p) => p.prefecture.code === insurerPrefCode));
    if (local.length === 1) return { place: reading.place?.prefecture.code === insurerPrefCode ? reading.place : local[0], by: "insurerNumber" };
  }
  return reading.place ? { place: reading.place, by: "unique" } : undefined;
}

/** Digits 3–4 of an 8-digit 保険者番号 (法別 2 + 都道府県 2 + …) when they name a prefecture. */
export function insurerPrefectureCode(insurerNumber: string | undefined): string | undefined {
  if (!insurerNumber || !/^\d{8}$/.test(insurerNumber)) return undefined;
  const code = insurerNumber.slice(2, 4);
  return PREFECTURES.some((p) => p.code === code) ? code : undefined;
}

/**
 * The corrected address for `place`: official 都道府県 + the 郡 as written + the municipality (official or
 * island form) + the ward + the rest as written. `ward` overrides the ward (for dissolved wards).
 */
export function correctedAddress(address: string, reading: AddressReading, place: Place, ward: string | undefined = place.ward?.name): string {
  const county = reading.countyStart !== undefined && !reading.countyBeforeCity
    ? address.slice(reading.countyStart, reading.municipalityStart).replace(/[ \u3000\t\u00a0]/g, "")
    : "";
  const rest = address.slice(reading.restStart).replace(/^[ \u3000\t\u00a0]+/, "").replace(/[ \u3000\t\u00a0]+$/, "");
  return place.prefecture.name + county + place.display + (ward ?? "") + rest;
}

/** The server's literal Z09 test: none of 市, 区, 郡, 町, 村 anywhere in the value. */
export function failsServerLiteralTest(address: string): boolean {
  return !/[市区郡町村]/.test(address);
}
