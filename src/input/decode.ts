// Byte-accurate record decoding: Node's TextDecoder (full CP932 user-defined area), and every invalid
// byte sequence located by byte index — never a silent U+FFFD. A run of NUL bytes counts as one invalid
// sequence: no CP932, UTF-8 or EUC-JP text export holds NUL (it is padding or damage).
import { charLength, DECODER_LABEL, type EncodingName } from "./encodings.js";

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
  constructor(readonly encoding: EncodingName) {
    this.td = new TextDecoder(DECODER_LABEL[encoding]);
  }

  decode(bytes: Uint8Array): DecodedText {
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

/** A literal U+FFFD written in UTF-8 (EF BF BD) is valid text, not an invalid sequence. */
function isEncodedReplacementChar(enc: EncodingName, seq: Uint8Array): boolean {
  return enc === "utf-8" && seq.length === 3 && seq[0] === 0xef && seq[1] === 0xbf && seq[2] === 0xbd;
}
