// Runs the CLI in-process with captured output, and writes temporary input files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { run } from "../../src/cli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const out: Buffer[] = [];
  let stderr = "";
  const code = await run(["node", "oqs-check", ...args], {
    stdout: (s) => out.push(typeof s === "string" ? Buffer.from(s) : Buffer.from(s)),
    stderr: (s) => (stderr += s),
    isTTY: false,
    env,
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString("utf8"), stderr, stdoutBytes };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "oqs-test-"));
}

/** Writes `text` encoded as CP932 (iconv-lite) to a temp file; `raw` byte arrays may be spliced in with \u0000 markers. */
export function writeCp932(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, iconv.encode(text, "cp932"));
  return p;
}

export function writeBytes(dir: string, name: string, ...parts: (string | number[] | Uint8Array)[]): string {
  const p = join(dir, name);
  writeFileSync(p, Buffer.concat(parts.map((x) => (typeof x === "string" ? iconv.encode(x, "cp932") : Buffer.from(x)))));
  return p;
}

export const HEADER = "保険者番号,受給者番号,個人番号,氏名,氏名カナ,生年月日,性別,住所,資格取得年月日";

/** A clean synthetic record (valid check digits), varied by `i`. */
export function cleanRow(i: number): string {
  return `12130001,1234566,,山田　太郎,ヤマダ　タロウ,19800101,1,東京都千代田区千代田1-${i},20240401`;
}
