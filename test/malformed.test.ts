// The malformed-input corpus (test/fixtures/malformed): exit code, exact finding counts, one clear message, no stack trace, input untouched.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";
import { activeCodes, exitForCounts, onlyActive, sha256, STACK_TRACE } from "./helpers/corpus.js";
// @ts-expect-error — plain ESM generator script without type declarations
import { generatedFile } from "./fixtures/malformed/build.mjs";

interface At {
  code: string;
  record: number;
  line: number;
  byteOffset?: number;
}
interface Case {
  file: string;
  what: string;
  exit: 0 | 1 | 2;
  codes: Record<string, number>;
  records?: number;
  message?: string;
  /** A readable file with no record: the run, not the file, is incomplete. */
  noRecords?: boolean;
  at?: At[];
  generated?: boolean;
  pending?: string;
  why: string;
}

const DIR = join(import.meta.dirname, "fixtures", "malformed");
const { args: ARGS, cases: CASES } = JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8")) as { args: string[]; cases: Case[] };
const ACTIVE = activeCodes();

/** The exit code this build must give: the case's, or — while a check is not registered — the one its active codes give. */
function expectedExit(c: Case): 0 | 1 | 2 {
  if (c.exit === 2) return 2;
  return exitForCounts(onlyActive(c.codes, ACTIVE));
}

const generatedDir = tempDir();
function pathOf(c: Case): string {
  if (!c.generated) return join(DIR, c.file);
  const p = join(generatedDir, c.file);
  writeFileSync(p, generatedFile(c.file) as Uint8Array);
  return p;
}

describe("cases.json", () => {
  it("lists every file of the corpus directory once, and its exit codes agree with its finding codes", () => {
    const files = CASES.filter((c) => !c.generated).map((c) => c.file).sort();
    const onDisk = (require("node:fs") as typeof import("node:fs")).readdirSync(DIR).filter((f) => !/^(build\.mjs|cases\.json)$/.test(f)).sort();
    expect(files).toEqual(onDisk);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
    for (const c of CASES) {
      if (c.exit === 2) expect(c.codes, c.file).toEqual({});
      else expect(exitForCounts(c.codes), c.file).toBe(c.exit);
    }
  });
});

describe.each(CASES)("$file — $what", (c) => {
  const pendingCodes = Object.keys(c.codes).filter((code) => !ACTIVE.has(code));
  const label = pendingCodes.length > 0 ? ` (not registered yet: ${pendingCodes.join(", ")} — checked without them)` : "";

  it(`exits ${c.exit}${label} with exactly ${JSON.stringify(c.codes)}, no stack trace, input unchanged`, async () => {
    const path = pathOf(c);
    const before = sha256(path);
    const r = await cli([...ARGS, "--format", "json", path]);
    expect(sha256(path)).toBe(before);
    expect([0, 1, 2]).toContain(r.code);
    expect(r.code).toBe(expectedExit(c));
    expect(r.stdout).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(STACK_TRACE);

    const report = JSON.parse(r.stdout);
    const file = report.files[0];
    expect(report.files).toHaveLength(1);
    if (c.noRecords) {
      expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(path)]);
      expect(r.stderr).toContain(c.message);
      expect(file.error).toBeUndefined();
      expect(file.records).toBe(0);
      expect(report.summary.verdict).toMatchObject({ status: "incomplete", reasons: [{ reason: "noRecords" }] });
      return;
    }
    if (c.exit === 2) {
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(path);
      if (c.message) expect(lines[0]).toContain(c.message);
      expect(file.error?.message).toContain(basename(path));
      expect(file.counts).toEqual({});
      return;
    }
    expect(r.stderr).toBe("");
    expect(file.error).toBeUndefined();
    expect(file.records).toBe(c.records);
    expect(file.counts).toEqual(onlyActive(c.codes, ACTIVE));
    expect(file.findings.length).toBe(Object.values(file.counts).reduce((a: number, b) => a + (b as number), 0));
    for (const at of c.at ?? []) {
      if (!ACTIVE.has(at.code)) continue;
      const hit = file.findings.find((f: At) => f.code === at.code && f.record === at.record && f.line === at.line && (at.byteOffset === undefined || f.byteOffset === at.byteOffset));
      expect(hit, `${at.code} at record ${at.record}, line ${at.line}${at.byteOffset !== undefined ? `, byte ${at.byteOffset}` : ""}`).toBeDefined();
    }
  });

  it("prints the terminal report (or one message) without a stack trace", async () => {
    const path = pathOf(c);
    const r = await cli([...ARGS, path]);
    expect(r.code).toBe(expectedExit(c));
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    if (c.exit === 2) expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(path)]);
    else expect(r.stdout).toContain(path);
  });
});

describe("the whole corpus in one run", () => {
  it("checks every readable file, names each unreadable one once on standard error, and exits 2", async () => {
    const committed = CASES.filter((c) => !c.generated);
    const paths = committed.map((c) => join(DIR, c.file));
    const r = await cli([...ARGS, "--format", "json", ...paths]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    const failing = committed.filter((c) => c.exit === 2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(failing.length);
    for (const c of failing) expect(lines.filter((l) => l.includes(join(DIR, c.file)))).toHaveLength(1);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(paths);
    committed.forEach((c, i) => {
      const f = report.files[i];
      if (c.exit === 2 && !c.noRecords) expect(f.error, c.file).toBeDefined();
      else expect([f.error, f.records], c.file).toEqual([undefined, c.records]);
    });
  });
});
