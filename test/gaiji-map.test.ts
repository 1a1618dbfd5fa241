// --gaiji-map: the office's 外字 table (U+E000 or CP932 F040 → replacement), UTF-8 or CP932, with errors naming file and line.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { cp932UserDefinedToCodePoint, GAIJI_MAP_MESSAGES, GaijiMapError, loadGaijiMap } from "../src/jp/gaiji-map.js";

const dir = mkdtempSync(join(tmpdir(), "oqs-gaiji-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `map${++n}.csv`);
  writeFileSync(path, content);
  return path;
}

function thrown(fn: () => unknown): GaijiMapError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GaijiMapError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

const sjis = new TextDecoder("shift_jis");

describe("cp932UserDefinedToCodePoint", () => {
  it("agrees with the decoder on every code F040–F9FC", () => {
    let count = 0;
    for (let lead = 0xf0; lead <= 0xf9; lead++) {
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const expected = sjis.decode(Uint8Array.of(lead, trail)).codePointAt(0);
        expect(cp932UserDefinedToCodePoint((lead << 8) | trail)).toBe(expected);
        count++;
      }
    }
    expect(count).toBe(1880);
  });

  it("rejects codes outside the area", () => {
    for (const code of [0xef40, 0xfa40, 0xf07f, 0xf03f, 0xf0fd]) expect(cp932UserDefinedToCodePoint(code)).toBeUndefined();
  });
});

describe("loadGaijiMap", () => {
  it("reads UTF-8 with BOM, a header row, U+ code points and CP932 bytes, and ignores extra columns", () => {
    const path = file("\ufeff外字,置換,備考\r\nU+E000,邉,渡邉さん\r\nF041,髙→高\r\nf9fc,吉\r\n\r\nu+e758,〇〇\r\n");
    expect([...loadGaijiMap(path)]).toEqual([
      ["\ue000", "邉"],
      ["\ue001", "髙→高"],
      ["\ue757", "吉"],
      ["\ue758", "〇〇"],
    ]);
  });

  it("reads UTF-8 without BOM and without a header, and planes 15–16", () => {
    const path = file("U+F0000,鴎\nU+E000,邉\n");
    expect([...loadGaijiMap(path)]).toEqual([["\u{f0000}", "鴎"], ["\ue000", "邉"]]);
  });

  it("reads CP932 (not valid UTF-8) with a Japanese header", () => {
    const bytes = Uint8Array.from(iconv.encode("外字コード,代替文字\r\nF040,邉\r\nF080,髙\r\n", "cp932"));
    expect([...loadGaijiMap(file(bytes))]).toEqual([["\ue000", "邉"], ["\ue03f", "髙"]]);
  });

  it("accepts a repeated row with the same replacement", () => {
    expect([...loadGaijiMap(file("U+E000,邉\nF040,邉\n"))]).toEqual([["\ue000", "邉"]]);
  });

  const bad: [string, string, string, number][] = [
    ["a key outside the user-defined area", "U+E000,邉\nU+4E00,一\n", "badKey", 2],
    ["CP932 bytes outside F040–F9FC", "外字,置換\nU+E000,邉\nFA40,ⅰ\n", "badKey", 3],
    ["a missing replacement column", "U+E000,邉\nU+E001\n", "columns", 2],
    ["an empty replacement", "U+E000,邉\n\nU+E001,\n", "emptyReplacement", 3],
    ["two replacements for one character", "U+E000,邉\nF040,邊\n", "conflict", 2],
    ["a header that is not on the first line", "U+E000,邉\n外字,置換\n", "badKey", 2],
    ["an unclosed quote", "U+E000,邉\nU+E001,\"邊\n", "syntax", 2],
  ];
  it.each(bad)("rejects %s with the file and line in Japanese and English", (_name, content, problem, line) => {
    const path = file(content);
    const e = thrown(() => loadGaijiMap(path));
    expect([e.problem, e.line, e.file]).toEqual([problem, line, path]);
    expect(e.ja).toContain(path);
    expect(e.en).toContain(path);
    expect(e.ja).toContain(`${line} 行目`);
    expect(e.en).toContain(`line ${line}`);
    expect(e.message).toBe(`${e.ja}\n${e.en}`);
    expect(e).toBeInstanceOf(Error);
  });

  it("rejects a missing file (unreadable)", () => {
    const e = thrown(() => loadGaijiMap(join(dir, "missing.csv")));
    expect(e.problem).toBe("unreadable");
    expect(e.ja).toContain("missing.csv");
  });

  it("exports both message languages for every problem", () => {
    for (const m of Object.values(GAIJI_MAP_MESSAGES)) {
      expect(m.ja).toContain("{file}");
      expect(m.en).toContain("{file}");
    }
  });
});
