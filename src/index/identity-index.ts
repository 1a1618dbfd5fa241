// A compact, columnar index of who each record says it is (個人番号, 受給者番号 key, birth, sex, name and address
// fingerprints, qualification period), for B04. It never holds a record: 38 bytes per indexed record, or 20 for a
// record whose file can be read again (its identity fields are then filled in only if it shares a key).

/**
 * One record as the index takes it. Strings are already reduced to numbers by the caller (see b04):
 * 0 always means "unknown / empty — do not compare".
 */
export interface IdentityEntry {
  fileIndex: number;
  record: number;
  line: number;
  /** The 11-digit 個人番号 body as a number (< 2^37); the check digit is implied. */
  body: number;
  /** 53-bit hash of 保険者番号 + 受給者番号 + 枝番 (0 = no 受給者番号). */
  recipientKey: number;
  /** 受給者番号 packed by packRecipient (0 = not numeric, not shown). */
  recipient: number;
  /** Days since 1889-12-31 (1 … 65534 = 1890-01-01 … 2069-06-04; 0 = unknown or outside). */
  birth: number;
  /** 1 or 2 (0 = unknown or 3 未設定). */
  sex: number;
  /** 16-bit fingerprints of the folded 漢字氏名 and カナ氏名 (0 = empty). */
  name: number;
  kana: number;
  /** 32-bit fingerprint of the folded 住所 (0 = empty). */
  address: number;
  /** Qualification period [from, to) in days since 1899-12-31 (1 … 65534 = 1900-01-01 … 2079-06-04); from 0 = unknown, to 0xFFFF = open-ended. */
  from: number;
  to: number;
  /** Byte offset of the record in its file (kept by addDeferred only). */
  offset: number;
}

type TypedArrayCtor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor;

/**
 * The columns and their widths. Bytes per record:
 *   numberLo 4 + numberHi 1      個人番号 body (37 bits; bit 6 of numberHi: has a recipient key; bit 7: deferred)
 *   recipientKeyLo 4             low 32 bits of the 受給者番号 + 枝番 + 保険者番号 key (a 53-bit hash), for B04 (b)
 *   record 4 + lineDelta 2       position (line − record; larger gaps go to a sparse map)
 * = 15 bytes for every record, then either its recipient and identity (add: 23 bytes, 38 in all)
 *   recipientKeyHi 4             the key's high 21 bits
 *   recipient 4                  受給者番号 itself when numeric (shown in suspendedRecords)
 *   birth 2 + sex 1              exact, not hashed
 *   name 2 + kana 2 + address 4  fingerprints of folded values
 *   from 2 + to 2                qualification period
 * or where to read it again (addDeferred: 5 bytes, 20 in all; setRecipient and setIdentity fill the others for the
 * records that share a key, in chunks allocated then)
 *   offsetLo 4 + offsetHi 1      byte offset of the record in its file (40 bits).
 * Chunks of a column are allocated when a record first writes into them. The file index is not stored per record: records arrive file by file, so runs of records are
 * mapped to files by a short segment list. groupsBy (end()) adds two Uint32Arrays of n/4 + 2√n + 1024 entries
 * (≈ 2 bytes per record: a bit-set sieve, then radix-sort buffers; reused by its second call), a fixed 256 KiB
 * for one chunk's key hashes and, per duplicated key, a few words (HashSet32): 40 bytes at the peak, plus the
 * groups it returns.
 */
const KEY_COLUMNS = {
  numberLo: Uint32Array,
  numberHi: Uint8Array,
  recipientKeyLo: Uint32Array,
  record: Uint32Array,
  lineDelta: Uint16Array,
} as const satisfies Record<string, TypedArrayCtor>;

const RECIPIENT_COLUMNS = {
  recipientKeyHi: Uint32Array,
  recipient: Uint32Array,
} as const satisfies Record<string, TypedArrayCtor>;

const IDENTITY_COLUMNS = {
  birth: Uint16Array,
  sex: Uint8Array,
  name: Uint16Array,
  kana: Uint16Array,
  address: Uint32Array,
  from: Uint16Array,
  to: Uint16Array,
} as const satisfies Record<string, TypedArrayCtor>;

const OFFSET_COLUMNS = {
  offsetLo: Uint32Array,
  offsetHi: Uint8Array,
} as const satisfies Record<string, TypedArrayCtor>;

const COLUMNS = { ...KEY_COLUMNS, ...RECIPIENT_COLUMNS, ...IDENTITY_COLUMNS, ...OFFSET_COLUMNS } as const;

type ColumnName = keyof typeof COLUMNS;
type KeyColumnName = keyof typeof KEY_COLUMNS;
type IdentityColumnName = keyof typeof IDENTITY_COLUMNS;

const bytesOf = (cols: Record<string, TypedArrayCtor>) => Object.values(cols).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0);

/** Bytes each record added with its identity costs (the benchmark reports it next to the measured heap growth). */
export const IDENTITY_INDEX_BYTES_PER_RECORD: number = bytesOf(KEY_COLUMNS) + bytesOf(RECIPIENT_COLUMNS) + bytesOf(IDENTITY_COLUMNS);
/** Bytes each deferred record costs (addDeferred: its file can be read again). */
export const DEFERRED_INDEX_BYTES_PER_RECORD: number = bytesOf(KEY_COLUMNS) + bytesOf(OFFSET_COLUMNS);

/** numberHi's flags (the body needs its low 5 bits): an entry added by addDeferred; an entry with a recipient key. */
const DEFERRED = 0x80;
const HAS_RECIPIENT_KEY = 0x40;
const BODY_HIGH = 0x1f;

/** Records per chunk: columns grow by whole chunks, so nothing is ever copied and at most one chunk is slack. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Chunk = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** One column in chunks of CHUNK entries; a chunk never written is not allocated and reads as 0. */
class Column {
  readonly chunks: (Chunk | undefined)[] = [];
  constructor(private readonly ctor: TypedArrayCtor) {}
  /** Chunk c, allocated if new. */
  chunk(c: number): Chunk {
    return (this.chunks[c] ??= new this.ctor(CHUNK));
  }
  set(i: number, v: number): void {
    this.chunk(i >>> CHUNK_BITS)[i & MASK] = v;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]?.[i & MASK] ?? 0;
  }
  get allocated(): boolean {
    return this.chunks.some((c) => c !== undefined);
  }
  /** Copies `src` into entries at, at + 1, …, chunk by chunk. */
  setRange(at: number, src: Chunk): void {
    for (let done = 0; done < src.length; ) {
      const i = at + done;
      const take = Math.min(CHUNK - (i & MASK), src.length - done);
      this.chunk(i >>> CHUNK_BITS).set(src.subarray(done, done + take) as never, i & MASK);
      done += take;
    }
  }
  get bytes(): number {
    return this.chunks.reduce((s, c) => s + (c?.byteLength ?? 0), 0);
  }
}

/** IdentityIndex.exportState(): the columns trimmed to `size` (those never written left out), the file segments and the long line gaps. */
export interface IdentityIndexState {
  size: number;
  columns: Partial<Record<ColumnName, Chunk>>;
  segments: { start: number; fileIndex: number }[];
  lineOverflow: [number, number][];
}

const OPEN_ENDED = 0xffff;
const LINE_OVERFLOW = 0xffff;

/** A record remembered by the index, as findings need it. */
export interface IndexedPosition {
  fileIndex: number;
  record: number;
  line: number;
  recipientNumber?: string;
}

export class IdentityIndex {
  private readonly cols = Object.fromEntries(
    Object.entries(COLUMNS).map(([k, ctor]) => [k, new Column(ctor)]),
  ) as Record<ColumnName, Column>;
  private readonly segments: { start: number; fileIndex: number }[] = [];
  private readonly lineOverflow = new Map<number, number>();
  /** add()'s chunk: its index and the key columns' typed arrays (no per-column chunk lookup per record). */
  private openChunk = -1;
  private w: Record<KeyColumnName, Chunk> | undefined;
  /** The file of the last segment (-1 before the first record). */
  private lastFileIndex = -1;
  /** groupsBy's transient buffers (see scratch()). */
  private buffers: [Uint32Array, Uint32Array] | undefined;
  size = 0;

  /** Adds a record with its recipient and identity (birth … to). */
  add(e: IdentityEntry): void {
    const i = this.addKeys(e, 0);
    this.setRecipient(i, e);
    this.setIdentity(i, e);
  }

  /** Adds a record without its recipient and identity (setRecipient, setIdentity give them later if needed): its offset is kept instead. */
  addDeferred(e: IdentityEntry): void {
    const i = this.addKeys(e, DEFERRED);
    const c = i >>> CHUNK_BITS;
    this.cols.offsetLo.chunk(c)[i & MASK] = e.offset >>> 0; // e.offset < 2^40
    this.cols.offsetHi.chunk(c)[i & MASK] = (e.offset - (e.offset >>> 0)) / 0x1_0000_0000;
  }

  /** Writes entry i's recipient columns (the key's high bits, the 受給者番号) from `e`. */
  setRecipient(i: number, e: IdentityEntry): void {
    const c = i >>> CHUNK_BITS;
    this.cols.recipientKeyHi.chunk(c)[i & MASK] = (e.recipientKey - (e.recipientKey >>> 0)) / 0x1_0000_0000;
    this.cols.recipient.chunk(c)[i & MASK] = e.recipient;
  }

  /** Writes entry i's identity columns (birth … to) from `e`. */
  setIdentity(i: number, e: IdentityEntry): void {
    const c = i >>> CHUNK_BITS;
    const j = i & MASK;
    const cols = this.cols;
    cols.birth.chunk(c)[j] = e.birth;
    cols.sex.chunk(c)[j] = e.sex;
    cols.name.chunk(c)[j] = e.name;
    cols.kana.chunk(c)[j] = e.kana;
    cols.address.chunk(c)[j] = e.address;
    cols.from.chunk(c)[j] = e.from;
    cols.to.chunk(c)[j] = e.to;
  }

  /** True when entry i came in by addDeferred. */
  isDeferred(i: number): boolean {
    return (this.cols.numberHi.get(i) & DEFERRED) !== 0;
  }

  /** Byte offset of deferred entry i in its file. */
  offset(i: number): number {
    return this.cols.offsetHi.get(i) * 0x1_0000_0000 + this.cols.offsetLo.get(i);
  }

  /** Writes the key columns of a new entry; its index is returned. */
  private addKeys(e: IdentityEntry, flags: number): number {
    const i = this.size++;
    if (i >>> CHUNK_BITS !== this.openChunk) this.open(i >>> CHUNK_BITS);
    const j = i & MASK;
    const w = this.w!;
    w.numberLo[j] = e.body >>> 0; // e.body < 2^37: >>> 0 is its low 32 bits
    w.numberHi[j] = (e.body - (e.body >>> 0)) / 0x1_0000_0000 | flags | (e.recipientKey !== 0 ? HAS_RECIPIENT_KEY : 0);
    w.recipientKeyLo[j] = e.recipientKey >>> 0; // e.recipientKey < 2^53: its low 32 bits
    w.record[j] = e.record;
    const delta = e.line - e.record;
    if (delta >= 0 && delta < LINE_OVERFLOW) w.lineDelta[j] = delta;
    else {
      w.lineDelta[j] = LINE_OVERFLOW;
      this.lineOverflow.set(i, e.line);
    }
    if (e.fileIndex !== this.lastFileIndex) {
      this.segments.push({ start: i, fileIndex: e.fileIndex });
      this.lastFileIndex = e.fileIndex;
    }
    return i;
  }

  /** Makes chunk c (allocated if new) the one addKeys() writes into, one typed array per key column. */
  private open(c: number): void {
    const w = {} as Record<KeyColumnName, Chunk>;
    for (const name of Object.keys(KEY_COLUMNS) as KeyColumnName[]) w[name] = this.cols[name].chunk(c);
    this.w = w;
    this.openChunk = c;
  }

  /** Everything added so far, as structured-cloneable data (a worker thread hands it to the main thread). */
  exportState(): IdentityIndexState {
    const columns: Partial<Record<ColumnName, Chunk>> = {};
    for (const [name, ctor] of Object.entries(COLUMNS) as [ColumnName, TypedArrayCtor][]) {
      if (!this.cols[name].allocated) continue;
      const out = new ctor(this.size);
      this.cols[name].chunks.forEach((chunk, c) => chunk && out.set(chunk.subarray(0, Math.min(CHUNK, this.size - c * CHUNK)), c * CHUNK));
      columns[name] = out;
    }
    return { size: this.size, columns, segments: this.segments.map((s) => ({ ...s })), lineOverflow: [...this.lineOverflow] };
  }

  /** Appends a state exported by another index (in file and range order), its positions moved by `shift`. */
  importState(state: IdentityIndexState, shift = { records: 0, lines: 0 }): void {
    const base = this.size;
    const n = state.size;
    const c = state.columns;
    for (const name of Object.keys(COLUMNS) as ColumnName[]) if (c[name]) this.cols[name].setRange(base, c[name]);
    for (const seg of state.segments) {
      if (seg.fileIndex === this.lastFileIndex) continue;
      this.segments.push({ start: base + seg.start, fileIndex: seg.fileIndex });
      this.lastFileIndex = seg.fileIndex;
    }
    this.size += n;
    if (shift.records === 0 && shift.lines === 0) {
      for (const [i, line] of state.lineOverflow) this.lineOverflow.set(base + i, line);
      return;
    }
    // Positions: record + shift.records; line − record changes by shift.lines − shift.records.
    const overflow = new Map(state.lineOverflow);
    const deltaShift = shift.lines - shift.records;
    const records = c.record!;
    const lineDeltas = c.lineDelta!;
    for (let i = 0; i < n; i++) {
      const record = records[i];
      this.cols.record.set(base + i, record + shift.records);
      const line = (lineDeltas[i] === LINE_OVERFLOW ? overflow.get(i)! : record + lineDeltas[i]) + shift.lines;
      const delta = lineDeltas[i] === LINE_OVERFLOW ? -1 : lineDeltas[i] + deltaShift;
      if (delta >= 0 && delta < LINE_OVERFLOW) this.cols.lineDelta.set(base + i, delta);
      else {
        this.cols.lineDelta.set(base + i, LINE_OVERFLOW);
        this.lineOverflow.set(base + i, line);
      }
    }
  }

  /** Bytes held by the columns now (allocated chunks, not only used entries). */
  bytesAllocated(): number {
    return Object.values(this.cols).reduce((s, c) => s + c.bytes, 0);
  }

  body(i: number): number {
    return (this.cols.numberHi.get(i) & BODY_HIGH) * 0x1_0000_0000 + this.cols.numberLo.get(i);
  }

  /** The low 32 bits of entry i's recipient key, or -1 when it has none (known for every entry). */
  recipientKeyLow(i: number): number {
    return this.cols.numberHi.get(i) & HAS_RECIPIENT_KEY ? this.cols.recipientKeyLo.get(i) : -1;
  }

  /** Entry i's whole recipient key (0 = none); for a deferred entry only once setRecipient gave it. */
  recipientKey(i: number): number {
    return this.recipientKeyLow(i) < 0 ? 0 : this.cols.recipientKeyHi.get(i) * 0x1_0000_0000 + this.cols.recipientKeyLo.get(i);
  }

  /**
   * groupsBy("recipientKey") groups on the key's low 32 bits; this splits such groups by the whole key (members in
   * order, groups of one dropped, groups in the order of their first records). Every member needs its recipient
   * columns (add, or setRecipient).
   */
  splitByRecipientKey(groups: readonly number[][]): number[][] {
    const out: number[][] = [];
    for (const group of groups) {
      const first = this.recipientKey(group[0]);
      if (group.every((i) => this.recipientKey(i) === first)) {
        out.push(group); // nearly always: one whole key
        continue;
      }
      const byKey = new Map<number, number[]>();
      for (const i of group) {
        const k = this.recipientKey(i);
        const g = byKey.get(k);
        if (g) g.push(i);
        else byKey.set(k, [i]);
      }
      for (const g of byKey.values()) if (g.length > 1) out.push(g);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  position(i: number): IndexedPosition {
    const record = this.cols.record.get(i);
    const delta = this.cols.lineDelta.get(i);
    const line = delta === LINE_OVERFLOW ? this.lineOverflow.get(i)! : record + delta;
    const p: IndexedPosition = { fileIndex: this.fileIndexOf(i), record, line };
    const r = unpackRecipient(this.cols.recipient.get(i));
    if (r !== undefined) p.recipientNumber = r;
    return p;
  }

  /** The identity columns of a group of records, copied into plain typed arrays for pairwise comparison. */
  gather(group: readonly number[]): GroupView {
    const n = group.length;
    const v = {
      birth: new Uint16Array(n), sex: new Uint8Array(n), name: new Uint16Array(n), kana: new Uint16Array(n),
      address: new Uint32Array(n), from: new Uint16Array(n), to: new Uint16Array(n),
    };
    group.forEach((i, k) => {
      for (const col of Object.keys(v) as IdentityColumnName[]) v[col][k] = this.cols[col].get(i);
    });
    return new GroupView(v);
  }

  /**
   * Groups of indexed records sharing a key (`body`, or the low 32 bits of `recipientKey`: see splitByRecipientKey);
   * only keys held by two or more records, each group in record order and the groups in the order of their first
   * records.
   *
   * Every key is reduced to a 32-bit hash. A sieve of two bits per bucket (about 8 buckets per record) lets through
   * the hashes whose bucket was hit twice: the duplicates and about 12% of the others. Those are radix sorted to
   * find the hashes held twice, and one last pass groups the records holding one of them by their exact key (two
   * keys with one hash give groups of one, which are dropped). When too many records pass the sieve (every number
   * twice, a placeholder number), all hashes are sorted partition by partition instead. No closure and no boxed
   * double per record; transient memory: the sieve's two bit sets (≈ 1 byte per record each), which then serve as
   * the sort's two buffers.
   */
  groupsBy(key: KeyName, dups: SharedHashes = this.duplicatedHashes(key)): number[][] {
    return dups.size === 0 ? [] : this.groupsOfHashes(key, dups);
  }

  /**
   * Sets marks[i] to 1 for every entry whose key hash is held twice or more (every member of groupsBy(key), and the
   * rare entry whose hash only collides), without building the groups. `dups` can then serve groupsBy(key, dups).
   */
  markShared(key: KeyName, marks: Uint8Array, dups: SharedHashes = this.duplicatedHashes(key)): void {
    if (dups.size === 0) return;
    for (let c = 0; c * CHUNK < this.size; c++) {
      const len = this.keyHashes(key, c, HASHES);
      for (let j = dups.next(HASHES, 0, len); j < len; j = dups.next(HASHES, j + 1, len)) marks[c * CHUNK + j] = 1;
    }
  }

  /**
   * The key hashes held by two or more entries (for groupsBy and markShared), in memory of their own: the set
   * groupsBy makes for itself lives in scratch buffers that the next call overwrites.
   */
  sharedHashes(key: KeyName): SharedHashes {
    return this.duplicatedHashes(key).copy();
  }

  /** The hashes held by two or more records. */
  private duplicatedHashes(key: KeyName): HashSet32 {
    const chunks = Math.ceil(this.size / CHUNK);
    const hashesOf = (c: number, out: Uint32Array) => this.keyHashes(key, c, out);
    const sieve = new PairSieve(...this.scratch());
    for (let c = 0; c < chunks; c++) sieve.add(HASHES, hashesOf(c, HASHES));
    const found = sieve.duplicates(chunks, hashesOf);
    if (found) return found;
    for (let bits = 2; bits < 16; bits++) {
      const dups = new HashPartitions(this.size, bits, sieve.seen, sieve.twice).duplicates(chunks, hashesOf);
      if (dups) return dups;
    }
    throw new Error("identity index: no partitioning of the key hashes fits (corrupt index?)");
  }

  /**
   * groupsBy's two buffers of capacity(n, 2) entries, zeroed; kept for the next call (end() calls it twice), so that
   * the two calls never hold four of them.
   */
  private scratch(): [Uint32Array, Uint32Array] {
    const words = HashPartitions.capacity(this.size, 2);
    if (this.buffers === undefined || this.buffers[0].length !== words) this.buffers = [new Uint32Array(words), new Uint32Array(words)];
    else for (const b of this.buffers) b.fill(0);
    return this.buffers;
  }

  /** One pass over the records: those whose hash is in `dups`, grouped by their exact key. */
  private groupsOfHashes(key: KeyName, dups: HashSet32): number[][] {
    const byKey = new Map<number, number[]>();
    for (let c = 0; c * CHUNK < this.size; c++) {
      const len = this.keyHashes(key, c, HASHES);
      for (let j = dups.next(HASHES, 0, len); j < len; j = dups.next(HASHES, j + 1, len)) {
        const i = c * CHUNK + j;
        const k = key === "body" ? this.body(i) : this.cols.recipientKeyLo.get(i);
        const g = byKey.get(k);
        if (g) g.push(i);
        else byKey.set(k, [i]);
      }
    }
    const groups: number[][] = [];
    for (const g of byKey.values()) if (g.length > 1) groups.push(g);
    return groups;
  }


  /** The key hashes of chunk c into out[0 … len) (0 = no key), len returned. */
  private keyHashes(key: KeyName, c: number, out: Uint32Array): number {
    const len = Math.min(CHUNK, this.size - c * CHUNK);
    if (key === "body") hashBodies(this.cols.numberLo.chunk(c) as Uint32Array, this.cols.numberHi.chunk(c) as Uint8Array, len, out);
    else hashRecipientKeys(this.cols.recipientKeyLo.chunk(c) as Uint32Array, this.cols.numberHi.chunk(c) as Uint8Array, len, out);
    return len;
  }

  /** The file index of entry i. */
  fileIndexOf(i: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid].start <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo].fileIndex;
  }
}

type KeyName = "body" | "recipientKey";

/** The key hashes held twice or more (opaque outside the index). */
export type SharedHashes = HashSet32;

/** Scratch space for one chunk's key hashes (groupsBy materialises them, then loops over plain numbers). */
const HASHES = new Uint32Array(CHUNK);

// The key hashes: murmur3's 32-bit finaliser, which spreads every input bit over the hash (bodies are not random
// numbers), written out in the loops (no call per record: end() runs these loops once, mostly before V8 optimises).

function hashBodies(lo: Uint32Array, hi: Uint8Array, len: number, out: Uint32Array): void {
  for (let j = 0; j < len; j++) {
    let h = lo[j] ^ Math.imul(hi[j] & BODY_HIGH, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out[j] = (h ^ (h >>> 16)) >>> 0 || 1; // 0 means "no key"
  }
}

function hashRecipientKeys(lo: Uint32Array, flags: Uint8Array, len: number, out: Uint32Array): void {
  for (let j = 0; j < len; j++) {
    if ((flags[j] & HAS_RECIPIENT_KEY) === 0) {
      out[j] = 0;
      continue;
    }
    let h = lo[j];
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out[j] = (h ^ (h >>> 16)) >>> 0 || 1;
  }
}

/** Hashes of chunk c into `out`, their count returned (IdentityIndex.keyHashes for one key). */
type HashesOf = (c: number, out: Uint32Array) => number;

/**
 * The first sieve: per bucket one bit for "a hash fell here" and one for "two did". With 8 buckets per record, about
 * 12% of the hashes held once share their bucket by chance; only hashes in "two" buckets are looked at again.
 */
class PairSieve {
  private readonly scale: number;

  constructor(readonly seen: Uint32Array, readonly twice: Uint32Array) {
    this.scale = (seen.length * 32) / 0x1_0000_0000;
  }

  add(hashes: Uint32Array, len: number): void {
    const { seen, twice, scale } = this;
    for (let j = 0; j < len; j++) {
      const h = hashes[j];
      if (h === 0) continue;
      const b = Math.floor(h * scale);
      const w = b >>> 5;
      const bit = 1 << (b & 31);
      twice[w] |= seen[w] & bit;
      seen[w] |= bit;
    }
  }

  /**
   * The hashes held twice, from a second pass over the hashes: those that pass are kept in `seen` (not needed as a
   * bit set any more) and radix sorted through `twice`. Undefined when more pass than `seen` holds.
   */
  duplicates(chunks: number, hashesOf: HashesOf): HashSet32 | undefined {
    const kept = this.seen;
    let m = 0;
    for (let c = 0; c < chunks && m >= 0; c++) m = this.keepPassing(HASHES, hashesOf(c, HASHES), m);
    if (m < 0) return undefined;
    const sorted = radixSort(kept, this.twice, m, 0, 32);
    return new HashSet32(repeated(sorted, m, 0, 0), sorted === kept ? this.twice : kept);
  }

  /** Appends to seen[m …] the hashes in a "two" bucket; the new length, or -1 when seen is full. */
  private keepPassing(hashes: Uint32Array, len: number, m: number): number {
    const { seen: kept, twice, scale } = this;
    for (let j = 0; j < len; j++) {
      const h = hashes[j];
      if (h === 0) continue;
      const b = Math.floor(h * scale);
      if ((twice[b >>> 5] & (1 << (b & 31))) === 0) continue;
      if (m === kept.length) return -1;
      kept[m++] = h;
    }
    return m;
  }
}

/**
 * The hashes that occur twice or more, one partition (hash mod 2^bits) at a time: a partition's hashes go into a
 * buffer of about n/2^bits entries, which is radix sorted; equal neighbours are duplicates. Each entry keeps the
 * hash bits above the partition bits, shifted left by one: bit 0 says "seen twice" for entries that a compaction
 * (a full buffer sorted and reduced to one entry per hash) already merged, so a key held by most records still fits.
 */
class HashPartitions {
  /** Entries a partition's buffer holds: n / 2^bits plus room for a uniform hash's spread (≈ 2√n). */
  static capacity(n: number, bits: number): number {
    return Math.ceil(n / 2 ** bits + 2 * Math.sqrt(n)) + 1024;
  }

  private readonly parts: number;
  private readonly capacity: number;

  /** `a` and `b` hold at least capacity(n, bits) entries each. */
  constructor(n: number, private readonly bits: number, private readonly a: Uint32Array, private readonly b: Uint32Array) {
    this.parts = 1 << bits;
    this.capacity = HashPartitions.capacity(n, bits);
  }

  /** The duplicated hashes; undefined when a partition holds too many distinct hashes (try more partitions). */
  duplicates(chunks: number, hashesOf: HashesOf): HashSet32 | undefined {
    const found: number[] = [];
    for (let p = 0; p < this.parts; p++) {
      let m = 0;
      for (let c = 0; c < chunks && m >= 0; c++) m = this.keepPartition(HASHES, hashesOf(c, HASHES), p, m);
      if (m < 0) return undefined;
      repeated(this.sort(m), m, this.bits, p, found);
    }
    return new HashSet32(found, this.a);
  }

  /** Appends partition p's hashes to a[m …] (compacting a full buffer); the new length, or -1 when it stays full. */
  private keepPartition(hashes: Uint32Array, len: number, p: number, m: number): number {
    const { a, bits, capacity } = this;
    const mask = this.parts - 1;
    for (let j = 0; j < len; j++) {
      const h = hashes[j];
      if (h === 0 || (h & mask) !== p) continue;
      if (m === capacity) {
        m = this.compact(m);
        if (m > (capacity * 3) >>> 2) return -1;
      }
      a[m++] = (h >>> bits) << 1;
    }
    return m;
  }

  /** Sorts a[0 … m) and keeps one entry per hash, marked as seen twice when it was; the new length is returned. */
  private compact(m: number): number {
    const sorted = this.sort(m);
    let k = 0;
    for (let j = 0; j < m; ) {
      const first = sorted[j];
      let twice = first & 1;
      while (++j < m && sorted[j] >>> 1 === first >>> 1) twice = 1;
      this.a[k++] = (first & ~1) | twice;
    }
    return k;
  }

  /** a[0 … m) sorted on the hash bits (1 … 32 − bits). */
  private sort(m: number): Uint32Array {
    return radixSort(this.a, this.b, m, 1, 33 - this.bits);
  }
}

/**
 * LSD radix sort of a[0 … m) on bits lo … hi − 1 (at most 11 bits a pass), through b; returns the array that holds
 * the result (a or b). Each loop is a function of its own: end() runs them once, and V8 optimises a loop that
 * ends its function without stopping at unvisited code after it.
 */
function radixSort(a: Uint32Array, b: Uint32Array, m: number, lo: number, hi: number): Uint32Array {
  const passes = Math.ceil((hi - lo) / 11);
  const width = Math.ceil((hi - lo) / passes);
  const mask = (1 << width) - 1;
  let src = a;
  let dst = b;
  for (let shift = lo; shift < hi; shift += width) {
    RADIX_COUNTS.fill(0);
    countDigits(src, m, shift, mask, RADIX_COUNTS);
    digitStarts(RADIX_COUNTS, mask);
    scatter(src, dst, m, shift, mask, RADIX_COUNTS);
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function countDigits(src: Uint32Array, m: number, shift: number, mask: number, count: Uint32Array): void {
  for (let i = 0; i < m; i++) count[(src[i] >>> shift) & mask]++;
}

function digitStarts(count: Uint32Array, mask: number): void {
  for (let d = 0, sum = 0; d <= mask; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
}

function scatter(src: Uint32Array, dst: Uint32Array, m: number, shift: number, mask: number, count: Uint32Array): void {
  for (let i = 0; i < m; i++) {
    const v = src[i];
    dst[count[(v >>> shift) & mask]++] = v;
  }
}

/**
 * The values that occur twice or more in sorted[0 … m), added to `found`. With bits > 0 the entries are
 * HashPartitions' (hash above the partition bits, shifted left by one, bit 0 = already seen twice) and the hash of
 * partition p is rebuilt; with bits 0 they are plain hashes.
 */
function repeated(sorted: Uint32Array, m: number, bits: number, p: number, found: number[] = []): number[] {
  const flag = bits > 0 ? 1 : 0;
  for (let j = 0; j < m; ) {
    const first = sorted[j];
    let twice = first & flag;
    while (++j < m && sorted[j] >>> flag === first >>> flag) twice = 1;
    if (twice) found.push(bits > 0 ? (((first >>> 1) << bits) | p) >>> 0 : first);
  }
  return found;
}

const RADIX_COUNTS = new Uint32Array(2048);

/**
 * A set of 32-bit hashes (not 0), open addressing at a load of at most 1/4 (reusing `spare` when it is large
 * enough), with a bit per range of hashes in front (`hint`, 16 bits per member): most records hold a key that is
 * not duplicated, and one bit test in a small array turns nearly all of them away.
 */
class HashSet32 {
  private readonly slots: Uint32Array;
  private readonly shift: number;
  private readonly hint: Uint32Array;
  private readonly hintShift: number;
  readonly size: number;

  constructor(hashes: readonly number[], spare: Uint32Array) {
    let bits = 4;
    while (1 << bits < hashes.length * 4) bits++;
    const n = 1 << bits;
    this.slots = n <= spare.length ? spare.subarray(0, n).fill(0) : new Uint32Array(n);
    this.shift = 32 - bits;
    let hintBits = 16;
    while (hintBits < 26 && 1 << hintBits < hashes.length * 16) hintBits++;
    this.hint = new Uint32Array((1 << hintBits) >>> 5);
    this.hintShift = 32 - hintBits;
    this.size = hashes.length;
    for (const h of hashes) {
      this.slots[this.slotOf(h)] = h;
      const b = h >>> this.hintShift;
      this.hint[b >>> 5] |= 1 << (b & 31);
    }
  }

  has(h: number): boolean {
    return this.slots[this.slotOf(h)] === h;
  }

  /** The same set in memory of its own (its slots may be a scratch buffer that is reused). */
  copy(): HashSet32 {
    return Object.assign(Object.create(HashSet32.prototype) as HashSet32, { ...this, slots: this.slots.slice() });
  }

  /** The first j in from … len − 1 with hashes[j] in the set, or len (one loop: the hint turns most away). */
  next(hashes: Uint32Array, from: number, len: number): number {
    const { hint, hintShift } = this;
    for (let j = from; j < len; j++) {
      const h = hashes[j];
      const b = h >>> hintShift;
      if (h !== 0 && (hint[b >>> 5] & (1 << (b & 31))) !== 0 && this.has(h)) return j;
    }
    return len;
  }

  /** The slot holding h, or the empty slot where it would go. */
  private slotOf(h: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (let v = this.slots[s]; v !== 0 && v !== h; v = this.slots[s]) s = (s + 1) & mask;
    return s;
  }
}

/** Bits of GroupView.differences: which identity fields two records disagree on. */
export const DIFFER = { birthDate: 1, sex: 2, name: 4, nameKana: 8, address: 16 } as const;

export class GroupView {
  constructor(
    readonly v: {
      birth: Uint16Array; sex: Uint8Array; name: Uint16Array; kana: Uint16Array;
      address: Uint32Array; from: Uint16Array; to: Uint16Array;
    },
  ) {}

  /**
   * The fields on which members a and b disagree, as DIFFER bits. Unknown values (0) never disagree; 住所 counts
   * only when both qualification periods are known and overlap ([from, to) half-open: a move on one day does not).
   */
  differences(a: number, b: number): number {
    const { birth, sex, name, kana, address, from, to } = this.v;
    let m = 0;
    if (birth[a] !== birth[b] && birth[a] !== 0 && birth[b] !== 0) m |= DIFFER.birthDate;
    if (sex[a] !== sex[b] && sex[a] !== 0 && sex[b] !== 0) m |= DIFFER.sex;
    // Names: both must differ (one name alone differing is a notation or typing difference, as for B07);
    // when one of the two is unknown on either side, the other decides.
    const nameKnown = name[a] !== 0 && name[b] !== 0;
    const kanaKnown = kana[a] !== 0 && kana[b] !== 0;
    const nameDiffers = nameKnown && name[a] !== name[b];
    const kanaDiffers = kanaKnown && kana[a] !== kana[b];
    if ((nameDiffers && (kanaDiffers || !kanaKnown)) || (kanaDiffers && !nameKnown)) {
      if (nameDiffers) m |= DIFFER.name;
      if (kanaDiffers) m |= DIFFER.nameKana;
    }
    if (address[a] !== address[b] && address[a] !== 0 && address[b] !== 0 && from[a] !== 0 && from[b] !== 0 && from[a] < to[b] && from[b] < to[a]) {
      m |= DIFFER.address;
    }
    return m;
  }

  /**
   * For groups too large to compare pairwise: the DIFFER bits (住所 excluded) on which member a disagrees with
   * at least one other member, from value counts (names: another member with both names known and both different).
   */
  static fieldConflicts(view: GroupView): Uint8Array {
    const n = view.v.birth.length;
    const out = new Uint8Array(n);
    const { name, kana } = view.v;
    const names = new Map<number, number>();
    const kanas = new Map<number, number>();
    const pairs = new Map<number, number>();
    let bothKnown = 0;
    for (let a = 0; a < n; a++) {
      if (name[a] === 0 || kana[a] === 0) continue;
      bothKnown++;
      names.set(name[a], (names.get(name[a]) ?? 0) + 1);
      kanas.set(kana[a], (kanas.get(kana[a]) ?? 0) + 1);
      pairs.set(name[a] * 0x10000 + kana[a], (pairs.get(name[a] * 0x10000 + kana[a]) ?? 0) + 1);
    }
    for (let a = 0; a < n; a++) {
      if (name[a] === 0 || kana[a] === 0) continue;
      // members with a different 漢字氏名 and a different カナ氏名, by inclusion–exclusion
      const bothDiffer = bothKnown - names.get(name[a])! - kanas.get(kana[a])! + pairs.get(name[a] * 0x10000 + kana[a])!;
      if (bothDiffer > 0) out[a] |= DIFFER.name | DIFFER.nameKana;
    }
    const fields = [[view.v.birth, DIFFER.birthDate], [view.v.sex, DIFFER.sex]] as const;
    for (const [values, bit] of fields) {
      const counts = new Map<number, number>();
      let known = 0;
      for (let a = 0; a < n; a++) {
        if (values[a] === 0) continue;
        known++;
        counts.set(values[a], (counts.get(values[a]) ?? 0) + 1);
      }
      for (let a = 0; a < n; a++) if (values[a] !== 0 && known - counts.get(values[a])! > 0) out[a] |= bit;
    }
    return out;
  }
}

// ---- packing helpers ------------------------------------------------------------------------------------------

/** A 受給者番号 of 1–8 ASCII digits as (length << 27) | value; anything else → 0 (not kept). */
export function packRecipient(s: string): number {
  if (s.length === 0 || s.length > 8) return 0;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    v = v * 10 + d;
  }
  return ((s.length << 27) | v) >>> 0;
}

export function unpackRecipient(code: number): string | undefined {
  if (code === 0) return undefined;
  return String(code & 0x7ff_ffff).padStart(code >>> 27, "0");
}

export const BIRTH_EPOCH_DAYS = -29_220; // 1889-12-31 as days since 1970-01-01
export const PERIOD_EPOCH_DAYS = -25_568; // 1899-12-31 as days since 1970-01-01

/** Days since `epoch` in 1 … 0xFFFE, or 0 when out of range. */
export function toUint16Days(daysSince1970: number, epoch: number): number {
  const d = daysSince1970 - epoch;
  return d >= 1 && d <= 0xfffe ? d : 0;
}

export { OPEN_ENDED };

/**
 * cyrb53 (a 53-bit string hash; public domain, bryc) of `a`, `b` and `c` joined by U+0000, without building the
 * joined string; never 0.
 */
export function hash53Joined(a: string, b: string, c: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let part = 0; part < 3; part++) {
    if (part > 0) {
      // the U+0000 separator: h ^ 0 = h
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    }
    const s = part === 0 ? a : part === 1 ? b : c;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
