// Keeps the user's files safe: a report or --split target that is an input, or inside a folder being checked, is
// refused before anything is read; --split outputs of inputs with the same base name get distinct names.
import { realpathSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fatal } from "../i18n/fatal.js";
import type { InputList } from "./inputs.js";

/** The path as the file system names it (symbolic links resolved), also for a file that does not exist yet. */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    const dir = dirname(abs);
    return dir === abs ? abs : join(canonical(dir), basename(abs));
  }
}

/** Windows and macOS compare names without case; a false match only refuses a target, never overwrites. */
function sameName(a: string, b: string): boolean {
  return process.platform === "linux" ? a === b : a.toLowerCase() === b.toLowerCase();
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== path && !/^[A-Za-z]:/.test(rel));
}

/** Refuses (FatalError, exit 2) an output target that would overwrite an input or land in a folder being walked. */
export function refuseUnsafeTargets(targets: readonly { option: string; path: string; folder?: boolean }[], inputs: InputList): void {
  const files = inputs.paths.filter((p) => p !== "-").map(canonical);
  const folders = inputs.folders.map(canonical);
  for (const t of targets) {
    const target = canonical(t.path);
    if (!t.folder && files.some((f) => sameName(f, target))) {
      throw fatal("unsafe-output", `${t.option}: 出力先 ${t.path} は点検する入力ファイルです。入力を上書きしないよう、別の名前を指定してください`,
        `${t.option}: the target ${t.path} is one of the inputs; give another name so the input is not overwritten`);
    }
    const folder = inputs.folders[folders.findIndex((f) => isInside(target, f) || sameName(target, f))];
    if (folder !== undefined) {
      throw fatal("unsafe-output", `${t.option}: 出力先 ${t.path} は点検するフォルダー ${folder} の中です。次の点検で入力として読まれないよう、フォルダーの外を指定してください`,
        `${t.option}: the target ${t.path} is inside the folder being checked (${folder}); choose a place outside it so it is not read as input next time`);
    }
  }
}

/**
 * The base name (without extension) each input's --split outputs get: its own, or — when two inputs share it —
 * prefixed with its folder's name (事業所A_資格情報), and numbered if that is still not unique.
 */
export function splitStems(paths: readonly string[]): string[] {
  const stemOf = (p: string) => basename(p, extname(p) || ".csv");
  const count = new Map<string, number>();
  for (const p of paths) count.set(stemOf(p).toLowerCase(), (count.get(stemOf(p).toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  return paths.map((p) => {
    const own = stemOf(p);
    let stem = count.get(own.toLowerCase())! > 1 ? `${basename(dirname(resolve(p)))}_${own}` : own;
    for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `${own}-${n}`;
    used.add(stem.toLowerCase());
    return stem;
  });
}
