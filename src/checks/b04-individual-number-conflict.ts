// B04: one 個人番号 on records of different people, or one 受給者番号 + 枝番 carrying two 個人番号 (across every file).
import { trimSpaces } from "../jp/blank.js";
import { individualNumberCheckDigit } from "../jp/check-digits.js";
import { parseDate, ymdToDays } from "../jp/dates.js";
import { lenientFingerprint32 } from "../jp/lenient.js";
import {
  BIRTH_EPOCH_DAYS, DEFERRED_INDEX_BYTES_PER_RECORD, DIFFER, GroupView, IDENTITY_INDEX_BYTES_PER_RECORD, IdentityIndex,
  OPEN_ENDED, PERIOD_EPOCH_DAYS, hash53Joined, packRecipient, toUint16Days, type IdentityEntry, type IdentityIndexState,
} from "../index/identity-index.js";
import type { FieldName } from "../types.js";
import { FIELD_LABELS } from "../layout/aliases.js";
import { defineCheck, type CheckContext } from "./define.js";

/** Bytes the B04 index keeps per record with a valid 個人番号 (reported by the benchmark). */
export const B04_INDEX_BYTES_PER_RECORD = IDENTITY_INDEX_BYTES_PER_RECORD;
/** The same for a record of a file that can be read again (standard input and XML cannot). */
export const B04_DEFERRED_BYTES_PER_RECORD = DEFERRED_INDEX_BYTES_PER_RECORD;

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
    /** By file index: can its records be read again (then only those sharing a 個人番号 are folded, at the end)? */
    const rereadable: boolean[] = [];
    return {
      record(rec) {
        const body = individualNumberBody(rec.fields.individualNumber);
        if (body < 0) return;
        const later = rec.raw !== undefined && rec.offset < MAX_DEFERRED_OFFSET
          && (rereadable[rec.fileIndex] ??= ctx.rereader(rec.fileIndex) !== undefined);
        if (later) index.addDeferred(keysOf(rec.fields, body, rec, ENTRY));
        else index.add(identityOf(rec.fields, formats, keysOf(rec.fields, body, rec, ENTRY)));
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
        // The records of both kinds of group are marked and read again first; the groups themselves are built one
        // kind at a time, to report (every number twice: a million small arrays per kind, never both at once).
        const wanted = new Uint8Array(index.size);
        const numberHashes = index.sharedHashes("body");
        const recipientHashes = index.sharedHashes("recipientKey");
        index.markShared("body", wanted, numberHashes);
        index.markShared("recipientKey", wanted, recipientHashes);
        fillDeferred(ctx, index, wanted, formats);
        reportDifferentPeople(ctx, index, index.groupsBy("body", numberHashes));
        reportTwoNumbers(ctx, index, index.splitByRecipientKey(index.groupsBy("recipientKey", recipientHashes)));
        index = new IdentityIndex(); // its columns are not needed for the report: released before it is written
      },
    };
  },
});


/** The 11-digit body of a valid 個人番号 (white space at the ends ignored) as a number; -1 when invalid or empty. */
function individualNumberBody(value: string | undefined): number {
  if (value === undefined) return -1;
  // (12 characters with white space at an end would trim to fewer: invalid either way)
  const number = value.length === 12 ? value : trimSpaces(value);
  if (number.length !== 12) return -1;
  // isValidIndividualNumber, with the digit test folded into reading the body
  let body = 0;
  for (let i = 0; i < 11; i++) {
    const d = number.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    body = body * 10 + d;
  }
  return individualNumberCheckDigit(number) === number.charCodeAt(11) - 48 ? body : -1;
}

/** The index keeps 40-bit offsets: records further into a file (past 1 TiB) are folded as read. */
const MAX_DEFERRED_OFFSET = 2 ** 40;

/** add() copies an entry's values into its columns, so one object serves every record. */
const ENTRY: IdentityEntry = {
  fileIndex: 0, record: 0, line: 0, body: 0, recipientKey: 0, recipient: 0, birth: 0, sex: 0, name: 0, kana: 0, address: 0,
  from: 0, to: 0, offset: 0,
};

type Fields = Partial<Record<FieldName, string>>;

/** Fills `e` with the keys and position the index keeps of every record. */
function keysOf(f: Fields, body: number, at: { fileIndex: number; record: number; line: number; offset: number }, e: IdentityEntry): IdentityEntry {
  const recipient = trimmed(f.recipientNumber);
  e.fileIndex = at.fileIndex;
  e.record = at.record;
  e.line = at.line;
  e.offset = at.offset;
  e.body = body;
  e.recipientKey = recipient === "" ? 0 : hash53Joined(trimmed(f.insurerNumber), recipient, trimmed(f.branch));
  e.recipient = packRecipient(recipient);
  return e;
}

/** Fills `e` with the record's identity: birth, sex, fingerprints of the folded names and address, period. */
function identityOf(f: Fields, formats: readonly string[], e: IdentityEntry): IdentityEntry {
  const birth = parseDate(f.birthDate ?? "", formats);
  const from = dayOf(f.qualifiedOn, formats);
  const disq = trimmed(f.disqualifiedOn);
  const to = disq === "" ? OPEN_ENDED : dayOf(disq, formats);
  const periodKnown = from !== 0 && to !== 0 && from <= to;
  e.birth = birth.ok ? toUint16Days(ymdToDays(birth.ymd), BIRTH_EPOCH_DAYS) : 0;
  e.sex = sexCode(f.sex);
  e.name = foldedFingerprint16(f.name);
  e.kana = foldedFingerprint16(f.nameKana);
  e.address = foldedAddressFingerprint(f.address);
  e.from = periodKnown ? from : 0;
  e.to = periodKnown ? to : 0;
  return e;
}

/** The value without white space at its ends; "" when missing. */
function trimmed(v: string | undefined): string {
  return v === undefined ? "" : trimSpaces(v);
}

/** 1 or 2 for 性別 "1" / "2" (white space at the ends ignored), otherwise 0. */
function sexCode(v: string | undefined): number {
  const s = v === undefined || v.length === 1 ? v : trimSpaces(v);
  return s === "1" ? 1 : s === "2" ? 2 : 0;
}

/** 16-bit fingerprint of the folded value (the two halves of its 32-bit FNV-1a, xored; never 0 unless empty). */
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

/**
 * Reads again the deferred entries marked in `wanted` (by file, in file order) and gives the index their recipient
 * and identity. A record that no longer holds its 個人番号 and 受給者番号 key means the file changed during the run:
 * the check stops (exit 2).
 */
function fillDeferred(ctx: CheckContext, index: IdentityIndex, wanted: Uint8Array, formats: readonly string[]): void {
  const members = deferredMembers(index, wanted);
  for (let a = 0; a < members.length; ) {
    const fileIndex = index.fileIndexOf(members[a]);
    let b = a + 1;
    while (b < members.length && index.fileIndexOf(members[b]) === fileIndex) b++;
    const part = members.subarray(a, b);
    const rereader = ctx.rereader(fileIndex)!;
    rereader.fieldsAt(Array.from(part, (i) => index.offset(i)), (k, fields) => {
      const i = part[k];
      const body = individualNumberBody(fields.individualNumber);
      const keys = keysOf(fields, body, { fileIndex, record: 0, line: 0, offset: 0 }, ENTRY);
      const low = keys.recipientKey === 0 ? -1 : keys.recipientKey >>> 0;
      if (body !== index.body(i) || low !== index.recipientKeyLow(i)) throw fileChanged(ctx, rereader.path, index.position(i).record);
      index.setRecipient(i, keys);
      index.setIdentity(i, identityOf(fields, formats, keys));
    });
    a = b;
  }
}

/** The marked entries that are deferred, in index (file) order. */
function deferredMembers(index: IdentityIndex, wanted: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < wanted.length; i++) if (wanted[i] === 1 && index.isDeferred(i)) n++;
  const members = new Uint32Array(n);
  for (let i = 0, k = 0; k < n; i++) if (wanted[i] === 1 && index.isDeferred(i)) members[k++] = i;
  return members;
}

function fileChanged(ctx: CheckContext, path: string, record: number): Error {
  return new Error(ctx.options.lang === "ja"
    ? `${path}: 検査中にファイルが変更されました（${record}件目の個人番号・受給者番号が読み直しで一致しません）。もう一度検査してください`
    : `${path}: the file changed during the check (record ${record} no longer holds the same individual and recipient numbers); check it again`);
}

function reportDifferentPeople(ctx: CheckContext, index: IdentityIndex, groups: readonly number[][]): void {
  for (const group of groups) {
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

function reportTwoNumbers(ctx: CheckContext, index: IdentityIndex, groups: readonly number[][]): void {
  for (const group of groups) {
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
