// Parallel runs (--jobs): the main thread locates records and cuts byte ranges; worker threads check them.
// Results are merged in file and range order, so the report is identical to a run in one thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { FatalError } from "../i18n/fatal.js";
import { RecordDecoder } from "../input/decode.js";
import { RecordScanner, type RawRecord } from "../input/record-scanner.js";
import { splitCells } from "../input/split-cells.js";
import { resolveLayout, type ResolvedLayout } from "../layout/resolve.js";
import type { ReferenceIndex } from "../reference/index.js";
import { fatal } from "../i18n/fatal.js";
import { CheckRun } from "./check-run.js";
import { FindingCollector } from "./collector.js";
import type { FileState, RunOptions, RunResult } from "./run-types.js";
import { assembleResult, bytesBeforeRecords, emptyFileReport, openChecked, prepareCsv, readXmlFile, runCheck, strayBomFinding } from "./run.js";
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

/** Runs the units on `jobs` workers; each submitted unit resolves with its result (an empty one if it failed). */
class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: RangeUnit[] = [];
  private readonly waiting = new Map<number, (r: UnitResult) => void>();
  /** The unit each worker is checking. */
  private readonly busy = new Map<Worker, number>();
  readonly used = new Set<number>();
  failure?: string;

  constructor(jobs: number, init: WorkerInit) {
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(workerUrl(), { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
      w.on("message", (r: UnitResult & { error?: string }) => {
        if (r.error) this.failure ??= r.error;
        this.used.add(w.threadId);
        this.busy.delete(w);
        this.settle(r.id, r.collector ? r : undefined);
        this.idle.push(w);
        this.pump();
      });
      w.on("error", (e: Error) => {
        // A worker that died takes its unit with it; when none is left, every waiting unit fails (no hang).
        this.failure ??= e.message;
        this.workers.delete(w);
        const unit = this.busy.get(w);
        if (unit !== undefined) this.settle(unit, undefined);
        if (this.workers.size === 0) for (const id of [...this.waiting.keys()]) this.settle(id, undefined);
      });
      this.workers.add(w);
      this.idle.push(w);
    }
  }

  private settle(id: number, r: UnitResult | undefined): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(r ?? { id, collector: { findings: [], counts: {}, truncated: false, records: [], insurers: [] }, states: {}, records: 0, checked: 0, crashes: [] });
  }

  submit(u: RangeUnit): Promise<UnitResult> {
    const p = new Promise<UnitResult>((resolve) => this.waiting.set(u.id, resolve));
    if (this.workers.size === 0) this.settle(u.id, undefined);
    else {
      this.queue.push(u);
      this.pump();
    }
    return p;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.shift()!;
      if (!this.workers.has(w)) continue;
      const u = this.queue.shift()!;
      this.busy.set(w, u.id);
      w.postMessage(u);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

interface PendingFile {
  state: FileState;
  collector: FindingCollector;
  fileIndex: number;
}

/**
 * Merges range results into their file's collector and the main thread's checks as soon as they and every earlier
 * range are done, in file and range order, so each result is released early (peak memory) and B04's entries
 * arrive in the same order as in one thread.
 */
class InOrderMerger {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly run: CheckRun) {}

  add(file: PendingFile, result: Promise<UnitResult>): void {
    this.tail = this.tail.then(() => result).then((r) => {
      file.collector.absorb(r.collector);
      this.run.importStates(r.states);
      this.run.crashes.push(...r.crashes);
      file.state.report.recordsChecked += r.checked;
    });
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
  });
  const files: PendingFile[] = [];
  const merger = new InOrderMerger(run);
  const states: FileState[] = [];
  let nextId = 0;
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
        files.push(await cutRanges(path, fileIndex, head, rest, eof, state, run, opts, pool, merger, () => nextId++));
      } catch (e) {
        if (!(e instanceof FatalError)) throw e;
        state.report.error = { code: e.kind, message: e.messageIn(opts.check.lang) };
      }
    }
    await merger.settled();
  } finally {
    await pool.close();
  }
  if (pool.failure) run.crashes.push(`worker: ${pool.failure}`);
  for (const f of files) run.fileEnd(f.fileIndex);
  run.end();
  return assembleResult(states, run, opts, pool.used.size);
}

/** Scans the file once, resolves its layout from the first record and submits ranges of about RANGE_BYTES. */
async function cutRanges(
  path: string, fileIndex: number, head: Uint8Array, rest: AsyncIterator<Uint8Array>, eof: boolean,
  state: FileState, run: CheckRun, opts: RunOptions, pool: WorkerPool, merger: InOrderMerger, newId: () => number,
): Promise<PendingFile> {
  const lang = opts.check.lang;
  const report = state.report;
  const { sniffed, delimiter } = prepareCsv(path, head, eof, opts, report);
  const collector = new FindingCollector(opts.maxFindings);
  const skip = bytesBeforeRecords(sniffed);
  const pending: PendingFile = { state, collector, fileIndex };
  let layout: ResolvedLayout | undefined;
  let dataRecords = 0;
  let rangeStart = skip;
  let rangeFirstRecord = 1;
  let rangeFirstLine = 1;
  let rangeHasHeader = opts.layout.header;
  let checkedBytes = 0;
  const submit = (end: number) => {
    const bytes = end - rangeStart;
    merger.add(pending, pool.submit({
      id: newId(), fileIndex, path, start: rangeStart, end, firstRecord: rangeFirstRecord, firstLine: rangeFirstLine,
      header: rangeHasHeader, sniffed, delimiter, layout: layout!,
    }).then((r) => {
      checkedBytes += bytes;
      opts.onProgress?.(path, checkedBytes);
      return r;
    }));
  };
  const onRecord = (raw: RawRecord) => {
    if (layout === undefined) {
      const cells = splitCells(new RecordDecoder(sniffed.encoding).decode(raw.bytes).text, delimiter);
      layout = resolveLayout(opts.layout, opts.layout.header ? cells : undefined, cells.length, path);
      run.addFile(path, layout.columns, collector, fileIndex);
      if (sniffed.strayBom) collector.add(strayBomFinding(lang), false);
      if (opts.layout.header) return;
    }
    if (raw.offset - rangeStart >= (opts.rangeBytes ?? RANGE_BYTES)) {
      submit(raw.offset);
      rangeStart = raw.offset;
      rangeFirstRecord = dataRecords + 1;
      rangeFirstLine = raw.line;
      rangeHasHeader = false;
    }
    dataRecords++;
  };
  const scanner = new RecordScanner(delimiter.charCodeAt(0), opts.maxFieldBytes, onRecord, skip);
  let size = head.length;
  scanner.push(head.subarray(skip));
  if (!eof) {
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      size += r.value.length;
      scanner.push(r.value);
    }
  }
  scanner.end();
  if (layout === undefined) throw fatal("header-only", `${path}: データ行がありません（空行のみ）`, `${path}: no data rows (blank lines only)`);
  submit(size);
  report.records = dataRecords;
  if (scanner.blankLines > 0) report.blankLines = scanner.blankLines;
  state.collector = collector;
  return pending;
}
