// The exit code contract: 0 clean, 1 error findings (or too many warnings), 2 the tool could not do its job.
import type { Report, Severity } from "./types.js";

export interface ExitInputs {
  report: Report;
  /** Effective severity of a code in this run (code table + --rules). */
  severity: (code: string) => Severity;
  crashes: number;
  /** Other failures (a report file that could not be written …). */
  failures: number;
  maxWarnings?: number;
}

export function exitCode({ report, severity, crashes, failures, maxWarnings }: ExitInputs): 0 | 1 | 2 {
  if (crashes > 0 || failures > 0 || report.files.some((f) => f.error)) return 2;
  let errors = 0;
  let warnings = 0;
  for (const file of report.files) {
    const inBaseline = new Map<string, number>();
    for (const f of file.findings) if (f.inBaseline) inBaseline.set(f.code, (inBaseline.get(f.code) ?? 0) + 1);
    for (const [code, count] of Object.entries(file.counts)) {
      const n = count - (inBaseline.get(code) ?? 0);
      if (severity(code) === "warning") warnings += n;
      else errors += n;
    }
  }
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
