// oqs-check.config.json and --rules: zod-validated settings; unknown keys and codes are fatal with the key named.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { codeInfo } from "./codes/table.js";
import { fatal } from "./i18n/fatal.js";
import { zodIssues } from "./layout/profile.js";
import { FAIL_ON } from "./report/verdict.js";
import type { SeveritySetting } from "./types.js";

export const CONFIG_FILE = "oqs-check.config.json";

const severity = z.enum(["error", "warning", "off"]);

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), severity).optional(),
  lang: z.enum(["ja", "en"]).optional(),
  encoding: z.string().optional(),
  layout: z.string().optional(),
  allowedLaw: z.array(z.string().regex(/^\d{2}$/)).optional(),
  maxWarnings: z.number().int().min(0).optional(),
  failOn: z.enum(FAIL_ON).optional(),
  maxFindings: z.number().int().min(0).optional(),
  maxFieldBytes: z.number().int().min(16).optional(),
  gaijiMap: z.string().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads the config named by --config, or ./oqs-check.config.json when present. */
export function loadConfig(path: string | undefined): Config {
  const file = path ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fatal("config", `設定ファイル ${file} を読めません：${code ?? (e as Error).message}`, `cannot read config file ${file}: ${code ?? (e as Error).message}`);
  }
  const r = ConfigSchema.safeParse(json);
  if (!r.success) {
    const d = zodIssues(r.error);
    throw fatal("config", `設定ファイル ${file} の誤り：${d}`, `invalid config file ${file}: ${d}`);
  }
  if (r.data.rules) parseRules(Object.entries(r.data.rules).map(([k, v]) => `${k}=${v}`).join(","), file);
  return r.data;
}

/** Parses "Z04=off,G03=error" (codes or names) into code → setting. */
export function parseRules(spec: string, where = "--rules"): Map<string, SeveritySetting> {
  const out = new Map<string, SeveritySetting>();
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(error|warning|warn|off)$/i.exec(part);
    if (!m) throw fatal("rules", `${where}: 「${part}」は「コード=error|warning|off」の形ではありません`, `${where}: "${part}" is not of the form CODE=error|warning|off`);
    const info = codeInfo(m[1].trim());
    if (!info) throw fatal("rules", `${where}: 不明なコード「${m[1]}」（oqs-check codes で一覧を表示できます）`, `${where}: unknown code "${m[1]}" (oqs-check codes lists them)`);
    const v = m[2].toLowerCase();
    out.set(info.code, v === "warn" ? "warning" : (v as SeveritySetting));
  }
  return out;
}
