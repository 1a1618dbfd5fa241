// oqs-check chars: every character of the inputs that becomes ● (G01–G04), once, with count, bytes and substitute.
import { CHECKS } from "../checks/index.js";
import { runCheck } from "../engine/run.js";
import { aggregateChars, formatCharsTable } from "../report/chars.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";
import { expandInputs, prepareRun, type Opts } from "./options.js";

const CHAR_CODES = new Set(["G01", "G02", "G03", "G04"]);

export async function charsCommand(inputs: string[], o: Opts, io: Io, lang: Lang, version: string): Promise<number> {
  const prepared = await prepareRun({ ...o, redact: false }, lang, io.env, version, CHECKS.filter((c) => CHAR_CODES.has(c.meta.code)));
  const { report } = await runCheck(expandInputs(inputs), { ...prepared.run, maxFindings: Infinity });
  for (const f of report.files) if (f.error) io.stderr(`oqs-check: ${f.error.message}\n`);
  io.stdout(formatCharsTable(aggregateChars(report.files.flatMap((f) => f.findings)), lang));
  return report.files.some((f) => f.error) ? 2 : 0;
}
