// Reads records of a CSV/TSV file again by byte offset, through the first pass's decoder, splitter and layout.
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { mapFields, type ResolvedLayout } from "../layout/resolve.js";
import type { FieldName } from "../types.js";
import { RecordDecoder } from "./decode.js";
import type { EncodingName } from "./encodings.js";
import { RecordScanner } from "./record-scanner.js";
import { splitCells } from "./split-cells.js";

/** Bytes read at a time: records sharing a window cost one read (a dense re-read reads the file once more). */
const WINDOW_BYTES = 256 * 1024;
/** Bytes of a record looked at first (records are a few hundred bytes; a longer one is given four times as much). */
const RECORD_BYTES = 4096;

export type RereadFields = Partial<Record<FieldName, string>>;

/**
 * The fields of records whose offsets a first pass noted (B04 folds names and addresses only for records that share
 * a 個人番号; B05–B07 show a differing reference record). Only regular files can be read twice: `rereaderFor` gives
 * undefined for standard input and pipes.
 */
export class RecordRereader {
  constructor(
    readonly path: string,
    private readonly encoding: EncodingName,
    private readonly delimiter: "," | "\t",
    private readonly maxFieldBytes: number,
    private readonly layout: ResolvedLayout,
  ) {}

  /**
   * Calls `each(k, fields)` for the record that starts at offsets[k], for every k in order (ascending offsets read
   * the file once at most). A record the file no longer holds gets empty fields.
   */
  fieldsAt(offsets: ArrayLike<number>, each: (k: number, fields: RereadFields) => void): void {
    if (isDense(offsets)) return this.scanFor(offsets, each);
    const fd = openSync(this.path, "r");
    try {
      const size = fstatSync(fd).size;
      const decoder = new RecordDecoder(this.encoding);
      let window = new Uint8Array(WINDOW_BYTES);
      let start = 0;
      let length = 0;
      for (let k = 0; k < offsets.length; k++) {
        const at = offsets[k];
        let cells: string[] | undefined;
        // The scanner gets a few KiB first (it searches what it is given for quotes and line ends), then more.
        for (let want = RECORD_BYTES; at < size; want *= 4) {
          const windowEnd = start + length;
          if (at < start || at >= windowEnd || (at + want > windowEnd && windowEnd < size)) {
            // A window for the records that follow; a last (or only) record reads just what it needs.
            const read = k + 1 < offsets.length ? Math.max(WINDOW_BYTES, want) : want;
            if (window.length < read) window = new Uint8Array(read);
            length = readSync(fd, window, 0, read, at);
            start = at;
          }
          const end = Math.min(at + want, start + length);
          // The scanner stops at the first record start after `at`: only this record is split.
          const scanner = new RecordScanner(this.delimiter.charCodeAt(0), this.maxFieldBytes, (r) => {
            cells ??= splitCells(decoder.decode(r.bytes).text, this.delimiter);
          }, at, 1, at + 1);
          scanner.push(window.subarray(at - start, end - start));
          const atEnd = end >= size;
          if (cells === undefined && atEnd) scanner.end();
          if (cells !== undefined || atEnd) break;
        }
        each(k, cells === undefined ? {} : mapFields(this.layout, cells));
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * fieldsAt for many ascending offsets close together (most records of a file): one scanner reads on from the first
   * offset in large pieces and splits only the wanted records, instead of a scanner per record.
   */
  private scanFor(offsets: ArrayLike<number>, each: (k: number, fields: RereadFields) => void): void {
    const fd = openSync(this.path, "r");
    try {
      const decoder = new RecordDecoder(this.encoding);
      let k = 0;
      const scanner = new RecordScanner(this.delimiter.charCodeAt(0), this.maxFieldBytes, (r) => {
        while (k < offsets.length && offsets[k] < r.offset) each(k++, {}); // not a record start any more
        if (k < offsets.length && offsets[k] === r.offset) each(k++, mapFields(this.layout, splitCells(decoder.decode(r.bytes).text, this.delimiter)));
      }, offsets[0]);
      for (let pos = offsets[0]; k < offsets.length; ) {
        const buf = new Uint8Array(SCAN_BYTES); // a new buffer each time: the scanner keeps an unfinished record's bytes
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) break;
        scanner.push(buf.subarray(0, n));
        pos += n;
      }
      if (k < offsets.length) scanner.end();
      while (k < offsets.length) each(k++, {});
    } finally {
      closeSync(fd);
    }
  }
}

/** Ascending offsets, at least DENSE_COUNT of them, on average less than RECORD_BYTES apart. */
function isDense(offsets: ArrayLike<number>): boolean {
  const n = offsets.length;
  if (n < DENSE_COUNT || (offsets[n - 1] - offsets[0]) / n >= RECORD_BYTES) return false;
  for (let k = 1; k < n; k++) if (offsets[k] <= offsets[k - 1]) return false;
  return true;
}

const DENSE_COUNT = 1024;
/** Bytes read at a time by scanFor. */
const SCAN_BYTES = 1 << 20;

/** A re-reader for a regular file; undefined for standard input ("-"), pipes and devices. */
export function rereaderFor(
  path: string, encoding: EncodingName, delimiter: "," | "\t", maxFieldBytes: number, layout: ResolvedLayout,
): RecordRereader | undefined {
  if (path === "-") return undefined;
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return new RecordRereader(path, encoding, delimiter, maxFieldBytes, layout);
}
