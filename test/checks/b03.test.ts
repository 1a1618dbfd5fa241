import { describe, expect, it } from "vitest";
import check from "../../src/checks/b03-basic4-empty.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";
import type { FieldName } from "../../src/types.js";

const MESSAGE: Record<string, string> = {
  name: "emptyName", nameKana: "emptyNameKana", birthDate: "emptyBirthDate", sex: "emptySex", address: "emptyAddress",
};
// SPEC §3.1: 生年月日/性別 → eligibility, 住所 → medical, one name → none.
const SUSPENSION: Record<string, string> = { name: "none", nameKana: "none", birthDate: "eligibility", sex: "eligibility", address: "medical" };

describe("B03 basic4-empty", () => {
  it("a complete record has no finding; other empty fields are not B03's", () => {
    expect(runChecks([check], [row(), row({ individualNumber: "", postalCode: "", qualifiedOn: "" })])).toEqual([]);
  });

  for (const field of Object.keys(MESSAGE)) {
    it.each(["", " ", "　", "\t", "\u00a0", " 　\t"])(`${field} = %j`, (blank) => {
      const findings = runChecks([check], [row(), row({ [field]: blank })]);
      expect(brief(findings)).toEqual([{ code: "B03", messageId: MESSAGE[field], record: 2, field }]);
      expect(findings[0].suspension).toBe(SUSPENSION[field]);
    });
  }

  it("one finding per empty field", () => {
    const findings = runChecks([check], [row({ name: "", sex: " ", address: "" })]);
    expect(brief(findings)).toEqual([
      { code: "B03", messageId: "emptyName", record: 1, field: "name" },
      { code: "B03", messageId: "emptySex", record: 1, field: "sex" },
      { code: "B03", messageId: "emptyAddress", record: 1, field: "address" },
    ]);
  });

  it("a field missing from the layout is not reported as empty", () => {
    const fields: FieldName[] = ["name", "birthDate", "sex", "address"];
    const { nameKana: _omit, ...noKana } = row();
    expect(runChecks([check], [noKana], { fields })).toEqual([]);
  });

  it("a value missing from a record whose layout has the field is empty", () => {
    const { nameKana: _omit, ...noKana } = row();
    expect(brief(runChecks([check], [noKana], { fields: ["name", "nameKana", "birthDate", "sex", "address"] }))).toEqual([
      { code: "B03", messageId: "emptyNameKana", record: 1, field: "nameKana" },
    ]);
  });

  it("both names empty: the record is suspended as medical (SPEC §3.1)", async () => {
    const { CheckRun } = await import("../../src/engine/check-run.js");
    const { FindingCollector } = await import("../../src/engine/collector.js");
    const run = new CheckRun({ checks: [check], options: { lang: "ja", asOf: "20261123", allowedLaw: ["12"], dateFormats: [] } });
    const collector = new FindingCollector();
    const fields = row({ name: "", nameKana: "" });
    run.addFile("f.csv", Object.fromEntries(Object.keys(fields).map((k) => [k, k])), collector);
    run.record({ record: 1, line: 2, offset: 0, fileIndex: 0, cells: [], fields });
    expect(collector.suspendedRecords()).toMatchObject([{ record: 1, kind: "medical", codes: ["B03"] }]);
  });
});
