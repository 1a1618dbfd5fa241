// The reference extract (住基 / J-LIS) index: keys, byte offsets and fingerprints in typed arrays, not records.
import { defineCheck, type Check } from "../checks/define.js";
import { runCheckParallel } from "../engine/parallel.js";
import type { RunOptions } from "../engine/run-types.js";
import { fatal } from "../i18n/fatal.js";
import { isAsciiDigits } from "../jp/blank.js";
import type { EncodingName } from "../input/encodings.js";
import { RecordRereader, type RereadFields } from "../input/record-rereader.js";
import type { DataRecord, FieldName } from "../types.js";
import { BASIC4_COMPARED, type Basic4Values } from "./compare.js";
import { comparable, fnv1a } from "./fingerprint.js";

export type ReferenceKey = "individualNumber" | "recipientNumber";

/**
 * One sealed entry, in 32-bit words: key low, (key high 18 bits | offset high 14 bits << 18), offset low, line, then
 * the five fingerprints — everything a lookup needs in one place (one or two cache lines, not one per array).
 */
const ENTRY_WORDS = 4 + BASIC4_COMPARED.length;
const KEY_HIGH_BITS = 18; // keys have at most 15 digits: < 2^50
const OFFSET_HIGH_LIMIT = 1 << (32 - KEY_HIGH_BITS); // offsets below 2^46 bytes

/** Bytes the sealed index holds per reference record: the entry (36) and at most 2 of the bucket directory. */
export const REFERENCE_BYTES_PER_RECORD = ENTRY_WORDS * 4 + 2;

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
  sealed: SealedEntries;
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

/**
 * The sealed index, in shared memory: `entries` one per key in key order (ENTRY_WORDS each), and a directory of
 * `buckets` ranges of key values — directory[b] is the first entry whose key falls in bucket b or later — so a
 * lookup reads one directory word and searches the few entries of one bucket.
 */
export interface SealedEntries {
  entries: Uint32Array;
  directory: Uint32Array;
  count: number;
  min: number;
  max: number;
  /** Buckets per unit of key: bucket(k) = ⌊(k − min) · scale⌋ (monotonic in k, the same in every thread). */
  scale: number;
  buckets: number;
}

const EMPTY_SEALED: SealedEntries = { entries: new Uint32Array(0), directory: new Uint32Array(1), count: 0, min: 0, max: -1, scale: 0, buckets: 0 };

export class ReferenceIndex {
  // Entries as read (file order), until seal().
  private keys = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private prints = new Uint32Array(1024 * BASIC4_COMPARED.length);
  private sealed: SealedEntries = EMPTY_SEALED;
  private reader?: RecordRereader;
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
   * the first entry of each key; later duplicates are counted and ignored. The arrays as read are then released.
   */
  seal(values: Record<string, Record<string, string> | undefined>): void {
    if (this.csv) this.csv.values = values;
    const order = firstOfEachKey(this.keys, this.size);
    this.duplicates = this.size - order.length;
    const m = order.length;
    const w = BASIC4_COMPARED.length;
    const entries = sharedArray(Uint32Array, m * ENTRY_WORDS);
    for (let j = 0; j < m; j++) {
      const i = order[j];
      const e = j * ENTRY_WORDS;
      const k = this.keys[i];
      const offset = this.offsets[i];
      const offsetLow = offset >>> 0; // mod 2^32
      const offsetHigh = (offset - offsetLow) / 0x1_0000_0000;
      if (offsetHigh >= OFFSET_HIGH_LIMIT) throw new Error(`reference file: offset ${offset} beyond the index's 2^46 bytes`);
      entries[e] = k >>> 0;
      entries[e + 1] = ((k - (k >>> 0)) / 0x1_0000_0000) | (offsetHigh << KEY_HIGH_BITS);
      entries[e + 2] = offsetLow;
      entries[e + 3] = this.lines[i];
      for (let f = 0; f < w; f++) entries[e + 4 + f] = this.prints[i * w + f];
    }
    this.sealed = sealedWithDirectory(entries, m);
    this.keys = new Float64Array(0);
    this.offsets = new Float64Array(0);
    this.lines = new Uint32Array(0);
    this.prints = new Uint32Array(0);
  }

  /** The sealed index as structured-cloneable data: its arrays live in shared memory, so workers do not copy them. */
  toTransfer(): ReferenceTransfer {
    return {
      path: this.path, key: this.key, dateFormats: [...this.dateFormats], size: this.size, duplicates: this.duplicates,
      sealed: this.sealed, xmlRecords: this.xmlRecords, csv: this.csv,
    };
  }

  static fromTransfer(t: ReferenceTransfer): ReferenceIndex {
    const index = new ReferenceIndex(t.path, t.key, t.dateFormats);
    Object.assign(index, { size: t.size, duplicates: t.duplicates, sealed: t.sealed, xmlRecords: t.xmlRecords, csv: t.csv });
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
   * The entry of key `k` in the sealed index, or -1: the directory gives the entries of k's bucket (two to four for
   * evenly spread keys such as 個人番号), which are searched by bisection; a lookup touches a few cache lines.
   */
  find(k: number): number {
    const { entries, directory, min, max, scale, buckets } = this.sealed;
    if (!(k >= min && k <= max)) return -1;
    const bucket = Math.min(buckets - 1, Math.floor((k - min) * scale));
    let a = directory[bucket];
    let b = directory[bucket + 1] - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const e = mid * ENTRY_WORDS;
      const v = (entries[e + 1] & KEY_HIGH_MASK) * 0x1_0000_0000 + entries[e];
      if (v === k) return mid;
      if (v < k) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /** Number of distinct keys in the sealed index. */
  get unique(): number {
    return this.sealed.count;
  }

  /** Line of entry i (from find). */
  lineAt(i: number): number {
    return this.sealed.entries[i * ENTRY_WORDS + 3];
  }

  /** Fingerprint of field BASIC4_COMPARED[j] of entry i (from find). */
  fingerprintAt(i: number, j: number): number {
    return this.sealed.entries[i * ENTRY_WORDS + 4 + j];
  }

  private keyAt(i: number): number {
    const e = i * ENTRY_WORDS;
    return (this.sealed.entries[e + 1] & KEY_HIGH_MASK) * 0x1_0000_0000 + this.sealed.entries[e];
  }

  private offsetAt(i: number): number {
    const e = i * ENTRY_WORDS;
    return (this.sealed.entries[e + 1] >>> KEY_HIGH_BITS) * 0x1_0000_0000 + this.sealed.entries[e + 2];
  }

  /** Re-reads entry i's record (from find; only to show a difference): a small read at its offset, scanned up to the record's end only. */
  valuesAt(i: number): Basic4Values {
    if (this.xmlRecords) return this.xmlRecords.get(this.keyAt(i))!;
    let fields: RereadFields = {};
    this.rereader().fieldsAt([this.offsetAt(i)], (_, f) => (fields = f));
    const out: Basic4Values = {};
    for (const f of BASIC4_COMPARED) out[f] = fields[f];
    return out;
  }

  /** The reference file's re-reader, made on the first re-read in each thread (no field-length limit). */
  private rereader(): RecordRereader {
    const csv = this.csv!;
    return (this.reader ??= new RecordRereader(
      this.path, csv.encoding, String.fromCharCode(csv.delimiter) as "," | "\t", Infinity,
      { cellOf: csv.cellOf, columns: {}, values: csv.values, width: 0 },
    ));
  }
}

const KEY_HIGH_MASK = (1 << KEY_HIGH_BITS) - 1;

/**
 * The sealed entries with their bucket directory: a power of two of buckets, at most one per two keys (≤ 2 bytes a
 * key), over the range of key values. Skewed keys only make some buckets larger, which bisection absorbs.
 */
function sealedWithDirectory(entries: Uint32Array, m: number): SealedEntries {
  if (m === 0) return EMPTY_SEALED;
  const keyOfEntry = (j: number) => (entries[j * ENTRY_WORDS + 1] & KEY_HIGH_MASK) * 0x1_0000_0000 + entries[j * ENTRY_WORDS];
  let buckets = 1;
  while (buckets * 4 <= m) buckets *= 2;
  const min = keyOfEntry(0);
  const max = keyOfEntry(m - 1);
  const scale = buckets / (max - min + 1);
  const directory = sharedArray(Uint32Array, buckets + 1);
  let b = 0;
  for (let j = 0; j < m; j++) {
    const bucket = Math.min(buckets - 1, Math.floor((keyOfEntry(j) - min) * scale));
    while (b <= bucket) directory[b++] = j;
  }
  while (b <= buckets) directory[b++] = m;
  return { entries, directory, count: m, min, max, scale, buckets };
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
