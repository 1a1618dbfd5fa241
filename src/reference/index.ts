// The reference extract (住基 / J-LIS) index: keys, byte offsets and fingerprints in typed arrays, not records.
import { closeSync, openSync, readSync } from "node:fs";
import { defineCheck, type Check } from "../checks/define.js";
import { runCheckParallel } from "../engine/parallel.js";
import type { RunOptions } from "../engine/run-types.js";
import { fatal } from "../i18n/fatal.js";
import { RecordDecoder } from "../input/decode.js";
import type { EncodingName } from "../input/encodings.js";
import { RecordScanner } from "../input/record-scanner.js";
import { splitCells } from "../input/split-cells.js";
import type { DataRecord, FieldName } from "../types.js";
import { BASIC4_COMPARED, type Basic4Values } from "./compare.js";
import { comparable, fnv1a } from "./fingerprint.js";

export type ReferenceKey = "individualNumber" | "recipientNumber";

/** Bytes the index holds per reference record: key 8 + offset 8 + line 4 + 5 fingerprints × 4. */
export const REFERENCE_BYTES_PER_RECORD = 8 + 8 + 4 + BASIC4_COMPARED.length * 4;

/** A copy of `a` in a SharedArrayBuffer (worker threads then see the same memory instead of a copy). */
function shared<T extends Float64Array | Uint32Array>(a: T): T {
  const ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** A numeric key (up to 15 digits) from the record's key field, or undefined when it has none. */
export function keyOf(fields: Partial<Record<FieldName, string>>, key: ReferenceKey): number | undefined {
  const v = (fields[key] ?? "").trim();
  return /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

/** A ReferenceIndex as plain data (typed arrays, maps): what a worker thread receives. */
export interface ReferenceTransfer {
  path: string;
  key: ReferenceKey;
  dateFormats: string[];
  size: number;
  duplicates: number;
  keys: Float64Array;
  offsets: Float64Array;
  lines: Uint32Array;
  prints: Uint32Array;
  order: Uint32Array;
  xmlRecords?: Map<number, Basic4Values>;
  csv?: { encoding: EncodingName; delimiter: number; cellOf: Partial<Record<FieldName, number>>; values: Record<string, Record<string, string> | undefined> };
}

/** The entries a worker thread indexed in one byte range of the reference file (moved to the main thread). */
export interface ReferenceEntries {
  size: number;
  keys: Float64Array;
  offsets: Float64Array;
  lines: Uint32Array;
  prints: Uint32Array;
  csv?: ReferenceTransfer["csv"];
}

export interface ReferenceHit {
  line: number;
  fingerprints: number[];
}

export class ReferenceIndex {
  private keys = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private prints = new Uint32Array(1024 * BASIC4_COMPARED.length);
  private order = new Uint32Array(0);
  size = 0;
  duplicates = 0;
  /** XML references are parsed whole anyway: their records are kept for re-reading. */
  private xmlRecords?: Map<number, Basic4Values>;
  private csv?: { encoding: EncodingName; delimiter: number; cellOf: Partial<Record<FieldName, number>>; values: Record<string, Record<string, string> | undefined> };

  constructor(
    readonly path: string,
    readonly key: ReferenceKey,
    readonly dateFormats: readonly string[],
  ) {}

  add(rec: DataRecord): void {
    const k = keyOf(rec.fields, this.key);
    if (k === undefined) return;
    if (this.size === this.keys.length) this.grow();
    const i = this.size++;
    this.keys[i] = k;
    this.offsets[i] = rec.offset;
    this.lines[i] = rec.line;
    BASIC4_COMPARED.forEach((f, j) => (this.prints[i * BASIC4_COMPARED.length + j] = fnv1a(comparable(f, rec.fields[f], this.dateFormats))));
    if (rec.raw) {
      this.csv ??= { encoding: rec.raw.encoding as EncodingName, delimiter: rec.raw.delimiter, cellOf: rec.raw.cellOf, values: {} };
    } else {
      this.xmlRecords ??= new Map();
      if (!this.xmlRecords.has(k)) this.xmlRecords.set(k, Object.fromEntries(BASIC4_COMPARED.map((f) => [f, rec.fields[f] ?? ""])));
    }
  }

  /** Worker side: the entries added since the last call (then forgotten here). */
  exportEntries(): ReferenceEntries {
    const n = this.size;
    const e: ReferenceEntries = {
      size: n, keys: this.keys.slice(0, n), offsets: this.offsets.slice(0, n), lines: this.lines.slice(0, n),
      prints: this.prints.slice(0, n * BASIC4_COMPARED.length), csv: this.csv,
    };
    this.size = 0;
    return e;
  }

  /** Main side: appends a range's entries, in file order, their lines moved by `lineShift`. */
  importEntries(e: ReferenceEntries, lineShift = 0): void {
    while (this.size + e.size > this.keys.length) this.grow();
    const at = this.size;
    this.keys.set(e.keys, at);
    this.offsets.set(e.offsets, at);
    this.lines.set(e.lines, at);
    if (lineShift !== 0) for (let i = at; i < at + e.size; i++) this.lines[i] += lineShift;
    this.prints.set(e.prints, at * BASIC4_COMPARED.length);
    this.size += e.size;
    this.csv ??= e.csv;
  }

  /** Sorts the keys once reading is done; later duplicates of a key are counted and ignored. */
  seal(values: Record<string, Record<string, string> | undefined>): void {
    if (this.csv) this.csv.values = values;
    const idx = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.keys[a] - this.keys[b] || a - b);
    const kept: number[] = [];
    for (const i of idx) {
      if (kept.length > 0 && this.keys[kept[kept.length - 1]] === this.keys[i]) this.duplicates++;
      else kept.push(i);
    }
    this.order = shared(Uint32Array.from(kept));
    const n = this.size;
    this.keys = shared(this.keys.subarray(0, n));
    this.offsets = shared(this.offsets.subarray(0, n));
    this.lines = shared(this.lines.subarray(0, n));
    this.prints = shared(this.prints.subarray(0, n * BASIC4_COMPARED.length));
  }

  /** The sealed index as structured-cloneable data: its arrays live in shared memory, so workers do not copy them. */
  toTransfer(): ReferenceTransfer {
    return {
      path: this.path, key: this.key, dateFormats: [...this.dateFormats], size: this.size, duplicates: this.duplicates,
      keys: this.keys, offsets: this.offsets, lines: this.lines, prints: this.prints, order: this.order,
      xmlRecords: this.xmlRecords, csv: this.csv,
    };
  }

  static fromTransfer(t: ReferenceTransfer): ReferenceIndex {
    const index = new ReferenceIndex(t.path, t.key, t.dateFormats);
    Object.assign(index, {
      size: t.size, duplicates: t.duplicates, keys: t.keys, offsets: t.offsets, lines: t.lines, prints: t.prints,
      order: t.order, xmlRecords: t.xmlRecords, csv: t.csv,
    });
    return index;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const k = new Float64Array(n); k.set(this.keys); this.keys = k;
    const o = new Float64Array(n); o.set(this.offsets); this.offsets = o;
    const l = new Uint32Array(n); l.set(this.lines); this.lines = l;
    const p = new Uint32Array(n * BASIC4_COMPARED.length); p.set(this.prints); this.prints = p;
  }

  private find(k: number): number {
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.keys[this.order[mid]];
      if (v === k) return this.order[mid];
      if (v < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The reference record for `k`: its line and field fingerprints, or undefined. */
  lookup(k: number): ReferenceHit | undefined {
    const i = this.find(k);
    if (i < 0) return undefined;
    const n = BASIC4_COMPARED.length;
    return { line: this.lines[i], fingerprints: Array.from(this.prints.subarray(i * n, i * n + n)) };
  }

  /** Re-reads one reference record from the file (only to show a difference). */
  values(k: number): Basic4Values | undefined {
    const i = this.find(k);
    if (i < 0) return undefined;
    if (this.xmlRecords) return this.xmlRecords.get(k);
    const csv = this.csv!;
    const fd = openSync(this.path, "r");
    try {
      let size = 64 * 1024;
      for (;;) {
        const buf = new Uint8Array(size);
        const got = readSync(fd, buf, 0, size, this.offsets[i]);
        let cells: string[] | undefined;
        const scanner = new RecordScanner(csv.delimiter, Infinity, (r) => {
          cells ??= splitCells(new RecordDecoder(csv.encoding).decode(r.bytes).text, String.fromCharCode(csv.delimiter));
        });
        scanner.push(buf.subarray(0, got));
        if (!cells && got < size) scanner.end();
        if (cells) {
          const out: Basic4Values = {};
          for (const f of BASIC4_COMPARED) {
            const c = csv.cellOf[f];
            const v = c === undefined ? undefined : cells[c];
            const map = csv.values[f];
            out[f] = v !== undefined && map && Object.hasOwn(map, v) ? map[v] : v;
          }
          return out;
        }
        size *= 4;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** A pseudo-check that feeds every record of the reference file into `index` (in worker threads too). */
export function referenceIndexer(index: ReferenceIndex): Check {
  return defineCheck({
    meta: { code: "B08", fields: [index.key], messages: {} },
    create: () => ({
      record: (rec) => index.add(rec),
      exportState: () => index.exportEntries(),
      importState: (state, shift) => index.importEntries(state as ReferenceEntries, shift.lines),
    }),
  });
}

/** Reads the reference file through the same reader as the inputs (in `jobs` worker threads) and indexes it. */
export async function buildReferenceIndex(path: string, key: ReferenceKey, opts: RunOptions, jobs = 1): Promise<ReferenceIndex> {
  const index = new ReferenceIndex(path, key, opts.check.dateFormats);
  const { report } = await runCheckParallel([path], {
    ...opts, checks: [referenceIndexer(index)], rules: new Map(), head: undefined, sample: undefined,
    indexReference: { path, key, dateFormats: [...opts.check.dateFormats] },
  }, jobs);
  const file = report.files[0];
  if (file.error) {
    throw fatal("reference", `参照ファイル（住基抽出）${file.error.message}`, `reference file: ${file.error.message}`);
  }
  if (file.skippedChecks?.length) {
    throw fatal("reference", `参照ファイル ${path} に照合キー（${key === "individualNumber" ? "個人番号" : "受給者番号"}）の列がありません（--key で変更できます）`,
      `reference file ${path} has no key column (${key}); choose another with --key`);
  }
  index.seal(opts.layout.values as Record<string, Record<string, string> | undefined>);
  return index;
}
