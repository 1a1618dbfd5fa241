// `oqs-check chars`: G01–G04 findings folded into one row per character, and the text table.
import { describe, expect, it } from "vitest";
import { aggregateChars, formatCharsTable } from "../src/report/chars.js";
import type { FieldName, Finding } from "../src/types.js";

function g(code: string, char: string, codePoint: string, bytes: string, field: FieldName, record: number, substitute?: string): Finding {
  const f: Finding = {
    code, severity: "error", suspension: "none", record, line: record + 1, field, message: "", messageId: "x",
    char, codePoint, bytes, bytesEncoding: "cp932", bytesFromFile: true, position: 1,
  };
  if (substitute !== undefined) f.substitute = substitute;
  return f;
}

const findings: Finding[] = [
  g("G02", "\u9ad9", "U+9AD9", "FBFC", "name", 1, "高"),
  g("G04", "●", "U+25CF", "819C", "address", 2),
  g("G02", "\u9ad9", "U+9AD9", "EEE0", "address", 3, "高"),
  g("G01", "\ue001", "U+E001", "F041", "name", 4),
  g("G02", "①", "U+2460", "8740", "address", 5, "1"),
  g("G02", "\u9ad9", "U+9AD9", "FBFC", "name", 6, "高"),
  g("G01", "\ue000", "U+E000", "F040", "nameKana", 7, "邉"),
  g("G03", "\u{e0100}", "U+E0100", "F3A08480", "name", 8, ""),
  { code: "Z04", severity: "error", suspension: "none", record: 9, line: 10, message: "", messageId: "trailing" },
];

describe("aggregateChars", () => {
  const rows = aggregateChars(findings);

  it("has one row per character, sorted by code then code point, with counts", () => {
    expect(rows.map((r) => [r.code, r.codePoint, r.count])).toEqual([
      ["G01", "U+E000", 1],
      ["G01", "U+E001", 1],
      ["G02", "U+2460", 1],
      ["G02", "U+9AD9", 3],
      ["G03", "U+E0100", 1],
      ["G04", "U+25CF", 1],
    ]);
  });

  it("lists distinct bytes, fields in field order and the substitute", () => {
    const takashi = rows.find((r) => r.codePoint === "U+9AD9")!;
    expect([takashi.bytes, takashi.fields, takashi.substitute, takashi.encodings]).toEqual([["FBFC", "EEE0"], ["name", "address"], "高", ["cp932"]]);
    expect(rows.find((r) => r.codePoint === "U+E000")!.substitute).toBe("邉");
    expect(rows.find((r) => r.codePoint === "U+E001")!.substitute).toBeUndefined();
  });

  it("is empty without G findings", () => {
    expect(aggregateChars([findings[8]])).toEqual([]);
  });
});

describe("formatCharsTable", () => {
  const rows = aggregateChars(findings);
  it.each(["ja", "en"] as const)("%s: title, count line, header, one line per row, encodings", (lang) => {
    const lines = formatCharsTable(rows, lang).trimEnd().split("\n");
    expect(lines).toHaveLength(3 + 1 + rows.length + 2);
    expect(lines[1].match(/\d+/g)).toEqual(["6", "8"]); // 6 characters, 8 occurrences
    const body = lines.slice(4, 4 + rows.length);
    expect(body.map((l) => l.split(/\s+/)[0])).toEqual(["G01", "G01", "G02", "G02", "G03", "G04"]);
    expect(body[3]).toContain("FBFC EEE0");
    expect(body[3]).toContain("高");
    expect(body[4]).toContain("[VS]");
  });

  it("says so when there is nothing", () => {
    expect(formatCharsTable([], "ja").trimEnd().split("\n")).toHaveLength(2);
  });
});
