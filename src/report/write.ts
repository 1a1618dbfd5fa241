// Writes report files atomically (temp file + rename); a locked target (open in Excel) keeps the temp file.
import { renameSync, writeFileSync } from "node:fs";
import { fatal } from "../i18n/fatal.js";

export function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
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
