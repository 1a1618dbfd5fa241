// The original bytes of one cell of a CSV/TSV record (quote-aware) and of each character in it, for byte-exact findings.
import type { FieldName, RawRecordBytes } from "../types.js";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export type ByteEncoding = "cp932" | "utf-8" | "euc-jp";

/** Maps the encoding names a reader may use to the three byte grammars. */
export function byteEncoding(name: string): ByteEncoding | undefined {
  switch (name.toLowerCase().replace(/[_\s]/g, "-")) {
    case "cp932":
    case "shift-jis":
    case "sjis":
    case "windows-31j":
    case "ms932":
      return "cp932";
    case "utf-8":
    case "utf8":
      return "utf-8";
    case "euc-jp":
    case "eucjp":
      return "euc-jp";
    default:
      return undefined;
  }
}

/**
 * The content bytes of cell `index` (0-based) of a record: delimiters and CR/LF outside quotes end a
 * cell; a cell that starts with `"` is quoted and `""` inside it stands for one `"`. Safe on raw bytes
 * for CP932, UTF-8 and EUC-JP: none of `,` `"` TAB CR LF can be part of a multibyte character.
 * Returns undefined when the record has fewer cells.
 */
export function cellBytes(bytes: Uint8Array, delimiter: number, index: number): Uint8Array | undefined {
  let pos = 0;
  for (let cell = 0; ; cell++) {
    const { content, next, endOfRecord } = readCell(bytes, pos, delimiter, cell === index);
    if (cell === index) return content;
    if (endOfRecord) return undefined;
    pos = next;
  }
}

interface CellRead {
  content?: Uint8Array;
  /** Position after the delimiter that ended the cell. */
  next: number;
  endOfRecord: boolean;
}

function readCell(bytes: Uint8Array, start: number, delimiter: number, keep: boolean): CellRead {
  const n = bytes.length;
  if (start < n && bytes[start] === QUOTE) {
    const out: number[] = [];
    let i = start + 1;
    for (; i < n; i++) {
      if (bytes[i] !== QUOTE) {
        if (keep) out.push(bytes[i]);
        continue;
      }
      if (bytes[i + 1] === QUOTE) {
        if (keep) out.push(QUOTE);
        i++;
        continue;
      }
      break;
    }
    // After the closing quote: anything up to the delimiter is kept as it stands (lenient, like csv-parse's relax_quotes).
    let j = i + 1;
    while (j < n && bytes[j] !== delimiter && bytes[j] !== CR && bytes[j] !== LF) {
      if (keep) out.push(bytes[j]);
      j++;
    }
    return { content: keep ? Uint8Array.from(out) : undefined, next: j + 1, endOfRecord: j >= n || bytes[j] !== delimiter };
  }
  let j = start;
  while (j < n && bytes[j] !== delimiter && bytes[j] !== CR && bytes[j] !== LF) j++;
  return { content: keep ? bytes.subarray(start, j) : undefined, next: j + 1, endOfRecord: j >= n || bytes[j] !== delimiter };
}

/** Splits bytes into per-character byte sequences by the encoding's grammar (an invalid byte stands alone). */
export function splitCharBytes(bytes: Uint8Array, encoding: ByteEncoding): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < bytes.length) {
    const len = charLength(bytes, i, encoding);
    out.push(bytes.subarray(i, i + len));
    i += len;
  }
  return out;
}

function charLength(b: Uint8Array, i: number, encoding: ByteEncoding): number {
  const lead = b[i];
  if (lead < 0x80) return 1;
  const at = (k: number): number => (i + k < b.length ? b[i + k] : -1);
  if (encoding === "cp932") {
    const isLead = (lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc);
    const t = at(1);
    return isLead && ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc)) ? 2 : 1;
  }
  if (encoding === "euc-jp") {
    const euc = (x: number): boolean => x >= 0xa1 && x <= 0xfe;
    if (lead === 0x8e) return at(1) >= 0xa1 && at(1) <= 0xdf ? 2 : 1;
    if (lead === 0x8f) return euc(at(1)) && euc(at(2)) ? 3 : 1;
    return euc(lead) && euc(at(1)) ? 2 : 1;
  }
  const want = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
  for (let k = 1; k < want; k++) {
    const c = at(k);
    if (c < 0x80 || c > 0xbf) return k;
  }
  return want;
}

const decoders: Record<ByteEncoding, TextDecoder> = {
  cp932: new TextDecoder("shift_jis"),
  "utf-8": new TextDecoder("utf-8"),
  "euc-jp": new TextDecoder("euc-jp"),
};

/** Upper-case hex without separators: [0xFB, 0xFC] → "FBFC". */
export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).toUpperCase().padStart(2, "0");
  return s;
}

/** The bytes of one character and the encoding they are in; `fromFile` false when re-encoded as UTF-8. */
export interface CharBytes {
  bytes: Uint8Array;
  encoding: ByteEncoding;
  fromFile: boolean;
}

/**
 * The file bytes of the `occurrence`-th (0-based) occurrence of `ch` in `field`'s cell, or undefined when
 * they cannot be found (no raw bytes, field not in the layout, or the cell does not hold the character).
 * Characters are matched by occurrence so that a value the reader changed (trimmed) still finds its bytes.
 */
export function fileBytesOfChar(raw: RawRecordBytes, field: FieldName, ch: string, occurrence: number): CharBytes | undefined {
  const encoding = byteEncoding(raw.encoding);
  const index = raw.cellOf[field];
  if (!encoding || index === undefined) return undefined;
  const cell = cellBytes(raw.bytes, raw.delimiter, index);
  if (!cell) return undefined;
  let seen = 0;
  for (const seq of splitCharBytes(cell, encoding)) {
    if (seq.length === 1 && seq[0] < 0x80) {
      if (ch.charCodeAt(0) === seq[0] && seen++ === occurrence) return { bytes: seq, encoding, fromFile: true };
      continue;
    }
    if (decoders[encoding].decode(seq) === ch && seen++ === occurrence) return { bytes: seq, encoding, fromFile: true };
  }
  return undefined;
}

const utf8 = new TextEncoder();

/** The character's bytes in the file when known, else its UTF-8 encoding (fromFile false). */
export function charBytes(raw: RawRecordBytes | undefined, field: FieldName, ch: string, occurrence: number): CharBytes {
  const found = raw ? fileBytesOfChar(raw, field, ch, occurrence) : undefined;
  return found ?? { bytes: utf8.encode(ch), encoding: "utf-8", fromFile: false };
}
