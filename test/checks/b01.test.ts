import { describe, expect, it } from "vitest";
import check from "../../src/checks/b01-birth-date-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

const AS_OF = "20261123"; // DEFAULT_TEST_OPTIONS.asOf

describe("B01 birth-date-invalid", () => {
  const valid = ["19800515", "1980/05/15", "1980-05-15", "18900101", AS_OF, " 19800515 ", "", "　", "1980/5/15" /* X01's */];
  it.each(valid)("valid or not B01's: %j", (birthDate) => {
    expect(runChecks([check], [row({ birthDate })])).toEqual([]);
  });

  const invalid: [string, string, string[]?][] = [
    ["20000000", "impossible"],
    ["2000/00/00", "impossible"],
    ["20000230", "impossible"],
    ["2000/02/30", "impossible"],
    ["1980/5/32", "format"],
    ["不明", "format"],
    ["S55.5.15", "format"], // 和暦 not declared
    ["20261124", "future"],
    ["20300101", "future"],
    ["2030/1/1", "future"], // Excel-reformatted (X01) and in the future: a second, different defect
    ["18891231", "tooOld"],
    ["平成32年3月4日", "eraRange", ["wareki"]],
    ["4320304", "eraRange", ["eraCode7"]],
    ["H12.2.30", "impossible", ["wareki"]],
  ];
  it.each(invalid)("%s → %s", (birthDate, messageId, dateFormats = []) => {
    const good = { wareki: "S55.5.15", eraCode7: "3550515" }[dateFormats[0] ?? ""] ?? "19800515";
    const findings = runChecks([check], [row({ birthDate: good }), row({ birthDate })], { options: { dateFormats } });
    expect(brief(findings)).toEqual([{ code: "B01", messageId, record: 2, field: "birthDate" }]);
    expect(findings[0].suspension).toBe("eligibility");
  });

  it("declared formats replace the default three", () => {
    expect(runChecks([check], [row({ birthDate: "S55.5.15" })], { options: { dateFormats: ["wareki"] } })).toEqual([]);
    expect(brief(runChecks([check], [row({ birthDate: "19800515" })], { options: { dateFormats: ["wareki"] } }))).toEqual([
      { code: "B01", messageId: "format", record: 1, field: "birthDate" },
    ]);
  });

  it("suggests the right era for 平成32年 and follows --as-of", () => {
    const [f] = runChecks([check], [row({ birthDate: "平成32年3月4日" })], { options: { dateFormats: ["wareki"], asOf: "20300101" } });
    expect(f.suggestion).toBe("令和2年3月4日");
    expect(runChecks([check], [row({ birthDate: "20261124" })], { options: { asOf: "20261124" } })).toEqual([]);
  });
});
