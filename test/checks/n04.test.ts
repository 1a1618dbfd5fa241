import { describe, expect, it } from "vitest";
import check from "../../src/checks/n04-individual-number-empty.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

describe("N04 individual-number-empty", () => {
  it.each(["123456789018", "123456789017" /* N01's */, "x"])("not N04: %j", (individualNumber) => {
    expect(runChecks([check], [row({ individualNumber })])).toEqual([]);
  });
  it.each(["", " ", "　", "\t"])("%j → empty", (individualNumber) => {
    const findings = runChecks([check], [row(), row({ individualNumber })]);
    expect(brief(findings)).toEqual([{ code: "N04", messageId: "empty", record: 2, field: "individualNumber" }]);
    expect(findings[0]).toMatchObject({ severity: "warning", suspension: "none" });
  });
  it("a layout without 個人番号 skips the check", () => {
    const { individualNumber: _n, ...rest } = row();
    expect(runChecks([check], [rest])).toEqual([]);
  });
});
