import { describe, expect, it } from "vitest";
import { DATE_FORMATS, DEFAULT_DATE_FORMATS } from "../src/jp/date-formats.js";
import { parseDate } from "../src/jp/dates.js";

const W = ["wareki"];
const E = ["eraCode7"];

// [value, declared formats, expected] — expectations worked out by hand from the era tables (平成 = 1988 + N …).
const OK: [string, string[], string][] = [
  ["20000101", [], "20000101"],
  ["2000/01/01", [], "20000101"],
  ["2000-01-01", [], "20000101"],
  [" 20000229 ", [], "20000229"],
  ["2000/02/29", ["YYYY/MM/DD"], "20000229"],
  ["H12.3.4", W, "20000304"],
  ["h12.03.04", W, "20000304"],
  ["H12/3/4", W, "20000304"],
  ["平成12年3月4日", W, "20000304"],
  ["平成１２年３月４日", W, "20000304"],
  ["Ｈ１２．３．４", W, "20000304"],
  ["令和元年5月1日", W, "20190501"],
  ["R1.5.1", W, "20190501"],
  ["S64.1.7", W, "19890107"],
  ["平成元年1月8日", W, "19890108"],
  ["昭和元年12月25日", W, "19261225"],
  ["T1.7.30", W, "19120730"],
  ["明治45年7月29日", W, "19120729"],
  ["M23.1.1", W, "18900101"],
  ["昭和 55年 5月 15日", W, "19800515"],
  ["4120304", E, "20000304"],
  ["5010501", E, "20190501"],
  ["3550515", E, "19800515"],
  ["１２３０１０１", E, "18900101"],
  ["H12.3.4", ["YYYYMMDD", "wareki"], "20000304"],
];

const FAIL: [string, string[], "format" | "impossible" | "era-range", string?][] = [
  ["20000000", [], "impossible"],
  ["2000/00/00", [], "impossible"],
  ["20000230", [], "impossible"],
  ["19000229", [], "impossible"], // 1900 is not a leap year
  ["20001301", [], "impossible"],
  ["2000/1/1", [], "format"],
  ["２０００/０１/０１", [], "format"],
  ["H12.3.4", [], "format"], // 和暦 only when declared
  ["20000101", W, "format"],
  ["不明", [], "format"],
  ["", [], "format"],
  ["平成12年2月30日", W, "impossible"],
  ["平成0年1月1日", W, "impossible"],
  ["4000101", E, "impossible"],
  ["6120304", E, "format"],
  ["平成32年3月4日", W, "era-range", "令和2年3月4日"],
  ["H32.03.04", W, "era-range", "R2.03.04"],
  ["平成31年5月1日", W, "era-range", "令和元年5月1日"],
  ["昭和64年1月8日", W, "era-range", "平成元年1月8日"],
  ["平成元年1月7日", W, "era-range", "昭和64年1月7日"],
  ["4320304", E, "era-range", "5020304"],
];

describe("parseDate", () => {
  it("exports the five format names, the first three being the default", () => {
    expect([...DATE_FORMATS]).toEqual(["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD", "wareki", "eraCode7"]);
    expect([...DEFAULT_DATE_FORMATS]).toEqual(["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD"]);
  });
  it.each(OK)("%s (%j) → %s", (value, formats, ymd) => {
    expect(parseDate(value, formats)).toMatchObject({ ok: true, ymd });
  });
  it.each(FAIL)("%s (%j) fails: %s", (value, formats, reason, suggestion) => {
    const r = parseDate(value, formats);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.suggestion).toBe(suggestion);
  });
  it("an era-range failure also gives the day the value would mean", () => {
    expect(parseDate("平成32年3月4日", W)).toMatchObject({ ok: false, reason: "era-range", ymd: "20200304" });
  });
  it("checks every day of 2000 and 2001 in YYYYMMDD against the calendar (366 + 365 valid)", () => {
    let valid = 0;
    for (const y of [2000, 2001])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const v = `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12 && d >= 1;
          expect(parseDate(v, ["YYYYMMDD"]).ok, v).toBe(real);
          if (real) valid++;
        }
    expect(valid).toBe(731);
  });
});

describe("day arithmetic", () => {
  it("ymdToDays and daysToYmd agree with Date.UTC from 1850 to 2100 (every 7th day)", async () => {
    const { ymdToDays, daysToYmd } = await import("../src/jp/dates.js");
    for (let t = Date.UTC(1850, 0, 1); t <= Date.UTC(2100, 11, 31); t += 7 * 86_400_000) {
      const d = new Date(t);
      const s = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
      expect(ymdToDays(s), s).toBe(t / 86_400_000);
      expect(daysToYmd(t / 86_400_000)).toBe(s);
    }
  });
});
