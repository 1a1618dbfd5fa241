// --baseline REPORT.json: findings already in an earlier report do not count toward the exit code.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fatal } from "../i18n/fatal.js";
import type { Finding, Report } from "../types.js";

/** A finding's identity across runs: file name, code, record, field and message id. */
export function baselineKey(path: string, f: Pick<Finding, "code" | "record" | "field" | "messageId">): string {
  return [basename(path), f.code, f.record, f.field ?? "", f.messageId].join("|");
}

export function loadBaseline(path: string): Set<string> {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")) as Report;
  } catch (e) {
    throw fatal("baseline", `ベースライン ${path} を読めません：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `cannot read baseline ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (report?.schemaVersion !== 1 || !Array.isArray(report.files)) {
    throw fatal("baseline", `ベースライン ${path} は oqs-check の JSON レポート（schemaVersion 1）ではありません`, `baseline ${path} is not an oqs-check JSON report (schemaVersion 1)`);
  }
  const keys = new Set<string>();
  for (const file of report.files) for (const f of file.findings ?? []) keys.add(baselineKey(file.path, f));
  return keys;
}

/** Marks findings found in the baseline with `inBaseline: true`; returns how many were marked. */
export function applyBaseline(report: Report, keys: Set<string>): number {
  let n = 0;
  for (const file of report.files) {
    for (const f of file.findings) {
      if (keys.has(baselineKey(file.path, f))) {
        f.inBaseline = true;
        n++;
      }
    }
  }
  return n;
}
