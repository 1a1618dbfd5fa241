// The bundled samples: the clean one has no finding; the defects one triggers every code (B05–B08 with the reference).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/codes/table.js";
import { cli } from "./helpers/cli.js";

const expected = JSON.parse(readFileSync("samples/defects.expected.json", "utf8")) as { record: number; codes: string[] }[];

describe("samples", () => {
  it("clean.csv has no finding and exits 0", async () => {
    const r = await cli(["--format", "json", "samples/clean.csv"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].counts).toEqual({});
  });

  it("defects.csv with reference.csv triggers every code of the code table, each on the record built for it", async () => {
    const r = await cli(["--format", "json", "--reference", "samples/reference.csv", "samples/defects.csv"]);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    for (const c of CODES) expect(file.counts[c.code] ?? 0, c.code).toBeGreaterThan(0);
    for (const e of expected) {
      const got = new Set(file.findings.filter((f: { record: number }) => f.record === e.record).map((f: { code: string }) => f.code));
      for (const code of e.codes) expect(got.has(code), `record ${e.record}: ${code}`).toBe(true);
    }
  });
});
