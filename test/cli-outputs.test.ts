// Issue 6 CLI outputs: --split keeps original bytes, --sample is reproducible, merge equals one run, --jobs is identical.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheckParallel } from "../src/engine/parallel.js";
import { CHECKS } from "../src/checks/index.js";
import { DEFAULT_PROFILE } from "../src/layout/profile.js";
import { reportSchema } from "../src/report/schema.js";
import { cli, tempDir, writeBytes } from "./helpers/cli.js";

/** Splits a CRLF file into its lines (the fixtures below have no quoted line ends). */
const lines = (b: Buffer) => b.toString("latin1").split("\r\n").filter((l) => l.length > 0);

describe("--split", () => {
  it("puts every data record exactly once into .valid or .invalid, byte-identical, header in both", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const input = readFileSync("samples/defects.csv");
    const r = await cli(["--split", out, "--format", "json", "samples/defects.csv"]);
    const report = JSON.parse(r.stdout);
    const valid = readFileSync(join(out, "defects.valid.csv"));
    const invalid = readFileSync(join(out, "defects.invalid.csv"));
    const [header, ...records] = lines(input);
    const [vh, ...v] = lines(valid);
    const [ih, ...iv] = lines(invalid);
    expect(vh).toBe(header);
    expect(ih).toBe(header);
    expect([...v, ...iv].sort()).toEqual([...records].sort());
    expect(valid.length + invalid.length - Buffer.byteLength(header + "\r\n", "latin1")).toBe(input.length);
    // Invalid: every record with an error finding and every record the report predicts to be suspended (issue 13).
    const failing = new Set<number>([
      ...report.files[0].findings.filter((f: { severity: string }) => f.severity === "error").map((f: { record: number }) => f.record),
      ...report.files[0].suspendedRecords.map((s: { record: number }) => s.record),
    ]);
    expect(report.files[0].suspendedRecords.some((s: { codes: string[] }) => s.codes.includes("B09"))).toBe(true);
    expect(iv.length).toBe(failing.size);
    for (const n of failing) expect(iv).toContain(records[n - 1]);
  });

  it("refuses XML and standard input with an explanation", async () => {
    const dir = tempDir();
    const xml = writeBytes(dir, "a.xml", new Uint8Array(Buffer.from("<R><Recipient><Name>山田</Name><Birthdate>19800101</Birthdate><Sex1>1</Sex1><Address>東京都港区1</Address></Recipient></R>")));
    const r = await cli(["--split", join(dir, "out"), xml]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("XML は分割できません");
  });
});

describe("--sample", () => {
  it("checks a reproducible uniform sample and still counts every record", async () => {
    const dir = tempDir();
    const rows = ["氏名,生年月日,性別,住所", ...Array.from({ length: 200 }, (_, i) => `山田　太郎${i % 7 === 0 ? "　" : ""},19800101,1,東京都港区芝公園${i}`)];
    const p = writeBytes(dir, "s.csv", rows.join("\r\n"));
    const a = JSON.parse((await cli(["--format", "json", "--sample", "20", "--seed", "7", p])).stdout);
    const b = JSON.parse((await cli(["--format", "json", "--sample", "20", "--seed", "7", p])).stdout);
    const c = JSON.parse((await cli(["--format", "json", "--sample", "20", "--seed", "8", p])).stdout);
    expect(a.files[0]).toMatchObject({ records: 200, recordsChecked: 20 });
    expect(a).toEqual(b);
    const lines = (x: typeof a) => x.files[0].findings.map((f: { line: number }) => f.line);
    expect(lines(a)).not.toEqual(lines(c));
  });
});

describe("merge", () => {
  it("of two redacted reports equals one redacted run over both inputs", async () => {
    const dir = tempDir();
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    await cli(["--redact", "--report", `json=${a}`, "samples/defects.csv"]);
    await cli(["--redact", "--report", `json=${b}`, "samples/clean.csv"]);
    const merged = JSON.parse((await cli(["merge", "--format", "json", a, b])).stdout);
    const both = JSON.parse((await cli(["--redact", "--format", "json", "samples/defects.csv", "samples/clean.csv"])).stdout);
    expect(reportSchema.safeParse(merged).success).toBe(true);
    expect(merged.files).toEqual(both.files);
    const { verdict, ...bothSummary } = both.summary;
    expect(verdict.status).toBe("fail");
    expect(merged.summary).toEqual(bothSummary);
    expect(JSON.stringify(merged)).not.toMatch(/山田|佐藤/);
  });

  it("exits 2 naming the file and key of an input that is not a report", async () => {
    const dir = tempDir();
    const bad = writeBytes(dir, "bad.json", new Uint8Array(Buffer.from('{"schemaVersion":1,"files":[{"path":3}]}')));
    const r = await cli(["merge", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.json");
  });
});

describe("--jobs", () => {
  it("runs in parallel and gives JSON identical to one thread for a directory with a B04 pair across two files", async () => {
    const dir = tempDir();
    const data = join(dir, "offices");
    mkdirSync(data);
    const head = "保険者番号,受給者番号,個人番号,氏名,氏名カナ,生年月日,性別,住所,資格取得年月日";
    writeBytes(data, "a.csv", `${head}\r\n12130001,1234566,123456789018,山田　太郎,ヤマダ　タロウ,19800101,1,東京都港区芝公園4-2-8,20240401\r\n12130001,1234574,,佐藤　花子　,サトウ　ハナコ,19900202,2,港区芝公園1,20240401\r\n`);
    writeBytes(data, "b.csv", `${head}\r\n12270153,0000019,123456789018,山田　太郎,ヤマダ　タロウ,19810101,1,大阪府大阪市北区梅田1-1,20240401\r\n`);
    const one = await cli(["--jobs", "1", "--format", "json", "--as-of", "2026-11-23", data]);
    const two = await cli(["--jobs", "2", "--format", "json", "--as-of", "2026-11-23", data]);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.summary.counts.B04).toBe(2);

    const opts = {
      checks: CHECKS, check: { lang: "ja" as const, asOf: "20261123", allowedLaw: ["12", "25"], dateFormats: [] },
      encoding: "auto" as const, layout: DEFAULT_PROFILE, maxFieldBytes: 65536, maxXmlBytes: 1 << 28, redact: false, maxFindings: Infinity, version: "t",
    };
    const parallel = await runCheckParallel([join(data, "a.csv"), join(data, "b.csv")], opts, 2);
    // threads that checked a range (this one and the worker thread: which of them took each file varies)
    expect(parallel.workers).toBeGreaterThan(0);
  });
});

describe("the JSON report", () => {
  it.each(["samples/defects.csv", "samples/clean.csv"])("validates against the SPEC §4 schema for %s", async (p) => {
    const r = await cli(["--format", "json", p]);
    expect(reportSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });
});

describe("chars", () => {
  it("lists each character of the defects sample that becomes ● once, with its count, bytes and substitute", async () => {
    const r = await cli(["chars", "samples/defects.csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^G0[1-4]\s/.test(l));
    // From samples/build-samples.mjs: F040 (G01), 髙 FBFC and 﨑 FAB1 (G02), ｺｰﾎﾟ in an address (G03), ● (G04).
    expect(rows.map((l) => l.split(/\s+/)[0]).sort()).toEqual(["G01", "G02", "G02", "G03", "G03", "G03", "G03", "G04"]);
    expect(rows.find((l) => l.includes("U+9AD9"))).toMatch(/FBFC\s+1\s.*高/);
    expect(new Set(rows.map((l) => l.match(/U\+[0-9A-F]+/)![0])).size).toBe(rows.length);
    const clean = await cli(["chars", "samples/clean.csv"]);
    expect(clean.stdout.split("\n").filter((l) => /^G0[1-4]\s/.test(l))).toEqual([]);
  });
});
