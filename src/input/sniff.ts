// Decides a file's encoding from its first 64 KiB (SPEC §2) and refuses UTF-16 and binary input.
import { fatal, type Bilingual } from "../i18n/fatal.js";
import { RecordDecoder } from "./decode.js";
import type { EncodingName, EncodingOption } from "./encodings.js";

export const SNIFF_BYTES = 64 * 1024;

export interface Sniffed {
  encoding: EncodingName;
  reason: Bilingual;
  /** Bytes of BOM to skip at the start (3 for UTF-8). */
  bomLength: number;
  /** A UTF-8 BOM in front of a CP932 body: reported as S02 on the BOM's bytes. */
  strayBom?: boolean;
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

function isValidUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let b = bytes;
  if (truncated) {
    // Do not let a character cut at the 64 KiB boundary decide.
    let cut = b.length;
    for (let k = 1; k <= 3 && cut - k >= 0; k++) {
      const c = b[cut - k];
      if (c >= 0xc0) {
        cut -= k;
        break;
      }
      if (c < 0x80) break;
    }
    b = b.subarray(0, cut);
  }
  try {
    utf8Fatal.decode(b);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Invalid sequences of `bytes` in `enc`; NUL runs (invalid in every encoding) do not decide between encodings. */
function invalidCount(enc: EncodingName, bytes: Uint8Array): number {
  return new RecordDecoder(enc).decode(bytes).invalid.filter((x) => !x.hex.startsWith("00")).length;
}

/** Throws FatalError for UTF-16, PDF and other binary input. */
export function refuseBinary(head: Uint8Array, path: string): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw fatal("utf16", `${path}: UTF-16 のファイルです。CP932（Shift_JIS）または UTF-8 で保存し直してください。`,
      `${path}: the file is UTF-16. Save it again as CP932 (Shift_JIS) or UTF-8.`);
  }
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
    throw fatal("binary", `${path}: PDF ファイルです。福祉システムから CSV で出力したファイルを指定してください。`,
      `${path}: this is a PDF file. Give the CSV file exported from the welfare system.`);
  }
  let nul = 0, nulEven = 0, nulOdd = 0, ctrl = 0;
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) {
      nul++;
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a) ctrl++;
  }
  if (n >= 4 && (nulEven > n / 4 || nulOdd > n / 4)) {
    throw fatal("utf16", `${path}: UTF-16（BOM なし）と思われます。CP932 または UTF-8 で保存し直してください。`,
      `${path}: looks like UTF-16 without a BOM. Save it again as CP932 or UTF-8.`);
  }
  if (n > 0 && (nul + ctrl) / n > 0.05) {
    throw fatal("binary", `${path}: テキストではないファイル（バイナリ）です。先頭 ${n} バイト中 ${nul + ctrl} バイトが制御文字です。`,
      `${path}: not a text file (binary): ${nul + ctrl} of the first ${n} bytes are control bytes.`);
  }
}

export function sniffEncoding(head: Uint8Array, requested: EncodingOption, truncated: boolean): Sniffed {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = bom ? head.subarray(3) : head;
  if (requested !== "auto") {
    return {
      encoding: requested,
      bomLength: bom && requested === "utf-8" ? 3 : 0,
      strayBom: bom && requested !== "utf-8",
      reason: { ja: `--encoding ${requested} の指定による`, en: `given by --encoding ${requested}` },
    };
  }
  if (bom) {
    if (isValidUtf8(body, truncated) || invalidCount("cp932", body) > 0) {
      return { encoding: "utf-8", bomLength: 3, reason: { ja: "UTF-8 の BOM がある", en: "UTF-8 byte order mark" } };
    }
    return {
      encoding: "cp932", bomLength: 0, strayBom: true,
      reason: { ja: "UTF-8 の BOM があるが本文は CP932 として正しい（BOM は S02）", en: "UTF-8 BOM, but the body is valid CP932 (the BOM is S02)" },
    };
  }
  if (!hasHighBytes(body)) {
    return { encoding: "cp932", bomLength: 0, reason: { ja: "先頭 64 KiB が ASCII のみ（CP932 とみなす）", en: "first 64 KiB are ASCII only (CP932 assumed)" } };
  }
  if (isValidUtf8(body, truncated)) {
    return { encoding: "utf-8", bomLength: 0, reason: { ja: "先頭 64 KiB が正しい UTF-8（マルチバイト文字あり）", en: "first 64 KiB are valid UTF-8 with multibyte characters" } };
  }
  const sjisBad = invalidCount("cp932", body);
  if (sjisBad > 0 && invalidCount("euc-jp", body) === 0) {
    return { encoding: "euc-jp", bomLength: 0, reason: { ja: "先頭 64 KiB が CP932 では不正、EUC-JP では正しい", en: "first 64 KiB are invalid as CP932 but valid EUC-JP" } };
  }
  return { encoding: "cp932", bomLength: 0, reason: { ja: "先頭 64 KiB が UTF-8 ではない（CP932 とみなす）", en: "first 64 KiB are not UTF-8 (CP932 assumed)" } };
}
