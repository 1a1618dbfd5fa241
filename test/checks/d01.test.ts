import { describe, expect, it } from "vitest";
import check from "../../src/checks/d01-qualification-date-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";
import type { Row } from "../helpers/run-checks.js";

describe("D01 qualification-date-invalid", () => {
  const valid: Row[] = [
    {},
    { qualifiedOn: "19800515" }, // the day of birth
    { qualifiedOn: "20200401", disqualifiedOn: "20200401" }, // same day
    { qualifiedOn: "20200401", disqualifiedOn: "20250331" },
    { qualifiedOn: "2020/04/01", disqualifiedOn: "2025-03-31" },
    { qualifiedOn: "2020/4/1" }, // X01's
    { qualifiedOn: "20200401", birthDate: "" }, // B03's
    { qualifiedOn: "20200401", birthDate: "20000000" }, // B01's: no order check against an invalid birth date
    { qualifiedOn: "" }, // an empty cell gets no format code (SPEC §3)
    { qualifiedOn: " " },
  ];
  it.each(valid)("valid: %j", (over) => {
    expect(runChecks([check], [row(over)])).toEqual([]);
  });

  const invalid: [Row, string, string][] = [
    [{ qualifiedOn: "20200000" }, "invalid", "qualifiedOn"],
    [{ qualifiedOn: "2020/02/30" }, "invalid", "qualifiedOn"],
    [{ qualifiedOn: "令和2年4月1日" }, "invalid", "qualifiedOn"], // 和暦 not declared
    [{ qualifiedOn: "19800514" }, "beforeBirth", "qualifiedOn"],
    [{ qualifiedOn: "1980/5/1" }, "beforeBirth", "qualifiedOn"], // X01 damage still compared by its day
    [{ qualifiedOn: "20200401", disqualifiedOn: "20200331" }, "afterDisqualification", "qualifiedOn"],
    [{ qualifiedOn: "20200401", disqualifiedOn: "2020/3/31" }, "afterDisqualification", "qualifiedOn"],
    [{ disqualifiedOn: "20209999" }, "disqualificationInvalid", "disqualifiedOn"],
  ];
  it.each(invalid)("%j → %s", (over, messageId, field) => {
    const findings = runChecks([check], [row(), row(over)]);
    expect(brief(findings)).toEqual([{ code: "D01", messageId, record: 2, field }]);
    expect(findings[0].suspension).toBe("none");
  });

  it("reports each defect: invalid disqualification and before birth", () => {
    expect(brief(runChecks([check], [row({ qualifiedOn: "19700101", disqualifiedOn: "不明" })]))).toEqual([
      { code: "D01", messageId: "disqualificationInvalid", record: 1, field: "disqualifiedOn" },
      { code: "D01", messageId: "beforeBirth", record: 1, field: "qualifiedOn" },
    ]);
  });

  it("uses the declared date formats", () => {
    const over = { birthDate: "S55.5.15", qualifiedOn: "R2.4.1", disqualifiedOn: "令和2年3月31日" };
    expect(brief(runChecks([check], [row(over)], { options: { dateFormats: ["wareki"] } }))).toEqual([
      { code: "D01", messageId: "afterDisqualification", record: 1, field: "qualifiedOn" },
    ]);
  });

  it("without 資格取得年月日 in the layout, only 資格喪失年月日 is checked", () => {
    const { qualifiedOn: _q, ...rest } = row({ disqualifiedOn: "2020/13/01" });
    expect(brief(runChecks([check], [rest]))).toEqual([{ code: "D01", messageId: "disqualificationInvalid", record: 1, field: "disqualifiedOn" }]);
  });
});
