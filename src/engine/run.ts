// Runs a whole check: every input file read, decoded, split and checked; one Report for the run.
import { fatal } from "../i18n/fatal.js";
import { asFileError } from "../i18n/system-errors.js";
import type { EncodingOption } from "../input/encodings.js";
import { openInput, readHead } from "../input/open.js";
import { RecordScanner, type RawRecord } from "../input/record-scanner.js";
import { refuseBinary, sniffEncoding, SNIFF_BYTES, type Sniffed } from "../input/sniff.js";
import { readXml } from "../input/xml-reader.js";
import { requireBasic4 } from "../layout/resolve.js";
import { maskLongDigitRuns } from "../report/mask.js";
import { sortedCounts, summarize } from "../report/summary.js";
import type { FailOn } from "../report/verdict.js";
import type { FileReport, Finding, InsurerSummary, Lang, Report } from "../types.js";
import { CheckRun, describeCrash } from "./check-run.js";
import { FindingCollector } from "./collector.js";
import { CsvRecordChecker, lineOfByte } from "./csv-records.js";
import type { FileState, RunOptions, RunResult } from "./run-types.js";
import { Reservoir } from "./sampler.js";
import { structuralFinding } from "./structural.js";

export type { FileState, RunOptions, RunResult } from "./run-types.js";

export async function runCheck(paths: readonly string[], opts: RunOptions): Promise<RunResult> {
  const run = new CheckRun({ checks: opts.checks, options: opts.check, rules: opts.rules, redact: opts.redact });
  const states: FileState[] = [];
  for (const path of paths) {
    const state: FileState = { report: emptyFileReport(path) };
    states.push(state);
    try {
      await readFile(path, state, run, opts);
    } catch (e) {
      const error = asFileError(path, e);
      state.report.error = { code: error.kind, message: error.messageIn(opts.check.lang) };
    }
  }
  run.end();
  return assembleResult(states, run, opts, 0);
}

/** The run's report and result from every file's state, after the checks' end(). */
export function assembleResult(states: FileState[], run: CheckRun, opts: RunOptions, workers: number): RunResult {
  const files = states.map((s) => finishFile(s, run, opts.redact));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: "oqs-check", version: opts.version },
    options: { asOf: opts.check.asOf, redacted: opts.redact, lang: opts.check.lang },
    files,
    summary: summarize(files),
  };
  const failingRecords = (failOn: FailOn) => states.map((s) => s.collector?.failingRecords(failOn) ?? new Set<number>());
  return { report, crashes: run.crashes.map(describeCrash), failingRecords, workers };
}

export function emptyFileReport(path: string): FileReport {
  return {
    path, records: 0, recordsChecked: 0, findings: [], counts: {}, recordsWithFindings: 0,
    suspended: { eligibility: 0, medical: 0 }, suspendedRecords: [],
  };
}

/** Builds the file's report in the SPEC §4 key order. */
function finishFile(state: FileState, run: CheckRun, redact: boolean): FileReport {
  const s = state.report;
  const c = state.collector;
  const r: FileReport = { path: s.path } as FileReport;
  if (s.encoding) Object.assign(r, { encoding: s.encoding, encodingReason: s.encodingReason, format: s.format });
  Object.assign(r, { records: s.records, recordsChecked: s.recordsChecked });
  if (s.error) r.error = s.error;
  if (!c) return Object.assign(r, { findings: [], counts: {}, recordsWithFindings: 0, suspended: s.suspended, suspendedRecords: [] });
  r.findings = sortFindings(c.findings);
  if (c.truncated) r.truncated = true;
  r.counts = sortedCounts(c.counts);
  r.recordsWithFindings = c.recordsWithFindings;
  const suspendedRecords = c.suspendedRecords();
  r.suspended = { eligibility: 0, medical: 0 };
  for (const x of suspendedRecords) r.suspended[x.kind]++;
  r.suspendedRecords = suspendedRecords;
  r.byInsurer = maskedInsurerKeys(c.byInsurer(), redact);
  if (s.blankLines) r.blankLines = s.blankLines;
  const slot = run.files.find((f) => f?.collector === c);
  if (slot && slot.skippedChecks.length > 0) r.skippedChecks = slot.skippedChecks;
  return r;
}

/** byInsurer with any 個人番号 that a shifted column put into 保険者番号 masked; keys that become equal are added up. */
function maskedInsurerKeys(byInsurer: Record<string, InsurerSummary>, redact: boolean): Record<string, InsurerSummary> {
  const out: Record<string, InsurerSummary> = {};
  for (const [key, v] of Object.entries(byInsurer)) {
    // Under --redact a key that is not an 8-digit number (a name in a shifted column) is not shown.
    const k = redact && key !== "(none)" && !/^[0-9]{8}$/.test(key) ? "(invalid)" : maskLongDigitRuns(key);
    const t = out[k];
    if (!t) {
      out[k] = v;
      continue;
    }
    const counts = { ...t.counts };
    for (const [code, n] of Object.entries(v.counts)) counts[code] = (counts[code] ?? 0) + n;
    out[k] = {
      records: t.records + v.records, counts: sortedCounts(counts),
      suspended: { eligibility: t.suspended.eligibility + v.suspended.eligibility, medical: t.suspended.medical + v.suspended.medical },
    };
  }
  return out;
}

/** File order is given; within a file: line, record, code, then position in the field. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.line - b.f.line || a.f.record - b.f.record || a.f.code.localeCompare(b.f.code) || a.i - b.i)
    .map((x) => x.f);
}

/** Opens an input and reads its first 64 KiB; empty, UTF-16 and binary files are fatal. */
export async function openChecked(path: string): Promise<{ head: Uint8Array; rest: AsyncIterator<Uint8Array>; eof: boolean; xml: boolean }> {
  const { head, rest, eof } = await readHead(openInput(path), SNIFF_BYTES);
  if (head.length === 0) {
    throw fatal("empty", `${path}: ファイルが空です（0 バイト）`, `${path}: the file is empty (0 bytes)`);
  }
  refuseBinary(head, path);
  return { head, rest, eof, xml: looksLikeXml(path, head) };
}

async function readFile(path: string, state: FileState, run: CheckRun, opts: RunOptions): Promise<void> {
  const { head, rest, eof, xml } = await openChecked(path);
  if (xml) return readXmlFile(path, head, rest, state, run, opts);
  return readCsvFile(path, head, rest, eof, state, run, opts);
}

function looksLikeXml(path: string, head: Uint8Array): boolean {
  if (/\.xml$/i.test(path)) return true;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x3c && (head[i + 1] === 0x3f || /[A-Za-z]/.test(String.fromCharCode(head[i + 1] ?? 0)));
}

function detectDelimiter(path: string, head: Uint8Array, opts: RunOptions): "," | "\t" {
  const fromProfile = opts.layout.delimiter;
  if (opts.delimiter) return opts.delimiter;
  if (fromProfile) return fromProfile === "tab" || fromProfile === "\t" ? "\t" : ",";
  if (/\.tsv$/i.test(path)) return "\t";
  let commas = 0, tabs = 0, quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0a || b === 0x0d)) break;
    else if (!quoted && b === 0x2c) commas++;
    else if (!quoted && b === 0x09) tabs++;
  }
  return tabs > commas ? "\t" : ",";
}


/** Encoding and delimiter of a CSV/TSV file, from its first 64 KiB; the file report says which and why. */
export function prepareCsv(path: string, head: Uint8Array, eof: boolean, opts: RunOptions, report: FileReport): { sniffed: Sniffed; delimiter: "," | "\t" } {
  const requested = opts.encoding !== "auto" ? opts.encoding : ((opts.layout.encoding as EncodingOption | undefined) ?? "auto");
  const sniffed = sniffEncoding(head.subarray(0, SNIFF_BYTES), requested, !eof || head.length > SNIFF_BYTES);
  const delimiter = detectDelimiter(path, head, opts);
  report.encoding = sniffed.encoding;
  report.encodingReason = sniffed.reason[opts.check.lang];
  report.format = delimiter === "\t" ? "tsv" : "csv";
  return { sniffed, delimiter };
}

/** Bytes before the first record: a UTF-8 BOM, read as such or reported as a stray BOM in front of CP932. */
export function bytesBeforeRecords(sniffed: Sniffed): number {
  return sniffed.bomLength > 0 ? sniffed.bomLength : sniffed.strayBom ? 3 : 0;
}

/** The UTF-8 BOM in front of a CP932 body, as an S02 finding. */
export function strayBomFinding(lang: Lang): Finding {
  return structuralFinding("S02", "bom", "error", lang, { record: 0, line: 1, byteOffset: 0 }, {}, { bytes: "EF BB BF" });
}

async function readCsvFile(
  path: string, head: Uint8Array, rest: AsyncIterator<Uint8Array>, eof: boolean,
  state: FileState, run: CheckRun, opts: RunOptions,
): Promise<void> {
  const lang: Lang = opts.check.lang;
  const report = state.report;
  const { sniffed, delimiter } = prepareCsv(path, head, eof, opts, report);
  const collector = new FindingCollector(opts.maxFindings);
  const checker = new CsvRecordChecker({ path, sniffed, delimiter, lang, maxFieldBytes: opts.maxFieldBytes }, run, collector, opts.layout);
  if (sniffed.strayBom) checker.addEarly(strayBomFinding(lang));
  let dataRecords = 0;
  let headerSeen = !opts.layout.header;
  const reservoir = opts.sample ? new Reservoir<{ raw: RawRecord; recordNo: number }>(opts.sample.n, opts.sample.seed) : undefined;
  const onRecord = (raw: RawRecord) => {
    if (!headerSeen) {
      headerSeen = true;
      return checker.check(raw, 0, true);
    }
    dataRecords++;
    if (opts.head !== undefined && dataRecords > opts.head) return;
    if (reservoir) reservoir.offer({ raw: { ...raw, bytes: new Uint8Array(raw.bytes) }, recordNo: dataRecords });
    else checker.check(raw, dataRecords, false);
  };
  const skip = bytesBeforeRecords(sniffed);
  const scanner = new RecordScanner(delimiter.charCodeAt(0), opts.maxFieldBytes, onRecord, skip);
  scanner.push(head.subarray(skip));
  let done = head.length;
  if (!eof) {
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      scanner.push(r.value);
      done += r.value.length;
      opts.onProgress?.(path, done);
    }
  }
  scanner.end();
  for (const { raw, recordNo } of reservoir?.items() ?? []) checker.check(raw, recordNo, false);
  const fileIndex = checker.finish();
  run.fileEnd(fileIndex);
  report.records = dataRecords;
  report.recordsChecked = checker.checked;
  if (scanner.blankLines > 0) report.blankLines = scanner.blankLines;
  state.collector = collector;
}

export async function readXmlFile(
  path: string, head: Uint8Array, rest: AsyncIterator<Uint8Array>,
  state: FileState, run: CheckRun, opts: RunOptions, index?: number,
): Promise<void> {
  const lang = opts.check.lang;
  const parts: Uint8Array[] = [head];
  let size = head.length;
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    size += r.value.length;
    if (size > opts.maxXmlBytes) {
      throw fatal("xml-size", `${path}: XML が ${opts.maxXmlBytes} バイト（--max-xml-bytes）を超えています。XML は全体を読み込むため上限があります。CSV で出力するか上限を上げてください`,
        `${path}: the XML file exceeds ${opts.maxXmlBytes} bytes (--max-xml-bytes). XML is read whole, hence the limit; export CSV or raise it`);
    }
    parts.push(r.value);
  }
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  const xml = readXml(bytes, path, opts.encoding, opts.xmlRecord);
  const report = state.report;
  report.format = "xml";
  report.encoding = xml.sniffed.encoding;
  report.encodingReason = xml.sniffed.reason[lang];
  requireBasic4(xml.columns, path);
  const collector = new FindingCollector(opts.maxFindings);
  const fileIndex = run.addFile(path, xml.columns, collector, index);
  for (const bad of xml.invalidBytes) {
    run.addStructural(fileIndex, "S02", (sev) => structuralFinding("S02", "invalid", sev, lang, { record: 0, line: lineOfByte(bytes, 1, bad.index), byteOffset: bad.index },
      { encoding: xml.sniffed.encoding.toUpperCase(), hex: bad.hex, offset: bad.index, offsetHex: bad.index.toString(16).toUpperCase() }, { bytes: bad.hex }));
  }
  let chosen = xml.records.map((x, i) => ({ x, n: i + 1 }));
  if (opts.head !== undefined) chosen = chosen.slice(0, opts.head);
  if (opts.sample) {
    const reservoir = new Reservoir<(typeof chosen)[number]>(opts.sample.n, opts.sample.seed);
    for (const c of chosen) reservoir.offer(c);
    chosen = reservoir.items();
  }
  for (const { x, n } of chosen) {
    collector.countRecord(x.fields.insurerNumber);
    run.record({ record: n, line: x.line, offset: x.offset, fileIndex, cells: Object.values(x.fields) as string[], fields: x.fields });
  }
  run.fileEnd(fileIndex);
  report.records = xml.records.length;
  report.recordsChecked = chosen.length;
  state.collector = collector;
}
