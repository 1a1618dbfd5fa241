// Drives the registered checks over the records of every file of a run and turns reports into findings.
import { codeInfo, type CodeInfo } from "../codes/table.js";
import type { At, Check, CheckContext, CheckHooks, CheckOptions, PositionShift, ReportInput } from "../checks/define.js";
import { formatMessage } from "../checks/define.js";
import type { RecordRereader } from "../input/record-rereader.js";
import { maskIndividualNumber, maskLongDigitRuns, redactRecipientNumber, redactValue } from "../report/mask.js";
import { PERSONAL_KEYS, REDACTED_EXTRA_KEYS, type DataRecord, type FieldName, type Finding, type SeveritySetting } from "../types.js";
import { FindingCollector } from "./collector.js";
import { findingSuspension } from "./suspension.js";

/** What the run knows of one input file. */
export interface FileSlot {
  path: string;
  /** field → column label (header name or 1-based position). */
  columns: Partial<Record<FieldName, string>>;
  collector: FindingCollector;
  skippedChecks: { code: string; missing: FieldName[] }[];
  /** Reads its records again by offset (a regular CSV/TSV file); absent for standard input, pipes and XML. */
  rereader?: RecordRereader;
}

export interface CheckRunOptions {
  checks: readonly Check[];
  options: CheckOptions;
  rules?: ReadonlyMap<string, SeveritySetting>;
  redact?: boolean;
}

interface ActiveCheck {
  check: Check;
  info: CodeInfo;
  hooks: CheckHooks;
  severity: "error" | "warning";
}

/** A check that threw (the run exits 2); `line` is where, for a record (a worker's is range-relative until merged). */
export interface Crash {
  code: string;
  message: string;
  path?: string;
  line?: number;
}

/** One line for stderr: code, where, message. */
export function describeCrash(c: Crash): string {
  return `${c.code} (${c.path !== undefined ? `${c.path}:${c.line}` : "end of run"}): ${c.message}`;
}

/** Values, suggestions and reference values longer than this are cut in the report. */
export const MAX_VALUE_CHARS = 200;

export class CheckRun {
  /** Registered files by index (sparse in parallel runs). */
  readonly files: FileSlot[] = [];
  private readonly active: ActiveCheck[] = [];
  private readonly perFile: ActiveCheck[][] = [];
  private readonly opts: CheckRunOptions;
  /** Errors thrown by checks: the run must exit 2. */
  readonly crashes: Crash[] = [];

  constructor(opts: CheckRunOptions) {
    this.opts = opts;
    for (const check of opts.checks) {
      const info = codeInfo(check.meta.code);
      if (!info) throw new Error(`check ${check.meta.code} has no code-table entry`);
      const setting = opts.rules?.get(info.code) ?? info.severity;
      if (setting === "off") continue;
      const ctx = this.contextFor(check, info, setting);
      this.active.push({ check, info, hooks: check.create(ctx), severity: setting });
    }
  }

  /**
   * Registers a file; checks whose fields are missing from its layout are skipped for it. `index` places it at a
   * given file index (parallel runs register the same file in every thread under the same index).
   */
  addFile(
    path: string, columns: Partial<Record<FieldName, string>>, collector: FindingCollector, index?: number, rereader?: RecordRereader,
  ): number {
    const slot: FileSlot = { path, columns, collector, skippedChecks: [] };
    if (rereader) slot.rereader = rereader;
    const active: ActiveCheck[] = [];
    for (const a of this.active) {
      const missing = a.check.meta.fields.filter((f) => columns[f] === undefined);
      const all = a.check.meta.fields.length > 0 && missing.length === a.check.meta.fields.length;
      if (all || (a.check.meta.needsAllFields && missing.length > 0)) slot.skippedChecks.push({ code: a.info.code, missing });
      else active.push(a);
    }
    const i = index ?? this.files.length;
    this.files[i] = slot;
    this.perFile[i] = active;
    return i;
  }

  /** Replaces the collector of file `i` (a worker thread starts a fresh one per byte range). */
  setCollector(i: number, collector: FindingCollector): void {
    this.files[i].collector = collector;
  }

  /** Worker side: every check's state gathered since the last export, by code. */
  exportStates(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const a of this.active) if (a.hooks.exportState) out[a.info.code] = a.hooks.exportState();
    return out;
  }

  /** Main side: a worker's exported states, in order, with its range's record and line numbers moved by `shift`. */
  importStates(states: Record<string, unknown>, shift: PositionShift): void {
    for (const a of this.active) {
      if (a.hooks.importState && states[a.info.code] !== undefined) this.guard(a, undefined, () => a.hooks.importState!(states[a.info.code], shift));
    }
  }

  /** The hot path: every record through every active check, without a closure per call. */
  record(rec: DataRecord): void {
    const active = this.perFile[rec.fileIndex];
    for (let i = 0; i < active.length; i++) {
      const hooks = active[i].hooks;
      if (hooks.record === undefined) continue;
      try {
        hooks.record(rec);
      } catch (e) {
        this.crashed(active[i], rec, e);
      }
    }
  }

  fileEnd(fileIndex: number): void {
    for (const a of this.perFile[fileIndex]) if (a.hooks.fileEnd) this.guard(a, undefined, () => a.hooks.fileEnd!(fileIndex));
  }

  end(): void {
    for (const a of this.active) if (a.hooks.end) this.guard(a, undefined, () => a.hooks.end!());
  }

  /** Adds a structural finding (S01–S04) produced by the reader, honouring --rules. */
  addStructural(fileIndex: number, code: string, build: (severity: "error" | "warning") => Finding, recipient?: string, insurer?: string): void {
    const info = codeInfo(code)!;
    const setting = this.opts.rules?.get(info.code) ?? info.severity;
    if (setting === "off") return;
    const f = build(setting);
    this.files[fileIndex].collector.add(this.mask(f), false, this.shownRecipient(recipient), insurer);
  }

  /** The 受給者番号 as reports show it: redacted under --redact, and never a whole 個人番号 a shifted column put there. */
  private shownRecipient(recipient: string | undefined): string | undefined {
    if (recipient === undefined) return undefined;
    return this.opts.redact ? redactRecipientNumber(recipient) : maskLongDigitRuns(recipient);
  }

  private guard(a: ActiveCheck, rec: DataRecord | undefined, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.crashed(a, rec, e);
    }
  }

  private crashed(a: ActiveCheck, rec: DataRecord | undefined, e: unknown): void {
    const c: Crash = { code: a.info.code, message: (e as Error)?.message ?? String(e) };
    if (rec) Object.assign(c, { path: this.files[rec.fileIndex].path, line: rec.line });
    this.crashes.push(c);
  }

  private contextFor(check: Check, info: CodeInfo, severity: "error" | "warning"): CheckContext {
    return {
      options: this.opts.options,
      filePath: (i) => this.files[i]?.path ?? "",
      column: (i, field) => this.files[i]?.columns[field],
      rereader: (i) => this.files[i]?.rereader,
      ref: (at: At) => ({ file: this.files[at.fileIndex]?.path ?? "", record: at.record, line: at.line }),
      report: (input: ReportInput) => this.report(check, info, severity, input),
    };
  }

  private report(check: Check, info: CodeInfo, severity: "error" | "warning", input: ReportInput): void {
    const msg = check.meta.messages[input.messageId];
    if (!msg) throw new Error(`unknown messageId ${input.messageId}`);
    const at = input.at;
    const slot = this.files[at.fileIndex];
    const rec = "fields" in at ? (at as DataRecord) : undefined;
    const value = input.value ?? (rec && input.field ? rec.fields[input.field] : undefined);
    const f: Finding = {
      code: info.code,
      severity,
      suspension: input.suspension ?? findingSuspension(info.suspension, input.field),
      record: at.record,
      line: at.line,
      message: formatMessage(msg[this.opts.options.lang], input.data),
      messageId: input.messageId,
    };
    if (input.byteOffset !== undefined) f.byteOffset = input.byteOffset;
    if (input.field) {
      f.field = input.field;
      const col = slot.columns[input.field];
      if (col !== undefined) f.column = col;
    }
    if (value !== undefined) f.value = value;
    if (input.suggestion !== undefined) f.suggestion = input.suggestion;
    if (input.extra) Object.assign(f, input.extra);
    const recipient = rec?.fields.recipientNumber ?? (at as At).recipientNumber;
    slot.collector.add(this.mask(f), info.suspension === "field", this.shownRecipient(recipient), rec?.fields.insurerNumber);
  }

  /** 個人番号 is masked always (and any 12-digit run anywhere); with --redact every personal value is. */
  private mask(f: Finding): Finding {
    if (this.opts.redact) for (const k of REDACTED_EXTRA_KEYS) delete f[k];
    for (const k of PERSONAL_KEYS) {
      if (typeof f[k] !== "string") continue;
      let v = f[k] as string;
      if (v.length > MAX_VALUE_CHARS) {
        // A runaway cell (S04, a lost line end) is cut, in every output, wherever a check quotes it.
        v = v.slice(0, MAX_VALUE_CHARS) + "…";
        f.valueCut = true;
      }
      if (this.opts.redact) f[k] = redactValue(v);
      else if (f.field === "individualNumber") f[k] = maskIndividualNumber(v);
      else f[k] = maskLongDigitRuns(v);
    }
    return f;
  }
}
