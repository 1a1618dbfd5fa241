// oqs-check chars: every character of the inputs that becomes ● (G01–G04), once, with count, bytes and substitute.
import { CHECKS } from "../checks/index.js";
import { runCheck } from "../engine/run.js";
import { aggregateChars, formatCharsTable } from "../report/chars.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";
import { expandInputs } from "./inputs.js";
import { prepareRun, type Opts } from "./options.js";

const CHAR_CODES = new Set(["G01", "G02", "G03", "G04"]);

export async function charsCommand(inputs: string[], o: Opts, io: Io, lang: Lang, version: string): Promise<number> {
  const prepared = await prepareRun({ ...o, redact: false }, lang, io.env, version, CHECKS.filter((c) => CHAR_CODES.has(c.meta.code)));
  const list = expandInputs(inputs);
  const { report } = await runCheck(list.paths, { ...prepared.run, maxFindings: Infinity });
  const errors = [...report.files.flatMap((f) => (f.error ? [f.error.message] : [])), ...list.unlisted.map((u) => u.error.messageIn(lang))];
  for (const message of errors) io.stderr(`oqs-check: ${message}\n`);
  io.stdout(formatCharsTable(aggregateChars(report.files.flatMap((f) => f.findings)), lang));
  return errors.length > 0 || report.files.length === 0 ? 2 : 0;
}
