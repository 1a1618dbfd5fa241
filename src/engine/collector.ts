// Collects one file's findings: exact counts, per-record suspension state, --max-findings truncation.
import type { FieldName, Finding, InsurerSummary, SuspendedRecord, SuspensionKind } from "../types.js";
import { recordSuspension } from "./suspension.js";

interface RecordState {
  record: number;
  line: number;
  recipientNumber?: string;
  insurer?: string;
  kinds: SuspensionKind[];
  codes: Set<string>;
  fields: Set<FieldName>;
  byFieldDefects: Set<FieldName>;
  hasError: boolean;
}

/** A collector's state as plain data, to move it from a worker thread to the main thread. */
export interface CollectorState {
  findings: Finding[];
  counts: Record<string, number>;
  truncated: boolean;
  records: (Omit<RecordState, "codes" | "fields" | "byFieldDefects"> & { codes: string[]; fields: FieldName[]; byFieldDefects: FieldName[] })[];
  insurers: [string, InsurerSummary][];
}

/** The byInsurer key of a record: its 保険者番号, or "(none)". */
function insurerKey(key: string | undefined): string {
  return key && key.length > 0 ? key : "(none)";
}

export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  truncated = false;
  private readonly records = new Map<number, RecordState>();
  private readonly insurers = new Map<string, InsurerSummary>();

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
    let st = this.records.get(f.record);
    if (!st) {
      st = { record: f.record, line: f.line, kinds: [], codes: new Set(), fields: new Set(), byFieldDefects: new Set(), hasError: false };
      this.records.set(f.record, st);
    }
    st.recipientNumber ??= recipientNumber;
    st.insurer ??= insurer;
    st.kinds.push(f.suspension);
    st.codes.add(f.code);
    if (f.field) st.fields.add(f.field);
    if (byField && f.field) st.byFieldDefects.add(f.field);
    if (f.severity === "error") st.hasError = true;
    const ins = this.insurer(st.insurer);
    ins.counts[f.code] = (ins.counts[f.code] ?? 0) + 1;
  }

  /** Everything collected, as plain data (the collector is not used afterwards). */
  exportState(): CollectorState {
    return {
      findings: this.findings, counts: this.counts, truncated: this.truncated,
      records: [...this.records.values()].map((r) => ({ ...r, codes: [...r.codes], fields: [...r.fields], byFieldDefects: [...r.byFieldDefects] })),
      insurers: [...this.insurers.entries()],
    };
  }

  /** Adds another collector's state for disjoint records (a later byte range of the same file). */
  absorb(s: CollectorState): void {
    for (const f of s.findings) {
      if (this.findings.length < this.maxFindings) this.findings.push(f);
      else this.truncated = true;
    }
    if (s.truncated) this.truncated = true;
    for (const [code, n] of Object.entries(s.counts)) this.counts[code] = (this.counts[code] ?? 0) + n;
    for (const r of s.records) {
      this.records.set(r.record, { ...r, codes: new Set(r.codes), fields: new Set(r.fields), byFieldDefects: new Set(r.byFieldDefects) });
    }
    for (const [k, v] of s.insurers) {
      const t = this.insurer(k);
      t.records += v.records;
      for (const [code, n] of Object.entries(v.counts)) t.counts[code] = (t.counts[code] ?? 0) + n;
    }
  }

  get recordsWithFindings(): number {
    return this.records.size;
  }

  /** Record numbers having at least one error-severity finding (for --split). */
  errorRecords(): Set<number> {
    return new Set([...this.records.values()].filter((s) => s.hasError).map((s) => s.record));
  }

  /** Every record that would be suspended, in record order, with its kind and causes. */
  suspendedRecords(): SuspendedRecord[] {
    const out: SuspendedRecord[] = [];
    for (const st of [...this.records.values()].sort((a, b) => a.record - b.record)) {
      const kind = recordSuspension(st.kinds, st.byFieldDefects);
      if (kind === "none") continue;
      const rec: SuspendedRecord = { record: st.record, line: st.line, kind, codes: [...st.codes].sort(), fields: [...st.fields].sort() };
      if (st.recipientNumber !== undefined) rec.recipientNumber = st.recipientNumber;
      out.push(rec);
    }
    return out;
  }

  /** Per 保険者番号: records, counts, and the suspended records of each kind (derived, so any call order is right). */
  byInsurer(): Record<string, InsurerSummary> {
    const out = new Map([...this.insurers.entries()].map(([k, v]) => [k, { ...v, suspended: { eligibility: 0, medical: 0 } }]));
    for (const st of this.records.values()) {
      const kind = recordSuspension(st.kinds, st.byFieldDefects);
      if (kind === "none") continue;
      const key = insurerKey(st.insurer);
      let s = out.get(key);
      if (!s) out.set(key, (s = { records: 0, counts: {}, suspended: { eligibility: 0, medical: 0 } }));
      s.suspended[kind]++;
    }
    return Object.fromEntries([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
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
