// B04: one 個人番号 on records of different people, or one 受給者番号 + 枝番 carrying two 個人番号 (across every file).
import { trimSpaces } from "../jp/blank.js";
import { isValidIndividualNumber, individualNumberCheckDigit } from "../jp/check-digits.js";
import { parseDate, ymdToDays } from "../jp/dates.js";
import { lenientFingerprint32 } from "../jp/lenient.js";
import {
  BIRTH_EPOCH_DAYS, DIFFER, GroupView, IDENTITY_INDEX_BYTES_PER_RECORD, IdentityIndex, OPEN_ENDED, PERIOD_EPOCH_DAYS,
  hash53Joined, packRecipient, toUint16Days, type IdentityIndexState,
} from "../index/identity-index.js";
import type { FieldName, DataRecord } from "../types.js";
import { FIELD_LABELS } from "../layout/aliases.js";
import { defineCheck, type CheckContext } from "./define.js";

/** Bytes the B04 index keeps per record with a valid 個人番号 (reported by the benchmark). */
export const B04_INDEX_BYTES_PER_RECORD = IDENTITY_INDEX_BYTES_PER_RECORD;

/** At most this many related records are listed per finding; `relatedCount` has the full number. */
export const B04_MAX_RELATED = 20;

export default defineCheck({
  meta: {
    code: "B04",
    fields: ["individualNumber"],
    messages: {
      differentPeople: {
        ja: "同じ個人番号が別人と思われる記録（{count}件）にも登録されています（異なる項目: {differs}）",
        en: "The same individual number is on {count} other record(s) that look like a different person (differing: {differs})",
      },
      twoNumbers: {
        ja: "同じ受給者番号・枝番に別の個人番号が登録された記録が{count}件あります",
        en: "{count} other record(s) with the same recipient number and branch carry a different individual number",
      },
    },
  },
  create(ctx) {
    let index = new IdentityIndex();
    const formats = ctx.options.dateFormats;
    return {
      record(rec) {
        const number = trimSpaces(rec.fields.individualNumber ?? "");
        if (!isValidIndividualNumber(number)) return;
        index.add(entryOf(rec, number, formats));
      },
      exportState() {
        const state = index.exportState();
        index = new IdentityIndex();
        return state;
      },
      importState(state, shift) {
        index.importState(state as IdentityIndexState, shift);
      },
      end() {
        reportDifferentPeople(ctx, index);
        reportTwoNumbers(ctx, index);
      },
    };
  },
});


function entryOf(rec: DataRecord, number: string, formats: readonly string[]) {
  const f = rec.fields;
  const recipient = trimSpaces(f.recipientNumber ?? "");
  const birth = parseDate(f.birthDate ?? "", formats);
  const sex = trimSpaces(f.sex ?? "");
  const from = dayOf(f.qualifiedOn, formats);
  const disq = trimSpaces(f.disqualifiedOn ?? "");
  const to = disq === "" ? OPEN_ENDED : dayOf(disq, formats);
  const periodKnown = from !== 0 && to !== 0 && from <= to;
  return {
    fileIndex: rec.fileIndex,
    record: rec.record,
    line: rec.line,
    body: Number(number.slice(0, 11)),
    recipientKey: recipient === "" ? 0 : hash53Joined(trimSpaces(f.insurerNumber ?? ""), recipient, trimSpaces(f.branch ?? "")),
    recipient: packRecipient(recipient),
    birth: birth.ok ? toUint16Days(ymdToDays(birth.ymd), BIRTH_EPOCH_DAYS) : 0,
    sex: sex === "1" ? 1 : sex === "2" ? 2 : 0,
    name: foldedFingerprint16(f.name),
    kana: foldedFingerprint16(f.nameKana),
    address: foldedAddressFingerprint(f.address),
    from: periodKnown ? from : 0,
    to: periodKnown ? to : 0,
  };
}

/** 16-bit fingerprint of the folded value (as fingerprint16 of it); 0 when empty. */
function foldedFingerprint16(v: string | undefined): number {
  if (v === undefined) return 0;
  const h = lenientFingerprint32(v);
  return h === 0 ? 0 : ((h >>> 16) ^ (h & 0xffff)) || 1;
}

function foldedAddressFingerprint(v: string | undefined): number {
  return v === undefined ? 0 : lenientFingerprint32(v, ADDRESS);
}

const ADDRESS = { address: true } as const;

function dayOf(v: string | undefined, formats: readonly string[]): number {
  const p = parseDate(v ?? "", formats);
  return p.ok ? toUint16Days(ymdToDays(p.ymd), PERIOD_EPOCH_DAYS) : 0;
}

/** Groups larger than this are not compared pairwise (a placeholder 個人番号 shared by thousands of records). */
export const B04_PAIRWISE_LIMIT = 256;

const DIFFER_FIELDS: [FieldName, number][] = Object.entries(DIFFER) as [FieldName, number][];

function fieldsOf(mask: number): FieldName[] {
  return DIFFER_FIELDS.filter(([, bit]) => mask & bit).map(([f]) => f);
}

function reportDifferentPeople(ctx: CheckContext, index: IdentityIndex): void {
  for (const group of index.groupsBy("body")) {
    const view = index.gather(group);
    const k = group.length;
    const pairwise = k <= B04_PAIRWISE_LIMIT;
    const conflicts = pairwise ? undefined : GroupView.fieldConflicts(view);
    for (let a = 0; a < k; a++) {
      let mask = 0;
      let count = 0;
      const related: number[] = [];
      if (pairwise) {
        for (let b = 0; b < k; b++) {
          if (b === a) continue;
          const m = view.differences(a, b);
          if (m === 0) continue;
          mask |= m;
          count++;
          if (related.length < B04_MAX_RELATED) related.push(group[b]);
        }
      } else {
        mask = conflicts![a];
        count = k - 1;
        for (let b = 0; b < k && related.length < B04_MAX_RELATED; b++) if (b !== a) related.push(group[b]);
      }
      if (mask === 0) continue;
      const fields = fieldsOf(mask);
      report(ctx, index, group[a], related, count, "differentPeople", {
        count,
        differs: fields.map((f) => FIELD_LABELS[f][ctx.options.lang]).join("・"),
      }, { conflict: "individualNumber", differs: fields, ...(pairwise ? {} : { sharedBy: k }) });
    }
  }
}

function reportTwoNumbers(ctx: CheckContext, index: IdentityIndex): void {
  for (const group of index.groupsBy("recipientKey")) {
    // Per 個人番号 in the group: how many records carry it, and the first few of them.
    const byBody = new Map<number, { count: number; first: number[] }>();
    for (const i of group) {
      const body = index.body(i);
      const e = byBody.get(body) ?? { count: 0, first: [] };
      e.count++;
      if (e.first.length < B04_MAX_RELATED) e.first.push(i);
      byBody.set(body, e);
    }
    if (byBody.size < 2) continue;
    for (const i of group) {
      const own = index.body(i);
      const related: number[] = [];
      for (const [body, e] of byBody) {
        if (body === own) continue;
        for (const j of e.first) if (related.length < B04_MAX_RELATED) related.push(j);
        if (related.length >= B04_MAX_RELATED) break;
      }
      const count = group.length - byBody.get(own)!.count;
      report(ctx, index, i, related, count, "twoNumbers", { count }, { conflict: "recipientNumber" });
    }
  }
}

function report(
  ctx: CheckContext, index: IdentityIndex, i: number, related: number[], relatedCount: number, messageId: string,
  data: Record<string, string | number>, extra: Record<string, unknown>,
): void {
  const body = String(index.body(i)).padStart(11, "0");
  ctx.report({
    messageId,
    at: index.position(i),
    field: "individualNumber",
    value: `${body}${individualNumberCheckDigit(body)}`,
    data,
    extra: {
      ...extra,
      related: related.map((j) => ctx.ref(index.position(j))),
      relatedCount,
    },
  });
}
