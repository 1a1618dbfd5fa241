// A01/designated-city-ward: a 政令指定都市 written without its ward.
import { describe, expect, it } from "vitest";
import a01 from "../../src/checks/a01-designated-city-ward.js";
import { runChecks, type Row } from "../helpers/run-checks.js";
import { MUNICIPALITIES } from "../helpers/master.js";

const cities = MUNICIPALITIES.filter((m) => m.wards);

describe("A01/designated-city-ward", () => {
  it("there are 20 designated cities in the master", () => {
    expect(cities).toHaveLength(20);
  });

  it("accepts every designated city written with each of its current wards, and other municipalities", () => {
    const rows: Row[] = [
      ...cities.flatMap((c) => c.wards!.map((w) => ({ address: `${c.pref}${c.name}${w}本町1-2-3` }))),
      ...MUNICIPALITIES.filter((m) => !m.wards).map((m) => ({ address: `${m.pref}${m.name}本町1-2-3` })),
      { address: "" },
      { address: "住所不定" },
    ];
    const findings = runChecks([a01], rows);
    expect(findings.map((f) => rows[f.record - 1].address)).toEqual([]);
  });

  it("flags every designated city written without its ward and lists its wards as candidates, with no 修正案", () => {
    const rows: Row[] = cities.flatMap((c) => [
      { address: `${c.pref}${c.name}本町1-2-3` },
      { address: `${c.pref}${c.name}1丁目2番3号` },
      { address: `${c.name}本町1-2-3` },
    ]);
    const findings = runChecks([a01], rows);
    expect(findings).toHaveLength(rows.length);
    findings.forEach((f, i) => {
      const c = cities[Math.floor(i / 3)];
      expect([f.code, f.record, f.field, f.messageId]).toEqual(["A01", i + 1, "address", "wardMissing"]);
      expect(f.wards).toEqual(c.wards);
      expect(f.candidates).toEqual(c.wards!.map((w) => c.name + w));
      expect(f.suggestion).toBeUndefined(); // which ward is right cannot be told from the address
      expect(f.message).toContain(`${c.name}の ${c.wards!.length} 区のいずれか`);
    });
  });

  it("leaves dissolved and unknown wards to Z09", () => {
    const rows: Row[] = [{ address: "静岡県浜松市中区元城町1" }, { address: "大阪府大阪市中華区1" }];
    expect(runChecks([a01], rows)).toEqual([]);
  });
});
