// Synthetic rows for the basic-4 check tests: one valid record (invented person, valid check digits) to vary.
import type { Row } from "./run-checks.js";

/** Deterministic PRNG (mulberry32) for seeded generators in tests: the one --sample uses. */
export { mulberry32 } from "../../src/engine/sampler.js";

/**
 * A valid record. 12130001 is a SPEC §3.5 example; 1234566 and 123456789018 have check digits worked out by
 * hand from the §3.5 rules (1234566: 6·2→1+2, 5, 4·2, 3, 2·2, 1 → 24 → 6; 123456789018: SPEC's own example).
 */
export const VALID_ROW: Row = {
  insurerNumber: "12130001",
  recipientNumber: "1234566",
  branch: "01",
  individualNumber: "123456789018",
  name: "試験　花子",
  nameKana: "シケン　ハナコ",
  birthDate: "19800515",
  sex: "2",
  address: "東京都千代田区霞が関一丁目2番2号",
  postalCode: "1000013",
  qualifiedOn: "20200401",
  disqualifiedOn: "",
};

export function row(over: Row = {}): Row {
  return { ...VALID_ROW, ...over };
}

/** 個人番号 check digit by the left-to-right weights 6,5,4,3,2,7,6,5,4,3,2 (the §3.5 rule restated, for tests). */
export function refIndividualCheck(body11: string): number {
  const w = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const r = [...body11].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** A valid 個人番号 from an 11-digit body, for test data. */
export function individualNumber(body11: string): string {
  return `${body11}${refIndividualCheck(body11)}`;
}

/** The parts of a finding the check tests assert on (not wording). */
export function brief(findings: readonly { code: string; messageId: string; record: number; field?: string }[]) {
  return findings.map((f) => ({ code: f.code, messageId: f.messageId, record: f.record, field: f.field }));
}
