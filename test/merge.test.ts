// merge: offices' JSON reports combined into one, summary recomputed; invalid input named by file and key.
import { describe, expect, it } from "vitest";
import { MergeInputError, mergeReports, parseReportJson } from "../src/report/merge.js";
import { reportSchema } from "../src/report/schema.js";
import type { Report } from "../src/types.js";
import { officeA, officeB, officeBClean, report } from "./helpers/report-fixtures.js";

/** As the analyst receives it: written to JSON by an office and read back. */
function asJson(r: Report): unknown {
  return JSON.parse(JSON.stringify(r));
}

function expectMergeError(inputs: unknown[], sources: string[], source: string, keyPath: string): MergeInputError {
  try {
    mergeReports(inputs, { sources });
  } catch (e) {
    expect(e).toBeInstanceOf(MergeInputError);
    const err = e as MergeInputError;
    expect(err.source).toBe(source);
    expect(err.keyPath).toBe(keyPath);
    expect(err.message.startsWith(`${source}: ${keyPath}`)).toBe(true);
    return err;
  }
  throw new Error("mergeReports accepted invalid input");
}

describe("mergeReports", () => {
  const kita = report([officeA()], true);
  const minami = report([officeB(), officeBClean()], true);

  it("equals the report of one run over both offices' files, summary recomputed", () => {
    const merged = mergeReports([asJson(kita), asJson(minami)]);
    const both = report([officeA(), officeB(), officeBClean()], true);
    expect(merged.files).toEqual(both.files);
    expect(merged.summary).toEqual(both.summary);
  });

  it("adds the offices' totals up (counted by hand from the fixtures)", () => {
    const s = mergeReports([asJson(kita), asJson(minami)]).summary;
    expect(s.files).toBe(3);
    expect(s.records).toBe(7 + 4 + 3);
    expect(s.findings).toBe(10 + 4);
    expect(s.recordsWithFindings).toBe(7 + 3);
    expect(s.suspended).toEqual({ eligibility: 2 + 1, medical: 3 + 1 });
    expect(s.counts).toEqual({ B01: 1, B09: 1, G01: 1, G02: 1, G03: 1, K01: 1, N01: 1, N03: 1, S02: 1, X01: 1, Z04: 2, Z09: 2 });
    expect(Object.keys(s.byInsurer).sort()).toEqual(["(none)", "12130001", "12270153"]);
    expect(s.byInsurer["12270153"]).toEqual({ records: 3 + 3, counts: { B09: 1, G02: 1, G03: 1, Z04: 1 }, suspended: { eligibility: 1, medical: 1 } });
  });

  it("keeps the files in the order given and any extra keys", () => {
    const a = asJson(kita) as any;
    a.files[0].findings[1].serverLiteral = true;
    a.extraTopLevel = { note: "kept by the schema, not by merge" };
    const merged = mergeReports([asJson(minami), a]);
    expect(merged.files.map((f) => f.path)).toEqual(["minami/受給者一覧.csv", "minami/clean.csv", "kita/export-2026-11.csv"]);
    expect(merged.files[2].findings[1].serverLiteral).toBe(true);
  });

  it("says redacted only when every office's report was", () => {
    expect(mergeReports([asJson(kita), asJson(minami)]).options?.redacted).toBe(true);
    expect(mergeReports([asJson(kita), asJson(report([officeB()], false))]).options?.redacted).toBe(false);
  });

  it("rebuilds byInsurer from summary.byInsurer when the files carry none (SPEC §4's example shape)", () => {
    const bare = asJson(minami) as any;
    for (const f of bare.files) delete f.byInsurer;
    const s = mergeReports([asJson(kita), bare]).summary;
    expect(s.byInsurer["12270153"].records).toBe(6);
    expect(s.byInsurer["12130001"].records).toBe(7);
  });

  it("names the file and the bad key of an invalid input", () => {
    const bad = asJson(minami) as any;
    bad.files[1].suspendedRecords = [{ record: 1, line: 2, kind: "fatal", codes: [] }];
    const err = expectMergeError([asJson(kita), bad], ["kita.json", "minami.json"], "minami.json", "files[1].suspendedRecords[0].kind");
    expect(err.message).toContain("minami.json");
  });

  it.each([
    ["a finding's severity", (r: any) => { r.files[0].findings[0].severity = "fatal"; }, "files[0].findings[0].severity"],
    ["a missing summary", (r: any) => { delete r.summary; }, "summary"],
    ["a record number as text", (r: any) => { r.files[0].findings[2].record = "3"; }, "files[0].findings[2].record"],
    ["an unknown field name", (r: any) => { r.files[0].findings[0].field = "shimei"; }, "files[0].findings[0].field"],
    ["counts that do not match the list", (r: any) => { r.files[0].counts.Z04 = 2; }, "files[0].counts.Z04"],
    ["another schema version", (r: any) => { r.schemaVersion = 2; }, "schemaVersion"],
    ["another tool", (r: any) => { r.tool.name = "other"; }, "tool.name"],
  ])("rejects %s", (_what, spoil, keyPath) => {
    const bad = asJson(kita) as any;
    spoil(bad);
    expectMergeError([bad], ["offices/kita.json"], "offices/kita.json", keyPath);
  });

  it("accepts fewer listed findings than counts when truncated", () => {
    const cut = asJson(kita) as any;
    cut.files[0].findings = cut.files[0].findings.slice(0, 3);
    cut.files[0].truncated = true;
    expect(mergeReports([cut]).summary.findings).toBe(10);
  });

  it("names inputs by position when no names are given, and refuses an empty list", () => {
    expectMergeError([asJson(kita), { schemaVersion: 1 }], undefined as unknown as string[], "report 2", "tool");
    expect(() => mergeReports([])).toThrow(MergeInputError);
  });
});

describe("parseReportJson and reportSchema", () => {
  it("names the file of a document that is not JSON", () => {
    expect(() => parseReportJson("{ not json", "x.json")).toThrow(/^x\.json: not a JSON document/u);
  });

  it("reads a report written with a BOM", () => {
    expect(parseReportJson("\uFEFF" + JSON.stringify(report([officeA()])), "bom.json").files).toHaveLength(1);
  });

  it("accepts SPEC §4's example report", () => {
    const spec = {
      schemaVersion: 1, tool: { name: "oqs-check", version: "0.1.0" },
      files: [{
        path: "samples/defects.csv", encoding: "cp932", records: 120, recordsChecked: 120,
        findings: [{ code: "Z04", severity: "error", suspension: "medical", record: 12, line: 13, field: "name", column: "氏名",
          value: "山田　太郎　", message: "氏名の末尾に空白があります", suggestion: "山田　太郎" }],
        counts: { Z04: 1 }, recordsWithFindings: 1, suspended: { eligibility: 0, medical: 1 },
        suspendedRecords: [{ record: 12, line: 13, recipientNumber: "1234566", kind: "medical", codes: ["Z04"] }],
      }],
      summary: { files: 1, records: 120, findings: 1, recordsWithFindings: 1, counts: { Z04: 1 }, suspended: { eligibility: 0, medical: 1 },
        byInsurer: { "12130001": { records: 120, counts: { Z04: 1 }, suspended: { eligibility: 0, medical: 1 } } } },
    };
    expect(reportSchema.safeParse(spec).success).toBe(true);
    const merged = mergeReports([spec]);
    expect(merged.summary.byInsurer["12130001"].records).toBe(120);
    expect(merged.files[0].suspendedRecords[0].fields).toEqual([]);
  });
});
