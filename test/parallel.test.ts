// Parallel runs give the same report as one thread, whatever the ranges: cut every few hundred bytes here.
import { readFileSync } from "node:fs";
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

  it("uses both workers when a file has many ranges, and merges B04 across them", async () => {
    const two = await runCheckParallel(["samples/defects.csv", "samples/clean.csv"], { ...OPTS, rangeBytes: 300 }, 2);
    expect(two.workers).toBe(2);
    expect(two.report.summary.counts.B04).toBe(2);
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
