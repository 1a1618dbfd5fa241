// --split DIR: each CSV input copied into <name>.valid.csv and <name>.invalid.csv, original bytes, header in both,
// written to temp files and renamed (never over the input).
import { closeSync, createReadStream, mkdirSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { fatal } from "../i18n/fatal.js";
import { RecordScanner } from "../input/record-scanner.js";

export interface SplitResult {
  valid: string;
  invalid: string;
  validRecords: number;
  invalidRecords: number;
}

/**
 * Copies the input's bytes: the header (everything before record 1) into both files, then every data record —
 * from its first byte up to the next record's first byte, so line ends and blank lines travel with it — into
 * the invalid file when its number is in `errorRecords`, else into the valid file. `stem` names the outputs.
 */
export async function splitFile(
  path: string, dir: string, errorRecords: ReadonlySet<number>, delimiter: number, hasHeader: boolean, maxFieldBytes: number,
  stem: string = basename(path, extname(path) || ".csv"),
): Promise<SplitResult> {
  if (path === "-") throw fatal("split", "--split は標準入力には使えません（ファイルを指定してください）", "--split cannot be used with standard input (give a file)");
  if (/\.xml$/i.test(path)) throw fatal("split", `${path}: --split は CSV・TSV のみ対応です（XML は分割できません）`, `${path}: --split works on CSV/TSV only (XML cannot be split)`);
  mkdirSync(dir, { recursive: true });
  const ext = extname(path) || ".csv";
  const out = { valid: join(dir, `${stem}.valid${ext}`), invalid: join(dir, `${stem}.invalid${ext}`) };
  if (resolve(out.valid) === resolve(path) || resolve(out.invalid) === resolve(path)) {
    throw fatal("split", `${path}: --split の出力先が入力ファイルと同じです。別のフォルダーを指定してください`, `${path}: --split would overwrite the input; choose another folder`);
  }
  const tmp = { valid: `${out.valid}.${process.pid}.tmp`, invalid: `${out.invalid}.${process.pid}.tmp` };
  const starts: number[] = [];
  const scanner = new RecordScanner(delimiter, maxFieldBytes, (r) => starts.push(r.offset));
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    scanner.push(chunk as Uint8Array);
    size += (chunk as Uint8Array).length;
  }
  scanner.end();
  const dataStarts = hasHeader ? starts.slice(1) : starts;
  const headerEnd = dataStarts[0] ?? size;
  const fdIn = openSync(path, "r");
  const fdValid = openSync(tmp.valid, "w");
  const fdInvalid = openSync(tmp.invalid, "w");
  let validRecords = 0;
  let invalidRecords = 0;
  try {
    const copy = (to: number, from: number, end: number) => {
      const buf = Buffer.alloc(Math.min(end - from, 1 << 20));
      for (let pos = from; pos < end; ) {
        const n = Math.min(buf.length, end - pos);
        const got = readSync(fdIn, buf, 0, n, pos);
        writeSync(to, buf, 0, got);
        pos += got;
      }
    };
    copy(fdValid, 0, headerEnd);
    copy(fdInvalid, 0, headerEnd);
    dataStarts.forEach((start, i) => {
      const end = dataStarts[i + 1] ?? size;
      const bad = errorRecords.has(i + 1);
      copy(bad ? fdInvalid : fdValid, start, end);
      if (bad) invalidRecords++;
      else validRecords++;
    });
  } finally {
    closeSync(fdIn);
    closeSync(fdValid);
    closeSync(fdInvalid);
  }
  for (const k of ["valid", "invalid"] as const) {
    try {
      renameSync(tmp[k], out[k]);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      throw fatal("locked", `${out[k]}: 書き込めません（${code}）。分割したファイルは ${tmp[k]} に保存しました`, `${out[k]}: cannot be written (${code}); the split file was saved as ${tmp[k]}`);
    }
  }
  return { ...out, validRecords, invalidRecords };
}
