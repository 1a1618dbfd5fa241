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

export function worse(a: SuspensionKind, b: SuspensionKind): SuspensionKind {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * A record's kind: the worst of its findings, and "medical" when both 漢字氏名 and カナ氏名 are defective
 * (by findings whose code counts by field).
 */
export function recordSuspension(kinds: Iterable<SuspensionKind>, byFieldDefects: ReadonlySet<FieldName>): SuspensionKind {
  let kind: SuspensionKind = "none";
  for (const k of kinds) kind = worse(kind, k);
  if (byFieldDefects.has("name") && byFieldDefects.has("nameKana")) kind = worse(kind, "medical");
  return kind;
}
