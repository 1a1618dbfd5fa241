// `oqs-check generate`: writes a synthetic CP932 export with the documented defect mix, optionally the matching
// reference extract and the labels file, streaming (memory does not grow with the number of records).
import { DEFECT_MIX, drawVariant, planDefects } from "./defect-mix.js";
import { applyDefect, needsOf } from "./defects.js";
import { LabelFile, type Label } from "./labels.js";
import { ymd } from "./people.js";
import { Prng, streamSeed } from "./prng.js";
import { HEADER, RecordFactory, type Draft } from "./records.js";
import { mirrorCells, mutateReference, planReference, referenceNeeds, REFERENCE_HEADER, REFERENCE_MUTATIONS, REFERENCE_ONLY_PER_100K } from "./reference.js";
import { ChunkedFile, writeRecord, type ByteSink, type Cell, type Piece } from "./writer.js";

export interface GenerateOptions {
  records: number;
  seed: number;
  out: string;
  reference?: string;
  labels?: string;
}

export interface GenerateSummary {
  records: number;
  seed: number;
  out: string;
  bytes: number;
  /** Records labelled with each code (a B04 pair counts as two records; B05 includes the B04 partners). */
  counts: Record<string, number>;
  /** Input defects by "code/variant". */
  variants: Record<string, number>;
  /** Records with at least one label. */
  labelled: number;
  reference?: {
    path: string;
    /** Records written to the reference extract (header excluded). */
    records: number;
    bytes: number;
    /** Mutations applied, by "code/mutation" (fallbacks under their own name). */
    mutations: Record<string, number>;
    /** Input records not in the reference: B08 "missing", no 個人番号 to join on, second record of a B04 pair. */
    omitted: { missing: number; noKey: number; b04Partner: number };
    /** Persons only in the reference. */
    referenceOnly: number;
  };
  labels?: string;
}

const KEY = /^\d{1,15}$/;
const QUOTE = Uint8Array.of(0x22);

function increment(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Writes the record's cells, with the S03 quoting the draft asks for. */
function writeInput(out: ByteSink, d: Draft): void {
  const cells: Cell[] = HEADER.slice(0, Math.min(d.columns, HEADER.length)).map((h) => d.cells[h.field]);
  if (d.columns > HEADER.length) cells.push("");
  const q = d.quoting;
  if (q) {
    const i = HEADER.findIndex((h) => h.field === q.field);
    const cell = cells[i];
    const pieces: Piece[] = typeof cell === "string" || cell instanceof Uint8Array ? [cell] : [...cell];
    cells[i] = q.kind === "unclosed" ? [QUOTE, ...pieces] : [QUOTE, ...pieces.slice(0, q.splitAt), QUOTE, ...pieces.slice(q.splitAt)];
  }
  writeRecord(out, cells);
}

function checkOptions(o: GenerateOptions): void {
  if (!Number.isSafeInteger(o.records) || o.records < 1) throw new Error(`generate: records must be a whole number ≥ 1 (got ${o.records})`);
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) throw new Error(`generate: seed must be a whole number ≥ 0 (got ${o.seed})`);
}

/** Positions (0-based) of the B04 records, paired in order: first ↔ second. */
function b04Partners(kinds: Uint8Array): Map<number, number> {
  const b04 = 1 + DEFECT_MIX.findIndex((k) => k.code === "B04");
  const at: number[] = [];
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === b04) at.push(i);
  const partner = new Map<number, number>();
  for (let i = 0; i + 1 < at.length; i += 2) {
    partner.set(at[i], at[i + 1]);
    partner.set(at[i + 1], at[i]);
  }
  return partner;
}

export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  checkOptions(opts);
  const n = opts.records;
  const seed32 = streamSeed(opts.seed, "factory");
  const rng = new Prng(streamSeed(opts.seed, "records"));
  const refRng = new Prng(streamSeed(opts.seed, "reference"));
  const factory = new RecordFactory(seed32);
  const plan = planDefects(n, new Prng(streamSeed(opts.seed, "plan")));
  const partners = b04Partners(plan.kinds);
  const refPlan = planReference(plan.kinds, new Prng(streamSeed(opts.seed, "reference-plan")));
  const referenceOnly = opts.reference ? new RecordFactory(seed32, factory) : undefined;

  const out = await ChunkedFile.create(opts.out);
  const ref = opts.reference ? await ChunkedFile.create(opts.reference) : undefined;
  const labels = opts.labels ? await LabelFile.create(opts.labels) : undefined;
  const summary: GenerateSummary = { records: n, seed: opts.seed, out: opts.out, bytes: 0, counts: {}, variants: {}, labelled: 0 };
  const refSummary = { records: 0, mutations: {} as Record<string, number>, omitted: { missing: 0, noKey: 0, b04Partner: 0 }, referenceOnly: 0 };
  /** 個人番号 and birth day of B04 first records, by their 0-based position. */
  const firsts = new Map<number, { number: string; birth: number }>();

  try {
    writeRecord(out, HEADER.map((h) => h.title));
    if (ref) writeRecord(ref, REFERENCE_HEADER);
    for (let i = 0; i < n; i++) {
      const record = i + 1;
      const k = plan.kinds[i];
      const kind = k > 0 ? DEFECT_MIX[k - 1] : undefined;
      const variant = kind ? drawVariant(kind, rng) : undefined;
      const m = refPlan[i] > 0 ? REFERENCE_MUTATIONS[refPlan[i] - 1] : undefined;
      const d = factory.draft(record, rng, kind && variant ? needsOf(kind.code, variant) : m ? referenceNeeds(m) : {});
      const label: Label = { record, line: record + 1, codes: [] };
      let b04Second = false;
      if (kind && variant) {
        label.codes.push(kind.code);
        label.defect = { code: kind.code, variant: variant.name, field: variant.field };
        increment(summary.variants, `${kind.code}/${variant.name}`);
        if (kind.code === "B04") {
          const other = partners.get(i)!;
          label.defect.pairWith = other + 1;
          if (other > i) firsts.set(i, { number: d.individualNumber, birth: d.person.birth });
          else {
            const first = firsts.get(other)!;
            firsts.delete(other);
            b04Second = true;
            d.cells.individualNumber = first.number;
            if (d.person.birth === first.birth) d.cells.birthDate = ymd((d.person.birth += 1));
          }
        } else applyDefect(d, kind.code, variant, rng, factory);
      }
      writeInput(out, d);

      if (ref && referenceOnly) {
        if (b04Second) {
          label.codes.push("B05");
          label.reference = { code: "B05", mutation: "b04-partner", field: "birthDate", pairWith: label.defect!.pairWith };
          refSummary.omitted.b04Partner++;
        } else if (!KEY.test(d.cells.individualNumber as string)) {
          label.reference = { code: null, mutation: "no-key" };
          refSummary.omitted.noKey++;
        } else if (m) {
          const { cells, applied } = mutateReference(d, m, refRng, factory);
          label.codes.push(applied.code);
          label.reference = { code: applied.code, mutation: applied.mutation, ...(applied.field ? { field: applied.field } : {}), notationOnly: applied.notationOnly };
          increment(refSummary.mutations, `${applied.code}/${applied.mutation}`);
          if (cells) {
            writeRecord(ref, cells);
            refSummary.records++;
          } else refSummary.omitted.missing++;
        } else {
          writeRecord(ref, mirrorCells(d));
          refSummary.records++;
        }
        if (refRng.next() < REFERENCE_ONLY_PER_100K / 100_000) {
          refSummary.referenceOnly++;
          writeRecord(ref, mirrorCells(referenceOnly.draft(n + refSummary.referenceOnly, refRng)));
          refSummary.records++;
        }
        await ref.maybeFlush();
      }

      if (label.codes.length > 0 || label.reference) {
        for (const code of label.codes) increment(summary.counts, code);
        if (label.codes.length > 0) summary.labelled++;
        await labels?.add(label);
      }
      await out.maybeFlush();
    }
  } finally {
    summary.bytes = await out.close();
    if (ref) {
      const bytes = await ref.close();
      summary.reference = { path: opts.reference!, bytes, ...refSummary };
    }
    await labels?.close();
  }
  if (labels) summary.labels = opts.labels;
  return summary;
}

/** A short report of what was written, for the CLI (standard error). */
export function formatSummary(s: GenerateSummary, lang: "ja" | "en"): string {
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const counts = Object.entries(s.counts).sort(([a], [b]) => a.localeCompare(b)).map(([c, k]) => `${c} ${k}`).join(", ");
  const lines = lang === "ja"
    ? [`${s.out}: ${s.records} 件（${mb(s.bytes)} MB、seed ${s.seed}）`, `仕込んだ指摘（記録数）: ${counts}`]
    : [`${s.out}: ${s.records} records (${mb(s.bytes)} MB, seed ${s.seed})`, `built to trigger (records): ${counts}`];
  if (s.reference) {
    const r = s.reference;
    lines.push(lang === "ja"
      ? `${r.path}: ${r.records} 件（${mb(r.bytes)} MB、参照のみ ${r.referenceOnly} 件）`
      : `${r.path}: ${r.records} records (${mb(r.bytes)} MB, ${r.referenceOnly} only in the reference)`);
  }
  if (s.labels) lines.push(lang === "ja" ? `ラベル: ${s.labels}` : `labels: ${s.labels}`);
  return lines.join("\n") + "\n";
}
