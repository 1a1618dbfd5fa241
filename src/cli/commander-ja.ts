// Commander's own texts in the user's language: the help's headings and (default/choices) notes, and its error messages.
import type { Argument, CommanderError, HelpConfiguration, Option } from "commander";
import type { Lang } from "../types.js";

/** commander's fixed help headings (passed to styleTitle) and their Japanese. */
const HEADINGS_JA: Record<string, string> = {
  "Usage:": "使い方:",
  "Arguments:": "引数:",
  "Options:": "オプション:",
  "Global Options:": "共通オプション:",
  "Commands:": "コマンド:",
};

/** The help configuration for `lang`: Japanese headings and notes under ja, commander's English untouched under en. */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  if (lang === "en") return {};
  return {
    styleTitle: (title: string) => HEADINGS_JA[title] ?? title,
    optionDescription: (option: Option) => withNotes(option.description, optionNotes(option)),
    argumentDescription: (argument: Argument) => withNotes(argument.description, argumentNotes(argument)),
  };
}

const shown = (v: unknown) => JSON.stringify(v);

/**
 * The notes commander adds after an option's description (same rules as commander's Help.optionDescription), with a
 * full-width colon: no space inside a note, so the help's wrapping never splits 既定 from its value.
 */
function optionNotes(option: Option): string[] {
  const notes: string[] = [];
  if (option.argChoices) notes.push(`選択肢：${option.argChoices.map(shown).join(", ")}`);
  const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
  if (option.defaultValue !== undefined && showDefault) notes.push(`既定：${option.defaultValueDescription || shown(option.defaultValue)}`);
  if (option.presetArg !== undefined && option.optional) notes.push(`値の省略時：${shown(option.presetArg)}`);
  if (option.envVar !== undefined) notes.push(`環境変数：${option.envVar}`);
  return notes;
}

function argumentNotes(argument: Argument): string[] {
  const notes: string[] = [];
  if (argument.argChoices) notes.push(`選択肢：${argument.argChoices.map(shown).join(", ")}`);
  if (argument.defaultValue !== undefined) notes.push(`既定：${argument.defaultValueDescription || shown(argument.defaultValue)}`);
  return notes;
}

function withNotes(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const joined = `（${notes.join("、")}）`;
  return `${description}${joined}`; // no space before a full-width parenthesis
}

/** A CommanderError's message in `lang`, on one line (commander puts "Did you mean …?" on a second line). */
export function commanderMessage(e: CommanderError, lang: Lang): string {
  const raw = e.message.replace(/^error: /, "");
  const [text, hint] = splitSuggestion(raw);
  if (lang === "en") return hint ? `${text} (Did you mean ${hint}?)` : text;
  return japaneseMessage(e.code, text, hint);
}

/** "unknown option '--lnag'\n(Did you mean --lang?)" → ["unknown option '--lnag'", "--lang"]. */
function splitSuggestion(raw: string): [string, string | undefined] {
  const m = /\s*\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(raw);
  return m ? [raw.slice(0, m.index), m[1]] : [raw, undefined];
}

function japaneseMessage(code: string, text: string, hint: string | undefined): string {
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const first = quoted[0] ?? "";
  const didYouMean = hint ? `${hint} のことですか？ ` : "";
  switch (code) {
    case "commander.unknownOption": return `不明なオプション ${first}（${didYouMean}oqs-check --help で一覧を表示できます）`;
    case "commander.unknownCommand": return `不明なコマンド ${first}（${didYouMean}oqs-check help で一覧を表示できます）`;
    case "commander.optionMissingArgument": return `オプション ${first} に値がありません`;
    case "commander.missingMandatoryOptionValue": return `オプション ${first} は必須です`;
    case "commander.missingArgument": return `引数 ${first} がありません`;
    case "commander.invalidArgument": return invalidArgumentMessage(text, quoted);
    case "commander.excessArguments": return excessArgumentsMessage(text);
    case "commander.conflictingOption": return `${quoted[0] ?? ""} と ${quoted[1] ?? ""} は同時に指定できません`;
    default: return text;
  }
}

/**
 * "option '--delimiter <d>' argument 'foo' is invalid. Allowed choices are comma, tab." and
 * "command-argument value 'x' is invalid for argument 'kind'. …" in Japanese.
 */
function invalidArgumentMessage(text: string, quoted: string[]): string {
  const isOption = text.startsWith("option ");
  const [what, value] = isOption ? [`オプション ${quoted[0]}`, quoted[1]] : [`引数 ${quoted[1]}`, quoted[0]];
  const choices = /Allowed choices are (.+)\.$/.exec(text)?.[1];
  if (choices) return `${what} の値「${value}」は使えません（選べる値：${choices}）`;
  const detail = text.replace(/^.*? is invalid(?: for argument '[^']*')?\.\s*/, "");
  return `${what} の値「${value}」が正しくありません${detail ? `：${detail}` : ""}`;
}

/** "too many arguments for 'codes'. Expected 0 arguments but got 1." in Japanese. */
function excessArgumentsMessage(text: string): string {
  const m = /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./.exec(text);
  if (!m) return "引数が多すぎます";
  const [, command, expected, got] = m;
  return `引数が多すぎます（${command ? `${command} の` : ""}引数は ${expected} 個までですが、${got} 個あります）`;
}
