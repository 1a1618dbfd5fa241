// Builds CSV records as real bytes (CP932 / UTF-8 / EUC-JP, raw byte cells allowed) and the rows decoded from them, for byte-exact G tests.
import iconv from "iconv-lite";
import type { FieldName, RawRecordBytes } from "../../src/types.js";
import type { Row } from "./run-checks.js";

export type TestEncoding = "cp932" | "utf-8" | "euc-jp";
/** A cell: text to encode, or bytes written as they are (user-defined characters, duplicates like EEE0). */
export type Cell = string | Uint8Array;

const DECODER_LABEL: Record<TestEncoding, string> = { cp932: "shift_jis", "utf-8": "utf-8", "euc-jp": "euc-jp" };

export function encodeText(text: string, encoding: TestEncoding): Uint8Array {
  return encoding === "utf-8" ? new TextEncoder().encode(text) : Uint8Array.from(iconv.encode(text, encoding));
}

function cellBytesOf(cell: Cell, encoding: TestEncoding): Uint8Array {
  return typeof cell === "string" ? encodeText(cell, encoding) : cell;
}

/** `"…"` with every `"` doubled, on bytes. */
function quoted(bytes: Uint8Array): Uint8Array {
  const out: number[] = [0x22];
  for (const b of bytes) {
    out.push(b);
    if (b === 0x22) out.push(0x22);
  }
  out.push(0x22);
  return Uint8Array.from(out);
}

export interface RawRows {
  rows: Row[];
  raw: RawRecordBytes[];
}

/**
 * One record per element of `records`; `fields[i]` names cell i. Cells are quoted when `quote` is true
 * (or when they hold `"` or the delimiter). Rows hold the cells decoded from the bytes.
 */
export function rawRows(encoding: TestEncoding, fields: FieldName[], records: Cell[][], o: { quote?: boolean; delimiter?: number } = {}): RawRows {
  const delimiter = o.delimiter ?? 0x2c;
  const decoder = new TextDecoder(DECODER_LABEL[encoding]);
  const cellOf = Object.fromEntries(fields.map((f, i) => [f, i])) as Partial<Record<FieldName, number>>;
  const rows: Row[] = [];
  const raw: RawRecordBytes[] = [];
  for (const cells of records) {
    const parts: number[] = [];
    const row: Row = {};
    cells.forEach((cell, i) => {
      const bytes = cellBytesOf(cell, encoding);
      const needsQuote = o.quote === true || bytes.includes(0x22) || bytes.includes(delimiter);
      if (i > 0) parts.push(delimiter);
      parts.push(...(needsQuote ? quoted(bytes) : bytes));
      row[fields[i]] = decoder.decode(bytes);
    });
    rows.push(row);
    raw.push({ bytes: Uint8Array.from(parts), delimiter, encoding, cellOf });
  }
  return { rows, raw };
}

/** Bytes from hex: "FBFC" → [0xFB, 0xFC]. */
export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}
