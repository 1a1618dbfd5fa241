// oqs-check merge: combines offices' JSON reports (usually redacted) into one report, summary recomputed.
import type { FileReport, InsurerSummary, Report, RunSummary } from "../types.js";
import { reportSchema } from "./schema.js";
import { sortedCounts, summarize } from "./summary.js";

/** An input report that is not a schemaVersion 1 oqs-check JSON report; names the file and the key. */
export class MergeInputError extends Error {
  constructor(
    /** The input's name as the user gave it (file path), or "report N". */
    readonly source: string,
    /** The bad key, e.g. "files[0].findings[3].severity"; "" for the whole document. */
    readonly keyPath: string,
    readonly detail: string,
  ) {
    super(`${source}: ${keyPath === "" ? "" : `${keyPath}: `}${detail}`);
    this.name = "MergeInputError";
  }
}

function keyPathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out === "" ? "" : "."}${String(p)}`;
  return out;
}

/** Validates one parsed JSON document as a schemaVersion 1 report; throws MergeInputError naming the first bad key. */
export function validateReport(data: unknown, source: string): Report {
  if (typeof data === "object" && data !== null && "schemaVersion" in data && (data as { schemaVersion: unknown }).schemaVersion !== 1) {
    throw new MergeInputError(source, "schemaVersion", `is ${JSON.stringify((data as { schemaVersion: unknown }).schemaVersion)}; this oqs-check reads schema version 1`);
  }
  const r = reportSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : "";
    throw new MergeInputError(source, keyPathOf(issue.path), issue.message + more);
  }
  return r.data as unknown as Report;
}

/** Parses and validates the text of a JSON report file. */
export function parseReportJson(text: string, source: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new MergeInputError(source, "", `not a JSON document (${(e as Error).message})`);
  }
  return validateReport(data, source);
}

/**
 * summary.byInsurer is rebuilt from files[].byInsurer; an input whose files carry none (a report written
 * with only summary.byInsurer, as in SPEC §4's example) contributes its summary.byInsurer instead.
 */
function addReportLevelInsurers(summary: RunSummary, inputs: readonly Report[]): void {
  const extra = inputs.filter((r) => r.files.every((f) => f.byInsurer === undefined));
  if (extra.length === 0) return;
  const all: Record<string, InsurerSummary> = { ...summary.byInsurer };
  for (const r of extra) {
    for (const [ins, v] of Object.entries(r.summary.byInsurer)) {
      const t = all[ins] ? { ...all[ins], counts: { ...all[ins].counts }, suspended: { ...all[ins].suspended } } : { records: 0, counts: {}, suspended: { eligibility: 0, medical: 0 } };
      t.records += v.records;
      for (const [c, n] of Object.entries(v.counts)) t.counts[c] = (t.counts[c] ?? 0) + n;
      t.suspended.eligibility += v.suspended.eligibility;
      t.suspended.medical += v.suspended.medical;
      all[ins] = t;
    }
  }
  summary.byInsurer = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v, counts: sortedCounts(v.counts) }]));
}

export interface MergeOptions {
  /** Names of the inputs, in the same order (file paths), for error messages. Default "report 1" …. */
  sources?: readonly string[];
  /** The merged report's tool version. Default: the first input's. */
  toolVersion?: string;
}

/**
 * One report from several: files concatenated in the order given, summary recomputed with summarize().
 * `options` is kept when every input has it: redacted only if every input was; asOf the common date, or
 * the distinct dates joined by "," when the offices used different ones.
 */
export function mergeReports(reports: readonly unknown[], opts: MergeOptions = {}): Report {
  if (reports.length === 0) throw new MergeInputError("merge", "", "no report to merge");
  const valid = reports.map((r, i) => validateReport(r, opts.sources?.[i] ?? `report ${i + 1}`));
  const files: FileReport[] = valid.flatMap((r) => r.files);
  const merged: Report = {
    schemaVersion: 1,
    tool: { name: "oqs-check", version: opts.toolVersion ?? valid[0].tool.version },
    files,
    summary: summarize(files),
  };
  addReportLevelInsurers(merged.summary, valid);
  if (valid.every((r) => r.options)) {
    const asOf = [...new Set(valid.map((r) => r.options!.asOf))].sort().join(",");
    merged.options = { asOf, redacted: valid.every((r) => r.options!.redacted), lang: valid[0].options!.lang };
  }
  return merged;
}
