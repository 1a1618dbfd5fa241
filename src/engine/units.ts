// What the main thread sends a worker: one byte range of a CSV/TSV file, and the worker's answer.
import type { CheckOptions } from "../checks/define.js";
import type { Sniffed } from "../input/sniff.js";
import type { LayoutProfile } from "../layout/profile.js";
import type { ResolvedLayout } from "../layout/resolve.js";
import type { ReferenceTransfer } from "../reference/index.js";
import type { SeveritySetting } from "../types.js";
import type { Crash } from "./check-run.js";
import type { CollectorState } from "./collector.js";
import type { RunOptions } from "./run-types.js";

/** Set once per worker. */
export interface WorkerInit {
  check: Omit<CheckOptions, "reference"> & { reference?: ReferenceTransfer };
  rules: [string, SeveritySetting][];
  redact: boolean;
  maxFindings: number;
  maxFieldBytes: number;
  profile: LayoutProfile;
  /** Codes of the checks to run (a narrowed registry, e.g. for `chars`). */
  codes: string[];
  /** Run the reference indexer instead of the checks (building the --reference index). */
  indexReference?: RunOptions["indexReference"];
}

/**
 * A byte range of a file: its records start at `start` (a record boundary, or a guess the main thread checks) and
 * run until a record would start at or after `end`. Records and lines are numbered from 1 within the range; the
 * main thread moves them to the file's numbers when it merges the ranges in order.
 */
export interface RangeUnit {
  id: number;
  fileIndex: number;
  path: string;
  start: number;
  end: number;
  /** The range starts with the header record. */
  header: boolean;
  sniffed: Sniffed;
  delimiter: "," | "\t";
  layout: ResolvedLayout;
}

export interface UnitResult {
  id: number;
  collector: CollectorState;
  /** Check states exported after the range (B04's index entries …), by code. */
  states: Record<string, unknown>;
  /** Data records read, and of them those that went through the checks. */
  records: number;
  checked: number;
  /** Lines the range's records and blank lines took, and how many of them were blank. */
  lines: number;
  blankLines: number;
  /** Where the next range's first record starts: the first record boundary at or after `end` (or EOF). */
  stoppedAt: number;
  crashes: Crash[];
}
