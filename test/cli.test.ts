// The CLI contract: exit codes 0/1/2, clear messages without stack traces, several inputs, reports on disk.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanRow, cli, HEADER, tempDir, writeBytes } from "./helpers/cli.js";

const STACK = /\n\s+at |Error: .*\n.*\.ts:\d+/;

describe("exit codes", () => {
  it("exits 0 on the clean sample and 1 on the defects sample, listing its findings", async () => {
    const clean = await cli(["samples/clean.csv"]);
    expect(clean.code).toBe(0);
    const defects = await cli(["samples/defects.csv"]);
    expect(defects.code).toBe(1);
    for (const code of ["S01", "S02", "S03", "S04"]) expect(defects.stdout).toContain(code);
    expect(defects.stdout).toContain("閲覧停止になる記録");
  });

  const fatalCases: [string, (dir: string) => string[], RegExp][] = [
    ["a missing file", () => ["no-such-file.csv"], /ファイルが見つかりません/],
    ["an unknown option", () => ["--bogus", "samples/clean.csv"], /不明なオプション --bogus/],
    ["a layout that is not JSON", (d) => { writeFileSync(join(d, "l.json"), "{ fields: "); return ["--layout", join(d, "l.json"), "samples/clean.csv"]; }, /JSON として正しくありません/],
    ["a layout with an unknown field", (d) => { writeFileSync(join(d, "l.json"), '{"fields":{"birthdate":"生年月日"}}'); return ["--layout", join(d, "l.json"), "samples/clean.csv"]; }, /fields.*birthdate/],
    ["a file without 生年月日", (d) => [writeBytes(d, "nobirth.csv", "氏名,性別,住所\r\n山田　太郎,1,東京都港区1\r\n")], /生年月日/],
    ["an unknown code in --rules", () => ["--rules", "Q99=off", "samples/clean.csv"], /不明なコード「Q99」/],
  ];
  it.each(fatalCases)("exits 2 with one clear message for %s", async (_label, args, message) => {
    const r = await cli(args(tempDir()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n").length).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });

  it("speaks English with --lang en", async () => {
    const r = await cli(["--lang", "en", "no-such-file.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file");
  });

  it("still checks a good file given with a failing one, reports the failure in files[].error, and exits 2", async () => {
    const dir = tempDir();
    const bad = writeBytes(dir, "nobirth.csv", "氏名,性別,住所\r\n山田　太郎,1,東京都港区1\r\n");
    const r = await cli(["--format", "json", bad, "samples/defects.csv"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].error.message).toContain("生年月日");
    expect(report.files[1].counts.S01).toBe(1);
    expect(report.summary.files).toBe(2);
  });

  it("turns a code off with --rules and exits 0 when no error remains", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "s01.csv", `${HEADER}\r\n${cleanRow(1)},extra\r\n`);
    expect((await cli([p])).code).toBe(1);
    expect((await cli(["--rules", "S01=off", p])).code).toBe(0);
    expect((await cli(["--rules", "S01=warning", "--max-warnings", "0", p])).code).toBe(1);
    expect((await cli(["--rules", "S01=warning", p])).code).toBe(0);
  });

  it("does not count findings already in the --baseline report", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "s01.csv", `${HEADER}\r\n${cleanRow(1)},extra\r\n`);
    const base = join(dir, "base.json");
    expect((await cli(["--report", `json=${base}`, p])).code).toBe(1);
    expect((await cli(["--baseline", base, p])).code).toBe(0);
    const p2 = writeBytes(dir, "s01.csv", `${HEADER}\r\n${cleanRow(1)},extra\r\n${cleanRow(2)},extra\r\n`);
    expect((await cli(["--baseline", base, p2])).code).toBe(1);
  });
});

describe("reports", () => {
  it("writes several formats in one pass with --report, atomically (no temp file left)", async () => {
    const dir = tempDir();
    const json = join(dir, "r.json");
    const r = await cli(["--report", `json=${json}`, "--format", "json", "samples/defects.csv"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(JSON.parse(r.stdout));
    expect(existsSync(`${json}.${process.pid}.tmp`)).toBe(false);
  });

  it("masks the 個人番号 always and every personal value with --redact or under CI", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "n.csv", `${HEADER}\r\n12130001,1234566,123456789018,山田　太郎,ヤマダ　タロウ,19800101,1,東京都港区1,20240401,x\r\n`);
    const plain = await cli(["--format", "json", p]);
    expect(plain.stdout).not.toContain("123456789018");
    for (const args of [["--redact"], []]) {
      const r = await cli(["--format", "json", ...args, p], args.length ? {} : { CI: "true" });
      expect(JSON.parse(r.stdout).options.redacted).toBe(true);
      expect(r.stdout).not.toContain("山田");
    }
    const optOut = await cli(["--format", "json", "--no-redact", p], { CI: "true" });
    expect(JSON.parse(optOut.stdout).options.redacted).toBe(false);
  });

  it("checks only the first N records with --head and still counts them all", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "h.csv", [HEADER, ...Array.from({ length: 20 }, (_, i) => cleanRow(i))].join("\r\n"));
    const r = JSON.parse((await cli(["--format", "json", "--head", "5", p])).stdout);
    expect(r.files[0]).toMatchObject({ records: 20, recordsChecked: 5 });
  });
});

describe("subcommands", () => {
  it("prints the default layout, the code table and a code's doc", async () => {
    const layout = await cli(["layout", "--print-default"]);
    expect(layout.code).toBe(0);
    expect(layout.stdout).toContain("生年月日");
    const codes = await cli(["codes"]);
    expect(codes.stdout.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(27);
    const explain = await cli(["explain", "S03"]);
    expect(explain.stdout).toContain("# S03 csv-syntax");
    expect((await cli(["explain", "Q99"])).code).toBe(2);
  });
});

describe("oqs-check.config.json", () => {
  it("applies rules from --config and names a bad key", async () => {
    const dir = tempDir();
    const p = writeBytes(dir, "s01.csv", `${HEADER}\r\n${cleanRow(1)},extra\r\n`);
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ rules: { S01: "off" }, lang: "en" }));
    const ok = await cli(["--config", good, p]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("records read");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ rulez: { S01: "off" } }));
    const r = await cli(["--config", bad, p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("rulez");
    const badCode = join(dir, "bad-code.json");
    writeFileSync(badCode, JSON.stringify({ rules: { Q99: "off" } }));
    const r2 = await cli(["--config", badCode, p]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("Q99");
  });
});
