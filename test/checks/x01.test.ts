import { describe, expect, it } from "vitest";
import b01 from "../../src/checks/b01-birth-date-invalid.js";
import d01 from "../../src/checks/d01-qualification-date-invalid.js";
import n01 from "../../src/checks/n01-individual-number-invalid.js";
import n02 from "../../src/checks/n02-insurer-number-invalid.js";
import n03 from "../../src/checks/n03-recipient-number-invalid.js";
import check from "../../src/checks/x01-excel-damage.js";
import { runChecks, type Row } from "../helpers/run-checks.js";
import { brief, individualNumber, row } from "../helpers/basic4-rows.js";

describe("X01 excel-damage", () => {
  const valid: Row[] = [
    {},
    { postalCode: "100-0013" },
    { birthDate: "1980/05/15", qualifiedOn: "2020-04-01" },
    { individualNumber: "12345678901" }, // 11 digits, but "0" + it is no valid number: N01's
    { birthDate: "2000/2/30" }, // Excel would not produce this: B01's
    { insurerNumber: "", recipientNumber: "", postalCode: "", individualNumber: "" },
    { birthDate: "1234" },
  ];
  it.each(valid)("no damage: %j", (over) => {
    expect(runChecks([check], [row(over)])).toEqual([]);
  });

  // 06130488 and 0123455 are valid MHLW numbers worked out by hand (0123455: 5·2→1+0, 4, 3·2, 2, 1·2, 0 → 15 → 5).
  const damaged: [Row, string, string, string | undefined, string][] = [
    [{ individualNumber: "1.23457E+11" }, "individualNumber", "exponent", undefined, "eligibility"],
    [{ individualNumber: "1.23457e+11" }, "individualNumber", "exponent", undefined, "eligibility"],
    [{ recipientNumber: "123455" }, "recipientNumber", "leadingZero", "0123455", "none"],
    [{ recipientNumber: "123456" }, "recipientNumber", "leadingZero", undefined, "none"], // 0123456 fails its check digit
    [{ insurerNumber: "6130488" }, "insurerNumber", "leadingZero", "06130488", "none"],
    [{ postalCode: "600001" }, "postalCode", "leadingZero", "0600001", "none"],
    [{ postalCode: "10012" }, "postalCode", "leadingZero", "0010012", "none"],
    [{ birthDate: "1980/5/15" }, "birthDate", "dateReformatted", "1980/05/15", "eligibility"],
    [{ birthDate: "1980/05/15 0:00" }, "birthDate", "dateReformatted", "1980/05/15", "eligibility"],
    [{ birthDate: "29356" }, "birthDate", "serialDate", "1980/05/15", "eligibility"], // Excel serial of 1980-05-15
    [{ qualifiedOn: "2020/4/1" }, "qualifiedOn", "dateReformatted", "2020/04/01", "none"],
    [{ disqualifiedOn: "2025/3/31" }, "disqualifiedOn", "dateReformatted", "2025/03/31", "none"],
  ];
  it.each(damaged)("%j → %s %s", (over, field, messageId, suggestion, suspension) => {
    const findings = runChecks([check], [row(), row(over)]);
    expect(brief(findings)).toEqual([{ code: "X01", messageId, record: 2, field }]);
    expect(findings[0].suggestion).toBe(suggestion);
    expect(findings[0].suspension).toBe(suspension);
  });

  it("a 12-digit number that lost its leading zero (11 digits, valid with the zero)", () => {
    const n = individualNumber("01234567890");
    const findings = runChecks([check], [row({ individualNumber: n.slice(1) })]);
    expect(brief(findings)).toEqual([{ code: "X01", messageId: "leadingZero", record: 1, field: "individualNumber" }]);
    expect(findings[0].suggestion).toBe(`********${n.slice(8)}`); // the engine masks 個人番号 suggestions too
  });

  it("suggests dates in a declared 西暦 format", () => {
    const [f] = runChecks([check], [row({ birthDate: "1980/5/15" })], { options: { dateFormats: ["YYYYMMDD"] } });
    expect(f.suggestion).toBe("19800515");
  });

  it("one defect, one finding: the format checks stay silent on a cell X01 explains", () => {
    const all = [check, n01, n02, n03, b01, d01];
    const over: Row = {
      individualNumber: "1.23457E+11", insurerNumber: "6130488", recipientNumber: "123455", birthDate: "1980/5/15", qualifiedOn: "2020/4/1",
    };
    const findings = runChecks(all, [row(over)]);
    expect(findings.map((f) => `${f.code}:${f.field}`).sort()).toEqual([
      "X01:birthDate", "X01:individualNumber", "X01:insurerNumber", "X01:qualifiedOn", "X01:recipientNumber",
    ]);
    expect(findings.map((f) => f.supersedes).sort()).toEqual(["B01", "D01", "N01", "N02", "N03"]);
  });
});
