// Writes report files atomically (temp file + rename); a locked target (open in Excel) keeps the temp file.
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { fatal } from "../i18n/fatal.js";

/** Produces a report in pieces (a national-size JSON report is never one string): calls `write` for each. */
export type PieceProducer = (write: (piece: string) => void) => void;

/** Writes `data` (or every piece `data` produces) to a temp file beside `path`, then renames it to `path`. */
export function writeAtomically(path: string, data: string | Uint8Array | PieceProducer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeTempFile(tmp, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw fatal("write", `${path}: レポートを書き込めません（${code}）`, `${path}: cannot write the report (${code})`);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw fatal("locked", `${path}: ほかのプログラム（Excel など）で開かれているため上書きできません（${code}）。レポートは ${tmp} に保存しました。ファイルを閉じてから名前を変えてください`,
        `${path}: the file is open in another program (Excel?) and cannot be replaced (${code}). The report was saved as ${tmp}; close the file and rename it`);
    }
    throw fatal("write", `${path}: レポートを書き込めません（${code}）。一時ファイル ${tmp} は残しています`, `${path}: cannot write the report (${code}); the temp file ${tmp} was kept`);
  }
}

/** Writes the temp file; a producer's own error (a bug, not the disk) leaves no partial report behind. */
function writeTempFile(tmp: string, data: string | Uint8Array | PieceProducer): void {
  const fd = openSync(tmp, "w");
  try {
    if (typeof data === "function") data((piece) => writeAll(fd, piece));
    else writeAll(fd, data);
  } catch (e) {
    closeSync(fd);
    if ((e as NodeJS.ErrnoException).code === undefined) unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
