// Seeded fuzzing: 2,000 byte-mutated samples through the CLI must give a valid report or one clear fatal error, never a crash.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RecordScanner, type RawRecord } from "../src/input/record-scanner.js";
import { reportSchema } from "../src/report/schema.js";
import { cli, tempDir } from "./helpers/cli.js";
import { exitForSummary, STACK_TRACE } from "./helpers/corpus.js";
import { mulberry32 as prng } from "../src/engine/sampler.js";

const SEED = 0x0c5c_2026;
const INPUTS = 2_000;
const SAMPLES = [readFileSync("samples/clean.csv"), readFileSync("samples/defects.csv")];


const STRUCTURAL = [0x2c, 0x22, 0x0d, 0x0a, 0x09];
const LEADS = [...Array.from({ length: 0x1f }, (_, k) => 0x81 + k), ...Array.from({ length: 0x1d }, (_, k) => 0xe0 + k)];

type Mutation = (b: number[], rnd: () => number) => string;
const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[int(rnd, xs.length)];

/** Each mutation edits the byte array in place and describes itself (for the failure message). */
const MUTATIONS: Mutation[] = [
  (b, r) => { const i = int(r, b.length); const bit = int(r, 8); b[i] ^= 1 << bit; return `flip bit ${bit} at ${i}`; },
  (b, r) => { const i = int(r, b.length + 1); const x = pick(r, STRUCTURAL); b.splice(i, 0, x); return `insert ${x.toString(16)} at ${i}`; },
  (b, r) => {
    const at = b.flatMap((x, i) => (STRUCTURAL.includes(x) ? [i] : []));
    if (at.length === 0) return "no structural byte to delete";
    const i = pick(r, at); const x = b[i]; b.splice(i, 1); return `delete ${x.toString(16)} at ${i}`;
  },
  (b, r) => { const i = int(r, b.length); b.splice(i, 1 + int(r, 4)); return `delete bytes at ${i}`; },
  (b, r) => { const n = int(r, b.length); b.length = n; return `truncate to ${n}`; },
  (b, r) => { const i = int(r, b.length + 1); const x = pick(r, LEADS); b.splice(i, 0, x); return `lone lead ${x.toString(16)} at ${i}`; },
  (b, r) => {
    const i = int(r, b.length + 1); const lead = 0xf0 + int(r, 10); let trail = 0x40 + int(r, 0xbd); if (trail === 0x7f) trail = 0x80;
    b.splice(i, 0, lead, trail); return `user-defined ${lead.toString(16)}${trail.toString(16)} at ${i}`;
  },
  (b, r) => { const i = int(r, b.length + 1); const n = 1 + int(r, 3); b.splice(i, 0, ...Array(n).fill(0)); return `${n} NUL at ${i}`; },
  (b, r) => {
    const i = int(r, b.length); const j = int(r, b.length); const [from, to] = i < j ? [i, j] : [j, i];
    const piece = b.slice(from, Math.min(to, from + 200)); const at = int(r, b.length + 1); b.splice(at, 0, ...piece);
    return `splice ${piece.length} bytes from ${from} to ${at}`;
  },
  (b, r) => { const i = int(r, b.length); b[i] = int(r, 256); return `random byte at ${i}`; },
];

interface Input {
  n: number;
  bytes: Uint8Array;
  how: string[];
  args: string[];
}

function makeInput(n: number, rnd: () => number): Input {
  const base = SAMPLES[n % 2];
  const b = [...base];
  const how: string[] = [n % 2 === 0 ? "clean.csv" : "defects.csv"];
  const count = 1 + int(rnd, 4);
  for (let k = 0; k < count; k++) how.push(pick(rnd, MUTATIONS)(b, rnd));
  const args = ["--format", "json", "--as-of", "2025-06-01"];
  if (n % 7 === 0) args.push("--max-findings", String(int(rnd, 6)));
  if (n % 11 === 0) args.push("--max-field-bytes", String(16 + int(rnd, 64)));
  if (n % 13 === 0) args.push("--redact");
  return { n, bytes: Uint8Array.from(b), how, args };
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/** The properties every run must have; returns the broken ones. */
function problems(code: number, stdout: string, stderr: string): string[] {
  const out: string[] = [];
  if (![0, 1, 2].includes(code)) out.push(`exit code ${code}`);
  if (STACK_TRACE.test(stdout) || STACK_TRACE.test(stderr)) out.push("stack trace printed");
  if (/予期しないエラー|unexpected error|内部エラー|internal error/.test(stderr)) out.push(`crash: ${stderr.trim()}`);
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return [...out, "standard output is not JSON"];
  }
  const valid = reportSchema.safeParse(report);
  if (!valid.success) out.push(`schema: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  for (const f of report.files ?? []) {
    if (f.error) continue;
    if (!f.truncated && sum(f.counts) !== f.findings.length) out.push(`sum(counts) ${sum(f.counts)} ≠ findings ${f.findings.length}`);
    if (f.truncated && f.findings.length > sum(f.counts)) out.push("more findings listed than counted");
    if (f.recordsWithFindings > f.records) out.push(`recordsWithFindings ${f.recordsWithFindings} > records ${f.records}`);
  }
  if (report.summary && report.summary.findings !== sum(report.summary.counts)) out.push(`summary.findings ${report.summary.findings} ≠ sum of summary.counts`);
  const fatal = (report.files ?? []).some((f: { error?: unknown }) => f.error);
  const expected = fatal ? 2 : exitForSummary(report.summary);
  if (code !== expected) out.push(`exit ${code} but expected ${expected} for counts ${JSON.stringify(report.summary.counts)}`);
  if (code === 2 && stderr.trim().split("\n").length !== 1) out.push(`exit 2 with ${stderr.trim().split("\n").length} messages`);
  if (report.summary?.verdict?.exitCode !== code) out.push(`summary.verdict.exitCode ${report.summary?.verdict?.exitCode} ≠ exit ${code}`);
  return out;
}

describe(`fuzz: ${INPUTS} seeded mutations of the samples (seed ${SEED.toString(16)})`, () => {
  it("never crash: the exit code the report predicts, with a valid report, and one message for exit 2", async () => {
    const dir = tempDir();
    const rnd = prng(SEED);
    const failures: string[] = [];
    const exits = [0, 0, 0];
    for (let n = 0; n < INPUTS; n++) {
      const input = makeInput(n, rnd);
      const path = join(dir, `fuzz-${n}.csv`);
      writeFileSync(path, input.bytes);
      let broken: string[];
      try {
        const r = await cli([...input.args, path]);
        exits[r.code] = (exits[r.code] ?? 0) + 1;
        broken = problems(r.code, r.stdout, r.stderr);
      } catch (e) {
        broken = [`uncaught: ${(e as Error).stack ?? String(e)}`];
      }
      if (broken.length > 0) failures.push(`#${n} ${path} [${input.how.join(" · ")}] ${input.args.join(" ")}: ${broken.join(" | ")}`);
    }
    expect(failures.slice(0, 10), `${failures.length} of ${INPUTS} inputs broke a property`).toEqual([]);
    // The mutations must reach every outcome, or the test is not exercising the reader.
    expect(exits.every((x) => x > 0), `exit codes seen: ${exits}`).toBe(true);
  });
});

describe("fuzz: the record scanner gives the same records whatever the chunk size", () => {
  function scan(bytes: Uint8Array, chunk: number, max: number) {
    const out: string[] = [];
    const s = new RecordScanner(0x2c, max, (r: RawRecord) =>
      out.push(`${r.offset}:${r.line}:${Buffer.from(r.bytes).toString("hex")}:${r.unclosedQuote}:${r.issues.map((i) => `${i.kind}@${i.line}/${i.offset}/${i.cell}`).join(",")}`));
    for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.slice(i, i + chunk));
    s.end();
    return [...out, `blank ${s.blankLines}`];
  }

  it("for 300 mutated samples with 1–3 more quotes, chunks of 1–97 bytes and field limits of 16–80 bytes", () => {
    const rnd = prng(SEED ^ 0x5ca9);
    const failures: string[] = [];
    for (let n = 0; n < 300; n++) {
      const input = makeInput(n, rnd);
      const b = [...input.bytes.subarray(0, 4096)];
      for (let q = 1 + int(rnd, 3); q > 0; q--) {
        const at = int(rnd, b.length + 1);
        b.splice(at, 0, 0x22);
        input.how.push(`quote at ${at}`);
      }
      const bytes = Uint8Array.from(b);
      const max = 16 + int(rnd, 65);
      const whole = scan(bytes, bytes.length || 1, max);
      const chunk = 1 + int(rnd, 97);
      const pieces = scan(bytes, chunk, max);
      if (JSON.stringify(pieces) !== JSON.stringify(whole)) failures.push(`#${n} chunk ${chunk} max ${max} [${input.how.join(" · ")}]`);
    }
    expect(failures.slice(0, 10), `${failures.length} of 300 differ`).toEqual([]);
  });
});
