// The command line: parses options (commander), runs the check, writes reports, returns the exit code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { CHECKS } from "./checks/index.js";
import type { CheckOptions } from "./checks/define.js";
import { CODES, codeInfo } from "./codes/table.js";
import { loadConfig, parseRules } from "./config.js";
import { runCheck, type RunOptions } from "./engine/run.js";
import { buildReferenceIndex, type ReferenceIndex, type ReferenceKey } from "./reference/index.js";
import { exitCode } from "./exit-code.js";
import { FatalError, fatal } from "./i18n/fatal.js";
import { parseEncodingOption, type EncodingOption } from "./input/encodings.js";
import { DEFAULT_PROFILE, loadLayoutProfile } from "./layout/profile.js";
import { HEADER_ALIASES } from "./layout/aliases.js";
import { applyBaseline, loadBaseline } from "./report/baseline.js";
import { FORMATTERS, isFormat, type FormatName } from "./report/formatters.js";
import type { FormatContext } from "./report/format-context.js";
import { writeAtomically } from "./report/write.js";
import type { Lang, Report, Severity } from "./types.js";

export const VERSION: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
const CODES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "codes");
const INPUT_EXTENSIONS = /\.(csv|tsv|txt|xml)$/i;

/** Where the CLI writes; tests pass their own. */
export interface Io {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
};

function langOf(argv: readonly string[], env: Io["env"]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const v = i < 0 ? undefined : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  if (v === "en" || v === "ja") return v;
  return env.OQS_CHECK_LANG === "en" ? "en" : "ja";
}

function todayYmd(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

function parseAsOf(s: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim());
  const ok = m && !Number.isNaN(Date.UTC(+m[1], +m[2] - 1, +m[3])) && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3];
  if (!ok) throw fatal("option", `--as-of「${s}」は日付（YYYY-MM-DD）ではありません`, `--as-of "${s}" is not a date (YYYY-MM-DD)`);
  return `${m![1]}${m![2]}${m![3]}`;
}

function intOption(name: string, s: string, min = 0): number {
  if (!/^\d+$/.test(s) || Number(s) < min) throw fatal("option", `${name}「${s}」は ${min} 以上の整数で指定してください`, `${name} "${s}" must be a whole number ≥ ${min}`);
  return Number(s);
}

/** Expands directories into the .csv/.tsv/.txt/.xml files below them, sorted. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (INPUT_EXTENSIONS.test(e.name)) out.push(p);
    }
  };
  for (const i of inputs) {
    let isDir = false;
    try {
      isDir = i !== "-" && statSync(i).isDirectory();
    } catch {
      /* a missing file is reported by the reader */
    }
    if (isDir) walk(i);
    else out.push(i);
  }
  return out;
}

function buildProgram(io: Io, lang: Lang, result: { code: number }): Command {
  const ja = lang === "ja";
  const program = new Command("oqs-check")
    .description(ja ? "医療扶助の資格情報登録ファイルを中間サーバーへ送る前に点検します" : "Checks 医療扶助 eligibility registration files before upload to the intermediate server")
    .version(VERSION, "-V, --version")
    .argument("[inputs...]", ja ? "点検するファイル・フォルダー（- は標準入力）" : "files or folders to check (- for standard input)")
    .addOption(new Option("--encoding <name>", ja ? "文字コード auto|cp932|utf-8|euc-jp（shift_jis, sjis は cp932）" : "encoding auto|cp932|utf-8|euc-jp (shift_jis, sjis = cp932)"))
    .addOption(new Option("--delimiter <d>", ja ? "区切り文字 comma|tab（既定は自動判定）" : "delimiter comma|tab (default: detected)").choices(["comma", "tab"]))
    .option("--layout <file>", ja ? "レイアウト定義 JSON" : "layout profile JSON")
    .option("--xml-record <name>", ja ? "XML の記録要素名" : "XML record element name")
    .option("--max-field-bytes <n>", ja ? "1 項目の上限バイト数（既定 65536）" : "field size limit in bytes (default 65536)")
    .option("--max-xml-bytes <n>", ja ? "XML の上限バイト数（既定 268435456）" : "XML size limit in bytes (default 268435456)")
    .option("--format <format>", ja ? "出力形式 terminal|json|csv|junit|html" : "output format terminal|json|csv|junit|html", "terminal")
    .option("--report <format=file>", ja ? "レポートをファイルに書く（複数可）" : "write a report file (repeatable)", (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option("--rows <kind>", ja ? "CSV の行：findings|records" : "CSV rows: findings|records").choices(["findings", "records"]).default("findings"))
    .addOption(new Option("--report-encoding <enc>", ja ? "CSV レポートの文字コード utf-8|cp932" : "CSV report encoding utf-8|cp932").choices(["utf-8", "cp932"]).default("utf-8"))
    .addOption(new Option("--lang <lang>", ja ? "表示言語 ja|en" : "language ja|en").choices(["ja", "en"]))
    .option("--rules <list>", ja ? "コードごとの重大度 例：Z04=off,G03=error" : "severity per code, e.g. Z04=off,G03=error")
    .option("--config <file>", ja ? "設定ファイル（既定 ./oqs-check.config.json）" : "config file (default ./oqs-check.config.json)")
    .option("--as-of <date>", ja ? "基準日（既定は今日）" : "reference date (default today)")
    .option("--allowed-law <list>", ja ? "許可する法別番号（既定 12,25）" : "allowed 法別 numbers (default 12,25)")
    .option("--max-warnings <n>", ja ? "警告がこの数を超えたら終了コード 1" : "exit 1 when warnings exceed this number")
    .option("--max-findings <n>", ja ? "ファイルごとに一覧へ載せる指摘の上限（件数は正確）" : "findings listed per file at most (counts stay exact)")
    .option("--baseline <report.json>", ja ? "以前の JSON レポートにある指摘は終了コードに数えない" : "findings in this earlier JSON report do not count toward the exit code")
    .option("--redact", ja ? "個人情報をすべて伏せる（CI 環境変数があるときの既定）" : "mask every personal value (default when CI is set)")
    .option("--no-redact", ja ? "CI でも伏せない" : "do not mask even under CI")
    .option("--gaiji-map <file>", ja ? "外字対応表 CSV（G01 の修正案）" : "gaiji table CSV (G01 suggestions)")
    .option("--head <n>", ja ? "先頭 n 件だけ点検する" : "check only the first n records")
    .option("--reference <file>", ja ? "住基抽出・J-LIS 照会結果と照合する（B05–B08）" : "compare with a registry extract (B05–B08)")
    .option("--reference-layout <file>", ja ? "参照ファイルのレイアウト定義 JSON" : "layout profile of the reference file")
    .option("--reference-encoding <name>", ja ? "参照ファイルの文字コード" : "encoding of the reference file")
    .addOption(new Option("--key <field>", ja ? "照合キー individualNumber|recipientNumber" : "join key individualNumber|recipientNumber").choices(["individualNumber", "recipientNumber"]).default("individualNumber"))
    .option("--no-color", ja ? "色を付けない" : "no colour")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      result.code = await checkCommand(inputs, o, io, lang);
    });

  program
    .command("codes")
    .description(ja ? "コードの一覧" : "list the codes")
    .action(() => {
      for (const c of CODES) io.stdout(`${c.code}\t${c.name}\t${c.severity}\t${c.suspension}\t${c.title[lang]}\n`);
      result.code = 0;
    });
  program
    .command("explain <code>")
    .description(ja ? "コードの説明" : "explain a code")
    .action((code: string) => {
      const info = codeInfo(code);
      if (!info) throw fatal("option", `不明なコード「${code}」（oqs-check codes で一覧を表示できます）`, `unknown code "${code}" (oqs-check codes lists them)`);
      try {
        io.stdout(readFileSync(join(CODES_DIR, `${info.code}.md`), "utf8"));
      } catch {
        io.stdout(`${info.code} ${info.name} — ${info.title[lang]}\n`);
      }
      result.code = 0;
    });
  program
    .command("layout")
    .description(ja ? "既定のレイアウト（列名の別名）" : "the default layout (header aliases)")
    .option("--print-default", ja ? "既定のレイアウトを JSON で表示" : "print the default layout as JSON")
    .action(() => {
      const fields = Object.fromEntries(Object.entries(HEADER_ALIASES).map(([f, a]) => [f, a[0]]));
      io.stdout(JSON.stringify({ header: true, fields, values: { sex: { "男": "1", "女": "2" } }, dateFormats: ["YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD"], aliases: undefined }, null, 2) + "\n");
      io.stdout(JSON.stringify({ aliases: HEADER_ALIASES }, null, 2) + "\n");
      result.code = 0;
    });
  return program;
}

async function checkCommand(inputs: string[], o: Record<string, unknown>, io: Io, lang: Lang): Promise<number> {
  if (inputs.length === 0) {
    throw fatal("usage", "点検するファイルを指定してください（例：oqs-check samples/defects.csv）", "give a file to check (e.g. oqs-check samples/defects.csv)");
  }
  const config = loadConfig(o.config as string | undefined);
  const encOpt = (o.encoding as string | undefined) ?? config.encoding ?? "auto";
  const encoding: EncodingOption | undefined = parseEncodingOption(encOpt);
  if (!encoding) throw fatal("option", `--encoding「${encOpt}」は使えません（auto, cp932, utf-8, euc-jp）`, `--encoding "${encOpt}" is not supported (auto, cp932, utf-8, euc-jp)`);
  const layoutPath = (o.layout as string | undefined) ?? config.layout;
  const layout = layoutPath ? loadLayoutProfile(layoutPath) : DEFAULT_PROFILE;
  const rules = parseRules([...Object.entries(config.rules ?? {}).map(([k, v]) => `${k}=${v}`), (o.rules as string | undefined) ?? ""].join(","));
  const redact = o.redact === undefined ? !!io.env.CI : (o.redact as boolean);
  const format = o.format as string;
  if (!isFormat(format)) throw fatal("option", `--format「${format}」は使えません（terminal, json, csv, junit, html）`, `--format "${format}" is not supported (terminal, json, csv, junit, html)`);
  const reports = (o.report as string[]).map((spec) => {
    const m = /^([a-z]+)=(.+)$/.exec(spec);
    if (!m || !isFormat(m[1])) throw fatal("option", `--report「${spec}」は「形式=ファイル」（例 json=report.json）で指定してください`, `--report "${spec}" must be FORMAT=FILE (e.g. json=report.json)`);
    return { format: m[1] as FormatName, file: m[2] };
  });
  const allowedLaw = ((o.allowedLaw as string | undefined)?.split(",").map((s) => s.trim()) ?? config.allowedLaw ?? ["12", "25"]);
  for (const l of allowedLaw) if (!/^\d{2}$/.test(l)) throw fatal("option", `--allowed-law「${l}」は 2 桁の数字で指定してください`, `--allowed-law "${l}" must be two digits`);
  const maxWarnings = o.maxWarnings !== undefined ? intOption("--max-warnings", o.maxWarnings as string) : config.maxWarnings;
  const maxFindings = o.maxFindings !== undefined ? intOption("--max-findings", o.maxFindings as string) : (config.maxFindings ?? Infinity);
  const maxFieldBytes = o.maxFieldBytes !== undefined ? intOption("--max-field-bytes", o.maxFieldBytes as string, 16) : (config.maxFieldBytes ?? 65536);
  const maxXmlBytes = o.maxXmlBytes !== undefined ? intOption("--max-xml-bytes", o.maxXmlBytes as string, 1) : 256 * 1024 * 1024;
  const head = o.head !== undefined ? intOption("--head", o.head as string, 1) : undefined;
  const baseline = o.baseline ? loadBaseline(o.baseline as string) : undefined;
  const checkOptions: CheckOptions = {
    lang,
    asOf: o.asOf ? parseAsOf(o.asOf as string) : todayYmd(),
    allowedLaw,
    dateFormats: layout.dateFormats ?? [],
  };
  const gaijiMapPath = (o.gaijiMap as string | undefined) ?? config.gaijiMap;
  if (gaijiMapPath) checkOptions.gaijiMap = await loadGaijiMapOption(gaijiMapPath);

  const runOptions: RunOptions = {
    checks: CHECKS, check: checkOptions, encoding, layout, rules, redact, maxFindings, maxFieldBytes, maxXmlBytes,
    xmlRecord: o.xmlRecord as string | undefined, head, version: VERSION,
    delimiter: o.delimiter === "tab" ? "\t" : o.delimiter === "comma" ? "," : undefined,
  };
  if (o.reference) checkOptions.reference = await referenceIndex(o, runOptions);
  const { report, crashes } = await runCheck(expandInputs(inputs), runOptions);
  if (baseline) applyBaseline(report, baseline);
  for (const f of report.files) if (f.error) io.stderr(`oqs-check: ${f.error.message}\n`);
  for (const c of crashes) io.stderr(`oqs-check: ${lang === "ja" ? "点検中の内部エラー" : "internal error in check"} ${c}\n`);

  const ctx: FormatContext = {
    lang, redact, rows: o.rows as "findings" | "records", reportEncoding: o.reportEncoding as "utf-8" | "cp932",
    color: io.isTTY && o.color !== false && !io.env.NO_COLOR,
  };
  let failures = 0;
  for (const r of reports) {
    try {
      writeAtomically(r.file, FORMATTERS[r.format](report, { ...ctx, color: false }));
    } catch (e) {
      if (!(e instanceof FatalError)) throw e;
      io.stderr(`oqs-check: ${e.messageIn(lang)}\n`);
      failures++;
    }
  }
  io.stdout(FORMATTERS[format](report, format === "terminal" ? ctx : { ...ctx, color: false }));
  const severity = (code: string): Severity => (rules.get(code) as Severity | undefined) ?? codeInfo(code)?.severity ?? "error";
  return exitCode({ report, severity, crashes: crashes.length, failures, maxWarnings });
}

/** Indexes the --reference file with its own layout and encoding (SPEC §3.4). */
async function referenceIndex(o: Record<string, unknown>, base: RunOptions): Promise<ReferenceIndex> {
  const layout = o.referenceLayout ? loadLayoutProfile(o.referenceLayout as string) : DEFAULT_PROFILE;
  const encName = (o.referenceEncoding as string | undefined) ?? "auto";
  const encoding = parseEncodingOption(encName);
  if (!encoding) throw fatal("option", `--reference-encoding「${encName}」は使えません（auto, cp932, utf-8, euc-jp）`, `--reference-encoding "${encName}" is not supported (auto, cp932, utf-8, euc-jp)`);
  return buildReferenceIndex(o.reference as string, o.key as ReferenceKey, {
    ...base, layout, encoding, delimiter: undefined, check: { ...base.check, dateFormats: layout.dateFormats ?? [] },
  });
}

async function loadGaijiMapOption(path: string): Promise<Map<string, string>> {
  const mod = (await import("./jp/gaiji-map.js").catch(() => undefined)) as { loadGaijiMap?: (p: string) => Map<string, string> } | undefined;
  if (!mod?.loadGaijiMap) throw fatal("option", "--gaiji-map はまだ使えません", "--gaiji-map is not available yet");
  try {
    return mod.loadGaijiMap(path);
  } catch (e) {
    const err = e as Error & { ja?: string; en?: string };
    throw fatal("gaiji-map", err.ja ?? err.message, err.en ?? err.message);
  }
}

/** Runs the CLI with `argv` (process.argv style) and returns the exit code; never throws, never exits. */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv.slice(2), io.env);
  const result = { code: 0 };
  const program = buildProgram(io, lang, result);
  try {
    await program.parseAsync(argv as string[]);
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      io.stderr(`oqs-check: ${commanderMessage(e, lang)}\n`);
      return 2;
    }
    if (e instanceof FatalError) {
      io.stderr(`oqs-check: ${e.messageIn(lang)}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`oqs-check: ${lang === "ja" ? "予期しないエラー" : "unexpected error"}: ${err?.message ?? String(e)}\n`);
    return 2;
  }
}

function commanderMessage(e: CommanderError, lang: Lang): string {
  const raw = e.message.replace(/^error: /, "");
  if (lang === "en") return raw;
  const opt = /'([^']+)'/.exec(raw)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption": return `不明なオプション ${opt}（oqs-check --help で一覧を表示できます）`;
    case "commander.optionMissingArgument": return `オプション ${opt} に値がありません`;
    case "commander.invalidArgument": return `オプションの値が正しくありません：${raw}`;
    case "commander.unknownCommand": return `不明なコマンド ${opt}`;
    case "commander.excessArguments": return `引数が多すぎます`;
    default: return raw;
  }
}
