// The re-reader gives, by byte offset, the fields a first pass read; B04 gives the same findings either way.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks/index.js";
import { runCheck, type RunOptions } from "../src/engine/run.js";
import { generate } from "../src/generate/command.js";
import { RecordRereader, rereaderFor, type RereadFields } from "../src/input/record-rereader.js";
import { RecordScanner } from "../src/input/record-scanner.js";
import { DEFAULT_PROFILE } from "../src/layout/profile.js";
import type { ResolvedLayout } from "../src/layout/resolve.js";

const LAYOUT: ResolvedLayout = {
  cellOf: { recipientNumber: 0, name: 1, address: 2 }, columns: { recipientNumber: "a", name: "b", address: "c" }, values: {}, width: 3,
};

const tempDir = () => mkdtempSync(join(tmpdir(), "oqs-reread-"));

/** Offsets of every record of `bytes`, as the first pass's scanner gives them. */
function recordOffsets(bytes: Uint8Array, skip = 0): number[] {
  const offsets: number[] = [];
  const scanner = new RecordScanner(0x2c, 1 << 24, (r) => offsets.push(r.offset), skip);
  scanner.push(bytes.subarray(skip));
  scanner.end();
  return offsets;
}

function readAll(r: RecordRereader, offsets: number[]): RereadFields[] {
  const out: RereadFields[] = [];
  r.fieldsAt(offsets, (k, f) => (out[k] = f));
  return out;
}

describe("RecordRereader", () => {
  it("reads CP932 records by offset, in any order, with quoted line breaks and a last record without a line end", () => {
    const text = '0000001,山田　太郎,東京都千代田区\r\n0000002,"鈴木, 一郎","大阪府\r\n大阪市"\r\n0000003,髙橋　花子,北海道札幌市';
    const path = join(tempDir(), "in.csv");
    const bytes = iconv.encode(text, "cp932");
    writeFileSync(path, bytes);
    const offsets = recordOffsets(bytes);
    expect(offsets).toHaveLength(3);
    const r = new RecordRereader(path, "cp932", ",", 65536, LAYOUT);
    const want = [
      { recipientNumber: "0000001", name: "山田　太郎", address: "東京都千代田区" },
      { recipientNumber: "0000002", name: "鈴木, 一郎", address: "大阪府\r\n大阪市" },
      { recipientNumber: "0000003", name: "髙橋　花子", address: "北海道札幌市" },
    ];
    expect(readAll(r, offsets)).toMatchObject(want);
    expect(readAll(r, [offsets[2], offsets[0], offsets[1]])).toMatchObject([want[2], want[0], want[1]]);
  });

  it("reads a record longer than its read window, and gives empty fields for an offset past the end", () => {
    const long = "あ".repeat(400_000); // 1.2 MB in UTF-8: past the 256 KiB window, read again larger
    const text = `1,短い,住所\n2,${long},東京都\n3,最後,北海道\n`;
    const path = join(tempDir(), "in.csv");
    const bytes = Buffer.from(text);
    writeFileSync(path, bytes);
    const offsets = recordOffsets(bytes);
    const r = new RecordRereader(path, "utf-8", ",", 1 << 24, LAYOUT);
    const got = readAll(r, [...offsets, bytes.length + 10]);
    expect(got.map((f) => f.recipientNumber)).toEqual(["1", "2", "3", undefined]);
    expect(got[1].name).toBe(long);
    expect(got[3]).toEqual({});
  });

  it("gives the same fields for many records close together (read in one pass) as record by record", () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0 ? `${i},"名前${i}\r\n二行目","住所, ${i}"` : `${i},名前${i},${i % 5 === 0 ? "" : `住所${i}`}`);
    const text = rows.join("\r\n"); // the last record has no line end
    const path = join(tempDir(), "in.csv");
    const bytes = iconv.encode(text, "cp932");
    writeFileSync(path, bytes);
    const offsets = recordOffsets(bytes);
    expect(offsets).toHaveLength(3000);
    const r = new RecordRereader(path, "cp932", ",", 65536, LAYOUT);
    const wanted = offsets.filter((_, i) => i % 3 !== 1); // 2,000 ascending offsets: the one-pass path
    const inOnePass = readAll(r, wanted);
    const oneByOne = wanted.map((o) => readAll(r, [o])[0]); // one offset at a time: the record-by-record path
    expect(inOnePass).toEqual(oneByOne);
    expect(inOnePass[0]).toMatchObject({ recipientNumber: "0", name: "名前0\r\n二行目", address: "住所, 0" });
    expect(inOnePass.at(-1)).toMatchObject({ recipientNumber: "2999", name: "名前2999", address: "住所2999" });
    // An offset inside a record (not a record start) gets empty fields, and so does one past the end.
    expect(readAll(r, [...wanted.slice(0, 1500), offsets[2999] + 2, bytes.length + 5]).slice(-2)).toEqual([{}, {}]);
  });

  it("is offered for regular files only: not for standard input, a pipe or a missing file", () => {
    const dir = tempDir();
    const file = join(dir, "in.csv");
    writeFileSync(file, "1,a,b\n");
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    mkdirSync(join(dir, "folder"));
    expect(rereaderFor(file, "utf-8", ",", 65536, LAYOUT)).toBeInstanceOf(RecordRereader);
    for (const p of ["-", fifo, join(dir, "missing.csv"), join(dir, "folder")]) expect(rereaderFor(p, "utf-8", ",", 65536, LAYOUT), p).toBeUndefined();
  });
});

const OPTS: RunOptions = {
  checks: CHECKS, check: { lang: "ja", asOf: "20261123", allowedLaw: ["12", "25"], dateFormats: [] },
  encoding: "auto", layout: DEFAULT_PROFILE, maxFieldBytes: 65536, maxXmlBytes: 1 << 28, redact: false, maxFindings: Infinity, version: "t",
};

describe("B04 on a file read again at the end and on a pipe read once", () => {
  it("gives the same findings for a generated file with B04 conflicts (identities deferred vs computed as read)", async () => {
    const dir = tempDir();
    const file = join(dir, "in.csv");
    await generate({ records: 20_000, seed: 7, out: file });
    const fromFile = await runCheck([file], OPTS);
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", file, fifo]);
    const written = new Promise((resolve) => writer.on("close", resolve));
    const fromPipe = await runCheck([fifo], OPTS);
    await written;
    const b04 = (r: typeof fromFile) => r.report.files[0].findings.filter((f) => f.code === "B04");
    expect(b04(fromFile).length).toBeGreaterThan(0);
    expect(b04(fromPipe)).toEqual(b04(fromFile).map((f) => ({ ...f, related: (f.related as { file: string }[]).map((x) => ({ ...x, file: fifo })) })));
    expect(fromPipe.report.files[0].counts).toEqual(fromFile.report.files[0].counts);
  });
});
