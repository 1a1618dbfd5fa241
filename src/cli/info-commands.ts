// oqs-check codes / explain / layout: the code table, a code's doc, the default layout and the header aliases.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CODES, codeInfo, type CodeInfo } from "../codes/table.js";
import { fatal } from "../i18n/fatal.js";
import { DEFAULT_DATE_FORMATS } from "../jp/date-formats.js";
import { HEADER_ALIASES } from "../layout/aliases.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";

const CODES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "codes");

export function codesCommand(io: Io, lang: Lang): number {
  for (const c of CODES) io.stdout(`${c.code}\t${c.name}\t${c.severity}\t${c.suspension}\t${c.title[lang]}\n`);
  return 0;
}

/**
 * A code's doc (src/codes/CODE.md). The docs are bilingual, Japanese first; under --lang en the title line is the
 * code table's English title, and the body is the same bilingual text.
 */
export function explainCommand(code: string, io: Io, lang: Lang): number {
  const info = codeInfo(code);
  if (!info) throw fatal("option", `不明なコード「${code}」（oqs-check codes で一覧を表示できます）`, `unknown code "${code}" (oqs-check codes lists them)`);
  const doc = readFileSync(join(CODES_DIR, `${info.code}.md`), "utf8");
  io.stdout(lang === "en" ? withEnglishTitle(doc, info) : doc);
  return 0;
}

/** "# Z09 address-municipality — 住所に…" → "# Z09 address-municipality — Address lacks …". */
function withEnglishTitle(doc: string, info: CodeInfo): string {
  return doc.replace(/^# .*$/m, `# ${info.code} ${info.name} — ${info.title.en}`);
}

/** The default layout as one --layout profile (the first alias of each field), a template to edit. */
export function defaultLayoutProfile(): object {
  const fields = Object.fromEntries(Object.entries(HEADER_ALIASES).map(([f, a]) => [f, a[0]]));
  return { header: true, fields, values: {}, dateFormats: [...DEFAULT_DATE_FORMATS] };
}

/** `layout` and `layout --print-default`: the profile; `layout --print-aliases`: every header name the reader accepts. */
export function layoutCommand(o: { printAliases?: boolean }, io: Io): number {
  const doc = o.printAliases ? { aliases: HEADER_ALIASES } : defaultLayoutProfile();
  io.stdout(JSON.stringify(doc, null, 2) + "\n");
  return 0;
}
