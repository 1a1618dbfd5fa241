// Viewing-suspension kinds (SPEC §3.1): of one finding by its field, and of a record from all its defective fields.
import type { SuspensionRule } from "../codes/table.js";
import type { FieldName, SuspensionKind } from "../types.js";

const RANK: Record<SuspensionKind, number> = { none: 0, medical: 1, eligibility: 2 };

/** What a defect in this field alone would cause. */
export function fieldSuspension(field: FieldName | undefined): SuspensionKind {
  switch (field) {
    case "birthDate":
    case "sex":
      return "eligibility";
    case "address":
      return "medical";
    default:
      return "none";
  }
}

export function findingSuspension(rule: SuspensionRule, field: FieldName | undefined): SuspensionKind {
  return rule === "field" ? fieldSuspension(field) : rule;
}

/** Kinds by rank, least to most severe. */
const KIND_BY_RANK: readonly SuspensionKind[] = ["none", "medical", "eligibility"];

/** A kind as a small number (higher is worse), so a record keeps one number for all its findings' kinds. */
export function suspensionRank(kind: SuspensionKind): number {
  return RANK[kind] ?? 0;
}

/**
 * A record's kind: the worst of its findings (`worstRank`, the highest suspensionRank), and "medical" when both
 * 漢字氏名 and カナ氏名 are defective (by findings whose code counts by field).
 */
export function recordSuspension(worstRank: number, bothNamesDefective: boolean): SuspensionKind {
  return KIND_BY_RANK[bothNamesDefective ? Math.max(worstRank, RANK.medical) : worstRank];
}
