// Opens an input (file or standard input) as a stream of byte chunks, with clear errors for missing files.
import { createReadStream, statSync } from "node:fs";
import { fatal } from "../i18n/fatal.js";
import { unreadableFile } from "../i18n/system-errors.js";

export const CHUNK_BYTES = 1 << 20;

export function openInput(path: string): AsyncIterable<Uint8Array> {
  if (path === "-") return process.stdin as AsyncIterable<Uint8Array>;
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fatal("missing", `${path}: ファイルが見つかりません`, `${path}: no such file`);
    throw unreadableFile(path, e);
  }
  if (st.isDirectory()) throw fatal("directory", `${path}: フォルダーです`, `${path}: is a directory`);
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/** Reads the first `n` bytes (or fewer at EOF) and returns them with an iterator over the rest. */
export async function readHead(source: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterator<Uint8Array>; eof: boolean }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  let eof = false;
  while (size < n) {
    const r = await it.next();
    if (r.done) {
      eof = true;
      break;
    }
    parts.push(r.value);
    size += r.value.length;
  }
  const head = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return { head, rest: it, eof };
}
