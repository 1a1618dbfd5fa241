// Byte-accurate record decoding: Node's TextDecoder (full CP932 user-defined area; CP932 mostly by a table learnt
// from it), and every invalid byte sequence located by byte index — never a silent U+FFFD. A run of NUL bytes counts
// as one invalid sequence: no CP932, UTF-8 or EUC-JP text export holds NUL (it is padding or damage).
import { charLength, DECODER_LABEL, type EncodingName } from "./encodings.js";
import { decodedBreaks, NOTED_BREAKS_CAPACITY } from "./split-cells.js";

export interface InvalidBytes {
  /** 0-based index in the decoded bytes. */
  index: number;
  /** The bytes, hex, space-separated: "85 40". */
  hex: string;
}

export interface DecodedText {
  text: string;
  invalid: InvalidBytes[];
}

const REPLACEMENT = "\uFFFD";
/** The invalid sequences of text that has none: one shared empty array, not one per record. */
const NO_INVALID: InvalidBytes[] = Object.freeze([]) as unknown as InvalidBytes[];
const NUL = "\u0000";

export function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

export class RecordDecoder {
  private readonly td: TextDecoder;
  private readonly table: Cp932Table | undefined;
  constructor(readonly encoding: EncodingName) {
    this.td = new TextDecoder(DECODER_LABEL[encoding]);
    this.table = encoding === "cp932" ? cp932Table() : undefined;
  }

  decode(bytes: Uint8Array): DecodedText {
    if (this.table !== undefined && bytes.length <= NOTED_BREAKS_CAPACITY) {
      const text = decodeByTable(bytes, this.table);
      if (text !== undefined) return { text, invalid: NO_INVALID };
    }
    const text = this.td.decode(bytes);
    if (!text.includes(REPLACEMENT) && !text.includes(NUL)) return { text, invalid: NO_INVALID };
    return this.decodeSlowly(bytes);
  }

  /** Character by character: valid characters decoded, each invalid sequence becomes one U+FFFD and is listed. */
  private decodeSlowly(bytes: Uint8Array): DecodedText {
    const parts: string[] = [];
    const invalid: InvalidBytes[] = [];
    let i = 0;
    let plainFrom = 0;
    const flushPlain = (to: number) => {
      if (to > plainFrom) parts.push(this.td.decode(bytes.subarray(plainFrom, to)));
    };
    while (i < bytes.length) {
      if (bytes[i] === 0) {
        let end = i + 1;
        while (end < bytes.length && bytes[end] === 0) end++;
        flushPlain(i);
        parts.push(REPLACEMENT);
        invalid.push({ index: i, hex: hex(bytes.subarray(i, end)) });
        i = end;
        plainFrom = i;
        continue;
      }
      const len = charLength(this.encoding, bytes, i);
      if (len === 1 && bytes[i] < 0x80) {
        i++;
        continue;
      }
      const seq = bytes.subarray(i, i + Math.max(len, 1));
      const ch = len > 0 ? this.td.decode(seq) : REPLACEMENT;
      const bad = len === 0 || (ch.includes(REPLACEMENT) && !isEncodedReplacementChar(this.encoding, seq));
      if (bad) {
        flushPlain(i);
        parts.push(REPLACEMENT);
        invalid.push({ index: i, hex: hex(seq) });
        i += seq.length;
        plainFrom = i;
      } else {
        i += seq.length;
      }
    }
    flushPlain(bytes.length);
    return { text: parts.join(""), invalid };
  }
}

/** The bytes that can delimit or quote a cell: a table entry decodes to one of them only from that very byte. */
const STRUCTURAL_BYTES = [0x09, 0x22, 0x2c];
/** U+FFFF, a noncharacter: marks a byte pair the table does not decode. */
const NOT_ONE_CHAR = 0xffff;

/**
 * CP932 as Node's TextDecoder decodes it, one character at a time: the TextDecoder call per record costs more than
 * the decoding. Every entry comes from the TextDecoder itself (Shift_JIS is stateless: a character decodes the same
 * alone as inside a record); a byte sequence the table does not hold sends the whole record to the TextDecoder.
 */
class Cp932Table {
  /** byte → UTF-16 code unit of a one-byte character; 0 for NUL, lead bytes and invalid bytes. */
  readonly single = new Uint16Array(256);
  /** (lead << 8 | trail) → code unit; 0 until first met, NOT_ONE_CHAR for a pair that is not one valid character. */
  readonly pair = new Uint16Array(65536);

  constructor(private readonly td: TextDecoder) {
    for (let b = 1; b < 256; b++) {
      const u = this.unitOf(Uint8Array.of(b));
      this.single[b] = u === NOT_ONE_CHAR ? 0 : u;
    }
  }

  /** The delimiters and the quote decode to themselves, so the decoder can note them by byte. */
  get structuralBytesKept(): boolean {
    return STRUCTURAL_BYTES.every((b) => this.single[b] === b);
  }

  /** Looks a pair up the first time a record holds it (a file holds a few thousand distinct ones). */
  learn(key: number): number {
    const u = this.unitOf(Uint8Array.of(key >> 8, key & 0xff));
    this.pair[key] = u;
    return u;
  }

  /**
   * The one code unit `bytes` decode to; NOT_ONE_CHAR when they are invalid (U+FFFD), NUL, not one code unit, or a
   * delimiter or quote from other bytes (decodedBreaks would miss it).
   */
  private unitOf(bytes: Uint8Array): number {
    const t = this.td.decode(bytes);
    if (t.length !== 1 || t === REPLACEMENT || t === NUL) return NOT_ONE_CHAR;
    const u = t.charCodeAt(0);
    if (STRUCTURAL_BYTES.includes(u) && !(bytes.length === 1 && bytes[0] === u)) return NOT_ONE_CHAR;
    return u;
  }
}

/** The table writes code units in the platform's byte order and reads them back as UTF-16LE. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
/** The decoded code units of one record, and the same memory as bytes for the string. */
const unitBytes = Buffer.alloc(2 * NOTED_BREAKS_CAPACITY);
const units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, NOTED_BREAKS_CAPACITY);
/** One table per thread, shared by its decoders; null when the table cannot stand in for the TextDecoder. */
let sharedCp932Table: Cp932Table | null | undefined;

function cp932Table(): Cp932Table | undefined {
  if (sharedCp932Table === undefined) {
    const table = LITTLE_ENDIAN ? new Cp932Table(new TextDecoder(DECODER_LABEL.cp932)) : undefined;
    sharedCp932Table = table?.structuralBytesKept ? table : null;
  }
  return sharedCp932Table ?? undefined;
}

/**
 * Decodes a record of at most NOTED_BREAKS_CAPACITY bytes by table, noting its delimiters and quotes for splitCells
 * on the way (decodedBreaks); undefined when a byte sequence is not in the table (invalid bytes, NUL: the caller
 * decodes the record with the TextDecoder, which locates them).
 */
function decodeByTable(bytes: Uint8Array, table: Cp932Table): string | undefined {
  const single = table.single;
  const pair = table.pair;
  const commas = decodedBreaks.commas;
  const tabs = decodedBreaks.tabs;
  decodedBreaks.text = undefined;
  const n = bytes.length;
  let commaCount = 0;
  let tabCount = 0;
  let quoted = false;
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = bytes[i++];
    let u = single[c];
    if (u === 0) {
      if (i >= n) return undefined;
      const key = (c << 8) | bytes[i++];
      u = pair[key];
      if (u === 0) u = table.learn(key);
      if (u === NOT_ONE_CHAR) return undefined;
    } else if (c < 0x30) {
      // Only one-byte characters can be structural: CP932 trail bytes are 0x40 or above.
      if (c === 0x2c) commas[commaCount++] = o;
      else if (c === 0x09) tabs[tabCount++] = o;
      else if (c === 0x22) quoted = true;
    }
    units[o++] = u;
  }
  const text = unitBytes.toString("utf16le", 0, 2 * o);
  decodedBreaks.text = text;
  decodedBreaks.quoted = quoted;
  decodedBreaks.commaCount = commaCount;
  decodedBreaks.tabCount = tabCount;
  return text;
}

/** A literal U+FFFD written in UTF-8 (EF BF BD) is valid text, not an invalid sequence. */
function isEncodedReplacementChar(enc: EncodingName, seq: Uint8Array): boolean {
  return enc === "utf-8" && seq.length === 3 && seq[0] === 0xef && seq[1] === 0xbf && seq[2] === 0xbd;
}
