// The reference extract (住基 extract: 個人番号, 氏名, 氏名カナ, 生年月日, 性別, 住所) that goes with a synthetic
// export: the input's values as written, except for a documented mix of mutations producing B05–B08.
import { addressPieces, blockText, type Address, type Block } from "./addresses.js";
import { plannedCount, type FieldKey } from "./defect-mix.js";
import { hasSmallKana, kanaTypo, smallToLarge, toFullWidthKana, toHalfWidthKana } from "./kana.js";
import { ymd } from "./people.js";
import { type Prng, shuffle } from "./prng.js";
import { KYUJI_SURNAMES } from "./names.js";
import { kanaText, nameCell, type Draft, type DraftNeeds, type RecordFactory } from "./records.js";
import type { Cell } from "./writer.js";

export interface ReferenceMutation {
  code: "B05" | "B06" | "B07" | "B08";
  name: string;
  /** Records per 100,000 (same counting rule as the input defects). */
  per100k: number;
  field?: FieldKey;
}

/** The mutation mix. Keep docs/generate.md in step: the tests read the rates from its table. */
export const REFERENCE_MUTATIONS: readonly ReferenceMutation[] = [
  { code: "B05", name: "birth-date", per100k: 50, field: "birthDate" },
  { code: "B05", name: "sex", per100k: 30, field: "sex" },
  { code: "B06", name: "married-name", per100k: 50, field: "name" },
  { code: "B06", name: "moved", per100k: 100, field: "address" },
  { code: "B06", name: "address-notation", per100k: 100, field: "address" },
  { code: "B07", name: "kyuji", per100k: 60, field: "name" },
  { code: "B07", name: "name-space", per100k: 60, field: "name" },
  { code: "B07", name: "kana-width", per100k: 50, field: "nameKana" },
  { code: "B07", name: "kana-small", per100k: 40, field: "nameKana" },
  { code: "B07", name: "kana-typo", per100k: 40, field: "nameKana" },
  { code: "B08", name: "missing", per100k: 100 },
];

/** Reference-only persons (not in the input) per 100,000 input records: a 住基 extract covers more people. */
export const REFERENCE_ONLY_PER_100K = 200;

export const REFERENCE_HEADER = ["個人番号", "氏名", "氏名カナ", "生年月日", "性別", "住所"];
const REFERENCE_FIELDS: readonly FieldKey[] = ["individualNumber", "name", "nameKana", "birthDate", "sex", "address"];

/** Places each mutation at an exact number of records that carry no input defect (`defects[i] === 0`). */
export function planReference(defects: Uint8Array, rng: Prng): Uint8Array {
  const records = defects.length;
  const plan = new Uint8Array(records);
  let clean = 0;
  for (let i = 0; i < records; i++) if (defects[i] === 0) clean++;
  const eligible = new Uint32Array(clean);
  for (let i = 0, j = 0; i < records; i++) if (defects[i] === 0) eligible[j++] = i;
  shuffle(eligible, rng);
  let at = 0;
  REFERENCE_MUTATIONS.forEach((m, k) => {
    const n = Math.min(plannedCount(m.per100k, records), clean - at);
    for (let x = 0; x < n; x++) plan[eligible[at + x]] = k + 1;
    at += n;
  });
  return plan;
}

/**
 * What a planned mutation needs from the record, so that it applies as named (a 姓 with a 旧字体, a reading with a
 * small kana). The plan is drawn whether or not a reference is written, so the input file is the same either way.
 */
export function referenceNeeds(m: ReferenceMutation): DraftNeeds {
  if (m.name === "kyuji") return { surnames: KYUJI_SURNAMES };
  if (m.name === "kana-small") return { smallKana: true };
  return {};
}

/** What a mutation did to a record: the kind actually applied (a fallback when the record does not allow it). */
export interface AppliedMutation {
  code: ReferenceMutation["code"];
  mutation: string;
  field?: FieldKey;
  /** The values differ only in notation (spaces, width, 旧字体, small kana, 丁目 numerals). */
  notationOnly: boolean;
}

/** The reference cells of a record: the input's cells as written (mirror). */
export function mirrorCells(d: Draft): Cell[] {
  return REFERENCE_FIELDS.map((f) => d.cells[f]);
}

function withCell(d: Draft, field: FieldKey, value: Cell): Cell[] {
  return REFERENCE_FIELDS.map((f) => (f === field ? value : d.cells[f]));
}

function otherWidth(kana: string, halfWidth: boolean): string {
  return halfWidth ? toFullWidthKana(kana) : toHalfWidthKana(kana);
}

/** The block the registry writes for the same place: 丁目 in 漢数字, the 丁目 form for hyphens, or the other width. */
function notationBlock(b: Block): { text: string; kind: string } {
  if (b.form === "chome") return { text: blockText(b, true), kind: "chome-numerals" };
  if (b.form === "hyphen") return { text: blockText({ ...b, form: "chome" }), kind: "chome-form" };
  return { text: blockText({ ...b, fullWidth: !b.fullWidth }), kind: "width" };
}

/** Applies mutation `m` to a clean draft: the reference cells and what was done (B08: no cells). */
export function mutateReference(d: Draft, m: ReferenceMutation, rng: Prng, factory: RecordFactory): { cells?: Cell[]; applied: AppliedMutation } {
  const p = d.person;
  const kana = d.cells.nameKana as string;
  const half = d.style.halfWidthKana;
  const done = (mutation: string, notationOnly: boolean, field = m.field) => ({ code: m.code, mutation, field, notationOnly });
  switch (m.name) {
    case "birth-date": {
      const shift = rng.range(1, 30) * (rng.chance(0.5) ? 1 : -1);
      return { cells: withCell(d, "birthDate", ymd(p.birth + shift)), applied: done("birth-date", false) };
    }
    case "sex":
      return { cells: withCell(d, "sex", String(3 - p.sex)), applied: done("sex", false) };
    case "married-name": {
      const s = factory.otherSurname(rng, p.surname);
      const cells = withCell(d, "name", nameCell(s, p.given));
      cells[2] = kanaText(s, p.given, d.style);
      return { cells, applied: done("married-name", false) };
    }
    case "moved": {
      const rural = d.address.town.startsWith("大字") || d.address.block.form === "banchi";
      const moved: Address = { ...d.address, town: factory.addresses.otherTown(rng, rural, d.address.town), block: factory.addresses.block(rng, d.style, d.address.block.form === "banchi") };
      return { cells: withCell(d, "address", addressPieces(moved)), applied: done("moved", false) };
    }
    case "address-notation": {
      const block = notationBlock(d.address.block);
      return { cells: withCell(d, "address", addressPieces(d.address, block.text)), applied: done(block.kind, true) };
    }
    case "kyuji":
      if (p.surname.kyuji) return { cells: withCell(d, "name", nameCell(p.surname.kyuji, p.given)), applied: done("kyuji", true) };
      return { cells: withCell(d, "name", nameCell(p.surname, p.given, "")), applied: done("name-space", true) };
    case "name-space":
      return { cells: withCell(d, "name", nameCell(p.surname, p.given, rng.chance(0.5) ? "" : " ")), applied: done("name-space", true) };
    case "kana-small":
      if (hasSmallKana(kana)) return { cells: withCell(d, "nameKana", smallToLarge(kana)), applied: done("kana-small", true) };
      return { cells: withCell(d, "nameKana", otherWidth(kana, half)), applied: done("kana-width", true) };
    case "kana-typo": {
      const typo = kanaTypo(half ? toFullWidthKana(kana) : kana, (n) => rng.int(n));
      const written = half ? toHalfWidthKana(typo) : typo;
      if (written !== kana) return { cells: withCell(d, "nameKana", written), applied: done("kana-typo", false) };
      return { cells: withCell(d, "nameKana", otherWidth(kana, half)), applied: done("kana-width", true) };
    }
    case "kana-width":
      return { cells: withCell(d, "nameKana", otherWidth(kana, half)), applied: done("kana-width", true) };
    case "missing":
      return { applied: done("missing", false) };
    default:
      throw new Error(`generator: no reference mutation ${m.name}`);
  }
}
