// Date parsing for the formats a layout declares: 西暦 (YYYYMMDD, YYYY/MM/DD, YYYY-MM-DD), 和暦 and the 7-digit era code.
import { isAsciiDigits, trimSpaces } from "./blank.js";
import { DEFAULT_DATE_FORMATS, type DateFormat } from "./date-formats.js";

/**
 * Why a value is not a date:
 * - `format`: it does not look like any declared format (`2000/1/1` when only YYYY/MM/DD is declared, `不明`);
 * - `impossible`: it has the shape of a declared format but names no calendar day (`20000000`, `2000/00/00`, 2月30日);
 * - `era-range`: a real calendar day written in an era that did not cover it (平成32年 = 2020, 平成31年5月1日).
 */
export type DateFailure = "format" | "impossible" | "era-range";

export type ParsedDate = { ok: true; ymd: string; format: DateFormat } | DateParseFailure;

export interface DateParseFailure {
  ok: false;
  reason: DateFailure;
  /** For `era-range`: the day the value means if its era is read as continuing. */
  ymd?: string;
  /** For `era-range`: the same day written in the right era, in the value's own style. */
  suggestion?: string;
}

/**
 * Parses `value` with the declared `formats` (empty = the default three). Surrounding white space is ignored.
 * The first format that reads the value as a real day wins; otherwise the most specific failure is returned.
 */
export function parseDate(value: string, formats: readonly string[] = []): ParsedDate {
  for (let i = 0; i < RECENT; i++) {
    if (recentValues[i] === value && recentFormats[i] === formats) return recentResults[i];
  }
  const parsed = parseUncached(value, formats);
  recentValues[next] = value;
  recentFormats[next] = formats;
  recentResults[next] = parsed;
  next = (next + 1) % RECENT;
  return parsed;
}

/**
 * The last few dates parsed: up to four checks (B01, D01, X01, B04) parse the same three date cells of a record
 * one after another. Results are shared: callers must not modify them.
 */
const RECENT = 4;
const recentValues: (string | undefined)[] = new Array(RECENT).fill(undefined);
const recentFormats: (readonly string[] | undefined)[] = new Array(RECENT).fill(undefined);
const recentResults: ParsedDate[] = new Array(RECENT);
let next = 0;

function parseUncached(value: string, formats: readonly string[]): ParsedDate {
  const v = trimSpaces(value);
  const list = formats.length > 0 ? formats : DEFAULT_DATE_FORMATS;
  let failure: DateParseFailure | undefined;
  for (const f of list) {
    const r = PARSERS[f as DateFormat]?.(v);
    if (!r) continue;
    if (r.ok) return r;
    if (!failure || RANK[r.reason] > RANK[failure.reason]) failure = r;
  }
  return failure ?? { ok: false, reason: "format" };
}

const RANK: Record<DateFailure, number> = { format: 0, impossible: 1, "era-range": 2 };

type Parser = (v: string) => ParsedDate | undefined;

const PARSERS: Record<DateFormat, Parser> = {
  YYYYMMDD: parseCompact,
  "YYYY/MM/DD": (v) => western(/^(\d{4})\/(\d{2})\/(\d{2})$/.exec(v), "YYYY/MM/DD"),
  "YYYY-MM-DD": (v) => western(/^(\d{4})-(\d{2})-(\d{2})$/.exec(v), "YYYY-MM-DD"),
  wareki: parseWareki,
  eraCode7: parseEraCode7,
};

/** YYYYMMDD without a regular expression: B04 and the date checks parse up to three dates per record. */
function parseCompact(v: string): ParsedDate | undefined {
  if (v.length !== 8 || !isAsciiDigits(v)) return undefined;
  const y = digitsAt(v, 0, 4);
  const m = digitsAt(v, 4, 6);
  const d = digitsAt(v, 6, 8);
  return isRealDay(y, m, d) ? { ok: true, ymd: v, format: "YYYYMMDD" } : { ok: false, reason: "impossible" };
}

/** The number written by the ASCII digits s[from..to) (the caller has checked they are digits). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function western(m: RegExpExecArray | null, format: DateFormat): ParsedDate | undefined {
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(y, mo, d) ? { ok: true, ymd: ymd(y, mo, d), format } : { ok: false, reason: "impossible" };
}

/** True when year/month/day name a day of the Gregorian calendar (year 1 or later). */
export function isRealDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** "YYYYMMDD" from numbers. */
export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a "YYYYMMDD" string (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function ymdToDays(s: string): number {
  let y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 4, 6);
  const d = digitsAt(s, 6, 8);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** "YYYYMMDD" of a count of days since 1970-01-01. */
export function daysToYmd(days: number): string {
  const d = new Date(days * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// ---- 和暦 -------------------------------------------------------------------------------------------------

/** The five modern eras: code digit (7-digit form), letter, name, first and last day (Gregorian). */
export interface Era {
  code: number;
  letter: string;
  name: string;
  /** Year N of the era is Gregorian year `offset + N`. */
  offset: number;
  first: string;
  last: string;
}

/**
 * Era spans as proclaimed. 明治 is taken from 1868-01-01 (the era was applied retroactively to the whole of
 * 慶応4年; days before 明治6年 were on the lunar calendar and are read here as Gregorian — they are
 * before 1890 and so B01 anyway).
 */
export const ERAS: readonly Era[] = [
  { code: 1, letter: "M", name: "明治", offset: 1867, first: "18680101", last: "19120729" },
  { code: 2, letter: "T", name: "大正", offset: 1911, first: "19120730", last: "19261224" },
  { code: 3, letter: "S", name: "昭和", offset: 1925, first: "19261225", last: "19890107" },
  { code: 4, letter: "H", name: "平成", offset: 1988, first: "19890108", last: "20190430" },
  { code: 5, letter: "R", name: "令和", offset: 2018, first: "20190501", last: "99991231" },
];

const ERA_BY_TOKEN = new Map<string, Era>();
for (const e of ERAS) {
  ERA_BY_TOKEN.set(e.name, e);
  ERA_BY_TOKEN.set(e.name[0], e);
  ERA_BY_TOKEN.set(e.letter, e);
  ERA_BY_TOKEN.set(e.letter.toLowerCase(), e);
}

/** The era a Gregorian day falls in (undefined before 明治). */
export function eraOf(day: string): Era | undefined {
  for (let i = ERAS.length - 1; i >= 0; i--) if (day >= ERAS[i].first) return ERAS[i];
  return undefined;
}

/** Full-width ASCII (digits, letters, ．／－) → half-width, so Ｈ１２．３．４ reads as H12.3.4. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const WAREKI = new RegExp(
  "^(明治|大正|昭和|平成|令和|[明大昭平令MTSHRmtshr])\\s*(\\d{1,2}|元)\\s*" +
    "(?:(年)\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|([./-])\\s*(\\d{1,2})\\s*\\6\\s*(\\d{1,2}))$",
  "u",
);

function parseWareki(value: string): ParsedDate | undefined {
  const v = halfWidth(value);
  const m = WAREKI.exec(v);
  if (!m) return undefined;
  const era = ERA_BY_TOKEN.get(m[1])!;
  const yearToken = m[2];
  const year = yearToken === "元" ? 1 : Number(yearToken);
  const monthToken = m[3] ? m[4] : m[7];
  const dayToken = m[3] ? m[5] : m[8];
  const style: WarekiStyle = {
    eraToken: m[1],
    kanjiUnits: m[3] !== undefined,
    separator: m[6] ?? "",
    widths: [padWidth(yearToken), padWidth(monthToken), padWidth(dayToken)],
    fullWidth: v !== value,
  };
  return inEra(era, year, Number(monthToken), Number(dayToken), "wareki", (e, y) => formatWareki(e, y, Number(monthToken), Number(dayToken), style));
}

/** A token written with a leading zero ("03") keeps its width in a rewrite; "3" and "12" are written as numbers. */
function padWidth(token: string): number {
  return token.startsWith("0") ? token.length : 1;
}

interface WarekiStyle {
  eraToken: string;
  kanjiUnits: boolean;
  separator: string;
  widths: [number, number, number];
  fullWidth: boolean;
}

function formatWareki(era: Era, year: number, month: number, day: number, s: WarekiStyle): string {
  const token =
    s.eraToken.length === 2 ? era.name
    : /[A-Z]/.test(s.eraToken) ? era.letter
    : /[a-z]/.test(s.eraToken) ? era.letter.toLowerCase()
    : era.name[0];
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const y = s.kanjiUnits && year === 1 && !/[A-Za-z]/.test(token) ? "元" : pad(year, s.widths[0]);
  const text = s.kanjiUnits
    ? `${token}${y}年${pad(month, s.widths[1])}月${pad(day, s.widths[2])}日`
    : `${token}${y}${s.separator}${pad(month, s.widths[1])}${s.separator}${pad(day, s.widths[2])}`;
  return s.fullWidth ? fullWidth(text) : text;
}

function parseEraCode7(value: string): ParsedDate | undefined {
  const v = halfWidth(value);
  const m = /^([1-5])(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (!m) return undefined;
  const era = ERAS[Number(m[1]) - 1];
  const [month, day] = [Number(m[3]), Number(m[4])];
  return inEra(era, Number(m[2]), month, day, "eraCode7", (e, y) => {
    const text = `${e.code}${String(y).padStart(2, "0")}${m[3]}${m[4]}`;
    return v !== value ? fullWidth(text) : text;
  });
}

/** Checks a day written as year `year` of `era`; era-range failures carry the rewrite into the right era. */
function inEra(era: Era, year: number, month: number, day: number, format: DateFormat, rewrite: (e: Era, y: number) => string): ParsedDate {
  const gy = era.offset + year;
  if (year < 1 || !isRealDay(gy, month, day)) return { ok: false, reason: "impossible" };
  const day8 = ymd(gy, month, day);
  if (day8 >= era.first && day8 <= era.last) return { ok: true, ymd: day8, format };
  const right = eraOf(day8);
  const failure: DateParseFailure = { ok: false, reason: "era-range", ymd: day8 };
  if (right && (format !== "eraCode7" || gy - right.offset <= 99)) failure.suggestion = rewrite(right, gy - right.offset);
  return failure;
}
