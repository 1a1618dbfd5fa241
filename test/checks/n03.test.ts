import { describe, expect, it } from "vitest";
import check from "../../src/checks/n03-recipient-number-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

describe("N03 recipient-number-invalid", () => {
  // 1234566 and 0123455: check digits worked out by hand with the SPEC §3.5 rule.
  it.each(["1234566", "0123455", "123455" /* X01's */, "" /* empty: no format code */])("valid or not N03's: %j", (recipientNumber) => {
    expect(runChecks([check], [row({ recipientNumber })])).toEqual([]);
  });
  it.each([
    ["1234567", "checkDigit"],
    ["12345", "format"],
    ["12345667", "format"],
    ["J000035", "format"],
  ] as const)("%j → %s", (recipientNumber, messageId) => {
    const findings = runChecks([check], [row(), row({ recipientNumber })]);
    expect(brief(findings)).toEqual([{ code: "N03", messageId, record: 2, field: "recipientNumber" }]);
    expect(findings[0]).toMatchObject({ severity: "warning", suspension: "none" });
  });
  it("suggests full-width digits as half-width only when valid", () => {
    expect(runChecks([check], [row({ recipientNumber: "１２３４５６６" })])[0].suggestion).toBe("1234566");
    expect(runChecks([check], [row({ recipientNumber: "１２３４５６７" })])[0].suggestion).toBeUndefined();
  });
});
