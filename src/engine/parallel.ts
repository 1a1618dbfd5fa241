// Parallel runs (--jobs): worker threads check byte ranges cut at line starts; the main thread merges them in
// order, checks each range began where the one before ended (a redo if not), so the report is a one-thread run's.
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { RecordDecoder } from "../input/decode.js";
import { rereaderFor } from "../input/record-rereader.js";
import { RecordScanner, type RawRecord } from "../input/record-scanner.js";
import { splitCells } from "../input/split-cells.js";
import { resolveLayout, type ResolvedLayout } from "../layout/resolve.js";
import type { ReferenceIndex } from "../reference/index.js";
import { fatal } from "../i18n/fatal.js";
import { asFileError } from "../i18n/system-errors.js";
import { CheckRun } from "./check-run.js";
import { FindingCollector, shiftCollectorState } from "./collector.js";
import type { FileState, RunOptions, RunResult } from "./run-types.js";
import { assembleResult, bytesBeforeRecords, emptyFileReport, openChecked, prepareCsv, readXmlFile, runCheck, strayBomFinding } from "./run.js";
import type { Sniffed } from "../input/sniff.js";
import { rangeChecker } from "./range-checker.js";
import type { RangeUnit, UnitResult, WorkerInit } from "./units.js";

/** Byte size of one range: small enough to balance two workers, large enough to keep messages few. */
export const RANGE_BYTES = 4 * 1024 * 1024;
/** Below this total input size `--jobs auto` stays in one thread (starting workers costs more). */
export const AUTO_JOBS_MIN_BYTES = 16 * 1024 * 1024;

export function autoJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

function workerUrl(): URL {
  const here = new URL("./worker.js", import.meta.url);
  // Under the test runner this module is TypeScript source: use the compiled worker.
  return existsSync(fileURLToPath(here)) ? here : new URL("../../dist/engine/worker.js", import.meta.url);
}

/** Units a worker thread holds at once: the one it checks and the next, so it never waits for this thread. */
const UNITS_PER_WORKER = 2;

/**
 * Runs the units on `jobs` threads: `jobs − 1` worker threads and this one (which also merges, between ranges).
 * Each submitted unit resolves with its result (an empty one if it failed). The units of a worker thread that dies
 * (out of memory, say) are checked again by the threads left, this one at least; a unit that fails twice fails.
 */
class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly queue: RangeUnit[] = [];
  private readonly waiting = new Map<number, (r: UnitResult) => void>();
  /** The units each worker thread holds, in the order it checks them. */
  private readonly held = new Map<Worker, RangeUnit[]>();
  /** Units already given to a worker thread that died: not retried again. */
  private readonly retried = new Set<number>();
  private readonly local: (u: RangeUnit) => Promise<UnitResult>;
  private localBusy = false;
  /** Thread ids that checked a unit (0 = this thread). */
  readonly used = new Set<number>();
  failure?: string;
  /** Why worker threads stopped (their units were checked again). */
  readonly workersLost: string[] = [];

  constructor(jobs: number, init: WorkerInit, heapMb?: number) {
    this.local = rangeChecker(init, LOCAL_READ_BYTES);
    const resourceLimits = { maxYoungGenerationSizeMb: 12, ...(heapMb !== undefined ? { maxOldGenerationSizeMb: heapMb } : {}) };
    for (let i = 0; i < jobs - 1; i++) {
      const w = new Worker(workerUrl(), { workerData: init, resourceLimits });
      w.on("message", (r: UnitResult & { error?: string }) => {
        if (r.error) this.failure ??= r.error;
        this.used.add(w.threadId);
        this.held.get(w)?.shift();
        this.settle(r.id, r.collector ? r : undefined);
        this.pump();
      });
      w.on("error", (e: Error) => {
        this.workersLost.push(e.message);
        this.workers.delete(w);
        const lost = this.held.get(w) ?? [];
        this.held.delete(w);
        for (const u of lost.reverse()) {
          if (this.retried.has(u.id)) {
            this.failure ??= e.message;
            this.settle(u.id, undefined);
          } else {
            this.retried.add(u.id);
            this.queue.unshift(u); // first: the merge waits for the earliest range
          }
        }
        this.pump();
      });
      this.workers.add(w);
      this.held.set(w, []);
    }
  }

  private settle(id: number, r: UnitResult | undefined): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(r ?? {
      id, collector: { findings: [], counts: {}, truncated: false, records: [], insurers: [] }, states: {}, records: 0,
      checked: 0, lines: 0, blankLines: 0, stoppedAt: -1, crashes: [],
    });
  }

  /** Queues a unit (`first`: ahead of the others — a redo the merge is waiting for). */
  submit(u: RangeUnit, first = false): Promise<UnitResult> {
    const p = new Promise<UnitResult>((resolve) => this.waiting.set(u.id, resolve));
    if (first) this.queue.unshift(u);
    else this.queue.push(u);
    this.pump();
    return p;
  }

  private pump(): void {
    // This thread first: a worker thread takes a moment to start.
    if (!this.localBusy && this.queue.length > 0) this.runLocal(this.queue.shift()!);
    for (const w of this.workers) {
      const units = this.held.get(w)!;
      while (units.length < UNITS_PER_WORKER && this.queue.length > 0) {
        const u = this.queue.shift()!;
        units.push(u);
        w.postMessage(u);
      }
    }
  }

  private runLocal(u: RangeUnit): void {
    this.localBusy = true;
    this.local(u).then(
      (r) => this.settle(u.id, r),
      (e: unknown) => {
        this.failure ??= (e as Error)?.message ?? String(e);
        this.settle(u.id, undefined);
      },
    ).finally(() => {
      this.used.add(0);
      this.localBusy = false;
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

/** This thread reads its ranges in small pieces, so the merge and the workers' messages are served between them. */
const LOCAL_READ_BYTES = 128 * 1024;

interface PendingFile {
  state: FileState;
  collector: FindingCollector;
  fileIndex: number;
  /** Where the next range must start: the record boundary the last merged range stopped at. */
  nextStart: number;
  /** Data records, lines and blank lines of the ranges merged so far. */
  records: number;
  lines: number;
  blankLines: number;
  bytesDone: number;
}

/**
 * Merges range results into their file's collector and the main thread's checks as soon as they and every earlier
 * range are done, in file and range order, so each result is released early (peak memory) and B04's entries
 * arrive in the same order as in one thread. A range that did not start where the previous one stopped (its cut
 * fell inside a quoted line break) is checked again from there before it is merged.
 */
class InOrderMerger {
  private tail: Promise<void> = Promise.resolve();
  /** Ranges checked again because their guessed start was not a record boundary. */
  redone = 0;
  constructor(
    private readonly run: CheckRun,
    private readonly pool: WorkerPool,
    private readonly newId: () => number,
    private readonly onProgress?: (path: string, bytesDone: number) => void,
  ) {}

  add(file: PendingFile, unit: RangeUnit, result: Promise<UnitResult>): void {
    this.tail = this.tail.then(async () => {
      let r = await result;
      if (unit.start !== file.nextStart) {
        // The previous range read past this one's start: drop this result, check again from the true boundary.
        this.redone++;
        if (file.nextStart >= unit.end) return;
        r = await this.pool.submit({ ...unit, id: this.newId(), start: file.nextStart }, true);
      }
      this.merge(file, r, file.nextStart, unit.end);
    });
  }

  private merge(file: PendingFile, r: UnitResult, start: number, end: number): void {
    const shift = { records: file.records, lines: file.lines };
    shiftCollectorState(r.collector, shift);
    file.collector.absorb(r.collector);
    this.run.importStates(r.states, shift);
    for (const c of r.crashes) this.run.crashes.push(c.line === undefined ? c : { ...c, line: c.line + shift.lines });
    file.state.report.recordsChecked += r.checked;
    file.records += r.records;
    file.lines += r.lines;
    file.blankLines += r.blankLines;
    // A failed range (its worker died; the run exits 2) stopped nowhere: go on from its nominal end.
    file.nextStart = r.stoppedAt >= 0 ? r.stoppedAt : end;
    file.bytesDone += file.nextStart - start;
    this.onProgress?.(file.state.report.path, file.bytesDone);
  }

  /** Resolves when every range added so far is merged. */
  settled(): Promise<void> {
    return this.tail;
  }
}

/** Checks every file with `jobs` worker threads (stdin, --head and --sample run in this thread). */
export async function runCheckParallel(paths: readonly string[], opts: RunOptions, jobs: number): Promise<RunResult> {
  if (jobs <= 1 || paths.includes("-") || opts.head !== undefined || opts.sample !== undefined) return runCheck(paths, opts);
  const run = new CheckRun({ checks: opts.checks, options: opts.check, rules: opts.rules, redact: opts.redact });
  const reference = opts.check.reference as ReferenceIndex | undefined;
  const pool = new WorkerPool(jobs, {
    check: { ...opts.check, reference: reference?.toTransfer() },
    rules: [...(opts.rules ?? new Map()).entries()],
    redact: opts.redact, maxFindings: opts.maxFindings, maxFieldBytes: opts.maxFieldBytes, profile: opts.layout,
    codes: opts.checks.map((c) => c.meta.code),
    indexReference: opts.indexReference,
  }, opts.workerHeapMb);
  const files: PendingFile[] = [];
  let nextId = 0;
  const newId = () => nextId++;
  const merger = new InOrderMerger(run, pool, newId, opts.onProgress);
  const states: FileState[] = [];
  try {
    for (const [fileIndex, path] of paths.entries()) {
      const state: FileState = { report: emptyFileReport(path) };
      states.push(state);
      try {
        const { head, rest, eof, xml } = await openChecked(path);
        if (xml) {
          // XML is read whole in this thread; earlier files' ranges are merged first to keep the order.
          await merger.settled();
          await readXmlFile(path, head, rest, state, run, opts, fileIndex);
          continue;
        }
        files.push(await submitRanges(path, fileIndex, head, rest, eof, state, run, opts, pool, merger, newId));
      } catch (e) {
        const error = asFileError(path, e);
        state.report.error = { code: error.kind, message: error.messageIn(opts.check.lang) };
      }
    }
    await merger.settled();
  } finally {
    await pool.close();
  }
  if (pool.failure) run.crashes.push({ code: "worker", message: pool.failure });
  for (const f of files) {
    f.state.report.records = f.records;
    if (f.blankLines > 0) f.state.report.blankLines = f.blankLines;
    run.fileEnd(f.fileIndex);
  }
  run.end();
  return { ...assembleResult(states, run, opts, pool.used.size), rangesRedone: merger.redone, workersLost: pool.workersLost };
}

/**
 * Resolves the file's layout from its first record, cuts the rest at line starts about every RANGE_BYTES (guesses:
 * a line break may lie inside quotes; the merge checks) and submits the ranges.
 */
async function submitRanges(
  path: string, fileIndex: number, head: Uint8Array, rest: AsyncIterator<Uint8Array>, eof: boolean,
  state: FileState, run: CheckRun, opts: RunOptions, pool: WorkerPool, merger: InOrderMerger, newId: () => number,
): Promise<PendingFile> {
  const { sniffed, delimiter } = prepareCsv(path, head, eof, opts, state.report);
  const collector = new FindingCollector(opts.maxFindings);
  const skip = bytesBeforeRecords(sniffed);
  const layout = await firstRecordLayout(path, head, rest, eof, skip, delimiter, sniffed, opts);
  run.addFile(path, layout.columns, collector, fileIndex, rereaderFor(path, sniffed.encoding, delimiter, opts.maxFieldBytes, layout));
  if (sniffed.strayBom) collector.add(strayBomFinding(opts.check.lang), false);
  state.collector = collector;
  const file: PendingFile = { state, collector, fileIndex, nextStart: skip, records: 0, lines: 0, blankLines: 0, bytesDone: 0 };
  const starts = rangeStarts(path, skip, opts.rangeBytes ?? RANGE_BYTES);
  for (let k = 0; k < starts.length - 1; k++) {
    const unit: RangeUnit = {
      id: newId(), fileIndex, path, start: starts[k], end: starts[k + 1], header: k === 0 && opts.layout.header,
      sniffed, delimiter, layout,
    };
    merger.add(file, unit, pool.submit(unit));
  }
  return file;
}

/** The layout, from the file's first record (its header, or its first data record); the stream is then closed. */
async function firstRecordLayout(
  path: string, head: Uint8Array, rest: AsyncIterator<Uint8Array>, eof: boolean, skip: number, delimiter: "," | "\t",
  sniffed: Sniffed, opts: RunOptions,
): Promise<ResolvedLayout> {
  let layout: ResolvedLayout | undefined;
  const scanner = new RecordScanner(delimiter.charCodeAt(0), opts.maxFieldBytes, (raw: RawRecord) => {
    if (layout !== undefined) return;
    const cells = splitCells(new RecordDecoder(sniffed.encoding).decode(raw.bytes).text, delimiter);
    layout = resolveLayout(opts.layout, opts.layout.header ? cells : undefined, cells.length, path);
  }, skip);
  scanner.push(head.subarray(skip));
  let ended = eof;
  while (layout === undefined && !ended) {
    const r = await rest.next();
    if (r.done) ended = true;
    else scanner.push(r.value);
  }
  if (layout === undefined) scanner.end();
  await rest.return?.();
  if (layout === undefined) throw fatal("header-only", `${path}: データ行がありません（空行のみ）`, `${path}: no data rows (blank lines only)`);
  return layout;
}

/**
 * Range boundaries: `skip`, then, `rangeBytes` after each boundary, the first line start at or after it, then the
 * file size. A few small reads at each cut, not a scan of the file.
 */
export function rangeStarts(path: string, skip: number, rangeBytes: number): number[] {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const starts = [skip];
    const buf = new Uint8Array(LINE_SEARCH_BYTES);
    for (let at = skip + rangeBytes; at < size; ) {
      const s = lineStartFrom(fd, buf, at, size);
      if (s >= size) break;
      starts.push(s);
      at = s + rangeBytes;
    }
    starts.push(size);
    return starts;
  } finally {
    closeSync(fd);
  }
}

const LINE_SEARCH_BYTES = 64 * 1024;

/** The offset after the first LF at or after `at − 1` (so `at` itself when an LF precedes it), or `size`. */
function lineStartFrom(fd: number, buf: Uint8Array, at: number, size: number): number {
  for (let pos = at - 1; pos < size; pos += buf.length) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n <= 0) break;
    const lf = buf.subarray(0, n).indexOf(0x0a);
    if (lf >= 0) return pos + lf + 1;
  }
  return size;
}
