// Loads the office's 外字 table (--gaiji-map FILE.csv): user-defined code point or CP932 bytes → replacement text (G01 suggestions).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** Message templates of GaijiMapError ({file}, {line}, {detail…} filled in); exported for the CLI and docs. */
export const GAIJI_MAP_MESSAGES = {
  unreadable: {
    ja: "外字表 {file} を読めません: {detail}",
    en: "Cannot read the gaiji map {file}: {detail}",
  },
  syntax: {
    ja: "外字表 {file} の {line} 行目: CSV として読めません ({detail})",
    en: "Gaiji map {file}, line {line}: not valid CSV ({detail})",
  },
  columns: {
    ja: "外字表 {file} の {line} 行目: 1列目に外字（U+E000 形式または CP932 の F040 形式）、2列目に置き換える文字が必要です",
    en: "Gaiji map {file}, line {line}: expected a user-defined character (U+E000 or CP932 bytes F040) in column 1 and its replacement in column 2",
  },
  badKey: {
    ja: "外字表 {file} の {line} 行目: 「{detail}」は外字の領域（U+E000–U+F8FF、U+F0000–U+10FFFD、CP932 F040–F9FC）のコードではありません",
    en: "Gaiji map {file}, line {line}: \"{detail}\" is not a user-defined code (U+E000–U+F8FF, U+F0000–U+10FFFD, CP932 F040–F9FC)",
  },
  emptyReplacement: {
    ja: "外字表 {file} の {line} 行目: 置き換える文字が空です",
    en: "Gaiji map {file}, line {line}: the replacement is empty",
  },
  conflict: {
    ja: "外字表 {file} の {line} 行目: {detail} は {other} 行目で別の文字に置き換えられています",
    en: "Gaiji map {file}, line {line}: {detail} is already mapped to different text on line {other}",
  },
} as const;

export type GaijiMapProblem = keyof typeof GAIJI_MAP_MESSAGES;

/** A problem with the --gaiji-map file: fatal (exit 2). `message` holds the Japanese then the English text. */
export class GaijiMapError extends Error {
  readonly problem: GaijiMapProblem;
  readonly file: string;
  /** 1-based line of the bad row; 0 for the whole file. */
  readonly line: number;
  readonly ja: string;
  readonly en: string;

  constructor(problem: GaijiMapProblem, file: string, line: number, fill: Record<string, string | number> = {}) {
    const data: Record<string, string | number> = { file, line, ...fill };
    const format = (t: string) => t.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
    const ja = format(GAIJI_MAP_MESSAGES[problem].ja);
    const en = format(GAIJI_MAP_MESSAGES[problem].en);
    super(`${ja}\n${en}`);
    this.name = "GaijiMapError";
    this.problem = problem;
    this.file = file;
    this.line = line;
    this.ja = ja;
    this.en = en;
  }
}

/** Decodes the file: UTF-8 (BOM optional) when the bytes are valid UTF-8, else CP932. */
export function decodeGaijiMapBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

const CODE_POINT = /^[Uu]\+([0-9A-Fa-f]{4,6})$/;
const CP932_BYTES = /^(?:0[xX])?([0-9A-Fa-f]{4})$/;

function isUserDefined(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0x10fffd);
}

/** CP932 user-defined bytes F040–F9FC → U+E000–U+E757; undefined outside that area. */
export function cp932UserDefinedToCodePoint(code: number): number | undefined {
  const lead = code >> 8;
  const trail = code & 0xff;
  if (lead < 0xf0 || lead > 0xf9 || trail < 0x40 || trail > 0xfc || trail === 0x7f) return undefined;
  return 0xe000 + (lead - 0xf0) * 188 + (trail - (trail < 0x80 ? 0x40 : 0x41));
}

/** The user-defined character a first-column cell names (U+E000, F040, 0xF040 or the character itself). */
export function parseGaijiKey(cell: string): string | undefined {
  const text = cell.trim();
  let cp: number | undefined;
  const u = CODE_POINT.exec(text);
  const b = CP932_BYTES.exec(text);
  if (u) cp = parseInt(u[1], 16);
  else if (b) cp = cp932UserDefinedToCodePoint(parseInt(b[1], 16));
  else if ([...text].length === 1) cp = text.codePointAt(0);
  return cp !== undefined && isUserDefined(cp) ? String.fromCodePoint(cp) : undefined;
}

/**
 * Reads the office's 外字 table: one row per character, column 1 the user-defined code point (`U+E000`)
 * or CP932 bytes (`F040`), column 2 the replacement text, further columns ignored; an optional header
 * row; UTF-8 with or without BOM, or CP932. Throws GaijiMapError naming the file and line.
 */
export function loadGaijiMap(path: string): Map<string, string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new GaijiMapError("unreadable", path, 0, { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  return parseGaijiMap(decodeGaijiMapBytes(bytes), path);
}

/** Parses the decoded text of a 外字 table (see loadGaijiMap); `path` is used in error messages. */
export function parseGaijiMap(text: string, path: string): Map<string, string> {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw new GaijiMapError("syntax", path, err.lines ?? 0, { detail: err.message ?? String(e) });
  }
  const map = new Map<string, string>();
  const lineOf = new Map<string, number>();
  rows.forEach(({ record, info }, i) => {
    const line = info.lines;
    if (record.every((c) => c.trim() === "")) return;
    const key = record.length > 0 ? parseGaijiKey(record[0]) : undefined;
    if (key === undefined) {
      if (i === 0) return; // header row
      if (record.length < 2) throw new GaijiMapError("columns", path, line);
      throw new GaijiMapError("badKey", path, line, { detail: record[0].trim() });
    }
    if (record.length < 2) throw new GaijiMapError("columns", path, line);
    const replacement = record[1].trim();
    if (replacement === "") throw new GaijiMapError("emptyReplacement", path, line);
    const previous = map.get(key);
    if (previous !== undefined && previous !== replacement) {
      throw new GaijiMapError("conflict", path, line, { detail: codePointLabel(key), other: lineOf.get(key)! });
    }
    map.set(key, replacement);
    lineOf.set(key, line);
  });
  return map;
}

function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
