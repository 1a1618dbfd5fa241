// Z09/address-municipality: every real address of the master passes; missing or wrong 都道府県/市区町村 and non-address text fail.
import { describe, expect, it } from "vitest";
import z09 from "../../src/checks/z09-address-municipality.js";
import { runChecks, type Row } from "../helpers/run-checks.js";
import type { Finding } from "../../src/types.js";
import { ENTRIES_BY_NAME, HAMAMATSU_OLD, MUNICIPALITIES, RAW, insurerNumber } from "../helpers/master.js";

const REST = "1丁目2番3号";
const COUNTIES = ["南架空郡", "西郡"];
/** The server's literal test, from the seed's definition of Z09. */
const literal = (a: string) => !/[市区郡町村]/.test(a);

/** Every real address form of the master: 都道府県 + [郡] + 市区町村 + [区] + REST. */
function realAddresses(): { address: string; withoutPref: string; prefCode: string; firstName: string }[] {
  const out: { address: string; withoutPref: string; prefCode: string; firstName: string }[] = [];
  for (const m of MUNICIPALITIES) {
    const tails = m.wards ? m.wards.map((w) => m.name + w + REST) : [m.name + REST];
    if (/[町村]$/.test(m.name)) for (const c of COUNTIES) tails.push(c + m.name + REST);
    for (const t of tails) out.push({ address: m.pref + t, withoutPref: t, prefCode: m.prefCode, firstName: m.name });
  }
  return out;
}

function z09Findings(rows: Row[]): Finding[] {
  const findings = runChecks([z09], rows);
  for (const f of findings) {
    expect(f.code).toBe("Z09");
    expect(f.field).toBe("address");
    expect(typeof f.serverLiteral).toBe("boolean");
  }
  return findings;
}

describe("Z09 over the whole municipality master", () => {
  const addresses = realAddresses();

  it("has the expected size (independent count: 47 prefectures, 1,747 municipalities)", () => {
    expect(RAW).toHaveLength(47);
    expect(MUNICIPALITIES).toHaveLength(1747);
    // 1,747 municipalities − 20 designated cities + 171 current wards + 2 county forms of each 町/村
    const townsVillages = MUNICIPALITIES.filter((m) => /[町村]$/.test(m.name)).length;
    expect(addresses).toHaveLength(1747 - 20 + 171 + 2 * townsVillages);
  });

  it("passes every 都道府県 + [郡] + 市区町村 + [区] + 1丁目2番3号 without Z09", () => {
    const findings = z09Findings(addresses.map((a) => ({ address: a.address })));
    expect(findings.map((f) => addresses[f.record - 1].address)).toEqual([]);
  });

  it("flags the same addresses without 都道府県, suggesting it when the name is unique in Japan", () => {
    const rows = addresses.map((a) => ({ address: a.withoutPref }));
    const findings = z09Findings(rows);
    expect(findings).toHaveLength(rows.length);
    findings.forEach((f, i) => {
      const a = addresses[i];
      expect(f.record).toBe(i + 1);
      expect(f.messageId).toBe("noPrefecture");
      expect(f.serverLiteral).toBe(false);
      const entries = ENTRIES_BY_NAME.get(a.firstName)!;
      const unique = entries.every((e) => e.city === undefined) && new Set(entries.map((e) => e.prefCode)).size === 1;
      const pref = RAW.find((p) => p.code.startsWith(a.prefCode))!.name;
      expect(f.suggestion, a.withoutPref).toBe(unique ? pref + a.withoutPref : undefined);
    });
  });

  it("falls back to the prefecture of the 保険者番号 when the name is not unique", () => {
    const ambiguous = addresses.filter((a) => {
      const entries = ENTRIES_BY_NAME.get(a.firstName)!;
      return !(entries.every((e) => e.city === undefined) && new Set(entries.map((e) => e.prefCode)).size === 1);
    });
    expect(ambiguous.length).toBeGreaterThan(50);
    const rows = ambiguous.map((a) => ({ address: a.withoutPref, insurerNumber: insurerNumber(a.prefCode) }));
    const findings = z09Findings(rows);
    expect(findings).toHaveLength(rows.length);
    findings.forEach((f, i) => {
      const a = ambiguous[i];
      const sameName = ENTRIES_BY_NAME.get(a.firstName)!.filter((e) => e.prefCode === a.prefCode);
      const pref = RAW.find((p) => p.code.startsWith(a.prefCode))!.name;
      // the municipality itself is the only entry of that name in the insurer's prefecture (泊村 ×2 counts once)
      const expected = sameName.every((e) => e.city === undefined) ? pref + a.withoutPref : undefined;
      expect(f.suggestion, a.withoutPref).toBe(expected);
      if (expected) expect(f.suggestedBy).toBe("insurerNumber");
    });
  });

  it("flags the rest alone (都道府県 and 市区町村 removed) with serverLiteral true", () => {
    const rows: Row[] = [{ address: REST }, { address: "本郷" + REST }, { address: "丸の内" + REST }];
    const findings = z09Findings(rows);
    expect(findings.map((f) => [f.record, f.messageId, f.serverLiteral, f.suggestion])).toEqual([
      [1, "noPrefectureOrMunicipality", true, undefined],
      [2, "noPrefectureOrMunicipality", true, undefined],
      [3, "noPrefectureOrMunicipality", true, undefined],
    ]);
  });

  it("flags 都道府県 + rest (市区町村 and ward removed) with serverLiteral true", () => {
    const rows = RAW.map((p) => ({ address: p.name + REST }));
    const findings = z09Findings(rows);
    expect(findings).toHaveLength(47);
    for (const f of findings) expect([f.messageId, f.serverLiteral]).toEqual(["noMunicipality", true]);
  });

  it("flags every old 浜松市 ward as dissolved, suggesting the successor when there is one", () => {
    const rows = Object.keys(HAMAMATSU_OLD).map((w) => ({ address: `静岡県浜松市${w}${REST}` }));
    const findings = z09Findings(rows);
    expect(findings.map((f) => [f.messageId, f.serverLiteral, f.suggestion, f.successorWards])).toEqual(
      Object.entries(HAMAMATSU_OLD).map(([, s]) => [
        "dissolvedWard",
        false,
        s.length === 1 ? `静岡県浜松市${s[0]}${REST}` : undefined,
        s,
      ]),
    );
  });
});

describe("Z09 special forms that pass", () => {
  const valid = [
    "東京都三宅島三宅村坪田1234",
    "東京都八丈島八丈町三根123",
    "東京都利島村248",
    "東京都町田市森野1-2-3",
    "東京都東村山市本町1-2-3",
    "千葉県市川市八幡1-2-3",
    "北海道余市郡余市町黒川町1-2",
    "北海道余市町黒川町1-2",
    "福島県郡山市朝日1-2-3",
    "奈良県大和郡山市北郡山町1",
    "山形県東村山郡中山町長崎1",
    "宮城県塩釜市旭町1-1",
    "宮城県塩竈市旭町1-1",
    "宮城県塩竃市旭町1-1",
    "東京都西多摩郡桧原村1234",
    "福島県南会津郡桧枝岐村1",
    "高知県高岡郡檮原町1",
    "茨城県竜ヶ崎市1",
    "茨城県竜ケ崎市1",
    "千葉県鎌ヶ谷市1",
    "神奈川県茅ケ崎市1",
    "岐阜県不破郡関が原町1",
    "長野県下伊那郡下条村1",
    "大阪府四条畷市1",
    "奈良県五条市1",
    "青森県西津軽郡鯵ヶ沢町1",
    "長野県下伊那郡天竜村1",
    "神奈川県横浜市保土ヶ谷区1",
    "東京都　千代田区　丸の内１丁目２番３号",
    "東京都 千代田区丸の内1-2-3",
    "北海道虻田郡ﾆｾｺ町1",
    "〒100-0005 東京都千代田区丸の内1-2-3",
    "東京都府中市宮西町1-1",
    "広島県府中市府川町1",
    "大阪府大阪市北区梅田1-2-3",
    "静岡県浜松市中央区元城町103",
    "静岡県浜松市浜名区1",
    "静岡県浜松市天竜区二俣町1",
    "大阪府大阪市梅田1-2-3", // a designated city without its ward is A01, not Z09
    "東京都千代田区",
  ];
  it("accepts each", () => {
    const findings = z09Findings(valid.map((address) => ({ address })));
    expect(findings.map((f) => valid[f.record - 1])).toEqual([]);
  });

  it("ignores empty and blank addresses (B03's case)", () => {
    expect(z09Findings([{ address: "" }, { address: "　 " }])).toEqual([]);
  });
});

describe("Z09 negatives", () => {
  const cases: { row: Row; messageId: string; serverLiteral: boolean; suggestion?: string }[] = [
    { row: { address: "北海道横浜市中区山下町1" }, messageId: "wrongPrefecture", serverLiteral: false, suggestion: "神奈川県横浜市中区山下町1" },
    { row: { address: "北海道架空郡空想町1-2" }, messageId: "noMunicipality", serverLiteral: false },
    { row: { address: "北海道空想町1-2" }, messageId: "noMunicipality", serverLiteral: false },
    { row: { address: "埼玉県浦和市常盤1-2-3" }, messageId: "noMunicipality", serverLiteral: false },
    { row: { address: "大阪府府中市1-2-3" }, messageId: "wrongPrefecture", serverLiteral: false },
    { row: { address: "大阪府府中市1-2-3", insurerNumber: insurerNumber("13") }, messageId: "wrongPrefecture", serverLiteral: false, suggestion: "東京都府中市1-2-3" },
    { row: { address: "大阪府府中市1-2-3", insurerNumber: insurerNumber("34") }, messageId: "wrongPrefecture", serverLiteral: false, suggestion: "広島県府中市1-2-3" },
    { row: { address: "大阪府府中市1-2-3", insurerNumber: insurerNumber("27") }, messageId: "wrongPrefecture", serverLiteral: false },
    { row: { address: "府中市1-2-3" }, messageId: "noPrefecture", serverLiteral: false },
    { row: { address: "府中市1-2-3", insurerNumber: insurerNumber("34") }, messageId: "noPrefecture", serverLiteral: false, suggestion: "広島県府中市1-2-3" },
    { row: { address: "東京都千代田區丸の内1-2-3" }, messageId: "noMunicipalityChar", serverLiteral: true, suggestion: "東京都千代田区丸の内1-2-3" },
    { row: { address: "千代田區丸の内1-2-3" }, messageId: "noPrefecture", serverLiteral: true, suggestion: "東京都千代田区丸の内1-2-3" },
    { row: { address: "東京千代田区丸の内1-2-3" }, messageId: "noPrefecture", serverLiteral: false, suggestion: "東京都千代田区丸の内1-2-3" },
    { row: { address: "大阪府北区梅田1-2-3" }, messageId: "wardWithoutCity", serverLiteral: false },
    { row: { address: "大阪府美原区黒山1" }, messageId: "wardWithoutCity", serverLiteral: false, suggestion: "大阪府堺市美原区黒山1" },
    { row: { address: "大阪府大阪市中華区1-2-3" }, messageId: "unknownWard", serverLiteral: false },
    { row: { address: "埼玉県入間郡狭山市入間川1" }, messageId: "countyBeforeCity", serverLiteral: false, suggestion: "埼玉県狭山市入間川1" },
    { row: { address: "住所不定" }, messageId: "nonAddress", serverLiteral: true },
    { row: { address: "入院中" }, messageId: "nonAddress", serverLiteral: true },
    { row: { address: "施設入所" }, messageId: "nonAddress", serverLiteral: true },
    { row: { address: "不明" }, messageId: "nonAddress", serverLiteral: true },
    { row: { address: "同上" }, messageId: "nonAddress", serverLiteral: true },
    { row: { address: "東京都新宿区西新宿2-8-1（入院中）" }, messageId: "nonAddress", serverLiteral: false, suggestion: "東京都新宿区西新宿2-8-1" },
    { row: { address: "03-1234-5678" }, messageId: "phoneNumber", serverLiteral: true },
    { row: { address: "０９０－１２３４－５６７８" }, messageId: "phoneNumber", serverLiteral: true },
    { row: { address: "東京都新宿区西新宿2-8-1 TEL 03-1234-5678" }, messageId: "phoneNumber", serverLiteral: false, suggestion: "東京都新宿区西新宿2-8-1" },
    { row: { address: "NULL" }, messageId: "asciiWord", serverLiteral: true },
    { row: { address: "unknown" }, messageId: "asciiWord", serverLiteral: true },
    { row: { address: "ｘｘｘ" }, messageId: "asciiWord", serverLiteral: true },
    { row: { address: "東京都新宿区西新宿2-8-1 null" }, messageId: "asciiWord", serverLiteral: false, suggestion: "東京都新宿区西新宿2-8-1" },
  ];

  it.each(cases.map((c) => [c.row.address, c] as const))("%s", (_a, c) => {
    const findings = z09Findings([c.row]);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect([f.record, f.messageId, f.serverLiteral, f.suggestion]).toEqual([1, c.messageId, c.serverLiteral, c.suggestion]);
    expect(f.serverLiteral).toBe(literal(c.row.address!));
  });

  it("does not flag real addresses holding digits that are not phone numbers", () => {
    const rows: Row[] = [
      { address: "東京都千代田区丸の内1-2-3-1001" },
      { address: "北海道札幌市中央区北1条西2丁目1番地" },
      { address: "東京都港区六本木6-10-1 ABCタワー 0101号室" },
    ];
    expect(z09Findings(rows)).toEqual([]);
  });
});
