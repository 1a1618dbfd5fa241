// Shared by the file formatters (CSV, JUnit, HTML): labels in ja/en, the privacy guard, character notation.
import type { FileReport, Finding, Lang, Severity, SuspensionKind } from "../types.js";
import { PERSONAL_KEYS } from "../types.js";
import { FIELD_LABELS } from "../layout/aliases.js";
import { maskIndividualNumber, maskLongDigitRuns, redactRecipientNumber, redactValue } from "./mask.js";

/** Japanese and English names of the logical fields, as a clerk reads them (one table: src/layout/aliases.ts). */
export { FIELD_LABELS };

export const SEVERITY_LABELS: Record<Severity, { ja: string; en: string }> = {
  error: { ja: "エラー", en: "error" },
  warning: { ja: "警告", en: "warning" },
};

/** What becomes invisible at the clinic (SPEC §1). */
export const SUSPENSION_LABELS: Record<SuspensionKind, { ja: string; en: string }> = {
  eligibility: { ja: "資格情報及び医療情報の閲覧停止", en: "eligibility and medical information suspended" },
  medical: { ja: "医療情報・薬剤情報の閲覧停止", en: "medical and drug information suspended" },
  none: { ja: "なし", en: "none" },
};

export function fieldLabel(field: string | undefined, lang: Lang): string {
  if (!field) return "";
  return (FIELD_LABELS as Record<string, { ja: string; en: string }>)[field]?.[lang] ?? field;
}

/**
 * The finding as a report may show it. Idempotent: values the engine already masked stay as they are.
 * 個人番号 is never shown whole; any 12-digit run anywhere is masked; with --redact every personal value is.
 */
export function displayFinding(f: Finding, redact: boolean): Finding {
  const out: Finding = { ...f, message: maskLongDigitRuns(f.message) };
  for (const k of PERSONAL_KEYS) {
    const v = f[k];
    if (typeof v !== "string") continue;
    if (redact) out[k] = redactValue(v);
    else if (f.field === "individualNumber") out[k] = maskIndividualNumber(v);
    else out[k] = maskLongDigitRuns(v);
  }
  return out;
}

/** A 受給者番号 as a report may show it (never a 12-digit run; masked under --redact). */
export function displayRecipientNumber(value: string | undefined, redact: boolean): string {
  if (value === undefined || value === "") return "";
  const safe = maskLongDigitRuns(value);
  return redact ? redactRecipientNumber(safe) : safe;
}

/**
 * The record's 受給者番号 for a finding: the finding's own `recipientNumber` key, else the file's
 * suspendedRecords entry for the same record, else undefined.
 */
export function recipientNumberOf(f: Finding, file: FileReport): string | undefined {
  if (typeof f.recipientNumber === "string" && f.recipientNumber !== "") return f.recipientNumber;
  if (f.record <= 0) return undefined;
  return file.suspendedRecords.find((s) => s.record === f.record)?.recipientNumber;
}

/** Index of suspendedRecords by record number, for formatters walking many findings. */
export function recipientIndex(file: FileReport): Map<number, string> {
  const m = new Map<number, string>();
  for (const s of file.suspendedRecords) if (s.recipientNumber !== undefined && !m.has(s.record)) m.set(s.record, s.recipientNumber);
  return m;
}

/** "[U+E000]": how a character a report cannot hold is written instead. */
export function codePointNotation(cp: number): string {
  return `[U+${cp.toString(16).toUpperCase().padStart(4, "0")}]`;
}

/** Replaces every code point for which `allowed` is false (and every lone surrogate) by its [U+XXXX] notation. */
export function replaceCodePoints(s: string, allowed: (cp: number) => boolean): string {
  let out = "";
  let changed = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const lone = cp >= 0xd800 && cp <= 0xdfff;
    if (lone || !allowed(cp)) {
      out += codePointNotation(cp);
      changed = true;
    } else out += ch;
  }
  return changed ? out : s;
}

/** Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** User-defined (private use) code points: U+E000–U+F8FF and planes 15–16 — no font shows them. */
export function isPrivateUse(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

/**
 * What HTML and JUnit reports show as text: XML 1.0 characters other than DEL, C1 controls and
 * user-defined characters (those are written [U+XXXX] so the reader sees which one it is).
 */
export function isShowableChar(cp: number): boolean {
  return isXmlChar(cp) && !(cp >= 0x7f && cp <= 0x9f) && !isPrivateUse(cp);
}
