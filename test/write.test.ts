// Atomic report writing: a locked target (EBUSY/EPERM, as when Excel has it open) gives one clear message, exit 2, and keeps the temp file.
import fs, { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";
import { STACK_TRACE } from "./helpers/corpus.js";

const INPUT = "samples/defects.csv";

/** Makes every rename onto `target` fail with `code`, as Windows does for a file open in Excel. */
function lockTarget(target: string, code: "EBUSY" | "EPERM"): void {
  const real = fs.renameSync;
  vi.spyOn(fs, "renameSync").mockImplementation((from, to) => {
    if (String(to) === target) throw Object.assign(new Error(`${code}: resource busy or locked, rename '${String(from)}' -> '${String(to)}'`), { code, syscall: "rename" });
    return real(from, to);
  });
  syncBuiltinESMExports();
}

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

/** A JSON report without its verdict: a report file written before another target failed cannot know of that failure. */
function withoutVerdict(json: string): unknown {
  const report = JSON.parse(json) as { summary: { verdict?: unknown } };
  delete report.summary.verdict;
  return report;
}

const tempFilesOf = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && f.endsWith(".tmp"));

describe("a locked --report target", () => {
  it.each(["EBUSY", "EPERM"] as const)("%s at rename: exit 2, one Japanese message naming the file and the kept temp file", async (code) => {
    const dir = tempDir();
    const target = join(dir, "report.json");
    writeFileSync(target, "old report, open in Excel");
    lockTarget(target, code);
    const r = await cli(["--report", `json=${target}`, "--format", "json", INPUT]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(target);
    expect(lines[0]).toMatch(/開かれているため上書きできません/);
    expect(lines[0]).toContain(code);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    const kept = tempFilesOf(dir, "report.json");
    expect(kept).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, kept[0]));
    expect(withoutVerdict(readFileSync(join(dir, kept[0]), "utf8"))).toEqual(withoutVerdict(r.stdout));
    expect(JSON.parse(r.stdout).summary.verdict).toMatchObject({ status: "incomplete", exitCode: 2, reasons: [{ reason: "unwrittenOutputs", count: 1 }, {}, {}] });
    expect(readFileSync(target, "utf8")).toBe("old report, open in Excel");
  });

  it("says it in English with --lang en", async () => {
    const dir = tempDir();
    const target = join(dir, "r.csv");
    lockTarget(target, "EBUSY");
    const r = await cli(["--lang", "en", "--report", `csv=${target}`, INPUT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.csv: the file is open in another program/);
    expect(tempFilesOf(dir, "r.csv")).toHaveLength(1);
  });

  it("still writes the other --report targets and standard output", async () => {
    const dir = tempDir();
    const locked = join(dir, "locked.json");
    const other = join(dir, "other.json");
    lockTarget(locked, "EPERM");
    const r = await cli(["--report", `json=${locked}`, "--report", `json=${other}`, "--format", "json", INPUT]);
    expect(r.code).toBe(2);
    expect(withoutVerdict(readFileSync(other, "utf8"))).toEqual(withoutVerdict(r.stdout));
    expect(JSON.parse(r.stdout).summary.verdict.status).toBe("incomplete");
    expect(tempFilesOf(dir, "other.json")).toEqual([]);
  });
});

describe("a target the rename cannot replace (a non-empty folder)", () => {
  it("exits 2 with one message naming the file and keeps the temp file", async () => {
    const dir = tempDir();
    const target = join(dir, "report.html");
    mkdirSync(target);
    writeFileSync(join(target, "inside.txt"), "x");
    const r = await cli(["--report", `html=${target}`, INPUT]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(target);
    expect(lines[0]).toMatch(/レポートを書き込めません/);
    const kept = tempFilesOf(dir, "report.html");
    expect(kept).toHaveLength(1);
    expect(lines[0]).toContain(kept[0]);
    expect(readFileSync(join(dir, kept[0]), "utf8")).toMatch(/<html/i);
    expect(readdirSync(target)).toEqual(["inside.txt"]);
  });
});
