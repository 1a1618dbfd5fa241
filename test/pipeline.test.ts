// The reader end to end: byte-exact decoding, S01–S04 positions, record counts, resume after a bad quote.
import { describe, expect, it } from "vitest";
import { defineCheck, type Check } from "../src/checks/define.js";
import { runCheck, type RunOptions } from "../src/engine/run.js";
import { DEFAULT_PROFILE } from "../src/layout/profile.js";
import { reportSchema } from "../src/report/schema.js";
import { formatJson } from "../src/report/json.js";
import type { DataRecord, Report } from "../src/types.js";
import { cleanRow, HEADER, tempDir, writeBytes } from "./helpers/cli.js";

/** A probe registered under a real code that records every record the checks receive. */
function probe(): { check: Check; seen: DataRecord[] } {
  const seen: DataRecord[] = [];
  const check = defineCheck({
    meta: { code: "G01", fields: ["name"], messages: {} },
    create: () => ({ record: (rec) => void seen.push({ ...rec, raw: undefined }) }),
  });
  return { check, seen };
}

function options(checks: Check[], extra: Partial<RunOptions> = {}): RunOptions {
  return {
    checks, check: { lang: "ja", asOf: "20261123", allowedLaw: ["12", "25"], dateFormats: [] },
    encoding: "auto", layout: DEFAULT_PROFILE, maxFieldBytes: 65536, maxXmlBytes: 1 << 28,
    redact: false, maxFindings: Infinity, version: "test", ...extra,
  };
}

const SJIS = (lead: number, trail: number) => [lead, trail];

/** The --format json output of a report validates against the SPEC §4 schema. */
function expectValidJson(report: Report): void {
  const json = JSON.parse(formatJson(report, { lang: "ja", redact: false, rows: "findings", reportEncoding: "utf-8", color: false }));
  const r = reportSchema.safeParse(json);
  expect(r.success, r.success ? "" : JSON.stringify(r.error.issues[0])).toBe(true);
}

describe("decoding", () => {
  it("delivers user-defined F040, F540, F9FC as U+E000, U+E3AC, U+E757", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "pua.csv", "氏名,生年月日,性別,住所\r\n山", SJIS(0xf0, 0x40), SJIS(0xf5, 0x40), SJIS(0xf9, 0xfc), ",19800101,1,東京都港区芝公園4-2-8\r\n");
    const { check, seen } = probe();
    const { report } = await runCheck([p], options([check]));
    expect(report.files[0].encoding).toBe("cp932");
    expect(report.files[0].counts).toEqual({});
    expect(seen[0].fields.name).toBe("山\uE000\uE3AC\uE757");
  });

  it("reports S02 with line and byte offset for 85 40, A0, FD and a lone 82 at EOF, and checks the records around them", async () => {
    const dir = tempDir();
    const head = "氏名,生年月日,性別,住所\r\n";
    const r1 = "山田　太郎,19800101,1,東京都港区1\r\n";
    const p = writeBytes(dir, "bad.csv", head, r1, "a", [0x85, 0x40], "b,19800101,1,x\r\n", [0xa0], ",19800101,1,y\r\n", "c,19800101,1,", [0xfd], "\r\n", "d,19800101,1,z", [0x82]);
    const { check, seen } = probe();
    const { report } = await runCheck([p], options([check]));
    const f = report.files[0];
    const s02 = f.findings.filter((x) => x.code === "S02").map((x) => [x.line, x.record, x.byteOffset, x.bytes]);
    expect(s02.map((x) => [x[0], x[1], x[3]])).toEqual([[3, 2, "85 40"], [4, 3, "A0"], [5, 4, "FD"], [6, 5, "82"]]);
    const bytes = (await import("node:fs")).readFileSync(p);
    for (const [, , off, hx] of s02) expect(bytes.subarray(off as number, (off as number) + (hx as string).split(" ").length).toString("hex").toUpperCase()).toBe((hx as string).replace(/ /g, ""));
    // Byte layout: header 25 (4 names of 2 characters ×2 bytes… = 20, 3 commas, CRLF) + record 1 = 35, then "a": 85 40 at 61.
    expect(s02[0][2]).toBe(61);
    expect(f.records).toBe(5);
    expect(seen.map((r) => r.record)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[0].fields.name).toBe("山田　太郎");
  });

  it("counts every record SPEC §2 delimits with S01, S03 and S04 present", async () => {
    const dir = tempDir();
    const rows = [HEADER, cleanRow(1), cleanRow(2) + ",extra", `"a"b${cleanRow(3).slice(8)}`, cleanRow(4).replace("山田", "X".repeat(100)), cleanRow(5)];
    const p = writeBytes(dir, "mixed.csv", rows.join("\r\n") + "\r\n");
    const { check } = probe();
    const { report } = await runCheck([p], options([check], { maxFieldBytes: 64 }));
    const f = report.files[0];
    expect(f.records).toBe(5);
    expect(f.findings.map((x) => [x.code, x.record, x.line])).toEqual([["S01", 2, 3], ["S03", 3, 4], ["S04", 4, 5]]);
  });
});

describe("an unclosed quote", () => {
  it("in record 2 of 1,000 gives one S03 and records 3…1,000 are still read and checked", async () => {
    const dir = tempDir();
    const rows = [HEADER];
    for (let i = 1; i <= 1000; i++) rows.push(i === 2 ? `12130001,1234566,,"山田　太郎,ヤマダ　タロウ,19800101,1,東京都港区1,20240401` : cleanRow(i));
    const p = writeBytes(dir, "quote.csv", rows.join("\r\n") + "\r\n");
    const { check, seen } = probe();
    const { report } = await runCheck([p], options([check]));
    const f = report.files[0];
    expect(f.counts).toEqual({ S03: 1 });
    expect(f.findings[0]).toMatchObject({ code: "S03", record: 2, line: 3, messageId: "unclosed-quote" });
    expect(f.records).toBe(1000);
    expect(seen.length).toBe(999);
    expect(seen[1]).toMatchObject({ record: 3, line: 4 });
    expect(seen.at(-1)).toMatchObject({ record: 1000, line: 1001 });
  });
});

describe("encodings and formats", () => {
  const rows = ["氏名,生年月日,性別,住所", "山田　太郎,19800101,1,東京都港区芝公園4-2-8", "佐藤　花子,19900202,2,大阪府大阪市北区梅田1-1"];
  const cases: [string, string, Uint8Array, string][] = [
    ["cp932", "a.csv", new Uint8Array((require("iconv-lite") as typeof import("iconv-lite")).encode(rows.join("\r\n"), "cp932")), "cp932"],
    ["utf-8 with BOM", "b.csv", new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join("\n"))])), "utf-8"],
    ["utf-8", "c.csv", new Uint8Array(Buffer.from(rows.join("\n"))), "utf-8"],
    ["euc-jp", "d.csv", new Uint8Array((require("iconv-lite") as typeof import("iconv-lite")).encode(rows.join("\n"), "euc-jp")), "euc-jp"],
    ["tsv", "e.tsv", new Uint8Array((require("iconv-lite") as typeof import("iconv-lite")).encode(rows.join("\r\n").replace(/,/g, "\t"), "cp932")), "cp932"],
  ];
  it.each(cases)("reads %s and names the encoding", async (_label, name, bytes, enc) => {
    const dir = tempDir();
    const p = writeBytes(dir, name, bytes);
    const { check, seen } = probe();
    const { report } = await runCheck([p], options([check]));
    expect(report.files[0].encoding).toBe(enc);
    expect(report.files[0].encodingReason).toBeTruthy();
    expectValidJson(report);
    expect(seen.map((r) => r.fields.name)).toEqual(["山田　太郎", "佐藤　花子"]);
    expect(report.files[0].counts).toEqual({});
  });

  it("reads an XML export with オン資 element names and gives lines", async () => {
    const dir = tempDir();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Export>\n  <Recipient>\n    <Name>山田　太郎</Name><Birthdate>19800101</Birthdate><Sex1>1</Sex1><Address>東京都港区1</Address>\n  </Recipient>\n  <Recipient>\n    <Name>佐藤　花子</Name><Birthdate>19900202</Birthdate><Sex1>2</Sex1><Address>東京都港区2</Address>\n  </Recipient>\n</Export>\n`;
    const p = writeBytes(dir, "x.xml", new Uint8Array(Buffer.from(xml)));
    const { check, seen } = probe();
    const { report } = await runCheck([p], options([check]));
    expect(report.files[0]).toMatchObject({ format: "xml", encoding: "utf-8", records: 2 });
    expectValidJson(report);
    expect(seen.map((r) => [r.fields.name, r.line])).toEqual([["山田　太郎", 3], ["佐藤　花子", 6]]);
  });
});
