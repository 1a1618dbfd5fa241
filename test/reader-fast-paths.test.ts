// The reader's fast paths against straightforward references on seeded random input: the plain-line scan, the CP932
// table decoder with the delimiters it notes for splitCells, and the fields object mapFields builds per layout.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { mulberry32 as prng } from "../src/engine/sampler.js";
import { RecordDecoder } from "../src/input/decode.js";
import { RecordScanner, type RawRecord } from "../src/input/record-scanner.js";
import { decodedBreaks, splitCells } from "../src/input/split-cells.js";
import { DEFAULT_PROFILE, LayoutProfileSchema } from "../src/layout/profile.js";
import { mapFields, resolveLayout, type ResolvedLayout } from "../src/layout/resolve.js";
import { FIELD_NAMES } from "../src/types.js";
import type { FieldName } from "../src/types.js";
import { ByteByByteScanner } from "./helpers/byte-scanner.js";

const SEED = 0x5ca1_2026;
const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[int(rnd, xs.length)];
const sjis = new TextDecoder("shift_jis");

/** Cell texts with what the reader must get right: kanji, kana, half-width kana, digits, quotes, delimiters, line ends. */
const PIECES = ["山田", "太郎", "ヤマダ", "ﾀﾛｳ", "東京都千代田区", "１丁目", "12345678", "0", "-", " ", "　", '"', '""', ",", "\t", "\r\n", "\n", "\r", "髙", "①", "ⅰ"];

function randomText(rnd: () => number, pieces: number): string {
  let s = "";
  for (let k = 0; k < pieces; k++) s += pick(rnd, PIECES);
  return s;
}

/**
 * A CSV/TSV record's text: cells plain or quoted (quotes doubled inside), some with a stray or unclosed quote; half
 * of the records have plain cells only, the common record.
 */
function randomRecord(rnd: () => number, d: string): string {
  const cells: string[] = [];
  const plainOnly = int(rnd, 2) === 0;
  for (let c = 1 + int(rnd, 8); c > 0; c--) {
    const text = randomText(rnd, int(rnd, 4));
    const how = plainOnly ? 0 : int(rnd, 10);
    if (how < 5) cells.push(text.replace(/["\r\n]/g, "").split(d).join(""));
    else if (how < 8) cells.push(`"${text.replace(/"/g, '""')}"`);
    else if (how < 9) cells.push(`"${text}"${randomText(rnd, 1)}`);
    else cells.push(text);
  }
  return cells.join(d);
}

/** splitCells as the spec reads: char by char; a cell that starts with a quote is quoted until a lone quote. */
function referenceSplit(text: string, d: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let atCellStart = true;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === d) {
      cells.push(cell);
      cell = "";
      atCellStart = true;
      continue;
    } else if (ch === '"' && atCellStart) inQuotes = true;
    else cell += ch;
    atCellStart = false;
  }
  cells.push(cell);
  return cells;
}

/** What RecordDecoder must return: TextDecoder's text when it has no invalid sequence, otherwise located invalid bytes. */
function expectDecodedLikeTextDecoder(decoder: RecordDecoder, bytes: Uint8Array): void {
  const reference = sjis.decode(bytes);
  const got = decoder.decode(bytes);
  if (reference.includes("\uFFFD") || reference.includes("\u0000")) expect(got.invalid.length).toBeGreaterThan(0);
  else expect(got).toEqual({ text: reference, invalid: [] });
}

describe("RecordDecoder (CP932 by table)", () => {
  it("decodes every byte pair, between other characters, as TextDecoder does", () => {
    const decoder = new RecordDecoder("cp932");
    for (let lead = 0; lead < 256; lead++) {
      for (let trail = 0; trail < 256; trail++) expectDecodedLikeTextDecoder(decoder, Uint8Array.of(0x41, lead, trail, 0x2c, 0x82, 0xa0));
    }
  });

  it("decodes random records (valid and damaged bytes) as TextDecoder does, and notes their delimiters", () => {
    const rnd = prng(SEED);
    const decoder = new RecordDecoder("cp932");
    let noted = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = [...iconv.encode(randomRecord(rnd, pick(rnd, [",", "\t"])), "cp932")];
      if (n % 3 === 0) for (let k = int(rnd, 3); k > 0; k--) bytes.splice(int(rnd, bytes.length + 1), 0, int(rnd, 256));
      const record = Uint8Array.from(bytes);
      expectDecodedLikeTextDecoder(decoder, record);
      const text = sjis.decode(record);
      if (decodedBreaks.text === text) {
        noted++;
        expect(decodedBreaks.quoted).toBe(text.includes('"'));
        expect([...decodedBreaks.commas.subarray(0, decodedBreaks.commaCount)]).toEqual([...text].flatMap((c, i) => (c === "," ? [i] : [])));
        expect([...decodedBreaks.tabs.subarray(0, decodedBreaks.tabCount)]).toEqual([...text].flatMap((c, i) => (c === "\t" ? [i] : [])));
      }
    }
    expect(noted).toBeGreaterThan(1500);
  });

  it("decodes a record longer than the table's limit, a lone lead byte and NUL bytes by TextDecoder", () => {
    const decoder = new RecordDecoder("cp932");
    expectDecodedLikeTextDecoder(decoder, Uint8Array.from(iconv.encode("山田,".repeat(10000), "cp932")));
    expect(decoder.decode(Uint8Array.of(0x41, 0x82)).invalid).toEqual([{ index: 1, hex: "82" }]);
    expect(decoder.decode(Uint8Array.of(0x41, 0, 0, 0x42)).invalid).toEqual([{ index: 1, hex: "00 00" }]);
  });
});

describe("splitCells", () => {
  it("splits random records with quotes, doubled quotes, delimiters and line ends in quotes like the reference", () => {
    const rnd = prng(SEED ^ 0x11);
    const decoder = new RecordDecoder("cp932");
    const other = Uint8Array.from(iconv.encode("別の,レコード", "cp932"));
    let fromNotes = 0;
    for (let n = 0; n < 3000; n++) {
      const d = pick(rnd, [",", "\t"]);
      const text = randomRecord(rnd, d);
      const expected = referenceSplit(text, d);
      // Right after decoding the same text: the delimiters the decoder noted.
      const decoded = decoder.decode(Uint8Array.from(iconv.encode(text, "cp932"))).text;
      expect(decoded).toBe(text);
      if (decodedBreaks.text === text && !decodedBreaks.quoted) fromNotes++;
      expect(splitCells(decoded, d)).toEqual(expected);
      // With another record decoded since: by search.
      decoder.decode(other);
      expect(splitCells(text, d)).toEqual(expected);
    }
    expect(fromNotes).toBeGreaterThan(1000);
  });

  it("uses the noted delimiters only for their delimiter and text", () => {
    const decoder = new RecordDecoder("cp932");
    const text = decoder.decode(Uint8Array.from(iconv.encode("a,b\tc,d", "cp932"))).text;
    expect(splitCells(text, ",")).toEqual(["a", "b\tc", "d"]);
    expect(splitCells(text, "\t")).toEqual(["a,b", "c,d"]);
    expect(splitCells("x,y", ",")).toEqual(["x", "y"]);
    expect(splitCells(text, ";")).toEqual(["a,b\tc,d"]);
  });
});

/** The fields of a record, one key at a time in the layout's cellOf order, missing cells left out. */
function referenceFields(layout: ResolvedLayout, cells: string[]): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const [field, cell] of Object.entries(layout.cellOf) as [FieldName, number][]) {
    if (cell >= cells.length) continue;
    const map = layout.values[field];
    out[field] = map !== undefined && Object.hasOwn(map, cells[cell]) ? map[cells[cell]] : cells[cell];
  }
  return out;
}

describe("mapFields", () => {
  const header = ["保険者番号", "受給者番号", "氏名", "生年月日", "性別", "住所", "備考"];
  const layouts = {
    header: resolveLayout(DEFAULT_PROFILE, header, header.length, "t.csv"),
    positions: resolveLayout(LayoutProfileSchema.parse({ header: false, fields: { sex: 5, name: 3, birthDate: 4, address: 6 },
      values: { sex: JSON.parse('{ "男": "1", "女": "2", "__proto__": "x", "constructor": "y" }') } }), undefined, 7, "t.csv"),
  };

  it("gives the reference's values for every field, with value maps and short records (unmapped fields undefined)", () => {
    const rnd = prng(SEED ^ 0x22);
    for (const layout of Object.values(layouts)) {
      for (let n = 0; n < 500; n++) {
        const cells = Array.from({ length: int(rnd, 9) }, () => pick(rnd, ["男", "女", "1", "", "__proto__", "constructor", "山田　太郎"]));
        const got = mapFields(layout, cells);
        const expected = referenceFields(layout, cells);
        for (const f of FIELD_NAMES) expect(got[f]).toBe(expected[f]);
        expect(Object.keys(got).every((k) => (FIELD_NAMES as readonly string[]).includes(k))).toBe(true);
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      }
    }
  });
});

interface Run { records: string[]; blank: number; stoppedAt: number; lines: number }

/** Every observable of a scan: records (offset, line, bytes, issues), blank lines, where it stopped and its line count. */
function runScanner(make: (onRecord: (r: RawRecord) => void) => RecordScanner | ByteByByteScanner, bytes: Uint8Array, from: number, chunk: number): Run {
  const records: string[] = [];
  const s = make((r) => records.push(`${r.offset}:${r.line}:${Buffer.from(r.bytes).toString("hex")}:${r.unclosedQuote}:${r.issues.map((i) => `${i.kind}@${i.line}/${i.offset}/${i.cell}/${i.length}`).join(",")}`));
  for (let i = from; i < bytes.length && !s.stopped; i += chunk) s.push(bytes.slice(i, i + chunk));
  s.end();
  return { records, blank: s.blankLines, stoppedAt: s.stoppedAt, lines: s.linesBeforeStop };
}

describe("RecordScanner (plain lines by search)", () => {
  it("gives the byte-by-byte scanner's records, lines, offsets, issues, blank lines and stop on random files", () => {
    const rnd = prng(SEED ^ 0x33);
    const failures: string[] = [];
    for (let n = 0; n < 1500; n++) {
      const lines: string[] = [];
      for (let k = int(rnd, 30); k > 0; k--) lines.push(int(rnd, 8) === 0 ? "" : randomRecord(rnd, ","));
      const ends = lines.map(() => pick(rnd, ["\r\n", "\r\n", "\n", "\r"]));
      const text = lines.map((l, k) => l + ends[k]).join("").slice(0, int(rnd, 8) === 0 ? -1 : undefined);
      const bytes = Uint8Array.from(iconv.encode(text, "cp932"));
      const max = pick(rnd, [16, 40, 65536, Infinity]);
      const from = int(rnd, 3) === 0 ? int(rnd, bytes.length + 1) : 0;
      const stop = int(rnd, 2) === 0 ? from + int(rnd, bytes.length - from + 2) : Infinity;
      const chunk = pick(rnd, [1 + int(rnd, 97), bytes.length || 1]);
      const expected = runScanner((on) => new ByteByByteScanner(0x2c, max, on, from, 1, stop), bytes, from, chunk);
      const got = runScanner((on) => new RecordScanner(0x2c, max, on, from, 1, stop), bytes, from, chunk);
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`#${n} max ${max} from ${from} stop ${stop} chunk ${chunk}: ${JSON.stringify(text)}`);
    }
    expect(failures.slice(0, 5), `${failures.length} of 1500 differ`).toEqual([]);
  });
});
