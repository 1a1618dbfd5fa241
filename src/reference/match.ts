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

/**
 * The last record matched and its match: B05–B08 ask for the same record one after the other. (A WeakMap over
 * every record cost more in garbage collection than the matching itself.)
 */
let lastRecord: DataRecord | undefined;
let lastIndex: ReferenceIndex | undefined;
let lastMatch: ReferenceMatch | undefined;

export function referenceOf(ctx: CheckContext): ReferenceIndex | undefined {
  return ctx.options.reference as ReferenceIndex | undefined;
}

/** The record's match against the reference, computed once per record. */
export function matchReference(rec: DataRecord, ctx: CheckContext): ReferenceMatch {
  const index = referenceOf(ctx);
  if (rec === lastRecord && index === lastIndex && lastMatch !== undefined) return lastMatch;
  lastMatch = compute(rec, ctx);
  lastRecord = rec;
  lastIndex = index;
  return lastMatch;
}

function compute(rec: DataRecord, ctx: CheckContext): ReferenceMatch {
  const index = referenceOf(ctx)!;
  const k = keyOf(rec.fields, index.key);
  if (k === undefined) return NO_KEY;
  const i = index.find(k);
  if (i < 0) return MISSING;
  const formats = ctx.options.dateFormats;
  const line = index.lineAt(i);
  if (sameFingerprints(rec, index, i, formats)) return { status: "same", line };
  const reference = index.valuesAt(i);
  const comparison = compareBasic4(rec.fields, reference, { inputDateFormats: formats, referenceDateFormats: index.dateFormats });
  if (comparison.code === null) return { status: "same", line };
  return { status: "differs", line, comparison, reference };
}

const MISSING: ReferenceMatch = { status: "missing" };
const NO_KEY: ReferenceMatch = { status: "no-key" };

function sameFingerprints(rec: DataRecord, index: ReferenceIndex, i: number, formats: readonly string[]): boolean {
  for (let j = 0; j < BASIC4_COMPARED.length; j++) {
    const f = BASIC4_COMPARED[j];
    if (fnv1a(comparable(f, rec.fields[f], formats)) !== index.fingerprintAt(i, j)) return false;
  }
  return true;
}
