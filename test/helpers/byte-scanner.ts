// The record scanner as it was before its plain-line fast path (byte by byte, every line): the reference the
// product's RecordScanner must agree with, record for record (test/reader-fast-paths.test.ts).
import type { RawRecord, SyntaxIssue } from "../../src/input/record-scanner.js";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The issues of a record that has none: one shared empty array, not one per record. */
const NO_ISSUES: SyntaxIssue[] = Object.freeze([]) as unknown as SyntaxIssue[];

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Push bytes in, get records out; `end()` flushes the last record. Blank lines are counted, not emitted. */
export class ByteByByteScanner {
  blankLines = 0;
  private buf: Uint8Array = new Uint8Array(0);
  /** Absolute offset of buf[0]. */
  private base = 0;
  private pos = 0;
  private recStart = 0;
  private fieldStart = 0;
  private cell = 0;
  private state = State.FieldStart;
  private line = 1;
  private readonly startLine: number;
  private recLine = 1;
  private quoteOpen = -1;
  private quoteLine = 0;
  private skipLF = false;
  private quotedCR = false;
  /** An unclosed quote ran away but the end of its line is not in the buffer yet: wait for more bytes. */
  private runawayPending = false;
  /** The current record's issues; NO_ISSUES (shared, never written) until it has one. */
  private issues: SyntaxIssue[] = NO_ISSUES;
  private flaggedField = false;
  /** Where the scanner stopped: the first record start at or after `stopAt` (a byte range's end), or -1. */
  stoppedAt = -1;
  /** Lines completed before `stoppedAt` (the line count at the stop, less the start line). */
  linesBeforeStop = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxFieldBytes: number,
    private readonly onRecord: (r: RawRecord) => void,
    /** Absolute offset of the first byte pushed (after a skipped BOM). */
    startOffset = 0,
    /** Line number of the first byte pushed (a byte range that starts inside a file). */
    startLine = 1,
    /**
     * A byte range's nominal end: once a record would start at or after this offset the scanner stops (see
     * `stoppedAt`) — the range's last record may run past it, as a quoted line break can.
     */
    private readonly stopAt = Infinity,
  ) {
    this.base = startOffset;
    this.startLine = startLine;
    this.line = startLine;
    this.recLine = startLine;
    if (startOffset >= stopAt) this.stoppedAt = startOffset;
  }

  get stopped(): boolean {
    return this.stoppedAt >= 0;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    if (this.recStart >= this.buf.length) {
      this.base += this.buf.length;
      this.pos -= this.buf.length;
      this.fieldStart -= this.buf.length;
      this.quoteOpen = this.quoteOpen >= 0 ? this.quoteOpen - this.buf.length : -1;
      this.recStart = 0;
      this.buf = chunk;
    } else {
      const keep = this.buf.subarray(this.recStart);
      const next = new Uint8Array(keep.length + chunk.length);
      next.set(keep, 0);
      next.set(chunk, keep.length);
      this.base += this.recStart;
      this.pos -= this.recStart;
      this.fieldStart -= this.recStart;
      if (this.quoteOpen >= 0) this.quoteOpen -= this.recStart;
      this.recStart = 0;
      this.buf = next;
    }
    this.scan(false);
  }

  end(): void {
    if (this.stopped) return;
    this.scan(true);
    if (this.stopped) return;
    this.stoppedAt = this.base + this.buf.length;
    this.linesBeforeStop = this.line - this.startLine;
  }

  private scan(atEof: boolean): void {
    const buf = this.buf;
    const delim = this.delimiter;
    const max = this.maxFieldBytes;
    let i = this.pos;
    const n = buf.length;
    if (this.skipLF && i < n) {
      if (buf[i] === LF) {
        i++;
        this.recStart = i;
        this.fieldStart = i;
      }
      this.skipLF = false;
      if (this.reachedStop(i)) return this.stop(i);
    }
    if (this.quotedCR && (i < n || atEof)) {
      // A CR that ended the previous chunk inside quotes: a line of its own unless an LF follows.
      this.quotedCR = false;
      if (i >= n || buf[i] !== LF) this.line++;
    }
    if (this.runawayPending) {
      i = this.runaway(i, atEof);
      if (i < 0) return;
      if (this.reachedStop(i)) return this.stop(i);
    }
    while (i < n) {
      const b = buf[i];
      switch (this.state) {
        case State.FieldStart:
          if (b === QUOTE) {
            this.state = State.Quoted;
            this.quoteOpen = i;
            this.quoteLine = this.line;
            i++;
            continue;
          }
          this.state = State.Unquoted;
        // falls through
        case State.Unquoted:
          // Hot loop: run over plain bytes of an unquoted field.
          while (i < n) {
            const c = buf[i];
            if (c === delim || c === CR || c === LF) break;
            if (c === QUOTE && !this.flaggedField) {
              this.flaggedField = true;
              this.addIssue({ kind: "stray-quote", offset: this.base + i, line: this.line, cell: this.cell });
            }
            i++;
          }
          if (i >= n) continue;
          break;
        case State.Quoted: {
          let j = i;
          while (j < n && buf[j] !== QUOTE) {
            const c = buf[j];
            if (c === LF) this.line++;
            else if (c === CR) {
              if (j + 1 >= n) this.quotedCR = true;
              else if (buf[j + 1] !== LF) this.line++;
            }
            j++;
          }
          if (j - this.quoteOpen > max) {
            i = this.runaway(this.quoteOpen, atEof);
            if (i < 0) return;
            if (this.reachedStop(i)) return this.stop(i);
            continue;
          }
          i = j;
          if (i < n) {
            this.state = State.QuoteInQuoted;
            i++;
          }
          continue;
        }
        case State.QuoteInQuoted:
          if (b === QUOTE) {
            this.state = State.Quoted;
            i++;
            continue;
          }
          if (b !== delim && b !== CR && b !== LF) {
            if (!this.flaggedField) {
              this.flaggedField = true;
              this.addIssue({ kind: "text-after-quote", offset: this.base + i, line: this.line, cell: this.cell });
            }
            this.state = State.Unquoted;
            continue;
          }
          break;
      }
      // Here buf[i] is a delimiter or a line end, outside quotes.
      this.endField(i);
      if (buf[i] === delim) {
        this.cell++;
        i++;
        this.fieldStart = i;
        this.state = State.FieldStart;
        this.flaggedField = false;
        continue;
      }
      // Line end.
      this.emit(this.recStart, i, false);
      this.line++;
      if (buf[i] === CR) {
        if (i + 1 < n) {
          if (buf[i + 1] === LF) i++;
        } else {
          this.skipLF = true;
        }
      }
      i++;
      this.startRecord(i);
      if (this.reachedStop(i)) return this.stop(i);
    }
    this.pos = i;
    if (!atEof) return;
    if (this.state === State.Quoted) {
      const next = this.runaway(this.quoteOpen, true);
      if (this.reachedStop(next)) return this.stop(next);
      this.scan(true);
      return;
    }
    if (this.recStart < n || this.cell > 0) {
      this.endField(n);
      this.emit(this.recStart, n, false);
    }
    this.recStart = n;
  }

  /**
   * An unclosed quote ran past the field limit or to EOF: emit the record up to the end of the line where the
   * quote opened (S03) and resume scanning at the next line. Returns the new scan position, or -1 when that
   * line end is not in the buffer yet (a line longer than a chunk): the search resumes from `from` on the next push.
   */
  private runaway(from: number, atEof: boolean): number {
    const buf = this.buf;
    let e = from;
    while (e < buf.length && buf[e] !== CR && buf[e] !== LF) e++;
    if (e >= buf.length && !atEof) {
      this.runawayPending = true;
      this.pos = buf.length;
      return -1;
    }
    this.runawayPending = false;
    this.quotedCR = false;
    this.addIssue({ kind: "unclosed-quote", offset: this.base + this.quoteOpen, line: this.quoteLine, cell: this.cell });
    this.emit(this.recStart, e, true);
    this.line = this.quoteLine + 1;
    if (e < buf.length && buf[e] === CR) {
      if (e + 1 < buf.length) {
        if (buf[e + 1] === LF) e++;
      } else if (!atEof) this.skipLF = true;
    }
    const next = Math.min(e + 1, buf.length);
    this.startRecord(next);
    this.pos = next;
    return next;
  }

  /** A record starts at buffer position `at` (no LF of a CRLF is pending), at or after `stopAt`. */
  private reachedStop(at: number): boolean {
    return this.base + at >= this.stopAt && !this.skipLF;
  }

  /** Stops at buffer position `at`, a record start at or after `stopAt`: later bytes are not this range's. */
  private stop(at: number): void {
    this.stoppedAt = this.base + at;
    this.linesBeforeStop = this.line - this.startLine;
    this.pos = at;
  }

  private addIssue(issue: SyntaxIssue): void {
    if (this.issues === NO_ISSUES) this.issues = [];
    this.issues.push(issue);
  }

  private endField(end: number): void {
    const len = end - this.fieldStart;
    if (len > this.maxFieldBytes) {
      this.addIssue({ kind: "field-too-long", offset: this.base + this.fieldStart, line: this.line, cell: this.cell, length: len });
    }
  }

  private startRecord(at: number): void {
    this.recStart = at;
    this.fieldStart = at;
    this.cell = 0;
    this.state = State.FieldStart;
    this.quoteOpen = -1;
    this.flaggedField = false;
    this.recLine = this.line;
  }

  private emit(start: number, end: number, unclosedQuote: boolean): void {
    if (end === start && this.cell === 0 && !unclosedQuote) {
      this.blankLines++;
      this.issues = NO_ISSUES;
      return;
    }
    const issues = this.issues;
    this.issues = NO_ISSUES;
    this.onRecord({ bytes: this.buf.subarray(start, end), offset: this.base + start, line: this.recLine, issues, unclosedQuote });
  }
}
