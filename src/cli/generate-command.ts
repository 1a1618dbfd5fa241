// oqs-check generate: a synthetic CP932 export (and reference, labels) for benchmarks and vendors' CI.
import { formatSummary, generate } from "../generate/command.js";
import { fatal } from "../i18n/fatal.js";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";
import { intOption, type Opts } from "./options.js";

export async function generateCommand(o: Opts, io: Io, lang: Lang): Promise<number> {
  if (o.out === undefined) throw fatal("option", "--out で出力ファイルを指定してください", "give the output file with --out");
  const summary = await generate({
    records: intOption("--records", o.records ?? "", 1),
    seed: intOption("--seed", o.seed ?? "1"),
    out: o.out as string,
    reference: o.reference as string | undefined,
    labels: o.labels as string | undefined,
  });
  io.stderr(formatSummary(summary, lang));
  return 0;
}
