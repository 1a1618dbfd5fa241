// --layout FILE.json: a zod-validated layout profile (field → header name or 1-based position, value maps).
import { readFileSync } from "node:fs";
import { z } from "zod";
import { fatal } from "../i18n/fatal.js";
import { FIELD_NAMES } from "../types.js";

/** Date formats a layout may declare for date fields (parsed by src/jp/dates.ts). */
export const LAYOUT_DATE_FORMATS = ["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD", "wareki", "eraCode7"] as const;

const fieldRef = z.union([z.string().min(1), z.number().int().min(1)]);
const fieldShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldRef.optional()])) as Record<(typeof FIELD_NAMES)[number], z.ZodOptional<typeof fieldRef>>;
const valueShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, z.record(z.string(), z.string()).optional()])) as Record<(typeof FIELD_NAMES)[number], z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>>;

export const LayoutProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** false: the file has no header row; every field must then be a 1-based position. */
  header: z.boolean().default(true),
  fields: z.strictObject(fieldShape).default({}),
  /** Value maps per field, e.g. { "sex": { "男": "1", "女": "2" } }. */
  values: z.strictObject(valueShape).default({}),
  dateFormats: z.array(z.enum(LAYOUT_DATE_FORMATS)).optional(),
  delimiter: z.enum([",", "\t", "tab", "comma"]).optional(),
  encoding: z.string().optional(),
});

export type LayoutProfile = z.infer<typeof LayoutProfileSchema>;

export const DEFAULT_PROFILE: LayoutProfile = LayoutProfileSchema.parse({});

/** Formats zod issues as "key.path: message" lines. */
export function zodIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join(".") : "(top)"}: ${i.message}${"keys" in i ? ` (${(i as { keys: string[] }).keys.join(", ")})` : ""}`).join("; ");
}

export function loadLayoutProfile(path: string): LayoutProfile {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw fatal("layout", `レイアウトファイル ${path} を読めません（${(e as NodeJS.ErrnoException).code ?? "error"}）`, `cannot read layout file ${path} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fatal("layout", `レイアウトファイル ${path} は JSON として正しくありません：${(e as Error).message}`, `layout file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const r = LayoutProfileSchema.safeParse(json);
  if (!r.success) {
    const detail = zodIssues(r.error);
    throw fatal("layout", `レイアウトファイル ${path} の誤り：${detail}`, `invalid layout file ${path}: ${detail}`);
  }
  if (!r.data.header) {
    const named = Object.entries(r.data.fields).filter(([, v]) => typeof v === "string").map(([k]) => k);
    if (named.length > 0) {
      throw fatal("layout", `レイアウトファイル ${path} の誤り：header が false のときは列番号で指定してください（fields.${named[0]}）`,
        `invalid layout file ${path}: with "header": false every field must be a 1-based position (fields.${named[0]})`);
    }
  }
  return r.data;
}
