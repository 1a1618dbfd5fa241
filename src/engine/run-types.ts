// Options and results of a check run, shared by the serial and the parallel runner.
import type { Check, CheckOptions } from "../checks/define.js";
import type { EncodingOption } from "../input/encodings.js";
import type { LayoutProfile } from "../layout/profile.js";
import type { FileReport, Report, SeveritySetting } from "../types.js";
import type { FailOn } from "../report/verdict.js";
import type { FindingCollector } from "./collector.js";

export interface RunOptions {
  checks: readonly Check[];
  check: CheckOptions;
  encoding: EncodingOption;
  delimiter?: "," | "\t";
  layout: LayoutProfile;
  maxFieldBytes: number;
  maxXmlBytes: number;
  xmlRecord?: string;
  rules?: ReadonlyMap<string, SeveritySetting>;
  redact: boolean;
  maxFindings: number;
  /** Check only the first N records (the rest are still counted). */
  head?: number;
  /** Check a uniform sample of N records, reproducible for a seed (all are still counted). */
  sample?: { n: number; seed: number };
  version: string;
  /** Set when the run indexes a --reference file: worker threads then run the reference indexer, not the checks. */
  indexReference?: { path: string; key: "individualNumber" | "recipientNumber"; dateFormats: string[] };
  /** Size of the byte ranges given to worker threads (default RANGE_BYTES; tests use small ranges). */
  rangeBytes?: number;
  /** Old-generation limit of worker threads in MB (default none; tests make a worker run out of memory). */
  workerHeapMb?: number;
  /** Called as bytes of file `path` are done (read, or checked by a worker). */
  onProgress?: (path: string, bytesDone: number) => void;
}

export interface RunResult {
  report: Report;
  /** Messages of checks that threw: the run exits 2. */
  crashes: string[];
  /** Per input file (same order as report.files): the record numbers that fail under `failOn` (for --split). */
  failingRecords: (failOn: FailOn) => Set<number>[];
  /** Worker threads that did the work (0 = this thread). */
  workers: number;
  /** Parallel runs: byte ranges checked again because their cut fell inside a quoted line break. */
  rangesRedone?: number;
  /** Parallel runs: why worker threads stopped; their ranges were checked again by the threads left. */
  workersLost?: string[];
}

export interface FileState {
  report: FileReport;
  collector?: FindingCollector;
}
