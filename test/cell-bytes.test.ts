// Cell and character bytes of a raw record: quote-aware cell extraction and per-encoding character segmentation.
import { describe, expect, it } from "vitest";
import { cellBytes, charBytes, fileBytesOfChar, splitCharBytes, toHex } from "../src/input/cell-bytes.js";
import type { RawRecordBytes } from "../src/types.js";
import { encodeText, hexBytes } from "./helpers/raw-record.js";

const ascii = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder().decode(b));
const hexes = (parts: Uint8Array[]) => parts.map(toHex);

describe("cellBytes", () => {
  const cases: [string, string, number, number, string | undefined][] = [
    ["plain", "a,bb,ccc", 0x2c, 1, "bb"],
    ["first", "a,bb,ccc", 0x2c, 0, "a"],
    ["last", "a,bb,ccc", 0x2c, 2, "ccc"],
    ["past the end", "a,bb,ccc", 0x2c, 3, undefined],
    ["empty cells", "a,,c,", 0x2c, 3, ""],
    ["quoted with comma", '"x,y",z', 0x2c, 1, "z"],
    ["quoted content", '"x,y",z', 0x2c, 0, "x,y"],
    ["doubled quotes", 'a,"say ""hi""",b', 0x2c, 1, 'say "hi"'],
    ["quoted line break", '"line1\r\nline2",b', 0x2c, 0, "line1\r\nline2"],
    ["after a quoted line break", '"line1\r\nline2",b', 0x2c, 1, "b"],
    ["stray quote inside a plain cell", 'ab"c,d', 0x2c, 0, 'ab"c'],
    ["text after the closing quote", '"ab"c,d', 0x2c, 0, "abc"],
    ["TAB delimiter", "a,b\tc", 0x09, 1, "c"],
    ["trailing CRLF", "a,b\r\n", 0x2c, 1, "b"],
  ];
  it.each(cases)("%s", (_name, record, delimiter, index, expected) => {
    expect(text(cellBytes(ascii(record), delimiter, index))).toBe(expected);
  });
});

describe("splitCharBytes", () => {
  it("CP932: double-byte, half-width kana, 0x5C as a trail byte (ソ 835C), user-defined F9FC", () => {
    const bytes = Uint8Array.from([0x41, ...hexBytes("835C"), 0xb1, ...hexBytes("F9FC"), ...hexBytes("FBFC"), 0x5c]);
    expect(hexes(splitCharBytes(bytes, "cp932"))).toEqual(["41", "835C", "B1", "F9FC", "FBFC", "5C"]);
  });

  it("CP932: an invalid trail or a cut-off lead byte stands alone", () => {
    expect(hexes(splitCharBytes(hexBytes("8120"), "cp932"))).toEqual(["81", "20"]);
    expect(hexes(splitCharBytes(hexBytes("4181"), "cp932"))).toEqual(["41", "81"]);
  });

  it("UTF-8: 1- to 4-byte characters and a broken sequence", () => {
    expect(hexes(splitCharBytes(encodeText("aé髙𠮷", "utf-8"), "utf-8"))).toEqual(["61", "C3A9", "E9AB99", "F0A0AEB7"]);
    expect(hexes(splitCharBytes(hexBytes("E9AB41"), "utf-8"))).toEqual(["E9", "AB", "41"]);
  });

  it("EUC-JP: two bytes, 8E half-width kana, 8F three-byte JIS X 0212", () => {
    expect(hexes(splitCharBytes(encodeText("山ｱ鷗A", "euc-jp"), "euc-jp"))).toEqual(["BBB3", "8EB1", "8FECBF", "41"]);
  });
});

describe("fileBytesOfChar / charBytes", () => {
  const raw = (bytes: Uint8Array, encoding = "cp932"): RawRecordBytes => ({ bytes, delimiter: 0x2c, encoding, cellOf: { name: 1, address: 0 } });
  // 住所 "髙,東" (quoted, FBFC) then 氏名 EEE0 8B B4 FBFC
  const record = Uint8Array.from([0x22, ...hexBytes("FBFC"), 0x2c, ...hexBytes("938C"), 0x22, 0x2c, ...hexBytes("EEE0"), ...hexBytes("8BB4"), ...hexBytes("FBFC")]);

  it("finds the n-th occurrence in the field's own cell", () => {
    expect(toHex(fileBytesOfChar(raw(record), "name", "\u9ad9", 0)!.bytes)).toBe("EEE0");
    expect(toHex(fileBytesOfChar(raw(record), "name", "\u9ad9", 1)!.bytes)).toBe("FBFC");
    expect(toHex(fileBytesOfChar(raw(record), "address", "\u9ad9", 0)!.bytes)).toBe("FBFC");
    expect(fileBytesOfChar(raw(record), "name", "\u9ad9", 2)).toBeUndefined();
  });

  it("accepts the reader's encoding aliases (shift_jis) and gives up on unknown encodings or fields", () => {
    expect(fileBytesOfChar(raw(record, "shift_jis"), "name", "\u9ad9", 0)?.encoding).toBe("cp932");
    expect(fileBytesOfChar(raw(record, "utf-16le"), "name", "\u9ad9", 0)).toBeUndefined();
    expect(fileBytesOfChar(raw(record), "nameKana", "\u9ad9", 0)).toBeUndefined();
  });

  it("falls back to UTF-8 and says the bytes are not the file's", () => {
    expect(charBytes(undefined, "name", "\ue000", 0)).toEqual({ bytes: hexBytes("EE8080"), encoding: "utf-8", fromFile: false });
    const found = charBytes(raw(record), "name", "\u9ad9", 1);
    expect([toHex(found.bytes), found.encoding, found.fromFile]).toEqual(["FBFC", "cp932", true]);
  });
});
