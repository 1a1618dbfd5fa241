import { describe, expect, it } from "vitest";
import check from "../../src/checks/n01-individual-number-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, individualNumber, row } from "../helpers/basic4-rows.js";

describe("N01 individual-number-invalid", () => {
  it.each(["123456789018", individualNumber("98765432109"), " 123456789018 ", "", "　", "1.23457E+11" /* X01's */])("not N01: %j", (n) => {
    expect(runChecks([check], [row({ individualNumber: n })])).toEqual([]);
  });

  it.each([
    ["123456789017", "checkDigit", undefined],
    ["123456789010", "checkDigit", undefined],
    ["12345678901", "format", undefined],
    ["1234567890188", "format", undefined],
    ["12345678901a", "format", undefined],
    ["１２３４５６７８９０１８", "format", "********9018"], // full-width: the same digits are valid → suggested (masked)
    ["1234-5678-9018", "format", "********9018"],
    ["１２３４５６７８９０１７", "format", undefined],
  ] as const)("%s → %s", (individualNumber, messageId, suggestion) => {
    const findings = runChecks([check], [row(), row({ individualNumber })]);
    expect(brief(findings)).toEqual([{ code: "N01", messageId, record: 2, field: "individualNumber" }]);
    expect(findings[0].suggestion).toBe(suggestion);
    expect(findings[0].suspension).toBe("eligibility");
    expect(String(findings[0].value)).not.toContain("12345678"); // never printed whole
  });
});
