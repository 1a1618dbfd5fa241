// zod schema of the JSON report, schemaVersion 1 (SPEC §4): strict on the documented keys, open to added ones.
import { z } from "zod";
import { FIELD_NAMES } from "../types.js";

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);
const suspensionCounts = z.looseObject({ eligibility: count, medical: count });
const fieldName = z.enum(FIELD_NAMES);

/** A finding code: one capital letter and two digits (Z04, G01 …). */
export const codeSchema = z.string().regex(/^[A-Z][0-9]{2}$/u, "expected a code such as Z04");

export const findingSchema = z.looseObject({
  code: codeSchema,
  severity: z.enum(["error", "warning"]),
  suspension: z.enum(["eligibility", "medical", "none"]),
  record: count,
  line: count,
  byteOffset: count.optional(),
  field: fieldName.optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
  messageId: z.string().optional(),
  suggestion: z.string().optional(),
});

export const suspendedRecordSchema = z.looseObject({
  record: count,
  line: count,
  recipientNumber: z.string().optional(),
  kind: z.enum(["eligibility", "medical"]),
  codes: z.array(codeSchema),
  /** Not in SPEC §4's example: reports written by hand may leave it out. */
  fields: z.array(fieldName).default([]),
});

export const insurerSummarySchema = z.looseObject({ records: count, counts, suspended: suspensionCounts });

export const fileReportSchema = z.looseObject({
  path: z.string(),
  encoding: z.string().optional(),
  encodingReason: z.string().optional(),
  format: z.enum(["csv", "tsv", "xml"]).optional(),
  records: count,
  recordsChecked: count,
  findings: z.array(findingSchema),
  counts,
  recordsWithFindings: count,
  suspended: suspensionCounts,
  suspendedRecords: z.array(suspendedRecordSchema),
  truncated: z.boolean().optional(),
  skippedChecks: z.array(z.looseObject({ code: codeSchema, missing: z.array(fieldName) })).optional(),
  blankLines: count.optional(),
  byInsurer: z.record(z.string(), insurerSummarySchema).optional(),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
}).superRefine((file, ctx) => {
  // counts are exact; the list equals them unless --max-findings cut it (then truncated: true).
  const listed: Record<string, number> = {};
  for (const f of file.findings) listed[f.code] = (listed[f.code] ?? 0) + 1;
  for (const [code, n] of Object.entries(listed)) {
    const c = file.counts[code] ?? 0;
    if (n > c || (n < c && !file.truncated)) {
      ctx.addIssue({ code: "custom", path: ["counts", code], message: `counts.${code} is ${c} but ${n} findings are listed${file.truncated ? "" : " and truncated is not set"}` });
    }
  }
  if (!file.truncated) {
    for (const [code, c] of Object.entries(file.counts)) {
      if (c > 0 && listed[code] === undefined) ctx.addIssue({ code: "custom", path: ["counts", code], message: `counts.${code} is ${c} but no ${code} finding is listed and truncated is not set` });
    }
  }
});

export const runSummarySchema = z.looseObject({
  files: count,
  unreadableFiles: count.optional(),
  records: count,
  recordsChecked: count.optional(),
  findings: count,
  recordsWithFindings: count,
  counts,
  suspended: suspensionCounts,
  byInsurer: z.record(z.string(), insurerSummarySchema),
  verdict: z.looseObject({
    status: z.enum(["pass", "fail", "incomplete"]), exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    failOn: z.enum(["error", "suspension", "warning"]),
    reasons: z.array(z.looseObject({ reason: z.string(), count, message: z.string() })),
  }).optional(),
});

/** The whole JSON report (`--format json`), schemaVersion 1. */
export const reportSchema = z.looseObject({
  schemaVersion: z.literal(1),
  tool: z.looseObject({ name: z.literal("oqs-check"), version: z.string() }),
  generatedAt: z.string().optional(),
  options: z.looseObject({ asOf: z.string(), redacted: z.boolean(), lang: z.enum(["ja", "en"]), baseline: z.string().optional() }).optional(),
  files: z.array(fileReportSchema),
  summary: runSummarySchema,
});

export type ReportJson = z.infer<typeof reportSchema>;
