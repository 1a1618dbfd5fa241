// Shared by the malformed, fuzz and privacy tests: stack-trace detection, file hashes, which codes can fire now.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { CHECKS } from "../../src/checks/index.js";
import { codeInfo } from "../../src/codes/table.js";

/** A JS stack frame or an `Error:`-style prefix from a thrown JS error (TypeError: …, Error: …). */
export const STACK_TRACE = /^\s+at\s|\b(?:[A-Z][A-Za-z]*)?Error: /m;

/** The reader's own codes: produced by the engine, not by a registered check. */
export const STRUCTURAL_CODES = ["S01", "S02", "S03", "S04"] as const;

/** Codes that can be reported in this build: the structural ones and those of registered checks. */
export function activeCodes(): Set<string> {
  return new Set<string>([...STRUCTURAL_CODES, ...CHECKS.map((c) => c.meta.code)]);
}

/** `counts` without the codes whose check is not registered yet. */
export function onlyActive(counts: Record<string, number>, active: Set<string>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([code]) => active.has(code)).sort(([a], [b]) => a.localeCompare(b)));
}

/** Exit code SPEC §4 gives for these counts (no fatal problem, no --max-warnings): 1 when any error-severity code is present. */
export function exitForCounts(counts: Record<string, number>): 0 | 1 {
  return Object.entries(counts).some(([code, n]) => n > 0 && codeInfo(code)?.severity === "error") ? 1 : 0;
}

/**
 * Exit code issue 13 gives a report with no fatal problem (default --fail-on suspension, no --max-warnings): 2 when no
 * record was read at all, 1 when any error-severity code is counted or any record would be suspended, else 0.
 */
export function exitForSummary(summary: { records: number; counts: Record<string, number>; suspended: { eligibility: number; medical: number } }): 0 | 1 | 2 {
  if (summary.records === 0) return 2;
  return exitForCounts(summary.counts) === 1 || summary.suspended.eligibility + summary.suspended.medical > 0 ? 1 : 0;
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
