import { describe, expect, it } from "vitest";
import check from "../../src/checks/b09-sex-unset.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

describe("B09 sex-unset", () => {
  it.each(["1", "2", "", "0", "３" /* B02's */])("not B09: %j", (sex) => {
    expect(runChecks([check], [row({ sex })])).toEqual([]);
  });
  it.each(["3", " 3 "])("%j → unset", (sex) => {
    const findings = runChecks([check], [row(), row({ sex }), row({ sex: "1" })]);
    expect(brief(findings)).toEqual([{ code: "B09", messageId: "unset", record: 2, field: "sex" }]);
    expect(findings[0]).toMatchObject({ severity: "error", suspension: "eligibility" });
  });
});
