// FindingCollector: per-record suspension state (SPEC §3.1), byInsurer, --max-findings, and the state moved between threads.
import { describe, expect, it } from "vitest";
import { FindingCollector } from "../src/engine/collector.js";
import type { FieldName, Finding, Severity, SuspensionKind } from "../src/types.js";

interface Added {
  f: Finding;
  byField: boolean;
  recipient?: string;
  insurer?: string;
}

function finding(record: number, code: string, suspension: SuspensionKind, field?: FieldName, severity: Severity = "error"): Finding {
  const f: Finding = { code, severity, suspension, record, line: record + 1, message: `${code} の指摘`, messageId: "m" };
  if (field) Object.assign(f, { field, column: field, value: `v${record}` });
  return f;
}

/**
 * A small file's findings, and what SPEC §3.1 says of each record (worked out by hand below).
 * record 1: Z04 in 氏名 and カナ氏名 (by field, kind none): both names defective → medical.
 * record 2: Z04 in 氏名 only (by field): none. Warning only: not an error record.
 * record 3: D01 eligibility and A01 medical: eligibility; first 受給者番号/保険者番号 given are kept.
 * record 4: N04 none, no field.
 * record 5: K01 in 氏名 and カナ氏名, not by field: none.
 * record 0: a file finding: counted, no record state, not in byInsurer.
 */
const ADDED: Added[] = [
  { f: finding(1, "Z04", "none", "name"), byField: true, recipient: "0000011", insurer: "12130001" },
  { f: finding(3, "D01", "eligibility", "birthDate"), byField: false, recipient: "0000033", insurer: "27000001" },
  { f: finding(1, "Z04", "none", "nameKana"), byField: true, recipient: "0000011", insurer: "12130001" },
  { f: finding(2, "Z04", "none", "name", "warning"), byField: true, insurer: "12130001" },
  { f: finding(3, "A01", "medical", "address"), byField: false, recipient: "9999999", insurer: "99999999" },
  { f: finding(4, "N04", "none"), byField: false },
  { f: finding(5, "K01", "none", "name"), byField: false, recipient: "0000055", insurer: "" },
  { f: finding(5, "K01", "none", "nameKana"), byField: false, recipient: "0000055", insurer: "" },
  { f: finding(0, "S05", "none"), byField: false },
  { f: finding(1, "B04", "none", "individualNumber"), byField: false, recipient: "0000011", insurer: "12130001" },
];

const SUSPENDED = [
  { record: 1, line: 2, kind: "medical", codes: ["B04", "Z04"], fields: ["individualNumber", "name", "nameKana"], recipientNumber: "0000011" },
  { record: 3, line: 4, kind: "eligibility", codes: ["A01", "D01"], fields: ["address", "birthDate"], recipientNumber: "0000033" },
];

const BY_INSURER = {
  "(none)": { records: 0, counts: { N04: 1, K01: 2 }, suspended: { eligibility: 0, medical: 0 } },
  "12130001": { records: 0, counts: { Z04: 3, B04: 1 }, suspended: { eligibility: 0, medical: 1 } },
  "27000001": { records: 0, counts: { D01: 1, A01: 1 }, suspended: { eligibility: 1, medical: 0 } },
};

function collect(added: readonly Added[], max?: number): FindingCollector {
  const c = new FindingCollector(max);
  for (const a of added) c.add(structuredClone(a.f), a.byField, a.recipient, a.insurer);
  return c;
}

function results(c: FindingCollector) {
  return {
    findings: c.findings, counts: c.counts, truncated: c.truncated, recordsWithFindings: c.recordsWithFindings,
    errorRecords: [...c.failingRecords("error")].sort((a, b) => a - b), suspendedRecords: c.suspendedRecords(), byInsurer: c.byInsurer(),
  };
}

const inRange = ([from, to]: [number, number]) => ADDED.filter((a) => a.f.record >= from && a.f.record <= to);

/** The findings split by record ranges over worker collectors, each one's state cloned as postMessage does, merged in order. */
function viaWorkers(ranges: [number, number][], max?: number): FindingCollector {
  const main = new FindingCollector(max);
  for (const range of ranges) main.absorb(structuredClone(collect(inRange(range), max).exportState()));
  return main;
}

describe("FindingCollector", () => {
  it("works out each record's suspension kind, causes and error state", () => {
    const r = results(collect(ADDED));
    expect(r.recordsWithFindings).toBe(5);
    expect(r.errorRecords).toEqual([1, 3, 4, 5]);
    expect(r.suspendedRecords).toEqual(SUSPENDED);
    expect(r.byInsurer).toEqual(BY_INSURER);
    expect(r.counts).toEqual({ Z04: 3, D01: 1, A01: 1, N04: 1, K01: 2, S05: 1, B04: 1 });
  });

  it("keeps codes and fields of records with more than 32 different codes, sorted as strings", () => {
    const c = new FindingCollector();
    const codes = Array.from({ length: 70 }, (_, i) => `C${String(69 - i).padStart(2, "0")}`);
    for (const code of codes) c.add(finding(7, code, code === "C33" ? "eligibility" : "none"), false);
    c.add(finding(8, "C65", "medical"), false);
    const [seven, eight] = c.suspendedRecords();
    expect(seven.kind).toBe("eligibility");
    expect(seven.codes).toEqual([...codes].sort());
    expect(eight).toEqual({ record: 8, line: 9, kind: "medical", codes: ["C65"], fields: [] });
  });

  it.each([
    [[[0, 10]]],
    [[[0, 1], [2, 3], [4, 10]]],
    [[[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]],
  ] as [number, number][][][])("gives the same results when worker collectors' states are absorbed (ranges %j)", (ranges) => {
    const one = results(collect(ranges.flatMap(inRange)));
    const merged = results(viaWorkers(ranges));
    expect(merged).toEqual(one);
    expect(merged.suspendedRecords).toEqual(SUSPENDED);
  });

  it("keeps --max-findings across absorbed states and still counts every finding", () => {
    const merged = results(viaWorkers([[0, 1], [2, 3], [4, 10]], 4));
    expect(merged.findings).toHaveLength(4);
    expect(merged.truncated).toBe(true);
    expect(merged.counts).toEqual({ Z04: 3, D01: 1, A01: 1, N04: 1, K01: 2, S05: 1, B04: 1 });
    expect(merged.suspendedRecords).toEqual(SUSPENDED);
  });

  it("keeps absorbed findings' nested values (B04's related records, A01's wards) as they were", () => {
    const f = { ...finding(9, "B04", "eligibility", "individualNumber"), related: [{ file: "a.csv", record: 3, line: 4 }], differs: ["name", "sex"] };
    const worker = new FindingCollector();
    worker.add(structuredClone(f), false, "0000099", "12130001");
    const main = new FindingCollector();
    main.absorb(structuredClone(worker.exportState()));
    main.absorb(structuredClone(new FindingCollector().exportState()));
    expect(main.findings).toEqual([f]);
    expect(main.suspendedRecords()).toEqual([
      { record: 9, line: 10, kind: "eligibility", codes: ["B04"], fields: ["individualNumber"], recipientNumber: "0000099" },
    ]);
  });
});
