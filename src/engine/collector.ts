// Collects one file's findings: exact counts, per-record suspension state (compact), --max-findings truncation.
import { PERSONAL_KEYS, type FieldName, type Finding, type InsurerSummary, type SuspendedRecord, type SuspensionKind } from "../types.js";
import { recordSuspension, suspensionRank } from "./suspension.js";
import type { PositionShift } from "../checks/define.js";
import type { FailOn } from "../report/verdict.js";

/** The names of a set of bits and one mask page per 32 names, a word per record slot. */
interface SlotSetsData {
  names: string[];
  pages: Uint32Array[];
}

/** Per-record state in columns, a row per record with findings (typed arrays clone compactly between threads). */
export interface RecordBlock {
  record: Float64Array;
  line: Float64Array;
  /** The worst suspension rank of the record's findings (bits 0–1) and ERROR_FLAG. */
  flags: Uint8Array;
  /** Index into insurerNames of the record's 保険者番号, -1 when none was given. */
  insurer: Int32Array;
  insurerNames: string[];
  recipients: (string | undefined)[];
  codes: SlotSetsData;
  fields: SlotSetsData;
  byFieldDefects: SlotSetsData;
}

/** A collector's state as plain data, to move it from a worker thread to the main thread. */
export interface CollectorState {
  findings: Finding[];
  counts: Record<string, number>;
  truncated: boolean;
  /** The records with findings: one block per exported collector, none when it had none. */
  records: RecordBlock[];
  insurers: [string, InsurerSummary][];
}

/** flags bits holding the worst suspensionRank of the record's findings (0–2). */
const RANK_BITS = 3;
/** The record has an error-severity finding. */
const ERROR_FLAG = 4;
const FIRST_CAPACITY = 64;
/** Keys whose values are personal and mostly unique: not worth a place in the table of shared strings. */
const UNSHARED_KEYS: ReadonlySet<string> = new Set<string>([...PERSONAL_KEYS]);

/** The byInsurer key of a record: its 保険者番号, or "(none)". */
function insurerKey(key: string | undefined): string {
  return key && key.length > 0 ? key : "(none)";
}

function grown<T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/** A set of names (codes, fields) per record slot, as bit masks: a page of one word per slot for each 32 names. */
class SlotSets {
  private readonly bitOf = new Map<string, number>();
  private readonly names: string[] = [];
  private pages: Uint32Array[] = [];

  constructor(private capacity: number) {}

  add(slot: number, name: string): void {
    this.setBit(slot, this.bit(name));
  }

  has(slot: number, name: string): boolean {
    const i = this.bitOf.get(name);
    return i !== undefined && (this.pages[i >>> 5][slot] & (1 << (i & 31))) !== 0;
  }

  /** The slot's names in sort order, as [...set].sort() gives them. */
  sorted(slot: number): string[] {
    const out: string[] = [];
    this.pages.forEach((page, p) => forEachBit(page[slot], (b) => out.push(this.names[p * 32 + b])));
    return out.sort();
  }

  clear(slot: number): void {
    for (const page of this.pages) page[slot] = 0;
  }

  grow(capacity: number): void {
    this.pages = this.pages.map((p) => grown(p, capacity));
    this.capacity = capacity;
  }

  export(count: number): SlotSetsData {
    return { names: [...this.names], pages: this.pages.map((p) => p.slice(0, count)) };
  }

  /** This collector's bit for each bit of exported data. */
  bitsOf(data: SlotSetsData): number[] {
    return data.names.map((n) => this.bit(n));
  }

  /** Adds to `slot` the names of row `row` of exported data; `bits` from bitsOf. */
  addRow(slot: number, data: SlotSetsData, row: number, bits: number[]): void {
    data.pages.forEach((page, p) => forEachBit(page[row], (b) => this.setBit(slot, bits[p * 32 + b])));
  }

  private bit(name: string): number {
    let i = this.bitOf.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.bitOf.set(name, i);
      if ((i & 31) === 0) this.pages.push(new Uint32Array(this.capacity));
    }
    return i;
  }

  private setBit(slot: number, i: number): void {
    this.pages[i >>> 5][slot] |= 1 << (i & 31);
  }
}

/** Calls `fn` with the number of every set bit of a 32-bit word, lowest first. */
function forEachBit(word: number, fn: (bit: number) => void): void {
  for (let w = word | 0; w !== 0; w &= w - 1) fn(31 - Math.clz32(w & -w));
}

export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  truncated = false;
  private readonly insurers = new Map<string, InsurerSummary>();

  // Records with findings, one slot each: national-size files have tens of thousands, so no object per record.
  private readonly slotOf = new Map<number, number>();
  private slots = 0;
  private capacity = FIRST_CAPACITY;
  private recordNo = new Float64Array(FIRST_CAPACITY);
  private lineOf = new Float64Array(FIRST_CAPACITY);
  private flags = new Uint8Array(FIRST_CAPACITY);
  private insurerOf = new Int32Array(FIRST_CAPACITY);
  private readonly recipients: (string | undefined)[] = [];
  private readonly codes = new SlotSets(FIRST_CAPACITY);
  private readonly fields = new SlotSets(FIRST_CAPACITY);
  private readonly byFieldDefects = new SlotSets(FIRST_CAPACITY);
  /** 保険者番号 values of records, each kept once. */
  private readonly insurerNames: string[] = [];
  private readonly insurerIndex = new Map<string, number>();
  /** One copy of each repeated string of absorbed findings (a worker's findings arrive with their own copies). */
  private readonly shared = new Map<string, string>();

  constructor(private readonly maxFindings: number = Infinity) {}

  /** Notes a record's 保険者番号 (for summary.byInsurer), whether or not it has findings. */
  countRecord(insurer: string | undefined): void {
    this.insurer(insurer).records++;
  }

  add(f: Finding, byField: boolean, recipientNumber?: string, insurer?: string): void {
    this.counts[f.code] = (this.counts[f.code] ?? 0) + 1;
    if (this.findings.length < this.maxFindings) this.findings.push(f);
    else this.truncated = true;
    if (f.record <= 0) return;
    let slot = this.slotOf.get(f.record);
    if (slot === undefined) slot = this.newSlot(f.record, f.line);
    if (this.recipients[slot] === undefined) this.recipients[slot] = recipientNumber;
    if (this.insurerOf[slot] < 0 && insurer !== undefined) this.insurerOf[slot] = this.insurerNumber(insurer);
    const rank = Math.max(this.flags[slot] & RANK_BITS, suspensionRank(f.suspension));
    this.flags[slot] = (this.flags[slot] & ~RANK_BITS) | rank | (f.severity === "error" ? ERROR_FLAG : 0);
    this.codes.add(slot, f.code);
    if (f.field) this.fields.add(slot, f.field);
    if (byField && f.field) this.byFieldDefects.add(slot, f.field);
    const ins = this.insurer(this.insurerName(slot));
    ins.counts[f.code] = (ins.counts[f.code] ?? 0) + 1;
  }

  /** Everything collected, as plain data (the collector is not used afterwards). */
  exportState(): CollectorState {
    return {
      findings: this.findings, counts: this.counts, truncated: this.truncated,
      records: this.slots === 0 ? [] : [this.exportRecords()],
      insurers: [...this.insurers.entries()],
    };
  }

  /** Adds another collector's state for disjoint records (a later byte range of the same file). */
  absorb(s: CollectorState): void {
    for (const f of s.findings) {
      if (this.findings.length < this.maxFindings) this.findings.push(this.share(f));
      else this.truncated = true;
    }
    if (s.truncated) this.truncated = true;
    for (const [code, n] of Object.entries(s.counts)) this.counts[code] = (this.counts[code] ?? 0) + n;
    for (const block of s.records) this.absorbRecords(block);
    for (const [k, v] of s.insurers) {
      const t = this.insurer(k);
      t.records += v.records;
      for (const [code, n] of Object.entries(v.counts)) t.counts[code] = (t.counts[code] ?? 0) + n;
    }
  }

  get recordsWithFindings(): number {
    return this.slotOf.size;
  }

  /**
   * Record numbers that fail under `failOn` (for --split, as the verdict decides): those with an error finding, under
   * `suspension` also those that would be suspended, under `warning` every record with a finding.
   */
  failingRecords(failOn: FailOn): Set<number> {
    const out = new Set<number>();
    for (let slot = 0; slot < this.slots; slot++) {
      const fails = (this.flags[slot] & ERROR_FLAG) !== 0 || failOn === "warning" || (failOn === "suspension" && this.kindOf(slot) !== "none");
      if (fails) out.add(this.recordNo[slot]);
    }
    return out;
  }

  /** Every record that would be suspended, in record order, with its kind and causes. */
  suspendedRecords(): SuspendedRecord[] {
    const out: SuspendedRecord[] = [];
    const order = Array.from({ length: this.slots }, (_, slot) => slot).sort((a, b) => this.recordNo[a] - this.recordNo[b]);
    for (const slot of order) {
      const kind = this.kindOf(slot);
      if (kind === "none") continue;
      const rec: SuspendedRecord = {
        record: this.recordNo[slot], line: this.lineOf[slot], kind,
        codes: this.codes.sorted(slot), fields: this.fields.sorted(slot) as FieldName[],
      };
      const recipientNumber = this.recipients[slot];
      if (recipientNumber !== undefined) rec.recipientNumber = recipientNumber;
      out.push(rec);
    }
    return out;
  }

  /** Per 保険者番号: records, counts, and the suspended records of each kind (derived, so any call order is right). */
  byInsurer(): Record<string, InsurerSummary> {
    const out = new Map([...this.insurers.entries()].map(([k, v]) => [k, { ...v, suspended: { eligibility: 0, medical: 0 } }]));
    for (let slot = 0; slot < this.slots; slot++) {
      const kind = this.kindOf(slot);
      if (kind === "none") continue;
      const key = insurerKey(this.insurerName(slot));
      let s = out.get(key);
      if (!s) out.set(key, (s = { records: 0, counts: {}, suspended: { eligibility: 0, medical: 0 } }));
      s.suspended[kind]++;
    }
    return Object.fromEntries([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private kindOf(slot: number): SuspensionKind {
    return recordSuspension(this.flags[slot] & RANK_BITS, this.byFieldDefects.has(slot, "name") && this.byFieldDefects.has(slot, "nameKana"));
  }

  private newSlot(record: number, line: number): number {
    if (this.slots === this.capacity) this.grow(this.capacity * 2);
    const slot = this.slots++;
    this.slotOf.set(record, slot);
    this.recordNo[slot] = record;
    this.lineOf[slot] = line;
    this.insurerOf[slot] = -1;
    this.recipients.push(undefined);
    return slot;
  }

  /** A fresh slot for a record, or the record's slot emptied (absorb replaces a record's whole state). */
  private emptySlot(record: number, line: number): number {
    const slot = this.slotOf.get(record);
    if (slot === undefined) return this.newSlot(record, line);
    this.lineOf[slot] = line;
    this.flags[slot] = 0;
    this.insurerOf[slot] = -1;
    this.recipients[slot] = undefined;
    for (const sets of [this.codes, this.fields, this.byFieldDefects]) sets.clear(slot);
    return slot;
  }

  private grow(capacity: number): void {
    this.recordNo = grown(this.recordNo, capacity);
    this.lineOf = grown(this.lineOf, capacity);
    this.flags = grown(this.flags, capacity);
    this.insurerOf = grown(this.insurerOf, capacity);
    for (const sets of [this.codes, this.fields, this.byFieldDefects]) sets.grow(capacity);
    this.capacity = capacity;
  }

  private exportRecords(): RecordBlock {
    const n = this.slots;
    return {
      record: this.recordNo.slice(0, n), line: this.lineOf.slice(0, n), flags: this.flags.slice(0, n),
      insurer: this.insurerOf.slice(0, n), insurerNames: this.insurerNames, recipients: this.recipients,
      codes: this.codes.export(n), fields: this.fields.export(n), byFieldDefects: this.byFieldDefects.export(n),
    };
  }

  private absorbRecords(b: RecordBlock): void {
    const insurers = b.insurerNames.map((name) => this.insurerNumber(name));
    const codeBits = this.codes.bitsOf(b.codes);
    const fieldBits = this.fields.bitsOf(b.fields);
    const byFieldBits = this.byFieldDefects.bitsOf(b.byFieldDefects);
    for (let row = 0; row < b.record.length; row++) {
      const slot = this.emptySlot(b.record[row], b.line[row]);
      this.flags[slot] = b.flags[row];
      this.insurerOf[slot] = b.insurer[row] < 0 ? -1 : insurers[b.insurer[row]];
      this.recipients[slot] = b.recipients[row];
      this.codes.addRow(slot, b.codes, row, codeBits);
      this.fields.addRow(slot, b.fields, row, fieldBits);
      this.byFieldDefects.addRow(slot, b.byFieldDefects, row, byFieldBits);
    }
  }

  private insurerNumber(name: string): number {
    let i = this.insurerIndex.get(name);
    if (i === undefined) {
      i = this.insurerNames.push(name) - 1;
      this.insurerIndex.set(name, i);
    }
    return i;
  }

  private insurerName(slot: number): string | undefined {
    const i = this.insurerOf[slot];
    return i < 0 ? undefined : this.insurerNames[i];
  }

  /** The finding with its repeated strings (code, field, column, message …) replaced by this collector's one copy. */
  private share(f: Finding): Finding {
    for (const k of Object.keys(f)) if (!UNSHARED_KEYS.has(k)) f[k] = this.sharedIn(f[k], 1);
    return f;
  }

  /** A string's shared copy; in arrays and objects (B04's related records, A01's wards), their strings' copies. */
  private sharedIn(v: unknown, depth: number): unknown {
    if (typeof v === "string") {
      const s = this.shared.get(v);
      if (s !== undefined) return s;
      this.shared.set(v, v);
      return v;
    }
    if (v !== null && typeof v === "object" && depth < 3) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = this.sharedIn(o[k], depth + 1);
    }
    return v;
  }

  private insurer(key: string | undefined): InsurerSummary {
    const k = insurerKey(key);
    let s = this.insurers.get(k);
    if (!s) {
      s = { records: 0, counts: {}, suspended: { eligibility: 0, medical: 0 } };
      this.insurers.set(k, s);
    }
    return s;
  }
}

/** Moves a range's findings and record states from range-relative record and line numbers to the file's. */
export function shiftCollectorState(s: CollectorState, shift: PositionShift): void {
  if (shift.records === 0 && shift.lines === 0) return;
  for (const f of s.findings) {
    if (f.record > 0) f.record += shift.records;
    if (f.line > 0) f.line += shift.lines;
  }
  for (const block of s.records) {
    for (let i = 0; i < block.record.length; i++) {
      block.record[i] += shift.records;
      block.line[i] += shift.lines;
    }
  }
}
