// Matches an input record with its reference record once, for the four reference checks (B05–B08) to share.
import type { CheckContext } from "../checks/define.js";
import type { DataRecord } from "../types.js";
import { BASIC4_COMPARED, compareBasic4, type Basic4Comparison, type Basic4Values } from "./compare.js";
import { comparable, fnv1a } from "./fingerprint.js";
import { keyOf, type ReferenceIndex } from "./index.js";

export type ReferenceMatch =
  | { status: "no-key" }
  | { status: "missing" }
  | { status: "same"; line: number }
  | { status: "differs"; line: number; comparison: Basic4Comparison; reference: Basic4Values };

const memo = new WeakMap<DataRecord, ReferenceMatch>();

export function referenceOf(ctx: CheckContext): ReferenceIndex | undefined {
  return ctx.options.reference as ReferenceIndex | undefined;
}

/** The record's match against the reference, computed once per record. */
export function matchReference(rec: DataRecord, ctx: CheckContext): ReferenceMatch {
  const hit = memo.get(rec);
  if (hit) return hit;
  const m = compute(rec, ctx);
  memo.set(rec, m);
  return m;
}

function compute(rec: DataRecord, ctx: CheckContext): ReferenceMatch {
  const index = referenceOf(ctx)!;
  const k = keyOf(rec.fields, index.key);
  if (k === undefined) return { status: "no-key" };
  const ref = index.lookup(k);
  if (!ref) return { status: "missing" };
  const formats = ctx.options.dateFormats;
  const same = BASIC4_COMPARED.every((f, j) => fnv1a(comparable(f, rec.fields[f], formats)) === ref.fingerprints[j]);
  if (same) return { status: "same", line: ref.line };
  const reference = index.values(k)!;
  const comparison = compareBasic4(rec.fields, reference, { inputDateFormats: formats, referenceDateFormats: index.dateFormats });
  if (comparison.code === null) return { status: "same", line: ref.line };
  return { status: "differs", line: ref.line, comparison, reference };
}
