// oqs-check codes / explain / layout --print-default: the code table, a code's doc, the default layout.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CODES, codeInfo } from "../codes/table.js";
import { fatal } from "../i18n/fatal.js";
import { HEADER_ALIASES } from "../layout/aliases.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";

const CODES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "codes");

export function codesCommand(io: Io, lang: Lang): number {
  for (const c of CODES) io.stdout(`${c.code}\t${c.name}\t${c.severity}\t${c.suspension}\t${c.title[lang]}\n`);
  return 0;
}

export function explainCommand(code: string, io: Io): number {
  const info = codeInfo(code);
  if (!info) throw fatal("option", `不明なコード「${code}」（oqs-check codes で一覧を表示できます）`, `unknown code "${code}" (oqs-check codes lists them)`);
  io.stdout(readFileSync(join(CODES_DIR, `${info.code}.md`), "utf8"));
  return 0;
}

/** The default layout as a --layout profile (first alias per field), followed by every alias the reader accepts. */
export function layoutCommand(io: Io): number {
  const fields = Object.fromEntries(Object.entries(HEADER_ALIASES).map(([f, a]) => [f, a[0]]));
  const profile = { header: true, fields, values: {}, dateFormats: ["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD"] };
  io.stdout(JSON.stringify(profile, null, 2) + "\n");
  io.stdout(JSON.stringify({ aliases: HEADER_ALIASES }, null, 2) + "\n");
  return 0;
}
