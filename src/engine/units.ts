// What the main thread sends a worker: one byte range of a CSV/TSV file, and the worker's answer.
import type { CheckOptions } from "../checks/define.js";
import type { Sniffed } from "../input/sniff.js";
import type { LayoutProfile } from "../layout/profile.js";
import type { ResolvedLayout } from "../layout/resolve.js";
import type { ReferenceTransfer } from "../reference/index.js";
import type { SeveritySetting } from "../types.js";
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

/** A byte range [start, end) of a file that starts and ends on record boundaries. */
export interface RangeUnit {
  id: number;
  fileIndex: number;
  path: string;
  start: number;
  end: number;
  /** Number of the range's first data record, and the line it starts on. */
  firstRecord: number;
  firstLine: number;
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
  records: number;
  checked: number;
  crashes: string[];
}
