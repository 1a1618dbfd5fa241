// Issue 5 acceptance: a generated input + reference pair (100k records each) gives exactly the labelled B05–B08 counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate/command.js";
import { cli, tempDir } from "./helpers/cli.js";

interface Label { record: number; codes: string[]; reference?: { code: string; notationOnly?: boolean } }

describe("a generated 100k pair", () => {
  it("gives exactly the B05/B06/B07/B08 counts the generator labelled, record by record", async () => {
    const dir = tempDir();
    const out = join(dir, "in.csv"), reference = join(dir, "ref.csv"), labels = join(dir, "labels.jsonl");
    await generate({ records: 100_000, seed: 42, out, reference, labels });
    const expected = new Map<string, Set<number>>(["B05", "B06", "B07", "B08"].map((c) => [c, new Set<number>()]));
    const notationOnly = new Set<number>();
    for (const line of readFileSync(labels, "utf8").split("\n").filter(Boolean)) {
      const l = JSON.parse(line) as Label;
      for (const c of l.codes) expected.get(c)?.add(l.record);
      if (l.reference?.notationOnly) notationOnly.add(l.record);
    }
    const r = await cli(["--format", "json", "--jobs", "1", "--reference", reference, out]);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.records).toBe(100_000);
    for (const [code, records] of expected) {
      expect(records.size, code).toBeGreaterThan(0);
      expect(file.counts[code] ?? 0, code).toBe(records.size);
      const got = new Set(file.findings.filter((f: { code: string }) => f.code === code).map((f: { record: number }) => f.record));
      expect(got, code).toEqual(records);
    }
    const gotNotation = file.findings.filter((f: { notationOnly?: boolean }) => f.notationOnly).map((f: { record: number }) => f.record);
    for (const n of gotNotation) expect(notationOnly.has(n), `record ${n} notationOnly`).toBe(true);
    expect(gotNotation.length).toBeGreaterThan(0);
  }, 120_000);
});
