import { describe, expect, it } from "vitest";
import check from "../../src/checks/b02-sex-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

describe("B02 sex-invalid", () => {
  it.each(["1", "2", "3", " 1", "", "　"])("valid or B03's: %j", (sex) => {
    expect(runChecks([check], [row({ sex })])).toEqual([]);
  });

  it.each([
    ["0", undefined], ["4", undefined], ["9", undefined], ["男", "1"], ["女性", "2"], ["１", "1"], ["３", "3"], ["M", undefined], ["12", undefined],
  ] as const)("%s → invalid (suggestion %s)", (sex, suggestion) => {
    const findings = runChecks([check], [row(), row({ sex })]);
    expect(brief(findings)).toEqual([{ code: "B02", messageId: "invalid", record: 2, field: "sex" }]);
    expect(findings[0].suggestion).toBe(suggestion);
    expect(findings[0].suspension).toBe("eligibility");
  });
});
