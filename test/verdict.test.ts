// Issue 13 through the CLI: the exit code, --split and the closing line agree with the report's prediction;
// nothing checked is never a pass; one bad file is that file's problem; the user's files are never overwritten.
import fs, { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cli, HEADER, tempDir, writeCp932 } from "./helpers/cli.js";
import { sha256, STACK_TRACE } from "./helpers/corpus.js";

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

/** A 個人番号 with its check digit (SPEC §3.5: weights n + 1 for n ≤ 6, n − 5 above, from the right). */
function individualNumber(body: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(body[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return body + (r <= 1 ? 0 : 11 - r);
}

/** A 受給者番号: six digits and the check digit (SPEC §3.5: 2, 1, 2 … from the right, digits of products summed). */
function recipientNumber(body: string): string {
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    const p = Number(body[body.length - 1 - k]) * (k % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return body + ((10 - (sum % 10)) % 10);
}

/** A record of its own person (受給者番号, 個人番号) with `change` applied to the clean values. */
function person(i: number, change: { number?: string; sex?: string; address?: string } = {}): string {
  const number = change.number ?? individualNumber(`1000000000${i}`);
  return `12130001,${recipientNumber(`10000${i}`)},${number},山田　太郎,ヤマダ　タロウ,19800101,${change.sex ?? "1"},${change.address ?? `東京都千代田区千代田1-${i}`},20240401`;
}
const cleanRecord = (i: number) => person(i);

/** A CP932 file of two clean records with `rows` (full CSV lines) after them. */
function office(dir: string, name: string, ...rows: string[]): string {
  return writeCp932(dir, name, [HEADER, cleanRecord(1), cleanRecord(2), ...rows].join("\r\n") + "\r\n");
}

/** A UTF-8 file (G03 is reachable only from UTF-8 input). */
function utf8Office(dir: string, name: string, ...rows: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, [HEADER, cleanRecord(1), ...rows].join("\r\n") + "\r\n");
  return p;
}

const json = (stdout: string) => JSON.parse(stdout);
const lastLine = (s: string) => s.trimEnd().split("\n").at(-1);

const B09_ROW = person(7, { sex: "3" });
const G03_ADDRESS_ROW = person(8, { address: "東京都千代田区千代田鷗1-9" });
const N04_ROW = person(9, { number: "" });

describe("the prediction is the verdict", () => {
  it("a record the report suspends (B09 性別 3) fails the run and goes to *.invalid.csv", async () => {
    const dir = tempDir();
    const input = office(dir, "b09.csv", B09_ROW);
    const r = await cli(["--format", "json", "--split", join(dir, "out"), input]);
    const report = json(r.stdout);
    expect(report.files[0].counts).toEqual({ B09: 1 });
    expect(report.files[0].suspendedRecords).toMatchObject([{ record: 3, kind: "eligibility", codes: ["B09"] }]);
    expect(r.code).toBe(1);
    expect(report.summary.verdict).toMatchObject({ status: "fail", exitCode: 1, failOn: "suspension" });
    const invalid = readFileSync(join(dir, "out", "b09.invalid.csv"), "latin1").trimEnd().split("\r\n");
    expect(invalid).toHaveLength(2);
  });

  it("a warning that suspends its record (G03 in 住所 → medical) fails by default, passes with --fail-on error", async () => {
    const dir = tempDir();
    const input = utf8Office(dir, "g03.csv", G03_ADDRESS_ROW);
    const byDefault = await cli(["--format", "json", "--split", join(dir, "a"), input]);
    const report = json(byDefault.stdout);
    expect(report.files[0].findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([["G03", "warning"]]);
    expect(report.files[0].suspended).toEqual({ eligibility: 0, medical: 1 });
    expect(byDefault.code).toBe(1);
    expect(report.summary.verdict.reasons).toEqual([{ reason: "suspendedRecords", count: 1, message: "閲覧停止になる記録 1 件" }]);
    expect(readFileSync(join(dir, "a", "g03.invalid.csv"), "utf8")).toContain("鷗");

    const errorsOnly = await cli(["--format", "json", "--fail-on", "error", "--split", join(dir, "b"), input]);
    expect(errorsOnly.code).toBe(0);
    expect(json(errorsOnly.stdout).summary.verdict).toMatchObject({ status: "pass", failOn: "error", reasons: [] });
    expect(readFileSync(join(dir, "b", "g03.valid.csv"), "utf8")).toContain("鷗");
  });

  it("a warning that suspends nothing (N04) passes by default and fails with --fail-on warning", async () => {
    const dir = tempDir();
    const input = office(dir, "n04.csv", N04_ROW);
    const byDefault = await cli([input]);
    expect(byDefault.code).toBe(0);
    expect(lastLine(byDefault.stdout)).toBe("判定：合格（終了コード 0）。閲覧停止になる記録もエラーの指摘もありません");
    const strict = await cli(["--fail-on", "warning", "--format", "json", input]);
    expect(strict.code).toBe(1);
    expect(json(strict.stdout).summary.verdict.reasons).toMatchObject([{ reason: "warningFindings", count: 1 }]);
  });

  it("the config file's failOn is used when --fail-on is not given", async () => {
    const dir = tempDir();
    const input = office(dir, "n04.csv", N04_ROW);
    const config = join(dir, "c.json");
    writeFileSync(config, JSON.stringify({ failOn: "warning" }));
    expect((await cli(["--config", config, input])).code).toBe(1);
    expect((await cli(["--config", config, "--fail-on", "suspension", input])).code).toBe(0);
  });

  it("the terminal's last line says the verdict in words, in English with --lang en", async () => {
    const r = await cli(["samples/defects.csv"]);
    expect(r.code).toBe(1);
    expect(lastLine(r.stdout)).toMatch(/^判定：不合格（終了コード 1）— 閲覧停止になる記録 \d+ 件、エラーの指摘 \d+ 件。直してから登録してください$/);
    const en = await cli(["--lang", "en", "samples/clean.csv"]);
    expect(en.code).toBe(0);
    expect(lastLine(en.stdout)).toBe("Verdict: pass (exit 0); no record would be suspended and no error finding");
  });

  it("a baseline that holds every suspending finding makes the run pass", async () => {
    const dir = tempDir();
    const input = office(dir, "b09.csv", B09_ROW);
    const baseline = join(dir, "base.json");
    expect((await cli(["--report", `json=${baseline}`, input])).code).toBe(1);
    const r = await cli(["--baseline", baseline, "--format", "json", input]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.verdict.status).toBe("pass");
  });
});

describe("nothing checked is never a pass", () => {
  it.each([
    ["an empty folder", (dir: string) => (mkdirSync(join(dir, "empty")), join(dir, "empty")), "noFiles", "点検するファイルが見つかりません"],
    ["a folder with no .csv/.tsv/.txt/.xml", (dir: string) => (mkdirSync(join(dir, "docs")), writeFileSync(join(dir, "docs", "a.json"), "{}"), join(dir, "docs")), "noFiles", "点検するファイルが見つかりません"],
    ["a header-only file", (dir: string) => writeCp932(dir, "h.csv", HEADER + "\r\n"), "noRecords", "記録がありません"],
  ])("%s: exit 2, a clear message, verdict incomplete", async (_what, make, reason, message) => {
    const dir = tempDir();
    const input = make(dir);
    const r = await cli(["--format", "json", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(input);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(json(r.stdout).summary.verdict).toMatchObject({ status: "incomplete", exitCode: 2, reasons: [{ reason }] });
    const terminal = await cli([input]);
    expect(terminal.stdout).not.toContain("閲覧停止になる記録はありません");
    expect(lastLine(terminal.stdout)).toMatch(/^判定：点検が終わっていません（終了コード 2）/);
  });

  it("a header-only file among others has its own message, not 「指摘はありません」", async () => {
    const dir = tempDir();
    const h = writeCp932(dir, "h.csv", HEADER + "\r\n");
    const r = await cli([h, "samples/clean.csv"]);
    expect(r.code).toBe(0);
    const block = r.stdout.split("\n\n")[0];
    expect(block).toContain("記録がありません（ヘッダーだけのファイルです）");
    expect(block).not.toContain("指摘はありません");
    expect(r.stderr).toContain(`${h}: 記録がありません`);
  });

  it("a file that could not be read: exit 2, counted, and the closing lines do not read as success", async () => {
    const dir = tempDir();
    const r = await cli([join(dir, "missing.csv"), "samples/clean.csv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("点検できなかったファイル 1 件");
    expect(r.stdout).not.toContain("閲覧停止になる記録はありません。");
    const report = json((await cli(["--format", "json", join(dir, "missing.csv"), "samples/clean.csv"])).stdout);
    expect(report.summary.unreadableFiles).toBe(1);
    expect(report.summary.verdict).toMatchObject({ status: "incomplete", reasons: [{ reason: "unreadableFiles", count: 1, message: "点検できなかったファイル 1 件" }] });
  });
});

/** Makes `fn` of node:fs throw a system error `code` for `path`, as the OS does for a locked or forbidden file. */
function failFor<K extends "statSync" | "readdirSync" | "createReadStream">(fn: K, path: string, code: string): void {
  const real = fs[fn] as (...a: unknown[]) => unknown;
  vi.spyOn(fs, fn).mockImplementation(((p: unknown, ...rest: unknown[]) => {
    if (String(p) === path) throw Object.assign(new Error(`${code}: ${fn} '${path}'`), { code, syscall: fn });
    return real(p, ...rest);
  }) as never);
  syncBuiltinESMExports();
}

describe("one file's failure is that file's", () => {
  it("a read error (EIO, /proc/self/mem) is that file's error; the other file is checked and reported", async () => {
    const r = await cli(["--format", "json", "/proc/self/mem", "samples/defects.csv"]);
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.files[0].error.message).toBe("/proc/self/mem: ファイルを読めません：読み取り中に入出力エラーが起きました（ディスクやネットワークドライブを確かめてください）（EIO）");
    expect(report.files[1].records).toBeGreaterThan(0);
    expect(report.files[1].error).toBeUndefined();
    expect(r.stderr).not.toMatch(/予期しないエラー/);
  });

  it("an open error (ENXIO, a socket) says why in words, in English with --lang en", async () => {
    const dir = tempDir();
    const sock = join(dir, "office.csv");
    const server: Server = await new Promise((ok) => {
      const s = createServer().listen(sock, () => ok(s));
    });
    try {
      const r = await cli(["--lang", "en", "--format", "json", sock, "samples/clean.csv"]);
      expect(r.code).toBe(2);
      expect(json(r.stdout).files[0].error.message).toBe(`${sock}: cannot read the file: not a regular file (a device or socket) (ENXIO)`);
      expect(json(r.stdout).files[1].records).toBe(10);
    } finally {
      server.close();
    }
  });

  it("EACCES at open (a file open in Excel on Windows): that file's error, every report still written", async () => {
    const dir = tempDir();
    const locked = office(dir, "locked.csv");
    failFor("createReadStream", locked, "EACCES");
    const report = join(dir, "r.json");
    const r = await cli(["--report", `json=${report}`, locked, "samples/clean.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${locked}: ファイルを読めません：読み書きの権限がないか、ほかのプログラム（Excel など）が開いています（EACCES）`);
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.files.map((f: { path: string; error?: unknown }) => [f.path, !!f.error])).toEqual([[locked, true], ["samples/clean.csv", false]]);
  });

  it("a folder that cannot be listed is that folder's error; the other folders are checked", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "A"));
    mkdirSync(join(dir, "B"));
    office(join(dir, "A"), "資格情報.csv");
    office(join(dir, "B"), "資格情報.csv");
    failFor("readdirSync", join(dir, "B"), "EACCES");
    const r = await cli(["--format", "json", dir]);
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([join(dir, "A", "資格情報.csv"), join(dir, "B")]);
    expect(report.files[0].records).toBe(2);
    expect(report.files[1].error.message).toContain(`${join(dir, "B")}: フォルダーの中を一覧できません：`);
    expect(report.summary.unreadableFiles).toBe(1);
  });
});

describe("the user's files are safe", () => {
  it("refuses a --report target that is an input, before reading anything; the input is unchanged", async () => {
    const dir = tempDir();
    const input = office(dir, "victim.csv", B09_ROW);
    const before = sha256(input);
    const r = await cli(["--report", `csv=${input}`, input]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("点検する入力ファイルです");
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(["victim.csv"]);
  });

  it("refuses a --report or --split target inside a folder being walked", async () => {
    const dir = tempDir();
    office(dir, "資格情報.csv");
    for (const args of [["--report", `csv=${join(dir, "指摘.csv")}`], ["--split", join(dir, "分割")]]) {
      const r = await cli([...args, dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("点検するフォルダー");
      expect(readdirSync(dir)).toEqual(["資格情報.csv"]);
    }
  });

  it("gives --split outputs of inputs with the same base name unique names and says which input each came from", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "A市"));
    mkdirSync(join(dir, "B町"));
    const a = office(join(dir, "A市"), "資格情報.csv", B09_ROW);
    const b = office(join(dir, "B町"), "資格情報.csv");
    const out = join(dir, "out");
    const r = await cli(["--split", out, a, b]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["A市_資格情報.invalid.csv", "A市_資格情報.valid.csv", "B町_資格情報.invalid.csv", "B町_資格情報.valid.csv"]);
    expect(r.stderr).toContain(`${a} → ${join(out, "A市_資格情報.valid.csv")}`);
    expect(r.stderr).toContain(`${b} → ${join(out, "B町_資格情報.valid.csv")}`);
    expect(readFileSync(join(out, "A市_資格情報.invalid.csv"), "latin1").trimEnd().split("\r\n")).toHaveLength(2);
    expect(readFileSync(join(out, "B町_資格情報.invalid.csv"), "latin1").trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("skips the tool's own reports and split files when walking a folder, and says so once", async () => {
    const dir = tempDir();
    const input = office(dir, "資格情報.csv", B09_ROW);
    const elsewhere = tempDir();
    for (const spec of ["csv=指摘.csv", "junit=junit.xml"]) await cli(["--report", `${spec.split("=")[0]}=${join(elsewhere, spec.split("=")[1])}`, input]);
    await cli(["--rows", "records", "--report-encoding", "cp932", "--report", `csv=${join(elsewhere, "一覧.csv")}`, input]);
    await cli(["--split", join(elsewhere, "split"), input]);
    for (const f of ["指摘.csv", "junit.xml", "一覧.csv"]) fs.copyFileSync(join(elsewhere, f), join(dir, f));
    for (const f of readdirSync(join(elsewhere, "split"))) fs.copyFileSync(join(elsewhere, "split", f), join(dir, f));
    const r = await cli(["--format", "json", dir]);
    expect(json(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([input]);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^oqs-check: このツールが書いたレポート・分割ファイル 5 件は点検しません/)]);
  });

  it("creates a missing report folder", async () => {
    const dir = tempDir();
    const target = join(dir, "新しい", "フォルダー", "r.csv");
    const r = await cli(["--report", `csv=${target}`, "samples/clean.csv"]);
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
