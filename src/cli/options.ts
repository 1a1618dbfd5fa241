// Turns parsed command-line options (and the config file) into validated run options; errors are FatalError.
import { statSync } from "node:fs";
import { AUTO_JOBS_MIN_BYTES, autoJobs } from "../engine/parallel.js";
import { CHECKS } from "../checks/index.js";
import type { Check, CheckOptions } from "../checks/define.js";
import { codeInfo } from "../codes/table.js";
import { loadConfig, parseRules } from "../config.js";
import type { RunOptions } from "../engine/run.js";
import { fatal } from "../i18n/fatal.js";
import { parseEncodingOption, type EncodingOption } from "../input/encodings.js";
import { GaijiMapError, loadGaijiMap } from "../jp/gaiji-map.js";
import { DEFAULT_PROFILE, loadLayoutProfile } from "../layout/profile.js";
import { buildReferenceIndex, type ReferenceKey } from "../reference/index.js";
import type { FormatContext } from "../report/format-context.js";
import { DEFAULT_FAIL_ON, type FailOn } from "../report/verdict.js";
import { isFormat, type FormatName } from "../report/formatters.js";
import type { Lang, Severity, SeveritySetting } from "../types.js";

export type Opts = Record<string, unknown>;

export function todayYmd(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

export function parseAsOf(s: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim());
  const ok = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3] && +m[2] >= 1 && +m[2] <= 12;
  if (!ok) throw fatal("option", `--as-of「${s}」は日付（YYYY-MM-DD）ではありません`, `--as-of "${s}" is not a date (YYYY-MM-DD)`);
  return `${m![1]}${m![2]}${m![3]}`;
}

export function intOption(name: string, s: unknown, min = 0): number {
  const v = String(s);
  if (!/^\d+$/.test(v) || Number(v) < min) throw fatal("option", `${name}「${v}」は ${min} 以上の整数で指定してください`, `${name} "${v}" must be a whole number ≥ ${min}`);
  return Number(v);
}

export function encodingOption(name: string, value: string): EncodingOption {
  const e = parseEncodingOption(value);
  if (!e) throw fatal("option", `${name}「${value}」は使えません（auto, cp932, utf-8, euc-jp）`, `${name} "${value}" is not supported (auto, cp932, utf-8, euc-jp)`);
  return e;
}

export function reportTargets(specs: readonly string[]): { format: FormatName; file: string }[] {
  return specs.map((spec) => {
    const m = /^([a-z]+)=(.+)$/.exec(spec);
    if (!m || !isFormat(m[1])) throw fatal("option", `--report「${spec}」は「形式=ファイル」（例 json=report.json）で指定してください`, `--report "${spec}" must be FORMAT=FILE (e.g. json=report.json)`);
    return { format: m[1] as FormatName, file: m[2] };
  });
}

export function outputFormat(format: string): FormatName {
  if (!isFormat(format)) throw fatal("option", `--format「${format}」は使えません（terminal, json, csv, junit, html）`, `--format "${format}" is not supported (terminal, json, csv, junit, html)`);
  return format;
}

export function formatContext(o: Opts, lang: Lang, redact: boolean, color: boolean): FormatContext {
  return {
    lang, redact, rows: (o.rows as "findings" | "records") ?? "findings", reportEncoding: (o.reportEncoding as "utf-8" | "cp932") ?? "utf-8", color,
    failOn: (o.failOn as FailOn | undefined) ?? DEFAULT_FAIL_ON,
  };
}

export interface PreparedRun {
  run: RunOptions;
  rules: Map<string, SeveritySetting>;
  redact: boolean;
  maxWarnings?: number;
  /** --fail-on, else the config file's `failOn`, else "suspension". */
  failOn: FailOn;
  severity: (code: string) => Severity;
}

function loadGaijiMapOption(path: string): Map<string, string> {
  try {
    return loadGaijiMap(path);
  } catch (e) {
    if (e instanceof GaijiMapError) throw fatal("gaiji-map", e.ja, e.en);
    throw e;
  }
}

/** Everything a check run needs, from the options and the config file; `checks` narrows the registry (chars). */
export async function prepareRun(o: Opts, lang: Lang, env: Record<string, string | undefined>, version: string, checks: readonly Check[] = CHECKS): Promise<PreparedRun> {
  const config = loadConfig(o.config as string | undefined);
  const encoding = encodingOption("--encoding", (o.encoding as string | undefined) ?? config.encoding ?? "auto");
  const layoutPath = (o.layout as string | undefined) ?? config.layout;
  const layout = layoutPath ? loadLayoutProfile(layoutPath) : DEFAULT_PROFILE;
  const rules = parseRules([...Object.entries(config.rules ?? {}).map(([k, v]) => `${k}=${v}`), (o.rules as string | undefined) ?? ""].join(","));
  const redact = o.redact === undefined ? !!env.CI : (o.redact as boolean);
  const allowedLaw = (o.allowedLaw as string | undefined)?.split(",").map((s) => s.trim()) ?? config.allowedLaw ?? ["12", "25"];
  for (const l of allowedLaw) if (!/^\d{2}$/.test(l)) throw fatal("option", `--allowed-law「${l}」は 2 桁の数字で指定してください`, `--allowed-law "${l}" must be two digits`);
  const check: CheckOptions = {
    lang,
    asOf: o.asOf ? parseAsOf(o.asOf as string) : todayYmd(),
    allowedLaw,
    dateFormats: layout.dateFormats ?? [],
  };
  const gaijiMapPath = (o.gaijiMap as string | undefined) ?? config.gaijiMap;
  if (gaijiMapPath) check.gaijiMap = loadGaijiMapOption(gaijiMapPath);
  const run: RunOptions = {
    checks, check, encoding, layout, rules, redact,
    maxFindings: o.maxFindings !== undefined ? intOption("--max-findings", o.maxFindings) : (config.maxFindings ?? Infinity),
    maxFieldBytes: o.maxFieldBytes !== undefined ? intOption("--max-field-bytes", o.maxFieldBytes, 16) : (config.maxFieldBytes ?? 65536),
    maxXmlBytes: o.maxXmlBytes !== undefined ? intOption("--max-xml-bytes", o.maxXmlBytes, 1) : 256 * 1024 * 1024,
    xmlRecord: o.xmlRecord as string | undefined,
    head: o.head !== undefined ? intOption("--head", o.head, 1) : undefined,
    sample: o.sample !== undefined ? { n: intOption("--sample", o.sample, 1), seed: o.seed !== undefined ? intOption("--seed", o.seed) : 1 } : undefined,
    version,
    delimiter: o.delimiter === "tab" ? "\t" : o.delimiter === "comma" ? "," : undefined,
  };
  if (o.head !== undefined && o.sample !== undefined) throw fatal("option", "--head と --sample は同時に指定できません", "--head and --sample cannot be combined");
  if (o.reference) {
    const refLayout = o.referenceLayout ? loadLayoutProfile(o.referenceLayout as string) : DEFAULT_PROFILE;
    check.reference = await buildReferenceIndex(o.reference as string, o.key as ReferenceKey, {
      ...run, layout: refLayout, encoding: encodingOption("--reference-encoding", (o.referenceEncoding as string | undefined) ?? "auto"),
      delimiter: undefined, sample: undefined, check: { ...check, dateFormats: refLayout.dateFormats ?? [] },
    }, jobsFor((o.jobs as string | undefined) ?? "auto", [o.reference as string]));
  }
  const maxWarnings = o.maxWarnings !== undefined ? intOption("--max-warnings", o.maxWarnings) : config.maxWarnings;
  const severity = (code: string): Severity => (rules.get(code) as Severity | undefined) ?? codeInfo(code)?.severity ?? "error";
  const failOn = (o.failOn as FailOn | undefined) ?? config.failOn ?? DEFAULT_FAIL_ON;
  return { run, rules, redact, maxWarnings, failOn, severity };
}

/** --jobs N, or auto: threads (this one and N − 1 workers) when the inputs are large enough to repay starting them. */
export function jobsFor(option: string, paths: readonly string[]): number {
  if (option !== "auto") return intOption("--jobs", option, 1);
  let bytes = 0;
  for (const p of paths) {
    try {
      bytes += p === "-" ? 0 : statSync(p).size;
    } catch {
      /* reported by the reader */
    }
  }
  return bytes >= AUTO_JOBS_MIN_BYTES ? autoJobs() : 1;
}
