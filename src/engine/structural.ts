// Messages and finding builders for the reader's structural codes S01–S04.
import { formatMessage, type Message } from "../checks/define.js";
import type { Finding, Lang } from "../types.js";

export const STRUCTURAL_MESSAGES = {
  S01: {
    columns: { ja: "列数が {actual} 列です（ヘッダーは {expected} 列）", en: "{actual} columns (the header has {expected})" },
  },
  S02: {
    invalid: { ja: "{encoding} として不正なバイト列 {hex}（オフセット {offset} = 0x{offsetHex}）", en: "invalid {encoding} byte sequence {hex} at byte offset {offset} (0x{offsetHex})" },
    bom: { ja: "CP932 のファイルの先頭に UTF-8 の BOM（EF BB BF）があります", en: "UTF-8 byte order mark (EF BB BF) at the start of a CP932 file" },
  },
  S03: {
    "unclosed-quote": { ja: "{cell} 列目の引用符（\"）が閉じられていません。次の行から読み直します", en: "the quote (\") in column {cell} is never closed; reading resumes at the next line" },
    "stray-quote": { ja: "{cell} 列目の途中に引用符（\"）があります", en: "a quote (\") inside unquoted column {cell}" },
    "text-after-quote": { ja: "{cell} 列目の閉じ引用符の後に文字があります", en: "text after the closing quote in column {cell}" },
  },
  S04: {
    long: { ja: "{cell} 列目が {length} バイトあります（上限 {max} バイト）", en: "column {cell} is {length} bytes long (limit {max})" },
  },
} as const satisfies Record<string, Record<string, Message>>;

export type StructuralCode = keyof typeof STRUCTURAL_MESSAGES;

export function structuralFinding<C extends StructuralCode>(
  code: C,
  messageId: keyof (typeof STRUCTURAL_MESSAGES)[C] & string,
  severity: "error" | "warning",
  lang: Lang,
  at: { record: number; line: number; byteOffset?: number },
  data: Record<string, string | number>,
  extra: Record<string, unknown> = {},
): Finding {
  const msg = (STRUCTURAL_MESSAGES[code] as Record<string, Message>)[messageId];
  const f: Finding = {
    code, severity, suspension: "none", record: at.record, line: at.line,
    message: formatMessage(msg[lang], data), messageId, ...extra,
  };
  if (at.byteOffset !== undefined) f.byteOffset = at.byteOffset;
  return f;
}
