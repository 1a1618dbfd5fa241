// The basic-4 comparison with a reference record (SPEC §3.4): exact code points after trimming decide B05/B06/B07;
// lenient normalisation only explains (notationOnly, named differences).
import { trimSpaces } from "../jp/blank.js";
import { parseDate } from "../jp/dates.js";
import { explainDifference, type DifferenceKind } from "../jp/lenient.js";
import type { FieldName } from "../types.js";

/** The fields the server compares (基本4情報 + カナ氏名), in the order findings list them. */
export const BASIC4_COMPARED = ["birthDate", "sex", "name", "nameKana", "address"] as const satisfies readonly FieldName[];
export type ComparedField = (typeof BASIC4_COMPARED)[number];

export type Basic4Values = Partial<Record<ComparedField, string>>;

export interface FieldDifference {
  field: ComparedField;
  /** Notation differences that lenient normalisation removes; empty when the values differ in substance. */
  kinds: DifferenceKind[];
}

export interface Basic4Comparison {
  /** B05 (×: 生年月日/性別), B06 (▲: both names or 住所), B07 (one name only), or null when all agree. */
  code: "B05" | "B06" | "B07" | null;
  /** Every field that differs, in BASIC4_COMPARED order. */
  fields: ComparedField[];
  /** Present (true) when every differing field is equal after lenient normalisation. */
  notationOnly?: true;
  differences: FieldDifference[];
}

export interface CompareOptions {
  /** Date formats of the input file's layout (empty = the default three). */
  inputDateFormats?: readonly string[];
  /** Date formats of the reference file's layout. */
  referenceDateFormats?: readonly string[];
}

/**
 * Compares an input record with its reference record, field by field on exact code points after trimming white
 * space at both ends. 生年月日 is compared as a day when both sides parse in their own layout's formats (so
 * 2000/01/01 and 20000101 agree), else as text. Implements every row of the SPEC §3.4 table.
 */
export function compareBasic4(input: Basic4Values, reference: Basic4Values, o: CompareOptions = {}): Basic4Comparison {
  const fields = BASIC4_COMPARED.filter((f) => differs(f, input[f], reference[f], o));
  const has = (f: ComparedField) => fields.includes(f);
  const namesDiffering = (has("name") ? 1 : 0) + (has("nameKana") ? 1 : 0);
  const code =
    has("birthDate") || has("sex") ? "B05"
    : namesDiffering === 2 || has("address") ? "B06"
    : namesDiffering === 1 ? "B07"
    : null;
  const differences = fields.map((field) => ({
    field,
    kinds: explainDifference(trimSpaces(input[field] ?? ""), trimSpaces(reference[field] ?? ""), { address: field === "address" }).kinds,
  }));
  const result: Basic4Comparison = { code, fields, differences };
  if (differences.length > 0 && differences.every((d) => d.kinds.length > 0)) result.notationOnly = true;
  return result;
}

function differs(field: ComparedField, a: string | undefined, b: string | undefined, o: CompareOptions): boolean {
  const x = trimSpaces(a ?? "");
  const y = trimSpaces(b ?? "");
  if (x === y) return false;
  if (field === "birthDate") {
    const px = parseDate(x, o.inputDateFormats ?? []);
    const py = parseDate(y, o.referenceDateFormats ?? []);
    if (px.ok && py.ok) return px.ymd !== py.ymd;
  }
  return true;
}
