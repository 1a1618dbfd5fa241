// Builds the run summary (SPEC §4) from per-file reports: totals, counts by code, suspensions, byInsurer.
import type { FileReport, InsurerSummary, RunSummary } from "../types.js";

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Counts sorted by code, so reports diff cleanly. */
export function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function summarize(files: readonly FileReport[]): RunSummary {
  const s: RunSummary = {
    files: files.length, unreadableFiles: files.filter((f) => f.error).length, records: 0, recordsChecked: 0, findings: 0, recordsWithFindings: 0,
    counts: {}, suspended: { eligibility: 0, medical: 0 }, byInsurer: {},
  };
  for (const f of files) {
    s.records += f.records;
    s.recordsChecked += f.recordsChecked;
    s.recordsWithFindings += f.recordsWithFindings;
    addCounts(s.counts, f.counts);
    s.suspended.eligibility += f.suspended.eligibility;
    s.suspended.medical += f.suspended.medical;
    for (const [ins, v] of Object.entries(f.byInsurer ?? {})) {
      const t: InsurerSummary = (s.byInsurer[ins] ??= { records: 0, counts: {}, suspended: { eligibility: 0, medical: 0 } });
      t.records += v.records;
      addCounts(t.counts, v.counts);
      t.suspended.eligibility += v.suspended.eligibility;
      t.suspended.medical += v.suspended.medical;
    }
  }
  s.findings = Object.values(s.counts).reduce((a, b) => a + b, 0);
  s.counts = sortedCounts(s.counts);
  s.byInsurer = Object.fromEntries(Object.entries(s.byInsurer).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v, counts: sortedCounts(v.counts) }]));
  return s;
}
