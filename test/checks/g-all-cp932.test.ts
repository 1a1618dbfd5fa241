// Acceptance for G01–G04 on every double-byte code of CP932 (SPEC §3.2), with the expectation derived from byte ranges and a decode.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import g01 from "../../src/checks/g01-user-defined-char.js";
import g02 from "../../src/checks/g02-vendor-extension-char.js";
import g03 from "../../src/checks/g03-non-jis-char.js";
import g04 from "../../src/checks/g04-black-circle.js";
import type { Finding, RawRecordBytes } from "../../src/types.js";
import { generateAllCp932, type GeneratedRecord } from "../fixtures/gen-all-cp932.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const sjis = new TextDecoder("shift_jis");
const decodeCode = (code: number) => sjis.decode(Uint8Array.of(code >> 8, code & 0xff));
const between = (x: number, lo: number, hi: number) => x >= lo && x <= hi;

// Independent expectation: byte ranges of SPEC §2/§3.2 and a decode of the JIS X 0208 rows.
const JIS_LEADS = [[0x81, 0x84], [0x88, 0x9f], [0xe0, 0xea]] as const;
const isJisPosition = (code: number) => JIS_LEADS.some(([lo, hi]) => between(code >> 8, lo, hi));
const isExtension = (code: number) => between(code, 0x8740, 0x879c) || between(code, 0xed40, 0xeefc) || between(code, 0xfa40, 0xfc4b);
const isUserDefined = (code: number) => between(code, 0xf040, 0xf9fc);

type Expected = "G01" | "G02" | "G04" | "jis" | "extension-in-jis" | "undecodable";

describe("every double-byte code of CP932 in 氏名", () => {
  const { bytes, records } = generateAllCp932();
  const jisChars = new Set<string>();
  for (const r of records) if (isJisPosition(r.code) && decodeCode(r.code) !== "\ufffd") jisChars.add(decodeCode(r.code));

  const expected = new Map<number, Expected>();
  for (const r of records) {
    const ch = decodeCode(r.code);
    let e: Expected;
    if (isUserDefined(r.code)) e = "G01";
    else if (r.code === 0x819c) e = "G04";
    else if (ch === "\ufffd") e = "undecodable";
    else if (isJisPosition(r.code)) e = "jis";
    else if (isExtension(r.code)) e = jisChars.has(ch) ? "extension-in-jis" : "G02";
    else throw new Error(`unexpected decodable code ${r.hex}`);
    expected.set(r.code, e);
  }
  const byRecord = new Map(records.map((r) => [r.record, r]));
  let findings: Finding[] = [];

  beforeAll(() => {
    const text = sjis.decode(bytes);
    const table = parse(text, { relax_column_count: true }) as string[][];
    const rows: Row[] = table.slice(1).map(([name, birthDate, sex, address]) => ({ name, birthDate, sex, address }));
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    const raw = lines.slice(1).map((line): RawRecordBytes => ({
      bytes: line, delimiter: 0x2c, encoding: "cp932", cellOf: { name: 0, birthDate: 1, sex: 2, address: 3 },
    }));
    expect(rows.length).toBe(records.length);
    expect(raw.length).toBe(records.length);
    findings = runChecks([g01, g02, g03, g04], rows, { raw: (_f, i) => raw[i] });
  });

  it("the generator and the expectation have the sizes SPEC §3.2 names", () => {
    const count = (e: Expected) => [...expected.values()].filter((x) => x === e).length;
    expect(records.length).toBe(60 * 188);
    expect(count("G01")).toBe(1880);
    expect(count("G04")).toBe(1);
    expect(count("jis")).toBe(6878);
    expect(count("extension-in-jis")).toBe(12);
    expect(count("G02")).toBe(833);
    expect(jisChars.size).toBe(6879);
  });

  it("reports exactly the expected code on exactly the expected records, on 氏名", () => {
    const got = new Map<number, string[]>();
    for (const f of findings) {
      const r = byRecord.get(f.record)!;
      got.set(r.code, [...(got.get(r.code) ?? []), f.code]);
      expect(f.field).toBe("name");
    }
    for (const r of records) {
      const e = expected.get(r.code)!;
      const want = e === "G01" || e === "G02" || e === "G04" ? [e] : [];
      expect([r.hex, got.get(r.code) ?? []]).toEqual([r.hex, want]);
    }
    expect(findings.length).toBe(1880 + 833 + 1);
  });

  it("names each character's original bytes, code point and position", () => {
    for (const f of findings) {
      const r: GeneratedRecord = byRecord.get(f.record)!;
      const ch = decodeCode(r.code);
      expect(f.bytes).toBe(r.hex);
      expect(f.bytesEncoding).toBe("cp932");
      expect(f.bytesFromFile).toBe(true);
      expect(f.char).toBe(ch);
      expect(f.codePoint).toBe(`U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`);
      expect(f.position).toBe(r.position);
    }
  });

  const findingFor = (hex: string) => {
    const r = records.find((x) => x.hex === hex)!;
    return { r, f: findings.filter((x) => x.record === r.record) };
  };

  it("F9FC is G01 (U+E757), not lost to a decoder gap", () => {
    const { f } = findingFor("F9FC");
    expect(f.map((x) => [x.code, x.codePoint])).toEqual([["G01", "U+E757"]]);
  });

  it("髙 from FBFC and from EEE0 are both G02 suggesting 高, each with its own bytes", () => {
    for (const hex of ["FBFC", "EEE0"]) {
      const { r, f } = findingFor(hex);
      expect(f).toHaveLength(1);
      expect(f[0].code).toBe("G02");
      expect(f[0].char).toBe("\u9ad9");
      expect(f[0].bytes).toBe(hex);
      expect(f[0].substitute).toBe("高");
      const name = sjis.decode(r.nameBytes);
      expect(f[0].suggestion).toBe(name.replace("\u9ad9", "高"));
    }
  });

  it("神 U+FA19 from the IBM (FB7E) and NEC-selected (EE62) positions is G02, suggesting 神 U+795E", () => {
    for (const hex of ["FB7E", "EE62"]) {
      const { f } = findingFor(hex);
      expect(f.map((x) => [x.code, x.codePoint, x.substitute])).toEqual([["G02", "U+FA19", "\u795e"]]);
    }
  });
});
