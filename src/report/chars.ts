// `oqs-check chars`: every character that becomes ● (G01–G04 findings) once, with count, bytes and substitute — the list an office hands to its vendor.
import type { FieldName, Finding, Lang } from "../types.js";

const CHAR_CODES = ["G01", "G02", "G03", "G04"] as const;
type CharCode = (typeof CHAR_CODES)[number];

/** One distinct character (per code) across all findings. */
export interface CharRow {
  char: string;
  /** "U+9AD9". */
  codePoint: string;
  code: CharCode;
  /** Number of findings (occurrences) of this character. */
  count: number;
  /** Distinct original byte sequences, hex ("FBFC", "EEE0"), in order of first appearance. */
  bytes: string[];
  /** Distinct encodings those bytes are in ("cp932"; "utf-8" also when the file's bytes were not available). */
  encodings: string[];
  /** Fields the character occurs in, in field order (氏名, カナ氏名, 住所). */
  fields: FieldName[];
  /** The suggested replacement ("" = delete it), when one is known. */
  substitute?: string;
}

const FIELD_ORDER: readonly FieldName[] = ["name", "nameKana", "address"];

function isCharCode(code: string): code is CharCode {
  return (CHAR_CODES as readonly string[]).includes(code);
}

function codePointValue(label: string): number {
  return parseInt(label.replace(/^U\+/, ""), 16);
}

/** Folds G01–G04 findings into one row per (code, character), sorted by code then code point. */
export function aggregateChars(findings: Iterable<Finding>): CharRow[] {
  const rows = new Map<string, CharRow>();
  for (const f of findings) {
    if (!isCharCode(f.code) || typeof f.char !== "string") continue;
    const key = `${f.code}\u0000${f.char}`;
    let row = rows.get(key);
    if (!row) {
      const codePoint = typeof f.codePoint === "string" ? f.codePoint : `U+${f.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      row = { char: f.char, codePoint, code: f.code, count: 0, bytes: [], encodings: [], fields: [] };
      rows.set(key, row);
    }
    row.count++;
    if (typeof f.bytes === "string" && !row.bytes.includes(f.bytes)) row.bytes.push(f.bytes);
    if (typeof f.bytesEncoding === "string" && !row.encodings.includes(f.bytesEncoding)) row.encodings.push(f.bytesEncoding);
    if (f.field && !row.fields.includes(f.field)) row.fields.push(f.field);
    if (row.substitute === undefined && typeof f.substitute === "string") row.substitute = f.substitute;
  }
  const out = [...rows.values()];
  for (const r of out) r.fields.sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  return out.sort((a, b) => a.code.localeCompare(b.code) || codePointValue(a.codePoint) - codePointValue(b.codePoint));
}

const LABELS = {
  ja: {
    title: "●になる文字（JIS X 0208 外の文字と ●）",
    summary: "{kinds} 種類・{count} か所",
    none: "●になる文字はありません。",
    headers: ["区分", "文字", "コード", "バイト列", "件数", "項目", "代替"],
    fields: { name: "氏名", nameKana: "カナ氏名", address: "住所" } as Partial<Record<FieldName, string>>,
    noSubstitute: "（なし）",
    deleteIt: "（削除）",
    encodings: "バイト列の文字コード: {list}",
    reencoded: "utf-8 は元のバイト列が得られない入力（XML など）で文字を UTF-8 にしたものです",
  },
  en: {
    title: "Characters that become ● (outside JIS X 0208, and ●)",
    summary: "{kinds} distinct, {count} occurrences",
    none: "No character that becomes ●.",
    headers: ["Code", "Char", "Code point", "Bytes", "Count", "Fields", "Substitute"],
    fields: { name: "name", nameKana: "kana name", address: "address" } as Partial<Record<FieldName, string>>,
    noSubstitute: "(none)",
    deleteIt: "(delete)",
    encodings: "Bytes are in: {list}",
    reencoded: "utf-8 bytes may be the character re-encoded where the input's own bytes are not available (XML)",
  },
} as const;

/** Display width in a terminal: 1 below U+1100 and for half-width katakana, else 2. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x1100 || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

function shownChar(row: CharRow): string {
  const cp = codePointValue(row.codePoint);
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return "[VS]";
  return row.char;
}

/** A plain-text table of the rows (aligned for a terminal), with a title and a count line. */
export function formatCharsTable(rows: readonly CharRow[], lang: Lang): string {
  const L = LABELS[lang];
  if (rows.length === 0) return `${L.title}\n${L.none}\n`;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const body = rows.map((r) => [
    r.code,
    shownChar(r),
    r.codePoint,
    r.bytes.join(" "),
    String(r.count),
    r.fields.map((f) => L.fields[f] ?? f).join(lang === "ja" ? "・" : ", "),
    r.substitute === undefined ? L.noSubstitute : r.substitute === "" ? L.deleteIt : r.substitute,
  ]);
  const table = [[...L.headers], ...body];
  const widths = L.headers.map((_, i) => Math.max(...table.map((cells) => width(cells[i]))));
  const lines = table.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd());
  const encodings = [...new Set(rows.flatMap((r) => r.encodings))];
  const out = [
    L.title,
    L.summary.replace("{kinds}", String(rows.length)).replace("{count}", String(total)),
    "",
    ...lines,
    "",
    L.encodings.replace("{list}", encodings.join(", ") || "-"),
  ];
  if (encodings.includes("utf-8")) out.push(L.reencoded);
  return out.join("\n") + "\n";
}
