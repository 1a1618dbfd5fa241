// The reference extract (住基 / J-LIS) index: keys, byte offsets and fingerprints in typed arrays, not records.
import { closeSync, openSync, readSync } from "node:fs";
import { defineCheck, type Check } from "../checks/define.js";
import { runCheckParallel } from "../engine/parallel.js";
import type { RunOptions } from "../engine/run-types.js";
import { fatal } from "../i18n/fatal.js";
import { isAsciiDigits } from "../jp/blank.js";
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

/** A typed array of `n` elements in a SharedArrayBuffer (worker threads then see the same memory, not a copy). */
function sharedArray<T extends Float64Array | Uint32Array>(ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT));
}

/** Radix digits of the keys (integers below 2^52): 4 passes of 13 bits. */
const RADIX_BITS = 13;
const RADIX = 1 << RADIX_BITS;
const DIGIT = RADIX - 1;
const RADIX_PASSES = 4;

/**
 * Indexes of keys[0..n) sorted by key, only the first (lowest index) of each key: a stable LSD radix sort (counting
 * passes instead of a comparison sort of two million indexes). The keys travel with their indexes, so each pass
 * reads sequentially (three times faster than reading keys[idx[j]] at 2M keys); all four digit counts come from one
 * pass; a pass whose digit is the same for every key is skipped, and keys already in order are not sorted at all.
 */
export function firstOfEachKey(keys: Float64Array, n: number): Uint32Array {
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let sorted = keys;
  if (!inOrder(keys, n)) {
    const counts = digitCounts(keys, n);
    let tmp = new Uint32Array(n);
    let from = keys.slice(0, n);
    let to = new Float64Array(n);
    for (let p = 0; p < RADIX_PASSES; p++) {
      const starts = counts.subarray(p * RADIX, (p + 1) * RADIX);
      if (starts.includes(n)) continue; // one digit for every key: this pass would change nothing
      for (let d = 0, sum = 0; d < RADIX; d++) {
        const c = starts[d];
        starts[d] = sum;
        sum += c;
      }
      scatterByDigit(from, idx, to, tmp, n, p, starts);
      [idx, tmp] = [tmp, idx];
      [from, to] = [to, from];
    }
    sorted = from;
  }
  let m = 0;
  for (let j = 0; j < n; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) idx[m++] = idx[j];
  return idx.slice(0, m);
}

function inOrder(keys: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (keys[i] < keys[i - 1]) return false;
  return true;
}

/** Per pass p, how many keys have each digit: counts[p * RADIX + d] (digits from the key's two 32-bit halves). */
function digitCounts(keys: Float64Array, n: number): Uint32Array {
  const counts = new Uint32Array(RADIX * RADIX_PASSES);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const lo = k >>> 0; // k mod 2^32
    const hi = (k - lo) / 0x1_0000_0000;
    counts[lo & DIGIT]++;
    counts[RADIX + ((lo >>> 13) & DIGIT)]++;
    counts[2 * RADIX + (((lo >>> 26) | (hi << 6)) & DIGIT)]++;
    counts[3 * RADIX + ((hi >>> 7) & DIGIT)]++;
  }
  return counts;
}

/** One pass: keys and their indexes moved from (fromKeys, fromIdx) to their places by digit p. */
function scatterByDigit(
  fromKeys: Float64Array, fromIdx: Uint32Array, toKeys: Float64Array, toIdx: Uint32Array, n: number, p: number, starts: Uint32Array,
): void {
  for (let j = 0; j < n; j++) {
    const k = fromKeys[j];
    const lo = k >>> 0;
    const hi = (k - lo) / 0x1_0000_0000;
    const d = p === 0 ? lo & DIGIT : p === 1 ? (lo >>> 13) & DIGIT : p === 2 ? ((lo >>> 26) | (hi << 6)) & DIGIT : (hi >>> 7) & DIGIT;
    const t = starts[d]++;
    toKeys[t] = k;
    toIdx[t] = fromIdx[j];
  }
}

/** A numeric key (up to 15 digits) from the record's key field, or undefined when it has none. */
export function keyOf(fields: Partial<Record<FieldName, string>>, key: ReferenceKey): number | undefined {
  const v = (fields[key] ?? "").trim();
  return v.length <= 15 && isAsciiDigits(v) ? Number(v) : undefined;
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
  unique: number;
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

export class ReferenceIndex {
  private keys = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private prints = new Uint32Array(1024 * BASIC4_COMPARED.length);
  /** Entries after seal(): one per key, sorted by key. */
  private unique = 0;
  /** Every BLOCK-th sorted key (built on the first lookup, in each thread). */
  private blockFirsts?: Float64Array;
  private decoder?: RecordDecoder;
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
    const w = BASIC4_COMPARED.length;
    for (let j = 0; j < w; j++) {
      const f = BASIC4_COMPARED[j];
      this.prints[i * w + j] = fnv1a(comparable(f, rec.fields[f], this.dateFormats));
    }
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

  /**
   * Once reading is done: the entries are copied into shared memory sorted by key (a stable radix sort), keeping
   * the first entry of each key; later duplicates are counted and ignored. Lookups are then one binary search.
   */
  seal(values: Record<string, Record<string, string> | undefined>): void {
    if (this.csv) this.csv.values = values;
    const order = firstOfEachKey(this.keys, this.size);
    this.duplicates = this.size - order.length;
    const m = order.length;
    const w = BASIC4_COMPARED.length;
    const keys = sharedArray(Float64Array, m);
    const offsets = sharedArray(Float64Array, m);
    const lines = sharedArray(Uint32Array, m);
    const prints = sharedArray(Uint32Array, m * w);
    for (let j = 0; j < m; j++) {
      const i = order[j];
      keys[j] = this.keys[i];
      offsets[j] = this.offsets[i];
      lines[j] = this.lines[i];
      for (let f = 0; f < w; f++) prints[j * w + f] = this.prints[i * w + f];
    }
    Object.assign(this, { keys, offsets, lines, prints, unique: m });
  }

  /** The sealed index as structured-cloneable data: its arrays live in shared memory, so workers do not copy them. */
  toTransfer(): ReferenceTransfer {
    return {
      path: this.path, key: this.key, dateFormats: [...this.dateFormats], size: this.size, duplicates: this.duplicates,
      keys: this.keys, offsets: this.offsets, lines: this.lines, prints: this.prints, unique: this.unique,
      xmlRecords: this.xmlRecords, csv: this.csv,
    };
  }

  static fromTransfer(t: ReferenceTransfer): ReferenceIndex {
    const index = new ReferenceIndex(t.path, t.key, t.dateFormats);
    Object.assign(index, {
      size: t.size, duplicates: t.duplicates, keys: t.keys, offsets: t.offsets, lines: t.lines, prints: t.prints,
      unique: t.unique, xmlRecords: t.xmlRecords, csv: t.csv,
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

  /**
   * The entry of key `k` in the sealed index, or -1: a binary search over every BLOCK-th key (small enough to stay
   * in the CPU cache), then one within that block — a few cache misses instead of one per step over 16 MB.
   */
  find(k: number): number {
    const keys = this.keys;
    const firsts = this.blockFirsts ??= blockFirstKeys(keys, this.unique);
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    let a = lo * BLOCK;
    let b = Math.min(a + BLOCK, this.unique) - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const v = keys[mid];
      if (v === k) return mid;
      if (v < k) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /** Line of entry i (from find). */
  lineAt(i: number): number {
    return this.lines[i];
  }

  /** Fingerprint of field BASIC4_COMPARED[j] of entry i (from find). */
  fingerprintAt(i: number, j: number): number {
    return this.prints[i * BASIC4_COMPARED.length + j];
  }

  /** Re-reads entry i's record (from find; only to show a difference): a small read at its offset, scanned up to the record's end only. */
  valuesAt(i: number): Basic4Values {
    if (this.xmlRecords) return this.xmlRecords.get(this.keys[i])!;
    const csv = this.csv!;
    this.decoder ??= new RecordDecoder(csv.encoding);
    const fd = openSync(this.path, "r");
    try {
      for (let size = REREAD_BYTES; ; size *= 4) {
        const buf = new Uint8Array(size);
        const got = readSync(fd, buf, 0, size, this.offsets[i]);
        let cells: string[] | undefined;
        const scanner = new RecordScanner(csv.delimiter, Infinity, (r) => {
          cells ??= splitCells(this.decoder!.decode(r.bytes).text, String.fromCharCode(csv.delimiter));
        }, this.offsets[i], 1, this.offsets[i] + 1);
        scanner.push(buf.subarray(0, got));
        if (!cells && got < size) scanner.end();
        if (cells) return this.basic4Of(cells);
        if (got < size) return this.basic4Of([]);
      }
    } finally {
      closeSync(fd);
    }
  }

  private basic4Of(cells: string[]): Basic4Values {
    const csv = this.csv!;
    const out: Basic4Values = {};
    for (const f of BASIC4_COMPARED) {
      const c = csv.cellOf[f];
      const v = c === undefined ? undefined : cells[c];
      const map = csv.values[f];
      out[f] = v !== undefined && map && Object.hasOwn(map, v) ? map[v] : v;
    }
    return out;
  }
}

/** Keys per block of the two-level lookup. */
const BLOCK = 64;

/** keys[0], keys[BLOCK], keys[2·BLOCK], … of the first n sorted keys. */
function blockFirstKeys(keys: Float64Array, n: number): Float64Array {
  const out = new Float64Array(Math.ceil(n / BLOCK));
  for (let j = 0; j < out.length; j++) out[j] = keys[j * BLOCK];
  return out;
}

/** First read when re-reading a reference record (records are a few hundred bytes; longer ones read again). */
const REREAD_BYTES = 2048;

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
