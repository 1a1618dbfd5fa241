import { describe, expect, it } from "vitest";
import check from "../../src/checks/n02-insurer-number-invalid.js";
import { runChecks } from "../helpers/run-checks.js";
import { brief, row } from "../helpers/basic4-rows.js";

describe("N02 insurer-number-invalid", () => {
  // SPEC §3.5: 12130001, 12270153, 12010013 are valid 医療扶助 numbers.
  it.each(["12130001", "12270153", "12010013", " 12130001", "1213001" /* X01's: 7 digits */, "" /* empty: no format code */, "　"])("valid or not N02's: %j", (insurerNumber) => {
    expect(runChecks([check], [row({ insurerNumber })])).toEqual([]);
  });

  it.each([
    ["121300011", "format"],
    ["1213000a", "format"],
    ["06130488", "law"], // valid check digit, 法別 06 not allowed by default
    ["88134457", "law"],
    ["12480009", "prefecture"], // check digit right (9) but prefecture 48
    ["12000000", "prefecture"],
    ["12130002", "checkDigit"],
    ["12270154", "checkDigit"],
  ] as const)("%j → %s", (insurerNumber, messageId) => {
    const findings = runChecks([check], [row(), row({ insurerNumber })]);
    expect(brief(findings)).toEqual([{ code: "N02", messageId, record: 2, field: "insurerNumber" }]);
    expect(findings[0].suspension).toBe("none");
  });

  it("--allowed-law decides the 法別", () => {
    expect(runChecks([check], [row({ insurerNumber: "06130488" })], { options: { allowedLaw: ["06", "12"] } })).toEqual([]);
    expect(brief(runChecks([check], [row({ insurerNumber: "12130001" })], { options: { allowedLaw: ["25"] } }))).toEqual([
      { code: "N02", messageId: "law", record: 1, field: "insurerNumber" },
    ]);
  });

  it("suggests the same digits when only width or hyphens are wrong", () => {
    const [f] = runChecks([check], [row({ insurerNumber: "１２１３０００１" })]);
    expect(f).toMatchObject({ messageId: "format", suggestion: "12130001" });
    const [g] = runChecks([check], [row({ insurerNumber: "１２１３０００２" })]);
    expect(g.suggestion).toBeUndefined(); // never invent a check digit
  });
});
