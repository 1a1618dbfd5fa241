// Every subcommand: --lang, Japanese commander messages and help, a closed pipe without a stack trace, one layout JSON document.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { commanderMessage } from "../src/cli/commander-ja.js";
import { guardStandardStreams } from "../src/cli/io.js";
import { CODES } from "../src/codes/table.js";
import { HEADER_ALIASES } from "../src/layout/aliases.js";
import { loadLayoutProfile } from "../src/layout/profile.js";
import { cli, tempDir } from "./helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "..");
const STACK = /\n\s+at |Error: /;
const oneLine = (s: string) => s.replace(/\s+/g, " ");

describe("--lang on every subcommand, before or after it", () => {
  it("codes --lang en prints the English titles; codes alone the Japanese ones", async () => {
    const line = (c: (typeof CODES)[number], lang: "ja" | "en") => `${c.code}\t${c.name}\t${c.severity}\t${c.suspension}\t${c.title[lang]}`;
    for (const args of [["codes", "--lang", "en"], ["codes", "--lang=en"], ["--lang", "en", "codes"], ["--lang", "ja", "codes", "--lang", "en"]]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout.split("\n").filter(Boolean), args.join(" ")).toEqual(CODES.map((c) => line(c, "en")));
    }
    const ja = await cli(["codes"]);
    expect(ja.stdout.split("\n").filter(Boolean)).toEqual(CODES.map((c) => line(c, "ja")));
  });

  it("explain Z09 --lang en puts the English title on the doc's first line; the bilingual body is unchanged", async () => {
    const doc = readFileSync(join(ROOT, "src", "codes", "Z09.md"), "utf8");
    const en = await cli(["explain", "Z09", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe("");
    const [title, ...body] = en.stdout.split("\n");
    expect(title).toBe("# Z09 address-municipality — Address lacks prefecture or municipality (server error Z09)");
    expect(body.join("\n")).toBe(doc.split("\n").slice(1).join("\n"));
    expect((await cli(["explain", "Z09"])).stdout).toBe(doc);
    const unknown = await cli(["explain", "Q99", "--lang", "en"]);
    expect(unknown).toMatchObject({ code: 2, stderr: 'oqs-check: unknown code "Q99" (oqs-check codes lists them)\n' });
  });

  it("layout, chars, merge, generate and help speak English with --lang en after the subcommand", async () => {
    const dir = tempDir();
    expect(JSON.parse((await cli(["layout", "--lang", "en"])).stdout)).toEqual(JSON.parse((await cli(["layout"])).stdout));
    const chars = await cli(["chars", "samples/defects.csv", "--lang", "en"]);
    expect(chars.stdout.split("\n")[0]).toBe("Characters that become ● (outside JIS X 0208, and ●)");
    const report = join(dir, "r.json");
    expect((await cli(["--report", `json=${report}`, "samples/defects.csv"])).code).toBe(1);
    const merged = await cli(["merge", report, "--lang", "en"]);
    expect(merged.stdout.trim().split("\n").at(-1)).toBe("Total: 1 files, 34 records, 34 findings in 29 records");
    const generated = await cli(["generate", "--records", "2", "--out", join(dir, "g.csv"), "--lang", "en"]);
    expect(generated.code).toBe(0);
    expect(generated.stdout + generated.stderr).toContain("2 records");
    const noOut = await cli(["generate", "--records", "2", "--lang", "en"]);
    expect(noOut).toMatchObject({ code: 2, stderr: "oqs-check: give the output file with --out\n" });
    const help = await cli(["help", "codes", "--lang", "en"]);
    expect(help.code).toBe(0);
    expect(help.stdout.split("\n")[0]).toBe("Usage: oqs-check codes [options]");
  });

  it.each(["codes", "explain", "layout", "chars", "merge", "generate", "help"])("%s --help lists --lang", async (name) => {
    const r = await cli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}--lang <lang> +表示言語 ja\|en（選択肢："ja", "en"）$/m);
  });

  it("takes no --lang after `--`: there it is a file name", async () => {
    const r = await cli(["--", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("oqs-check: --lang: ファイルが見つかりません");
  });
});

describe("commander's messages in Japanese by default (English with --lang en)", () => {
  const cases: [string, string[], string, string][] = [
    ["unknown option", ["codes", "--bogus"], "不明なオプション --bogus（oqs-check --help で一覧を表示できます）", "unknown option '--bogus'"],
    ["unknown option with a suggestion", ["--lnag", "x.csv"], "不明なオプション --lnag（--lang のことですか？ oqs-check --help で一覧を表示できます）", "unknown option '--lnag' (Did you mean --lang?)"],
    ["missing option argument", ["generate", "--records"], "オプション --records <n> に値がありません", "option '--records <n>' argument missing"],
    ["missing mandatory option", ["generate"], "オプション --records <n> は必須です", "required option '--records <n>' not specified"],
    ["invalid choice", ["--delimiter", "semicolon", "samples/clean.csv"], "オプション --delimiter <d> の値「semicolon」は使えません（選べる値：comma, tab）", "option '--delimiter <d>' argument 'semicolon' is invalid. Allowed choices are comma, tab."],
    ["invalid choice on a subcommand", ["merge", "--rows", "all", "r.json"], "オプション --rows <kind> の値「all」は使えません（選べる値：findings, records）", "option '--rows <kind>' argument 'all' is invalid. Allowed choices are findings, records."],
    ["missing argument", ["explain"], "引数 code がありません", "missing required argument 'code'"],
    ["excess arguments", ["codes", "extra"], "引数が多すぎます（codes の引数は 0 個までですが、1 個あります）", "too many arguments for 'codes'. Expected 0 arguments but got 1."],
    ["unknown command after help", ["help", "frob"], "不明なコマンド frob（oqs-check help で一覧を表示できます）", "unknown command 'frob'"],
    ["conflicting options", ["layout", "--print-default", "--print-aliases"], "--print-aliases と --print-default は同時に指定できません", "option '--print-aliases' cannot be used with option '--print-default'"],
  ];
  it.each(cases)("%s: one Japanese line, exit 2; the same in English under --lang en", async (_label, args, ja, en) => {
    const r = await cli(args);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `oqs-check: ${ja}\n` });
    const e = await cli(args, { OQS_CHECK_LANG: "en" });
    expect(e).toMatchObject({ code: 2, stdout: "", stderr: `oqs-check: ${en}\n` });
  });

  it("an invalid --lang value is reported in Japanese", async () => {
    const r = await cli(["codes", "--lang", "fr"]);
    expect(r).toMatchObject({ code: 2, stderr: "oqs-check: オプション --lang <lang> の値「fr」は使えません（選べる値：ja, en）\n" });
  });

  it("translates commander's suggestion and an argument parser's own message", () => {
    const e = new CommanderError(1, "commander.unknownCommand", "error: unknown command 'cods'\n(Did you mean codes?)");
    expect(commanderMessage(e, "ja")).toBe("不明なコマンド cods（codes のことですか？ oqs-check help で一覧を表示できます）");
    expect(commanderMessage(e, "en")).toBe("unknown command 'cods' (Did you mean codes?)");
    const custom = new CommanderError(1, "commander.invalidArgument", "error: command-argument value 'x' is invalid for argument 'kind'. must be a number");
    expect(commanderMessage(custom, "ja")).toBe("引数 kind の値「x」が正しくありません：must be a number");
  });
});

describe("the help in Japanese by default", () => {
  const ENGLISH = ["Usage:", "Arguments:", "Options:", "Commands:", "(default:", "(choices:"];

  it("the main help has Japanese headings and notes", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("使い方: oqs-check [options] [command] [inputs...]");
    for (const heading of ["引数:", "オプション:", "コマンド:"]) expect(lines).toContain(heading);
    for (const english of ENGLISH) expect(r.stdout).not.toContain(english);
    expect(oneLine(r.stdout)).toContain("CSV レポートの文字コード utf-8（BOM 付き）|cp932（選択肢：\"utf-8\", \"cp932\"、既定：\"utf-8\"）");
    expect(oneLine(r.stdout)).toContain("標準出力の形式 terminal|json|csv|junit|html（既定：\"terminal\"）");
  });

  it.each([["codes"], ["explain", "<code>"], ["layout"], ["chars", "<inputs...>"], ["merge", "<reports...>"], ["generate"], ["help", "[command]"]])(
    "%s: `X --help` and `help X` are Japanese, English under --lang en", async (name, args = "") => {
      const usage = `oqs-check ${name} [options]${args ? ` ${args}` : ""}`;
      for (const argv of [[name, "--help"], ["help", name]]) {
        const ja = await cli(argv);
        expect(ja.code).toBe(0);
        expect(ja.stdout.split("\n")[0]).toBe(`使い方: ${usage}`);
        expect(ja.stdout.split("\n")).toContain("オプション:");
        for (const english of ENGLISH) expect(ja.stdout).not.toContain(english);
        const en = await cli([...argv, "--lang", "en"]);
        expect(en.stdout.split("\n")[0]).toBe(`Usage: ${usage}`);
        expect(en.stdout).toContain('(choices: "ja", "en")');
        expect(en.stdout).not.toContain("オプション:");
      }
    });

  it("help with no command shows the main help on stdout, English with --lang en right after help", async () => {
    expect((await cli(["help"])).stdout.split("\n")[0]).toBe("使い方: oqs-check [options] [command] [inputs...]");
    const en = await cli(["help", "--lang", "en"]);
    expect(en).toMatchObject({ code: 0, stderr: "" });
    expect(en.stdout.split("\n")[0]).toBe("Usage: oqs-check [options] [command] [inputs...]");
    expect(oneLine(en.stdout)).toContain('(choices: "findings", "records", default: "findings")');
    expect(en.stdout).toContain("  help [options] [command]");
    const before = await cli(["help", "--lang", "en", "codes"]);
    expect(before).toMatchObject({ code: 0, stderr: "" });
    expect(before.stdout.split("\n")[0]).toBe("Usage: oqs-check codes [options]");
  });
});

describe("layout --print-default", () => {
  it("prints exactly one layout JSON document, which --layout loads and which checks the sample as the default does", async () => {
    const r = await cli(["layout", "--print-default"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const profile = JSON.parse(r.stdout);
    expect(profile.fields.birthDate).toBe("生年月日");
    expect((await cli(["layout"])).stdout).toBe(r.stdout);
    const path = join(tempDir(), "default-layout.json");
    writeFileSync(path, r.stdout);
    const loaded = loadLayoutProfile(path);
    expect(loaded.fields).toEqual(Object.fromEntries(Object.entries(HEADER_ALIASES).map(([f, a]) => [f, a[0]])));
    expect(loaded.header).toBe(true);
    expect(JSON.parse((await cli(["--format", "json", "--layout", path, "samples/defects.csv"])).stdout).files[0].findings.length).toBeGreaterThan(20);
    for (const format of ["json", "terminal"]) {
      const without = await cli(["--format", format, "samples/defects.csv"]);
      const withLayout = await cli(["--format", format, "--layout", path, "samples/defects.csv"]);
      expect(without.code).toBe(1);
      expect(withLayout.code).toBe(without.code);
      expect(withLayout.stdout).toBe(without.stdout);
    }
  });

  it("layout --print-aliases prints the header aliases as one JSON document", async () => {
    const r = await cli(["layout", "--print-aliases"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({ aliases: HEADER_ALIASES });
  });
});

describe("a closed standard output (| head -1)", () => {
  /** Runs bin/oqs-check.js with its standard output closed before it writes anything: every write fails with EPIPE. */
  function runWithClosedStdout(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
    expect(existsSync(join(ROOT, "dist", "cli.js")), "dist/cli.js is missing: run `tsc -p tsconfig.json` first (npm test does)").toBe(true);
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, "bin", "oqs-check.js"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, OQS_CHECK_LANG: "", CI: "" } });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      child.on("error", fail);
      child.on("close", (code, signal) => done({ code, signal, stderr }));
    });
  }

  const infoCommands = [["codes"], ["explain", "Z09"], ["layout", "--print-default"], ["--help"], ["--version"], ["help", "codes"]];
  it.each(infoCommands.map((args) => [args.join(" "), args] as const))(
    "%s ends quietly with exit 0", async (_label, args) => {
      const r = await runWithClosedStdout([...args]);
      expect(r.stderr).not.toMatch(STACK);
      expect(r).toEqual({ code: 0, signal: null, stderr: "" });
    });

  it("the check keeps its own exit code: 1 on the defects sample, 0 on the clean one", async () => {
    expect(await runWithClosedStdout(["samples/defects.csv"])).toEqual({ code: 1, signal: null, stderr: "" });
    expect(await runWithClosedStdout(["--format", "json", "samples/clean.csv"])).toEqual({ code: 0, signal: null, stderr: "" });
  });

  it("guardStandardStreams: EPIPE is silent; another write error is one line and marks the run failed", () => {
    for (const [lang, message] of [["ja", "oqs-check: 標準出力に書けません（EIO）\n"], ["en", "oqs-check: cannot write to standard output (EIO)\n"]] as const) {
      const out = new PassThrough();
      const err = new PassThrough();
      const guard = guardStandardStreams(lang, out, err);
      out.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      expect(guard.failed).toBe(false);
      expect(err.read()).toBeNull();
      out.emit("error", Object.assign(new Error("write EIO"), { code: "EIO" }));
      out.emit("error", Object.assign(new Error("write EIO"), { code: "EIO" }));
      expect(guard.failed).toBe(true);
      expect(String(err.read())).toBe(message);
      expect(() => err.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).not.toThrow();
    }
  });
});
