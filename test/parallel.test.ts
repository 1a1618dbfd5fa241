// Parallel runs give the same report as one thread, whatever the ranges: cut every few hundred bytes here.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks/index.js";
import { runCheck, type RunOptions } from "../src/engine/run.js";
import { runCheckParallel } from "../src/engine/parallel.js";
import { DEFAULT_PROFILE } from "../src/layout/profile.js";
import { formatJson } from "../src/report/json.js";
import type { Report } from "../src/types.js";

const OPTS: RunOptions = {
  checks: CHECKS, check: { lang: "ja", asOf: "20261123", allowedLaw: ["12", "25"], dateFormats: [] },
  encoding: "auto", layout: DEFAULT_PROFILE, maxFieldBytes: 65536, maxXmlBytes: 1 << 28, redact: false, maxFindings: Infinity, version: "t",
};
const json = (r: Report) => formatJson(r, { lang: "ja", redact: false, rows: "findings", reportEncoding: "utf-8", color: false });

const cases = JSON.parse(readFileSync("test/fixtures/malformed/cases.json", "utf8")) as { cases?: { file: string }[] } | { file: string }[];
const corpus = (Array.isArray(cases) ? cases : (cases.cases ?? [])).map((c) => `test/fixtures/malformed/${c.file}`).filter((f) => /\.csv$/.test(f));

describe("--jobs 2 with small ranges", () => {
  it.each(["samples/defects.csv", "samples/clean.csv", ...corpus])("gives the same report as one thread for %s", async (path) => {
    const one = await runCheck([path], OPTS);
    const two = await runCheckParallel([path], { ...OPTS, rangeBytes: 300 }, 2);
    expect(json(two.report)).toBe(json(one.report));
    expect(two.crashes).toEqual(one.crashes);
  });

  it("checks again, in this thread, the ranges of a worker thread that ran out of memory: same report, no crash", async () => {
    const one = await runCheck(["samples/defects.csv"], OPTS);
    const two = await runCheckParallel(["samples/defects.csv"], { ...OPTS, rangeBytes: 300, workerHeapMb: 1 }, 2);
    expect(two.workersLost).toEqual([expect.stringMatching(/memory/)]);
    expect(two.crashes).toEqual([]);
    expect(json(two.report)).toBe(json(one.report));
  });

  it("uses both threads (this one and a worker) when a file has many ranges, and merges B04 across them", async () => {
    const two = await runCheckParallel(["samples/defects.csv", "samples/clean.csv"], { ...OPTS, rangeBytes: 300 }, 2);
    expect(two.workers).toBe(2);
    expect(two.report.summary.counts.B04).toBe(2);
  });
});

/** clean.csv's records 30 times, each 住所 quoted with a line break inside it: many cuts fall inside quotes. */
function quotedLineBreaks(): string {
  const [header, ...rows] = iconv.decode(readFileSync("samples/clean.csv"), "cp932").trimEnd().split("\r\n");
  const out = [header];
  for (let k = 0; k < 30; k++) {
    for (const row of rows) {
      const cells = row.split(",");
      cells[9] = `"${cells[9]}\r\n（${k}号棟）"`;
      out.push(cells.join(","));
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), "oqs-ranges-")), "quoted.csv");
  writeFileSync(path, iconv.encode(out.join("\r\n") + "\r\n", "cp932"));
  return path;
}

describe("ranges cut inside a quoted line break", () => {
  const path = quotedLineBreaks();

  it.each([97, 300, 1000])("are checked again from the true record start (ranges of %i bytes), same report as one thread", async (rangeBytes) => {
    const one = await runCheck([path], OPTS);
    const two = await runCheckParallel([path], { ...OPTS, rangeBytes }, 2);
    expect(two.rangesRedone).toBeGreaterThan(0);
    expect(json(two.report)).toBe(json(one.report));
    expect(two.report.files[0].records).toBe(300);
  });

  it("are not redone when every cut falls between records", async () => {
    const two = await runCheckParallel(["samples/defects.csv"], { ...OPTS, rangeBytes: 300 }, 2);
    expect(two.rangesRedone).toBe(0);
  });
});

describe("the --reference index built in worker threads", () => {
  it("gives the same B05–B08 findings as the index built in one thread, with ranges of a few hundred bytes", async () => {
    const { buildReferenceIndex } = await import("../src/reference/index.js");
    const refOpts = { ...OPTS, rangeBytes: 300 };
    const serial = await buildReferenceIndex("samples/reference.csv", "individualNumber", refOpts, 1);
    const parallel = await buildReferenceIndex("samples/reference.csv", "individualNumber", refOpts, 2);
    expect(parallel.size).toBe(serial.size);
    const withRef = (reference: unknown) => ({ ...OPTS, check: { ...OPTS.check, reference } });
    const a = await runCheck(["samples/defects.csv"], withRef(serial));
    const b = await runCheck(["samples/defects.csv"], withRef(parallel));
    expect(json(b.report)).toBe(json(a.report));
    for (const code of ["B05", "B06", "B07", "B08"]) expect(a.report.summary.counts[code]).toBeGreaterThan(0);
  });
});
