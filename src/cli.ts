// The command line: commander options and subcommands; returns an exit code, never exits, never throws.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { charsCommand } from "./cli/chars-command.js";
import { checkCommand } from "./cli/check-command.js";
import { commanderMessage, helpConfiguration } from "./cli/commander-ja.js";
import { codesCommand, explainCommand, layoutCommand } from "./cli/info-commands.js";
import { defaultIo, type Io } from "./cli/io.js";
import { generateCommand } from "./cli/generate-command.js";
import { mergeCommand } from "./cli/merge-command.js";
import { loadConfig } from "./config.js";
import { FatalError } from "./i18n/fatal.js";
import type { Lang } from "./types.js";

export type { Io } from "./cli/io.js";
export const VERSION: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * --lang (the last one, before or after the subcommand), else the config file's `lang`, else OQS_CHECK_LANG, else
 * Japanese. Decided before parsing, so that commander's own messages and the help speak it too.
 */
export function langOf(argv: readonly string[], env: Io["env"]): Lang {
  const end = argv.indexOf("--");
  const options = end < 0 ? argv : argv.slice(0, end);
  const value = (name: string) => {
    let i = options.length - 1;
    while (i >= 0 && options[i] !== name && !options[i].startsWith(`${name}=`)) i--;
    return i < 0 ? undefined : options[i].includes("=") ? options[i].slice(name.length + 1) : options[i + 1];
  };
  const v = value("--lang");
  if (v === "en" || v === "ja") return v;
  try {
    const fromConfig = loadConfig(value("--config")).lang;
    if (fromConfig) return fromConfig;
  } catch {
    /* a bad config is reported when the command runs */
  }
  return env.OQS_CHECK_LANG === "en" ? "en" : "ja";
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** --lang, on the main command and every subcommand (the language itself is decided by langOf). */
const langOption = (ja: boolean) => new Option("--lang <lang>", ja ? "表示言語 ja|en" : "language ja|en").choices(["ja", "en"]);

/** Options shared by the main command and `chars`: how to read the inputs. */
function inputOptions(cmd: Command, ja: boolean): Command {
  return cmd
    .option("--encoding <name>", ja ? "文字コード auto|cp932|utf-8|euc-jp（shift_jis, sjis は cp932）" : "encoding auto|cp932|utf-8|euc-jp (shift_jis, sjis = cp932)")
    .addOption(new Option("--delimiter <d>", ja ? "区切り文字 comma|tab（既定は自動判定）" : "delimiter comma|tab (default: detected)").choices(["comma", "tab"]))
    .option("--layout <file>", ja ? "レイアウト定義 JSON" : "layout profile JSON")
    .option("--xml-record <name>", ja ? "XML の記録要素名" : "XML record element name")
    .option("--max-field-bytes <n>", ja ? "1 項目の上限バイト数（既定 65536）" : "field size limit in bytes (default 65536)")
    .option("--max-xml-bytes <n>", ja ? "XML の上限バイト数（既定 268435456）" : "XML size limit in bytes (default 268435456)")
    .option("--config <file>", ja ? "設定ファイル（既定 ./oqs-check.config.json）" : "config file (default ./oqs-check.config.json)")
    .option("--gaiji-map <file>", ja ? "外字対応表 CSV（G01 の修正案）" : "gaiji table CSV (G01 suggestions)")
    .addOption(langOption(ja));
}

/** Options of every command that writes a report. */
function outputOptions(cmd: Command, ja: boolean): Command {
  return cmd
    .option("--format <format>", ja ? "標準出力の形式 terminal|json|csv|junit|html" : "output format terminal|json|csv|junit|html", "terminal")
    .option("--report <format=file>", ja ? "レポートをファイルに書く（複数可）" : "write a report file (repeatable)", collect, [] as string[])
    .addOption(new Option("--rows <kind>", ja ? "CSV の行：findings（指摘ごと）|records（閲覧停止になる記録ごと）" : "CSV rows: findings|records (suspended records)").choices(["findings", "records"]).default("findings"))
    .addOption(new Option("--report-encoding <enc>", ja ? "CSV レポートの文字コード utf-8（BOM 付き）|cp932" : "CSV report encoding utf-8 (with BOM)|cp932").choices(["utf-8", "cp932"]).default("utf-8"));
}

function buildProgram(io: Io, lang: Lang, result: { code: number }): Command {
  const ja = lang === "ja";
  const program = new Command("oqs-check")
    .description(ja ? "医療扶助の資格情報登録ファイルを中間サーバーへ送る前に点検します" : "Checks 医療扶助 eligibility registration files before upload to the intermediate server")
    .version(VERSION, "-V, --version", ja ? "版を表示" : "print the version")
    .helpOption("-h, --help", ja ? "使い方を表示" : "show this help")
    .helpCommand(false)
    .argument("[inputs...]", ja ? "点検するファイル・フォルダー（- は標準入力）" : "files or folders to check (- for standard input)")
    .enablePositionalOptions()
    .configureHelp(helpConfiguration(lang));
  inputOptions(outputOptions(program, ja), ja)
    .option("--rules <list>", ja ? "コードごとの重大度 例：Z04=off,G03=error" : "severity per code, e.g. Z04=off,G03=error")
    .option("--as-of <date>", ja ? "基準日（既定は今日）" : "reference date (default today)")
    .option("--allowed-law <list>", ja ? "許可する法別番号（既定 12,25）" : "allowed 法別 numbers (default 12,25)")
    .option("--max-warnings <n>", ja ? "警告がこの数を超えたら終了コード 1" : "exit 1 when warnings exceed this number")
    .addOption(new Option("--fail-on <what>", ja ? "終了コード 1 にするもの error（エラーのみ）|suspension（閲覧停止になる記録も。既定）|warning（警告も）" : "what makes the exit code 1: error|suspension (also records that would be suspended; default)|warning (every finding)").choices(["error", "suspension", "warning"]))
    .option("--max-findings <n>", ja ? "ファイルごとに一覧へ載せる指摘の上限（件数は正確）" : "findings listed per file at most (counts stay exact)")
    .option("--baseline <report.json>", ja ? "以前の JSON レポートにある指摘は終了コードに数えない" : "findings in this earlier JSON report do not count toward the exit code")
    .option("--redact", ja ? "個人情報をすべて伏せる（CI 環境変数があるときの既定）" : "mask every personal value (default when CI is set)")
    .option("--no-redact", ja ? "CI でも伏せない" : "do not mask even under CI")
    .option("--head <n>", ja ? "先頭 n 件だけ点検する（件数はすべて数える）" : "check only the first n records (all are counted)")
    .option("--sample <n>", ja ? "無作為に n 件を点検する（--seed で再現可能）" : "check a uniform random sample of n records (reproducible with --seed)")
    .option("--seed <s>", ja ? "--sample の乱数の種（既定 1）" : "seed for --sample (default 1)")
    .option("--split <dir>", ja ? "記録をエラーのないもの・あるものの 2 ファイルに分ける（元のバイトのまま）" : "split each CSV into valid and invalid records (original bytes)")
    .option("--reference <file>", ja ? "住基抽出・J-LIS 照会結果と照合する（B05–B08）" : "compare with a registry extract (B05–B08)")
    .option("--reference-layout <file>", ja ? "参照ファイルのレイアウト定義 JSON" : "layout profile of the reference file")
    .option("--reference-encoding <name>", ja ? "参照ファイルの文字コード" : "encoding of the reference file")
    .addOption(new Option("--key <field>", ja ? "照合キー individualNumber|recipientNumber" : "join key individualNumber|recipientNumber").choices(["individualNumber", "recipientNumber"]).default("individualNumber"))
    .option("--jobs <n>", ja ? "点検に使うスレッド数（既定 auto：16 MiB 以上でコア数まで）" : "threads that check (default auto: up to the core count from 16 MiB of input)", "auto")
    .option("--no-color", ja ? "色を付けない" : "no colour")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      result.code = await checkCommand(inputs, o, io, lang, VERSION);
    });

  program.command("codes").description(ja ? "コードの一覧" : "list the codes")
    .addOption(langOption(ja))
    .action(() => void (result.code = codesCommand(io, lang)));
  program.command("explain <code>").description(ja ? "コードの説明" : "explain a code")
    .addOption(langOption(ja))
    .action((code: string) => void (result.code = explainCommand(code, io, lang)));
  program.command("layout").description(ja ? "既定のレイアウト（--layout に渡せる JSON）と列名の別名" : "the default layout (a --layout JSON) and the header aliases")
    .option("--print-default", ja ? "既定のレイアウトを --layout に渡せる JSON で表示（既定の動作）" : "print the default layout as a --layout JSON (the default)")
    .addOption(new Option("--print-aliases", ja ? "各項目として認識する列名（別名）を JSON で表示" : "print the header names (aliases) recognised for each field as JSON").conflicts("printDefault"))
    .addOption(langOption(ja))
    .action((o: { printAliases?: boolean }) => void (result.code = layoutCommand(o, io)));
  inputOptions(program.command("chars <inputs...>"), ja)
    .description(ja ? "●になる文字の一覧（文字・件数・バイト列・代替字）" : "list the characters that become ● (count, bytes, substitute)")
    .action(async (inputs: string[], o: Record<string, unknown>) => void (result.code = await charsCommand(inputs, o, io, lang, VERSION)));
  outputOptions(program.command("merge <reports...>"), ja)
    .addOption(langOption(ja))
    .description(ja ? "事業所ごとの JSON レポート（伏せ字でも可）を 1 つにまとめる" : "merge offices' JSON reports (redacted or not) into one")
    .action((reports: string[], o: Record<string, unknown>) => void (result.code = mergeCommand(reports, o, io, lang, VERSION)));
  program.command("generate").description(ja ? "架空の人物だけの CP932 登録ファイル（ベンチマーク・ベンダーの CI 用）" : "a synthetic CP932 export of invented people (benchmarks, vendors' CI)")
    .requiredOption("--records <n>", ja ? "記録数" : "number of records")
    .option("--seed <s>", ja ? "乱数の種（既定 1）" : "seed (default 1)", "1")
    .option("--out <file>", ja ? "出力ファイル" : "output file")
    .option("--reference <file>", ja ? "対応する住基抽出も書く" : "also write the matching reference extract")
    .option("--labels <file>", ja ? "各記録に仕込んだ指摘のラベル（JSON Lines）" : "labels of what each record was built to trigger (JSON lines)")
    .addOption(langOption(ja))
    .action(async (o: Record<string, unknown>) => void (result.code = await generateCommand(o, io, lang)));
  // Our own `help` rather than commander's, which takes no options: `help --lang en codes` prints on stdout too.
  program.command("help [command]").description(ja ? "コマンドの使い方を表示" : "show a command's help")
    .addOption(langOption(ja))
    .action((name: string | undefined) => void (result.code = helpCommand(program, name)));
  for (const cmd of program.commands) {
    cmd.exitOverride().configureHelp(helpConfiguration(lang)).configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} });
  }
  return program;
}

/** `help [command]`: the help of the command named, or of oqs-check itself; an unknown name is commander's unknownCommand. */
function helpCommand(program: Command, name: string | undefined): number {
  const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
  if (!target) program.error(`error: unknown command '${name}'`, { code: "commander.unknownCommand", exitCode: 2 });
  target.outputHelp();
  return 0;
}

/** Runs the CLI with `argv` (process.argv style) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv.slice(2), io.env);
  const result = { code: 0 };
  try {
    await buildProgram(io, lang, result).parseAsync(argv as string[]);
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
    io.stderr(`oqs-check: ${lang === "ja" ? "予期しないエラー" : "unexpected error"}: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}
