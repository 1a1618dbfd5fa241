// The JIS X 0208 set, the NEC/IBM extension repertoire and the character-class table (SPEC §3.2).
import { describe, expect, it } from "vitest";
import {
  CHAR_CLASS, CharClass, classifyCodePoint, isServerSafeText, JIS_STANDARD_TWINS, JIS_X_0208, VENDOR_EXTENSION_CODES,
} from "../src/jp/jisx0208.js";

const sjis = new TextDecoder("shift_jis");
const decode = (code: number) => sjis.decode(Uint8Array.of(code >> 8, code & 0xff));

describe("JIS_X_0208", () => {
  it("holds exactly the 6,879 characters of JIS X 0208:1997", () => {
    expect(JIS_X_0208.size).toBe(6879);
  });

  it("holds kanji levels 1 and 2, kana and symbols as CP932 decodes them", () => {
    for (const ch of ["漢", "鴎", "弌", "熙", "あ", "ヶ", "　", "～", "－", "∥", "￢", "●", "≒", "∵"]) expect(JIS_X_0208.has(ch)).toBe(true);
  });

  it("does not hold extensions, twins, ASCII, half-width kana or characters outside CP932", () => {
    for (const ch of ["髙", "﨑", "①", "㈱", "Ⅰ", "\ue000", "〜", "−", "A", "ｱ", "鷗", "𠮷"]) expect(JIS_X_0208.has(ch)).toBe(false);
  });
});

describe("VENDOR_EXTENSION_CODES", () => {
  it("covers 833 codes (447 characters) of NEC row 13, NEC-selected IBM and IBM, minus the 12 that are JIS X 0208", () => {
    const codes = [...VENDOR_EXTENSION_CODES.values()].flat();
    expect(codes.length).toBe(833);
    expect(VENDOR_EXTENSION_CODES.size).toBe(447);
    for (const c of codes) {
      expect(c >= 0x8740 && c <= 0x879c || c >= 0xed40 && c <= 0xeefc || c >= 0xfa40 && c <= 0xfc4b).toBe(true);
    }
    for (const hex of ["8790", "8791", "8792", "8795", "8796", "8797", "879A", "879B", "879C", "EEF9", "FA54", "FA5B"]) {
      expect(codes).not.toContain(parseInt(hex, 16));
    }
  });

  it("maps a character to every code that decodes to it (髙: EEE0 and FBFC)", () => {
    expect(VENDOR_EXTENSION_CODES.get("髙")).toEqual([0xeee0, 0xfbfc]);
    expect(VENDOR_EXTENSION_CODES.get("①")).toEqual([0x8740]);
    expect(decode(0xed95)).toBe("﨑");
    expect(VENDOR_EXTENSION_CODES.get("﨑")).toEqual([0xed95, 0xfab1]);
  });
});

describe("classifyCodePoint / CHAR_CLASS", () => {
  const cases: [string, number, CharClass][] = [
    ["ASCII", 0x41, CharClass.Allowed],
    ["TAB", 0x09, CharClass.Allowed],
    ["漢", 0x6f22, CharClass.Allowed],
    ["〜 twin", 0x301c, CharClass.Allowed],
    ["− twin", 0x2212, CharClass.Allowed],
    ["‖ twin", 0x2016, CharClass.Allowed],
    ["— twin", 0x2014, CharClass.Allowed],
    ["¢ twin", 0xa2, CharClass.Allowed],
    ["£ twin", 0xa3, CharClass.Allowed],
    ["¬ twin", 0xac, CharClass.Allowed],
    ["first PUA", 0xe000, CharClass.UserDefined],
    ["last PUA", 0xf8ff, CharClass.UserDefined],
    ["plane 15", 0xf0000, CharClass.UserDefined],
    ["plane 16", 0x10fffd, CharClass.UserDefined],
    ["髙", 0x9ad9, CharClass.VendorExtension],
    ["神 U+FA19", 0xfa19, CharClass.VendorExtension],
    ["德", 0x5fb7, CharClass.VendorExtension],
    ["≒ (8790 duplicate)", 0x2252, CharClass.Allowed],
    ["鷗", 0x9dd7, CharClass.NonJis],
    ["𠮷", 0x20bb7, CharClass.NonJis],
    ["㐂", 0x3402, CharClass.NonJis],
    ["¥", 0xa5, CharClass.NonJis],
    ["IVS", 0xe0100, CharClass.NonJis],
    ["●", 0x25cf, CharClass.BlackCircle],
    ["ｱ", 0xff71, CharClass.HalfWidthKana],
    ["｡", 0xff61, CharClass.HalfWidthKana],
    ["ﾟ", 0xff9f, CharClass.HalfWidthKana],
    ["U+FFFD", 0xfffd, CharClass.Replacement],
  ];
  it.each(cases)("%s", (_name, cp, cls) => {
    expect(classifyCodePoint(cp)).toBe(cls);
  });

  it("marks surrogate code units for the scanner", () => {
    expect(CHAR_CLASS[0xd842]).toBe(CharClass.Surrogate);
    expect(CHAR_CLASS[0xdfb7]).toBe(CharClass.Surrogate);
  });

  it("lists the seven twins", () => {
    expect(JIS_STANDARD_TWINS.map((c) => c.codePointAt(0))).toEqual([0x301c, 0x2212, 0x2016, 0x2014, 0xa2, 0xa3, 0xac]);
  });

  it("isServerSafeText accepts JIS X 0208 and ASCII only", () => {
    expect(isServerSafeText("高橋 No.1 (株)〜")).toBe(true);
    expect(isServerSafeText("髙")).toBe(false);
    expect(isServerSafeText("●")).toBe(false);
    expect(isServerSafeText("ｱ")).toBe(false);
  });
});
