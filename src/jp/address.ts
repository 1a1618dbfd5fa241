// Address reader for Z09/A01: finds 都道府県, [郡], 市区町村 and 政令指定都市の区 at the start of a 住所, by tries built once.
import { createFolded, foldInto, foldKey, type Folded } from "./address-folding.js";
import { FoldedTrie, NO_MATCH } from "./folded-trie.js";
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

type WardEntry = { place: Place; dissolved?: undefined } | { place?: undefined; dissolved: DissolvedWard };

/** One place a matched name may be, with what reading it further needs, worked out once. */
interface PlaceInfo {
  place: Place;
  /** The name as the master spells it (the ward's for a ward), to pick among places that fold alike. */
  spelling: string;
  isWard: boolean;
  /** The wards of a 政令指定都市 (named without a ward), read next. */
  cityWards: FoldedTrie<WardEntry> | undefined;
}

/** What one folded name in a trie means. */
interface NameMatch {
  /** Every place of the name, in master order (a reading's candidates; never changed). */
  places: readonly Place[];
  /** The places that give different corrected addresses (two 泊村 of 北海道 are one). */
  distinct: readonly PlaceInfo[];
  /** The only distinct place (the common case, one load away), or undefined when there are several. */
  only: PlaceInfo | undefined;
  /** Every place is a 市 (so a 郡 written before it is outdated). */
  allCities: boolean;
}

/**
 * 東京都 island municipalities written with their island, as the postal and resident registers do.
 * 大島町, 利島村, 新島村, 神津島村, 御蔵島村, 青ヶ島村 and 小笠原村 already carry their island's name.
 */
export const ISLAND_FORMS: readonly { prefCode: string; form: string; municipality: string }[] = [
  { prefCode: "13", form: "三宅島三宅村", municipality: "三宅村" },
  { prefCode: "13", form: "八丈島八丈町", municipality: "八丈町" },
];

/** The names one prefecture's addresses are read with: its municipalities (and island forms), and its wards. */
interface PrefectureNames {
  prefecture: Prefecture;
  municipalities: FoldedTrie<NameMatch>;
  wards: FoldedTrie<NameMatch>;
}

// Each trie holds only the names one kind of lookup accepts, so a lookup needs no filter.
const FULL_PREFECTURES = new FoldedTrie<PrefectureNames>();
/** 東京, 大阪, 神奈川 … (北海道 has no stem). */
const STEM_PREFECTURES = new FoldedTrie<PrefectureNames>();
/** Every municipality, island form and ward in Japan. */
const ALL_NAMES = new FoldedTrie<NameMatch>();
/** Every municipality and island form in Japan (no wards): what may follow a 郡. */
const ALL_MUNICIPALITIES = new FoldedTrie<NameMatch>();
/** Per 政令指定都市: its current and dissolved wards. */
const WARD_TRIES = new Map<Municipality, FoldedTrie<WardEntry>>();

/** Folded name → the places of that name in master order, gathered before a trie is built. */
type PlacesByName = Map<string, Place[]>;

function gather(into: PlacesByName, name: string, place: Place): void {
  const key = foldKey(name);
  const list = into.get(key);
  if (list) list.push(place);
  else into.set(key, [place]);
}

function buildIndexes(): void {
  const all: PlacesByName = new Map();
  const municipalitiesOnly: PlacesByName = new Map();
  const ofPrefecture = new Map<Prefecture, { municipalities: PlacesByName; wards: PlacesByName }>();
  const addMunicipality = (name: string, place: Place) => {
    gather(all, name, place);
    gather(municipalitiesOnly, name, place);
    gather(ofPrefecture.get(place.prefecture)!.municipalities, name, place);
  };
  for (const prefecture of PREFECTURES) {
    ofPrefecture.set(prefecture, { municipalities: new Map(), wards: new Map() });
    for (const municipality of prefecture.municipalities) {
      addMunicipality(municipality.name, { prefecture, municipality, display: municipality.name });
      if (!municipality.wards) continue;
      const wardEntries = new Map<string, WardEntry>();
      for (const ward of municipality.wards) {
        const place: Place = { prefecture, municipality, display: municipality.name, ward };
        if (!wardEntries.has(foldKey(ward.name))) wardEntries.set(foldKey(ward.name), { place });
        gather(all, ward.name, place);
        gather(ofPrefecture.get(prefecture)!.wards, ward.name, place);
      }
      for (const dissolved of municipality.dissolvedWards ?? []) {
        if (!wardEntries.has(foldKey(dissolved.name))) wardEntries.set(foldKey(dissolved.name), { dissolved });
      }
      WARD_TRIES.set(municipality, trieOf(wardEntries));
    }
  }
  for (const island of ISLAND_FORMS) {
    const prefecture = PREFECTURES.find((p) => p.code === island.prefCode)!;
    const municipality = prefecture.municipalities.find((m) => m.name === island.municipality)!;
    addMunicipality(island.form, { prefecture, municipality, display: island.form });
  }
  fillNameTrie(ALL_NAMES, all);
  fillNameTrie(ALL_MUNICIPALITIES, municipalitiesOnly);
  for (const [prefecture, names] of ofPrefecture) {
    const own: PrefectureNames = {
      prefecture,
      municipalities: fillNameTrie(new FoldedTrie(), names.municipalities),
      wards: fillNameTrie(new FoldedTrie(), names.wards),
    };
    FULL_PREFECTURES.add(foldKey(prefecture.name), own);
    if (/[都府県]$/.test(prefecture.name)) STEM_PREFECTURES.add(foldKey(prefecture.name.slice(0, -1)), own);
  }
}

function trieOf<T>(values: Map<string, T>): FoldedTrie<T> {
  const trie = new FoldedTrie<T>();
  for (const [key, value] of values) trie.add(key, value);
  return trie;
}

function fillNameTrie(trie: FoldedTrie<NameMatch>, byName: PlacesByName): FoldedTrie<NameMatch> {
  for (const [key, places] of byName) {
    const distinct = distinctPlaces(places).map(placeInfo);
    const only = distinct.length === 1 ? distinct[0] : undefined;
    trie.add(key, { places, distinct, only, allCities: places.every((p) => p.municipality.kind === "city") });
  }
  return trie;
}

function placeInfo(place: Place): PlaceInfo {
  const cityWards = place.municipality.wards && !place.ward ? WARD_TRIES.get(place.municipality) : undefined;
  return { place, spelling: place.ward ? place.ward.name : place.display, isWard: place.ward !== undefined, cityWards };
}
buildIndexes();

const KANJI_GUN = "郡".charCodeAt(0);
const KANJI_KU = "区".charCodeAt(0);
const KANJI_SHI = "市".charCodeAt(0);
const KANJI_MACHI = "町".charCodeAt(0);
const KANJI_MURA = "村".charCodeAt(0);
const POSTAL_MARK = "〒".charCodeAt(0);
/** Longest 郡 name we allow before 郡 (real ones have 1–4 characters: 西多摩, 東津軽, 北安曇 …). */
const MAX_COUNTY_CHARS = 6;
/** Longest ward name we treat as "a ward was written" when it is not one of the city's (real ones: 1–4). */
const MAX_UNKNOWN_WARD_CHARS = 4;
/** Characters a 郡 name never holds (郡 names may hold 市町村: 余市郡, 東村山郡): digits and "-". */
function isCountyBreaker(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d;
}
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
  const pref = FULL_PREFECTURES.match(f, start);
  if (pref !== NO_MATCH) {
    const { prefecture, municipalities, wards } = FULL_PREFECTURES.valueAt(pref);
    const at = start + FULL_PREFECTURES.keyLength(pref);
    const prefectureEnd = f.pos[at];
    const reading =
      readMunicipality(f, at, municipalities, municipalities, "ok") ??
      readWardWithoutCity(f, at, wards) ??
      readMunicipality(f, at, ALL_NAMES, ALL_MUNICIPALITIES, "wrongPrefecture") ??
      newReading("noMunicipality", prefectureEnd);
    reading.prefecture = prefecture;
    reading.prefectureForm = "full";
    reading.prefectureEnd = prefectureEnd;
    return reading;
  }
  const bare = readMunicipality(f, start, ALL_NAMES, ALL_MUNICIPALITIES, "noPrefecture");
  if (bare) {
    bare.prefectureEnd = f.pos[start];
    return bare;
  }
  const stem = STEM_PREFECTURES.match(f, start);
  if (stem !== NO_MATCH) {
    const { prefecture, municipalities } = STEM_PREFECTURES.valueAt(stem);
    const at = start + STEM_PREFECTURES.keyLength(stem);
    const reading = readMunicipality(f, at, municipalities, municipalities, "noPrefecture");
    if (reading) {
      reading.prefecture = prefecture;
      reading.prefectureForm = "stem";
      reading.prefectureEnd = f.pos[at];
      return reading;
    }
  }
  return newReading("nothing", f.pos[start]);
}

const NO_PLACES: readonly Place[] = Object.freeze([]);

/** A reading with every key present (one object shape), positioned at original index `at`. */
function newReading(status: ReadingStatus, at: number, candidates = NO_PLACES): AddressReading {
  return {
    status,
    prefecture: undefined,
    prefectureForm: undefined,
    prefectureEnd: at,
    place: undefined,
    candidates,
    countyStart: undefined,
    countyBeforeCity: false,
    municipalityStart: at,
    restStart: at,
    wardStatus: "notDesignatedCity",
    dissolvedWard: undefined,
  };
}

/**
 * The municipality starting at folded index `at` — a name of `names` directly, or one of `countyNames` after
 * 〇〇郡 — whichever reading reaches further.
 */
function readMunicipality(
  f: Folded,
  at: number,
  names: FoldedTrie<NameMatch>,
  countyNames: FoldedTrie<NameMatch>,
  status: ReadingStatus,
): AddressReading | undefined {
  const direct = names.match(f, at);
  const directEnd = direct === NO_MATCH ? -1 : at + names.keyLength(direct);
  const last = Math.min(f.length - 1, at + MAX_COUNTY_CHARS);
  for (let j = at + 1; j <= last; j++) {
    const c = f.codes[j];
    if (c === KANJI_GUN) {
      const county = countyNames.match(f, j + 1);
      const countyEnd = county === NO_MATCH ? -1 : j + 1 + countyNames.keyLength(county);
      if (county !== NO_MATCH && countyEnd > directEnd) {
        const name = countyNames.valueAt(county);
        const r = finish(f, status, j + 1, countyEnd, name);
        r.countyStart = f.pos[at];
        r.countyBeforeCity = name.allCities;
        return r;
      }
      break;
    }
    if (isCountyBreaker(c)) break;
  }
  return direct === NO_MATCH ? undefined : finish(f, status, at, directEnd, names.valueAt(direct));
}

/** A ward of one of the prefecture's 政令指定都市 (`wards`), written without the city. */
function readWardWithoutCity(f: Folded, at: number, wards: FoldedTrie<NameMatch>): AddressReading | undefined {
  const ward = wards.match(f, at);
  return ward === NO_MATCH ? undefined : finish(f, "wardWithoutCity", at, at + wards.keyLength(ward), wards.valueAt(ward));
}

/** Builds a reading from one matched name, then reads a 政令指定都市's ward when one city is meant. */
function finish(f: Folded, status: ReadingStatus, nameStart: number, nameEnd: number, name: NameMatch): AddressReading {
  const reading = newReading(status, f.pos[nameStart], name.places);
  reading.restStart = f.pos[nameEnd];
  const one = name.only ?? exactlySpelt(name.distinct, f, nameStart, nameEnd);
  if (!one) return reading;
  reading.place = one.place;
  if (one.isWard) reading.wardStatus = "ok";
  else if (one.cityWards) readWard(f, nameEnd, one.cityWards, reading);
  return reading;
}

/** The ward after a 政令指定都市's name (at folded index `at`): current, dissolved, unknown or missing. */
function readWard(f: Folded, at: number, cityWards: FoldedTrie<WardEntry>, reading: AddressReading): void {
  const node = cityWards.match(f, at);
  const ward = node === NO_MATCH ? undefined : cityWards.valueAt(node);
  if (ward) reading.restStart = f.pos[at + cityWards.keyLength(node)];
  if (ward?.place) {
    reading.place = ward.place;
    reading.wardStatus = "ok";
  } else if (ward?.dissolved) {
    reading.wardStatus = "dissolved";
    reading.dissolvedWard = ward.dissolved;
  } else {
    const unknownEnd = unknownWardEnd(f, at);
    reading.wardStatus = unknownEnd < 0 ? "missing" : "unknown";
    if (unknownEnd >= 0) reading.restStart = f.pos[unknownEnd];
  }
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
 * When folding made names meet (鹿嶋市 of 茨城県 and 鹿島市 of 佐賀県): the only place spelt exactly as written.
 */
function exactlySpelt(places: readonly PlaceInfo[], f: Folded, nameStart: number, nameEnd: number): PlaceInfo | undefined {
  const written = source.slice(f.pos[nameStart], f.pos[nameEnd]).replace(/[ \u3000\t\u00a0]/g, "");
  const exact = places.filter((p) => p.spelling === written);
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
  const codes = f.codes;
  const mark = f.length > 0 && codes[0] === POSTAL_MARK ? 1 : 0;
  let k = mark;
  let digits = 0;
  for (; k < f.length; k++) {
    const c = codes[k];
    if (isDigitCode(c)) digits++;
    else if (c !== 0x2d || digits !== 3) break;
  }
  return digits === 7 && !(k < f.length && isDigitCode(codes[k])) ? k : mark;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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
  for (let i = 0; i < address.length; i++) if (isMunicipalityChar(address.charCodeAt(i))) return false;
  return true;
}

function isMunicipalityChar(c: number): boolean {
  return c === KANJI_SHI || c === KANJI_KU || c === KANJI_GUN || c === KANJI_MACHI || c === KANJI_MURA;
}
