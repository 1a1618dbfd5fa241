// The documented defect mix (docs/generate.md): which input defects the generator writes, how often, in which
// variants, and the plan that places an exact number of each at seeded random records.
import { type Prng, shuffle } from "./prng.js";

/** The logical fields, named as in the product's layout (kept here so the generator imports nothing from it). */
export type FieldKey =
  | "insurerNumber" | "recipientNumber" | "branch" | "individualNumber" | "name" | "nameKana"
  | "birthDate" | "sex" | "postalCode" | "address" | "qualifiedOn" | "disqualifiedOn";

export interface Variant {
  name: string;
  weight: number;
  field: FieldKey;
}

export interface DefectKind {
  code: string;
  /** Records per 100,000 (B04: pairs per 100,000; each pair is two records). */
  per100k: number;
  variants: readonly Variant[];
}

const v = (name: string, weight: number, field: FieldKey): Variant => ({ name, weight, field });

/** The mix. Keep docs/generate.md in step: the tests read the rates from its table. */
export const DEFECT_MIX: readonly DefectKind[] = [
  { code: "Z04", per100k: 400, variants: [
    v("trailing-fullwidth-space", 40, "name"), v("trailing-space", 20, "name"), v("leading-space", 10, "name"),
    v("doubled-space", 10, "name"), v("kana-trailing-space", 10, "nameKana"), v("kana-doubled-space", 10, "nameKana")] },
  { code: "Z09", per100k: 125, variants: [
    v("no-prefecture", 30, "address"), v("no-municipality", 15, "address"), v("town-only", 10, "address"),
    v("server-literal", 10, "address"), v("non-address-text", 15, "address"), v("non-address-appended", 5, "address"),
    v("phone-number", 5, "address"), v("wrong-prefecture", 5, "address"), v("ascii-word", 5, "address")] },
  { code: "A01", per100k: 50, variants: [v("designated-city-without-ward", 1, "address")] },
  { code: "G01", per100k: 20, variants: [v("user-defined-char", 1, "name")] },
  { code: "G02", per100k: 300, variants: [v("taka-FBFC", 45, "name"), v("taka-EEE0", 15, "name"), v("saki-FAB1", 40, "name")] },
  { code: "G04", per100k: 20, variants: [v("black-circle", 1, "name")] },
  { code: "K01", per100k: 50, variants: [v("hiragana", 60, "nameKana"), v("kanji", 25, "nameKana"), v("annotation", 15, "nameKana")] },
  { code: "B01", per100k: 20, variants: [
    v("impossible-day", 40, "birthDate"), v("month-00", 20, "birthDate"), v("zeros", 20, "birthDate"), v("before-1890", 20, "birthDate")] },
  { code: "B02", per100k: 10, variants: [v("zero", 30, "sex"), v("kanji", 40, "sex"), v("letter", 30, "sex")] },
  { code: "B03", per100k: 30, variants: [
    v("empty-name", 30, "name"), v("empty-kana", 25, "nameKana"), v("empty-birth-date", 15, "birthDate"),
    v("empty-sex", 15, "sex"), v("empty-address", 15, "address")] },
  { code: "B09", per100k: 50, variants: [v("sex-3", 1, "sex")] },
  { code: "B04", per100k: 10, variants: [v("shared-individual-number", 1, "individualNumber")] },
  { code: "N01", per100k: 20, variants: [v("check-digit", 70, "individualNumber"), v("thirteen-digits", 30, "individualNumber")] },
  { code: "N04", per100k: 500, variants: [v("empty", 1, "individualNumber")] },
  { code: "N02", per100k: 10, variants: [
    v("check-digit", 50, "insurerNumber"), v("law-15", 20, "insurerNumber"), v("prefecture-48", 15, "insurerNumber"), v("nine-digits", 15, "insurerNumber")] },
  { code: "N03", per100k: 20, variants: [v("check-digit", 70, "recipientNumber"), v("eight-digits", 30, "recipientNumber")] },
  { code: "D01", per100k: 30, variants: [
    v("before-birth", 30, "qualifiedOn"), v("after-disqualification", 30, "qualifiedOn"), v("impossible-day", 40, "qualifiedOn")] },
  { code: "X01", per100k: 50, variants: [
    v("individual-exponent", 30, "individualNumber"), v("individual-leading-zero", 20, "individualNumber"),
    v("recipient-leading-zero", 20, "recipientNumber"), v("postal-leading-zero", 10, "postalCode"), v("date-reformatted", 20, "birthDate")] },
  { code: "S01", per100k: 10, variants: [v("extra-column", 60, "disqualifiedOn"), v("missing-column", 40, "disqualifiedOn")] },
  { code: "S02", per100k: 5, variants: [v("truncated-lead-byte", 60, "name"), v("unassigned-bytes", 40, "address")] },
  { code: "S03", per100k: 5, variants: [v("unclosed-quote", 50, "name"), v("stray-quote", 30, "address"), v("text-after-quote", 20, "address")] },
  { code: "S04", per100k: 0.25, variants: [v("field-over-64KiB", 1, "address")] },
];

/** From this many records on, every code appears at least once (B04: one pair), whatever its rate. */
export const EVERY_CODE_FROM = 1_000;

/**
 * Records (or B04 pairs) of a kind in a file of `records`: round(records × rate), at least 1 from EVERY_CODE_FROM
 * records on. The reference mutations use the same rule.
 */
export function plannedCount(per100k: number, records: number): number {
  const n = Math.round((records * per100k) / 100_000);
  return records >= EVERY_CODE_FROM ? Math.max(1, n) : n;
}

/** Records apart that two S03 defects must be: an unclosed quote reads up to 64 KiB ahead for its closing quote. */
export const QUOTE_GAP = 1_000;

export interface DefectPlan {
  /** Per record (0-based): 0 = clean, else 1 + index in DEFECT_MIX. */
  kinds: Uint8Array;
  /** Records planned per code. */
  counts: Record<string, number>;
}

/** Places the exact number of each defect at random records, S03 records at least QUOTE_GAP apart. */
export function planDefects(records: number, rng: Prng): DefectPlan {
  const kinds = new Uint8Array(records);
  const counts: Record<string, number> = {};
  let at = 0;
  DEFECT_MIX.forEach((kind, i) => {
    let n = plannedCount(kind.per100k, records) * (kind.code === "B04" ? 2 : 1);
    n = Math.min(n, records - at);
    if (kind.code === "B04") n -= n % 2;
    kinds.fill(i + 1, at, at + n);
    counts[kind.code] = n;
    at += n;
  });
  shuffle(kinds, rng);
  spreadQuotes(kinds);
  return { kinds, counts };
}

const S03 = 1 + DEFECT_MIX.findIndex((k) => k.code === "S03");

/** Moves S03 records that follow another within QUOTE_GAP to the next clean record beyond it (when there is one). */
function spreadQuotes(kinds: Uint8Array): void {
  let last = -Infinity;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== S03) continue;
    if (i - last >= QUOTE_GAP) {
      last = i;
      continue;
    }
    let j = Math.max(i + 1, last + QUOTE_GAP);
    while (j < kinds.length && kinds[j] !== 0) j++;
    if (j >= kinds.length) {
      last = i;
      continue;
    }
    kinds[i] = 0;
    kinds[j] = S03;
  }
}

/** Draws one of a kind's variants by weight. */
export function drawVariant(kind: DefectKind, rng: Prng): Variant {
  const total = kind.variants.reduce((s, x) => s + x.weight, 0);
  let x = rng.next() * total;
  for (const variant of kind.variants) {
    x -= variant.weight;
    if (x < 0) return variant;
  }
  return kind.variants[kind.variants.length - 1];
}
