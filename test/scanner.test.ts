// The byte-level record scanner: records, lines, offsets, quotes, resume after an unclosed quote, chunking.
import { describe, expect, it } from "vitest";
import { RecordScanner, type RawRecord } from "../src/input/record-scanner.js";

interface Seen { text: string; line: number; offset: number; issues: string[]; unclosed: boolean }

function scan(input: string | Uint8Array, chunk = Infinity, max = 65536): { records: Seen[]; blank: number } {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const records: Seen[] = [];
  const s = new RecordScanner(0x2c, max, (r: RawRecord) =>
    records.push({ text: new TextDecoder().decode(r.bytes), line: r.line, offset: r.offset, issues: r.issues.map((i) => `${i.kind}@${i.line}`), unclosed: r.unclosedQuote }));
  const step = Number.isFinite(chunk) ? chunk : bytes.length || 1;
  for (let i = 0; i < bytes.length; i += step) s.push(bytes.slice(i, i + step));
  s.end();
  return { records, blank: s.blankLines };
}

describe("RecordScanner", () => {
  it("splits LF, CRLF and CR line ends and numbers lines", () => {
    const { records } = scan("a,b\nc,d\r\ne,f\rg,h");
    expect(records.map((r) => [r.text, r.line, r.offset])).toEqual([["a,b", 1, 0], ["c,d", 2, 4], ["e,f", 3, 9], ["g,h", 4, 13]]);
  });

  it("keeps quoted CR/LF inside one record and counts its lines", () => {
    const { records } = scan('a,"x\r\ny"\nb,c\n');
    expect(records.map((r) => [r.text, r.line])).toEqual([['a,"x\r\ny"', 1], ["b,c", 3]]);
  });

  it("counts blank lines without making records of them", () => {
    const { records, blank } = scan("a\n\n\nb\n");
    expect(records.map((r) => r.text)).toEqual(["a", "b"]);
    expect(blank).toBe(2);
  });

  it("flags a stray quote and text after a closing quote", () => {
    const { records } = scan('ab"c,d\n"x"y,z\n');
    expect(records.map((r) => r.issues)).toEqual([["stray-quote@1"], ["text-after-quote@2"]]);
  });

  it("resumes at the line after an unclosed quote that runs to EOF", () => {
    const { records } = scan('h1,h2\n1,"open\n2,b\n3,c\n');
    expect(records.map((r) => [r.text, r.line, r.unclosed])).toEqual([["h1,h2", 1, false], ['1,"open', 2, true], ["2,b", 3, false], ["3,c", 4, false]]);
    expect(records[1].issues).toEqual(["unclosed-quote@2"]);
  });

  it("resumes after an unclosed quote that runs past the field limit", () => {
    const body = Array.from({ length: 50 }, (_, i) => `${i},x`).join("\n");
    const { records } = scan(`1,"open\n${body}\n`, 7, 64);
    expect(records[0].unclosed).toBe(true);
    expect(records.length).toBe(51);
    expect(records[1]).toMatchObject({ text: "0,x", line: 2 });
    expect(records[50]).toMatchObject({ text: "49,x", line: 51 });
  });

  it("reports a field longer than the limit once (S04)", () => {
    const { records } = scan(`a,${"x".repeat(100)},b\n`, Infinity, 64);
    expect(records[0].issues).toEqual(["field-too-long@1"]);
  });

  it("gives the same records whatever the chunk size", () => {
    const text = 'h,i\r\n"a\r\nb",c\r\nd,"e""f"\rg,h\n\n"x",y';
    const whole = scan(text).records;
    for (const size of [1, 2, 3, 5, 8]) expect(scan(text, size).records).toEqual(whole);
  });
});

/** Scans `input` from byte `start` with stopAt = `stop`, fed `chunk` bytes at a time. */
function scanRange(input: string, start: number, stop: number, chunk: number) {
  const bytes = new TextEncoder().encode(input);
  const records: [string, number][] = [];
  const s = new RecordScanner(0x2c, 65536, (r: RawRecord) => records.push([new TextDecoder().decode(r.bytes), r.line]), start, 1, stop);
  for (let i = start; i < bytes.length && !s.stopped; i += chunk) s.push(bytes.slice(i, i + chunk));
  s.end();
  return { records, stoppedAt: s.stoppedAt, lines: s.linesBeforeStop, blank: s.blankLines };
}

describe("RecordScanner with a stop offset (a worker's byte range)", () => {
  const text = 'a,1\r\nb,"x\r\ny"\r\n\r\nc,3\r\nd,4';
  // offsets: a@0, b@5 (its quoted line break at 9–10), blank line at 15, c@17, d@22, end 25

  it.each([1, 2, 3, 64])("stops at the first record start at or after the offset, whatever the chunks (%i bytes)", (chunk) => {
    expect(scanRange(text, 0, 5, chunk)).toEqual({ records: [["a,1", 1]], stoppedAt: 5, lines: 1, blank: 0 });
    // 11 is just after the quoted line break of record b: b is this range's; the next start is the blank line's
    expect(scanRange(text, 0, 11, chunk)).toEqual({ records: [["a,1", 1], ['b,"x\r\ny"', 2]], stoppedAt: 15, lines: 3, blank: 0 });
    expect(scanRange(text, 0, 16, chunk)).toEqual({ records: [["a,1", 1], ['b,"x\r\ny"', 2]], stoppedAt: 17, lines: 4, blank: 1 });
    expect(scanRange(text, 17, 1000, chunk)).toEqual({ records: [["c,3", 1], ["d,4", 2]], stoppedAt: 25, lines: 1, blank: 0 });
  });

  it("does not stop between the CR and the LF of a line end", () => {
    // stop offset 4 is the LF of "a,1\r\n": the next record starts at 5
    expect(scanRange(text, 0, 4, 4)).toEqual({ records: [["a,1", 1]], stoppedAt: 5, lines: 1, blank: 0 });
  });

  it("is stopped at once by a range that starts at or after its stop offset", () => {
    expect(scanRange(text, 17, 17, 64)).toEqual({ records: [], stoppedAt: 17, lines: 0, blank: 0 });
  });
});
