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

export type RereadFields = Partial<Record<FieldName, string>>;

/**
 * The fields of records whose offsets a first pass noted (B04 folds names and addresses only for records that share
 * a 個人番号). Only regular files can be read twice: `rereaderFor` gives undefined for standard input and pipes.
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
    const fd = openSync(this.path, "r");
    try {
      const size = fstatSync(fd).size;
      const decoder = new RecordDecoder(this.encoding);
      let window = new Uint8Array(WINDOW_BYTES);
      let start = -1;
      let length = 0;
      for (let k = 0; k < offsets.length; k++) {
        const at = offsets[k];
        let cells: string[] | undefined;
        for (let want = WINDOW_BYTES; at < size; want *= 4) {
          if (want > WINDOW_BYTES || start < 0 || at < start || at >= start + length) {
            if (window.length < want) window = new Uint8Array(want);
            length = readSync(fd, window, 0, want, at);
            start = at;
          }
          // The scanner stops at the first record start after `at`: only this record is split.
          const scanner = new RecordScanner(this.delimiter.charCodeAt(0), this.maxFieldBytes, (r) => {
            cells ??= splitCells(decoder.decode(r.bytes).text, this.delimiter);
          }, at, 1, at + 1);
          scanner.push(window.subarray(at - start, length));
          const atEnd = start + length >= size;
          if (cells === undefined && atEnd) scanner.end();
          // Otherwise the record runs past the window: read again from `at`, four times as much.
          if (cells !== undefined || atEnd) break;
        }
        each(k, cells === undefined ? {} : mapFields(this.layout, cells));
      }
    } finally {
      closeSync(fd);
    }
  }
}

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
