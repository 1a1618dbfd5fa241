// Checks byte ranges of CSV/TSV files with every registered check: in a worker thread, or in the main thread as
// one of the pool's threads.
import { createReadStream } from "node:fs";
import { CHECKS } from "../checks/index.js";
import type { CheckOptions } from "../checks/define.js";
import { rereaderFor } from "../input/record-rereader.js";
import { RecordScanner, type RawRecord } from "../input/record-scanner.js";
import { ReferenceIndex, referenceIndexer } from "../reference/index.js";
import { CheckRun } from "./check-run.js";
import { FindingCollector } from "./collector.js";
import { CsvRecordChecker } from "./csv-records.js";
import type { RangeUnit, UnitResult, WorkerInit } from "./units.js";

/** A function that checks one range at a time with its own checks (their state is exported after each range). */
export function rangeChecker(init: WorkerInit, readBytes = 1 << 20): (u: RangeUnit) => Promise<UnitResult> {
  const options = { ...init.check, reference: init.check.reference ? ReferenceIndex.fromTransfer(init.check.reference) : undefined } as unknown as CheckOptions;
  const codes = new Set(init.codes);
  const ref = init.indexReference;
  const checks = ref ? [referenceIndexer(new ReferenceIndex(ref.path, ref.key, ref.dateFormats))] : CHECKS.filter((c) => codes.has(c.meta.code));
  const run = new CheckRun({ checks, options, rules: new Map(init.rules), redact: init.redact });
  const registered = new Set<number>();

  async function checkRange(u: RangeUnit): Promise<UnitResult> {
    const collector = new FindingCollector(init.maxFindings);
    if (registered.has(u.fileIndex)) run.setCollector(u.fileIndex, collector);
    else {
      const rereader = rereaderFor(u.path, u.sniffed.encoding, u.delimiter, init.maxFieldBytes, u.layout);
      run.addFile(u.path, u.layout.columns, collector, u.fileIndex, rereader);
      registered.add(u.fileIndex);
    }
    const checker = new CsvRecordChecker(
      { path: u.path, sniffed: u.sniffed, delimiter: u.delimiter, lang: options.lang, maxFieldBytes: init.maxFieldBytes },
      run, collector, init.profile, u.layout, u.fileIndex,
    );
    let headerPending = u.header;
    let recordNo = 0;
    const onRecord = (raw: RawRecord) => {
      if (headerPending) {
        headerPending = false;
        checker.check(raw, 0, true);
      } else checker.check(raw, ++recordNo, false);
    };
    const scanner = new RecordScanner(u.delimiter.charCodeAt(0), init.maxFieldBytes, onRecord, u.start, 1, u.end);
    const crashesBefore = run.crashes.length;
    if (u.end > u.start) {
      for await (const chunk of createReadStream(u.path, { start: u.start, end: u.end - 1, highWaterMark: readBytes })) scanner.push(chunk as Uint8Array);
    }
    // Then on, in small reads, until the scanner finds the next record boundary (a quoted line break may cross `end`).
    if (!scanner.stopped) {
      for await (const chunk of createReadStream(u.path, { start: u.end, highWaterMark: 1 << 16 })) {
        scanner.push(chunk as Uint8Array);
        if (scanner.stopped) break;
      }
    }
    scanner.end();
    return {
      id: u.id, collector: collector.exportState(), states: run.exportStates(),
      records: recordNo, checked: checker.checked, lines: scanner.linesBeforeStop, blankLines: scanner.blankLines,
      stoppedAt: scanner.stoppedAt, crashes: run.crashes.slice(crashesBefore),
    };
  }

  return checkRange;
}
