// A compact, columnar index of who each record says it is (個人番号, 受給者番号 key, birth, sex, name and address
// fingerprints, qualification period), for B04. It never holds a record: 38 bytes per indexed record.
import { isAsciiDigits } from "../jp/blank.js";

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
}

type TypedArrayCtor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor;

/**
 * The columns and their widths. Bytes per record:
 *   numberLo 4 + numberHi 1      個人番号 body (37 bits)
 *   recipientKey 8               受給者番号 + 枝番 + 保険者番号 (53-bit hash, for B04 (b))
 *   recipient 4                  受給者番号 itself when numeric (shown in suspendedRecords)
 *   birth 2 + sex 1              exact, not hashed
 *   name 2 + kana 2 + address 4  fingerprints of folded values
 *   from 2 + to 2                qualification period
 *   record 4 + lineDelta 2       position (line − record; larger gaps go to a sparse map)
 * = 38 bytes. The file index is not stored per record: records arrive file by file, so runs of records are
 * mapped to files by a short segment list. end() adds one transient Float64Array of about n/4 entries
 * (≈ 2 bytes per record) while it looks for duplicate keys, partition by partition: 40 bytes at the peak.
 */
const COLUMNS = {
  numberLo: Uint32Array,
  numberHi: Uint8Array,
  recipientKey: Float64Array,
  recipient: Uint32Array,
  birth: Uint16Array,
  sex: Uint8Array,
  name: Uint16Array,
  kana: Uint16Array,
  address: Uint32Array,
  from: Uint16Array,
  to: Uint16Array,
  record: Uint32Array,
  lineDelta: Uint16Array,
} as const satisfies Record<string, TypedArrayCtor>;

type ColumnName = keyof typeof COLUMNS;

/** Bytes each indexed record costs (the benchmark reports it next to the measured heap growth). */
export const IDENTITY_INDEX_BYTES_PER_RECORD: number = Object.values(COLUMNS).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0);

/** Records per chunk: columns grow by whole chunks, so nothing is ever copied and at most one chunk is slack. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Chunk = Uint8Array | Uint16Array | Uint32Array | Float64Array;

class Column {
  readonly chunks: Chunk[] = [];
  constructor(private readonly ctor: TypedArrayCtor) {}
  set(i: number, v: number): void {
    const c = i >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new this.ctor(CHUNK));
    this.chunks[c][i & MASK] = v;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  /** Copies `src` into entries at, at + 1, …, chunk by chunk. */
  setRange(at: number, src: Chunk): void {
    for (let done = 0; done < src.length; ) {
      const i = at + done;
      const c = i >>> CHUNK_BITS;
      if (c === this.chunks.length) this.chunks.push(new this.ctor(CHUNK));
      const take = Math.min(CHUNK - (i & MASK), src.length - done);
      this.chunks[c].set(src.subarray(done, done + take) as never, i & MASK);
      done += take;
    }
  }
  get bytes(): number {
    return this.chunks.reduce((s, c) => s + c.byteLength, 0);
  }
}

/** IdentityIndex.exportState(): the columns trimmed to `size`, the file segments and the long line gaps. */
export interface IdentityIndexState {
  size: number;
  columns: Record<ColumnName, Chunk>;
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
  size = 0;

  add(e: IdentityEntry): void {
    const i = this.size++;
    const c = this.cols;
    c.numberLo.set(i, e.body % 0x1_0000_0000);
    c.numberHi.set(i, Math.floor(e.body / 0x1_0000_0000));
    c.recipientKey.set(i, e.recipientKey);
    c.recipient.set(i, e.recipient);
    c.birth.set(i, e.birth);
    c.sex.set(i, e.sex);
    c.name.set(i, e.name);
    c.kana.set(i, e.kana);
    c.address.set(i, e.address);
    c.from.set(i, e.from);
    c.to.set(i, e.to);
    c.record.set(i, e.record);
    const delta = e.line - e.record;
    if (delta >= 0 && delta < LINE_OVERFLOW) c.lineDelta.set(i, delta);
    else {
      c.lineDelta.set(i, LINE_OVERFLOW);
      this.lineOverflow.set(i, e.line);
    }
    const last = this.segments[this.segments.length - 1];
    if (!last || last.fileIndex !== e.fileIndex) this.segments.push({ start: i, fileIndex: e.fileIndex });
  }

  /** Everything added so far, as structured-cloneable data (a worker thread hands it to the main thread). */
  exportState(): IdentityIndexState {
    const columns = {} as Record<ColumnName, Chunk>;
    for (const [name, ctor] of Object.entries(COLUMNS) as [ColumnName, TypedArrayCtor][]) {
      const out = new ctor(this.size);
      this.cols[name].chunks.forEach((chunk, c) => out.set(chunk.subarray(0, Math.min(CHUNK, this.size - c * CHUNK)), c * CHUNK));
      columns[name] = out;
    }
    return { size: this.size, columns, segments: this.segments.map((s) => ({ ...s })), lineOverflow: [...this.lineOverflow] };
  }

  /** Appends a state exported by another index (in file and range order), its positions moved by `shift`. */
  importState(state: IdentityIndexState, shift = { records: 0, lines: 0 }): void {
    const base = this.size;
    const n = state.size;
    const c = state.columns;
    for (const name of Object.keys(COLUMNS) as ColumnName[]) this.cols[name].setRange(base, c[name]);
    for (const seg of state.segments) {
      const last = this.segments[this.segments.length - 1];
      if (!last || last.fileIndex !== seg.fileIndex) this.segments.push({ start: base + seg.start, fileIndex: seg.fileIndex });
    }
    this.size += n;
    if (shift.records === 0 && shift.lines === 0) {
      for (const [i, line] of state.lineOverflow) this.lineOverflow.set(base + i, line);
      return;
    }
    // Positions: record + shift.records; line − record changes by shift.lines − shift.records.
    const overflow = new Map(state.lineOverflow);
    const deltaShift = shift.lines - shift.records;
    for (let i = 0; i < n; i++) {
      const record = c.record[i];
      this.cols.record.set(base + i, record + shift.records);
      const line = (c.lineDelta[i] === LINE_OVERFLOW ? overflow.get(i)! : record + c.lineDelta[i]) + shift.lines;
      const delta = c.lineDelta[i] === LINE_OVERFLOW ? -1 : c.lineDelta[i] + deltaShift;
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
    return this.cols.numberHi.get(i) * 0x1_0000_0000 + this.cols.numberLo.get(i);
  }

  get(i: number, col: Exclude<ColumnName, "numberLo" | "numberHi">): number {
    return this.cols[col].get(i);
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
      for (const col of Object.keys(v) as (keyof typeof v)[]) v[col][k] = this.cols[col].get(i);
    });
    return new GroupView(v);
  }

  /**
   * Groups of indexed records sharing a key (`body` or `recipientKey`); only keys held by two or more records.
   * Duplicates are found partition by partition (key mod 4) on a sorted Float64Array of that partition's keys.
   */
  groupsBy(key: "body" | "recipientKey", partitions = 4): number[][] {
    const counts = new Array<number>(partitions).fill(0);
    this.scanKeys(key, (_, k) => {
      counts[k % partitions]++;
    });
    const duplicated = new Set<number>();
    for (let p = 0; p < partitions; p++) {
      if (counts[p] < 2) continue;
      const keys = new Float64Array(counts[p]);
      let n = 0;
      this.scanKeys(key, (_, k) => {
        if (k % partitions === p) keys[n++] = k;
      });
      keys.sort();
      for (let j = 1; j < n; j++) if (keys[j] === keys[j - 1]) duplicated.add(keys[j]);
    }
    if (duplicated.size === 0) return [];
    const groups = new Map<number, number[]>();
    this.scanKeys(key, (i, k) => {
      if (!duplicated.has(k)) return;
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    });
    return [...groups.values()];
  }

  /** Calls fn(index, key) for every record whose key is not 0, chunk by chunk. */
  private scanKeys(key: "body" | "recipientKey", fn: (i: number, k: number) => void): void {
    const lo = this.cols.numberLo.chunks;
    const hi = this.cols.numberHi.chunks;
    const rk = this.cols.recipientKey.chunks;
    for (let c = 0; c * CHUNK < this.size; c++) {
      const end = Math.min(CHUNK, this.size - c * CHUNK);
      const base = c * CHUNK;
      if (key === "body") {
        const l = lo[c];
        const h = hi[c];
        for (let j = 0; j < end; j++) fn(base + j, h[j] * 0x1_0000_0000 + l[j]);
      } else {
        const r = rk[c];
        for (let j = 0; j < end; j++) if (r[j] !== 0) fn(base + j, r[j]);
      }
    }
  }

  private fileIndexOf(i: number): number {
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
  if (s.length > 8 || !isAsciiDigits(s)) return 0;
  return ((s.length << 27) | Number(s)) >>> 0;
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

/** FNV-1a, 32 bits, over UTF-16 code units; never 0 (0 means "empty"). */
export function fingerprint32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** 16 bits of fingerprint32, folded; never 0. */
export function fingerprint16(s: string): number {
  const h = fingerprint32(s);
  return ((h >>> 16) ^ (h & 0xffff)) || 1;
}

/** cyrb53: a 53-bit string hash (public domain, bryc); never 0. */
export function hash53(s: string): number {
  return hash53Joined(s);
}

/** hash53 of `a`, `b` and `c` joined by U+0000 (of `a` alone when b and c are undefined), without building it. */
export function hash53Joined(a: string, b?: string, c?: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const parts = b === undefined ? 1 : 3;
  for (let p = 0; p < parts; p++) {
    if (p > 0) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    }
    const s = p === 0 ? a : p === 1 ? b! : (c ?? "");
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
