// The system's reason for a failed file operation, in words (EACCES → "permission denied…"), and as a FatalError.
import { FatalError, fatal } from "./fatal.js";

const REASONS: Record<string, { ja: string; en: string }> = {
  EACCES: { ja: "読み書きの権限がないか、ほかのプログラム（Excel など）が開いています", en: "permission denied, or another program (such as Excel) has it open" },
  EPERM: { ja: "操作が許可されていません（ほかのプログラムが開いているか、権限がありません）", en: "operation not permitted (another program has it open, or no permission)" },
  EBUSY: { ja: "ほかのプログラム（Excel など）が使用中です", en: "in use by another program (such as Excel)" },
  ENOENT: { ja: "見つかりません", en: "not found" },
  ENOTDIR: { ja: "途中のフォルダー名がフォルダーではありません", en: "a part of the path is not a folder" },
  EISDIR: { ja: "フォルダーです（ファイルを指定してください）", en: "is a folder (give a file)" },
  EIO: { ja: "読み取り中に入出力エラーが起きました（ディスクやネットワークドライブを確かめてください）", en: "input/output error while reading (check the disk or network drive)" },
  ENXIO: { ja: "通常のファイルではありません（デバイスまたはソケット）", en: "not a regular file (a device or socket)" },
  ELOOP: { ja: "シンボリックリンクが循環しています", en: "symbolic links form a loop" },
  ENAMETOOLONG: { ja: "パスが長すぎます", en: "the path is too long" },
  EMFILE: { ja: "同時に開けるファイルの数の上限に達しました", en: "too many open files" },
  ENFILE: { ja: "同時に開けるファイルの数の上限に達しました", en: "too many open files in the system" },
  ENOSPC: { ja: "ディスクの空きがありません", en: "no space left on the disk" },
  EROFS: { ja: "読み取り専用の場所です", en: "read-only location" },
  EEXIST: { ja: "同じ名前のものがすでにあります", en: "already exists" },
};

/** The error's system code (EACCES …), if it has one. */
export function systemErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** The reason in words with the code after it: "見つかりません（ENOENT）". */
export function systemReason(e: unknown, lang: "ja" | "en"): string {
  const code = systemErrorCode(e) ?? "";
  const words = REASONS[code]?.[lang] ?? (e as Error | undefined)?.message ?? String(e);
  return code === "" ? words : lang === "ja" ? `${words}（${code}）` : `${words} (${code})`;
}

/** A file that cannot be opened, read or listed: a FatalError for that file alone, naming the path and the reason. */
export function unreadableFile(path: string, e: unknown, what: "file" | "folder" = "file"): FatalError {
  const ja = what === "folder" ? "フォルダーの中を一覧できません" : "ファイルを読めません";
  const en = what === "folder" ? "cannot list the folder" : "cannot read the file";
  return fatal("unreadable", `${path}: ${ja}：${systemReason(e, "ja")}`, `${path}: ${en}: ${systemReason(e, "en")}`);
}

/** Passes a FatalError on; turns a system error (one with an E… code) into `unreadableFile`; rethrows anything else. */
export function asFileError(path: string, e: unknown): FatalError {
  if (e instanceof FatalError) return e;
  if (systemErrorCode(e) !== undefined) return unreadableFile(path, e);
  throw e;
}
