// Streaming CP932 output for the generator: characters encoded once through iconv-lite and remembered, records
// assembled in a reusable buffer and written in 1 MiB chunks; raw byte pieces (外字, NEC/IBM, invalid) pass through.
import { open, type FileHandle } from "node:fs/promises";
import iconv from "iconv-lite";

/** A piece of a cell: text (encoded to CP932) or raw bytes written as they are. */
export type Piece = string | Uint8Array;
export type Cell = Piece | readonly Piece[];

/** char code → CP932 code (one byte < 0x100, two bytes ≥ 0x8140); 0 = not looked up yet. */
const CP932 = new Uint16Array(65536);

function lookUp(code: number): number {
  const ch = String.fromCharCode(code);
  const bytes = iconv.encode(ch, "cp932");
  const value = bytes.length === 1 ? bytes[0] : (bytes[0] << 8) | bytes[1];
  if ((value === 0x3f && ch !== "?") || bytes.length > 2) {
    throw new Error(`generator: ${ch} (U+${code.toString(16).toUpperCase()}) cannot be written in CP932`);
  }
  CP932[code] = value;
  return value;
}

/** The CP932 bytes of a text piece, e.g. for tests: every character the generator writes must encode. */
export function encodeCp932(s: string): Uint8Array {
  const out = new ByteSink(s.length * 2);
  out.text(s);
  return out.bytes();
}

/** A growable byte buffer with CP932 text writing. */
export class ByteSink {
  buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
  }

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  text(s: string): void {
    this.reserve(s.length * 2);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[pos++] = c;
        continue;
      }
      const v = CP932[c] || lookUp(c);
      if (v < 0x100) buf[pos++] = v;
      else {
        buf[pos++] = v >> 8;
        buf[pos++] = v & 0xff;
      }
    }
    this.pos = pos;
  }

  piece(p: Piece): void {
    if (typeof p === "string") this.text(p);
    else this.raw(p);
  }

  cell(c: Cell): void {
    if (typeof c === "string" || c instanceof Uint8Array) this.piece(c as Piece);
    else for (const p of c as readonly Piece[]) this.piece(p);
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const CHUNK = 1 << 20;

/** A file written in chunks: call `maybeFlush()` after each record. */
export class ChunkedFile extends ByteSink {
  written = 0;

  private constructor(private readonly handle: FileHandle) {
    super(CHUNK + 4096);
  }

  static async create(path: string): Promise<ChunkedFile> {
    return new ChunkedFile(await open(path, "w"));
  }

  async maybeFlush(): Promise<void> {
    if (this.pos >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pos === 0) return;
    await this.handle.write(this.buf, 0, this.pos);
    this.written += this.pos;
    this.pos = 0;
  }

  async close(): Promise<number> {
    await this.flush();
    await this.handle.close();
    return this.written;
  }
}

/** Writes one CSV record: cells joined by commas, CRLF at the end (cells hold no structural bytes unless intended). */
export function writeRecord(out: ByteSink, cells: readonly Cell[]): void {
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out.byte(0x2c);
    out.cell(cells[i]);
  }
  out.byte(0x0d);
  out.byte(0x0a);
}
