// The original bytes of one cell of a CSV/TSV record (quote-aware) and of each character in it, for byte-exact findings.
import type { FieldName, RawRecordBytes } from "../types.js";
import { charLength, DECODER_LABEL, parseEncodingOption, type EncodingName } from "./encodings.js";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Maps the encoding names a reader may use (cp932, shift_jis, utf8 …) to the three byte grammars. */
export function byteEncoding(name: string): EncodingName | undefined {
  const e = parseEncodingOption(name);
  return e === "auto" ? undefined : e;
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
export function splitCharBytes(bytes: Uint8Array, encoding: EncodingName): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < bytes.length) {
    const len = Math.max(1, charLength(encoding, bytes, i));
    out.push(bytes.subarray(i, i + len));
    i += len;
  }
  return out;
}

const decoders: Record<EncodingName, TextDecoder> = {
  cp932: new TextDecoder(DECODER_LABEL.cp932),
  "utf-8": new TextDecoder(DECODER_LABEL["utf-8"]),
  "euc-jp": new TextDecoder(DECODER_LABEL["euc-jp"]),
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
  encoding: EncodingName;
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
  const segments = splitCharBytes(cell, encoding);
  const decoder = decoders[encoding];
  // Usually each segment is one character: decode the cell once and walk both in step.
  const chars = [...decoder.decode(cell)];
  const charOf = chars.length === segments.length ? (i: number) => chars[i] : (i: number) => decoder.decode(segments[i]);
  let seen = 0;
  for (let i = 0; i < segments.length; i++) {
    if (charOf(i) === ch && seen++ === occurrence) return { bytes: segments[i], encoding, fromFile: true };
  }
  return undefined;
}

const utf8 = new TextEncoder();

/** The character's bytes in the file when known, else its UTF-8 encoding (fromFile false). */
export function charBytes(raw: RawRecordBytes | undefined, field: FieldName, ch: string, occurrence: number): CharBytes {
  const found = raw ? fileBytesOfChar(raw, field, ch, occurrence) : undefined;
  return found ?? { bytes: utf8.encode(ch), encoding: "utf-8", fromFile: false };
}
