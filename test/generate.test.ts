// The synthetic-export generator: determinism, the documented mix (read from docs/generate.md), valid numbers checked
// by implementations written here, raw CP932 bytes where the mix says so, and no import of check code.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateSummary } from "../src/generate/command.js";
import type { Label } from "../src/generate/labels.js";
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from "../src/generate/names.js";
import { loadPrefectures } from "../src/generate/places.js";

const RECORDS = 2_000;
const SEED = 7;
const dir = mkdtempSync(join(tmpdir(), "oqs-generate-"));
const path = (name: string) => join(dir, name);

let summary: GenerateSummary;
let labels: Label[];
let input: Buffer;
const labelOf = new Map<number, Label>();

beforeAll(async () => {
  summary = await generate({ records: RECORDS, seed: SEED, out: path("a.csv"), reference: path("a-ref.csv"), labels: path("a.jsonl") });
  labels = readFileSync(path("a.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Label);
  input = readFileSync(path("a.csv"));
  for (const l of labels) labelOf.set(l.record, l);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---- Independent reference implementations (SPEC §3.5), written left to right with the weights spelled out. ----
function mhlwValid(n: string): boolean {
  const body = n.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const weight = (body.length - 1 - i) % 2 === 0 ? 2 : 1;
    const p = Number(body[i]) * weight;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return Number(n.slice(-1)) === (10 - (sum % 10)) % 10;
}
const INDIVIDUAL_WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function individualValid(n: string): boolean {
  if (!/^\d{12}$/.test(n)) return false;
  const r = INDIVIDUAL_WEIGHTS.reduce((s, w, i) => s + w * Number(n[i]), 0) % 11;
  return Number(n[11]) === (r <= 1 ? 0 : 11 - r);
}

/** Splits the CP932 file into records of raw cells (commas and CR LF are never trail bytes in CP932). */
function records(buf: Buffer): Buffer[][] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = buf.indexOf("\r\n"); i >= 0; i = buf.indexOf("\r\n", i + 2)) {
    lines.push(buf.subarray(start, i));
    start = i + 2;
  }
  return lines.map((line) => {
    const cells: Buffer[] = [];
    let from = 0;
    for (let i = line.indexOf(0x2c); i >= 0; i = line.indexOf(0x2c, i + 1)) {
      cells.push(line.subarray(from, i));
      from = i + 1;
    }
    cells.push(line.subarray(from));
    return cells;
  });
}

/** Rates from the tables of docs/generate.md: input defects by code, reference mutations by code. */
function documentedRates(): { input: Map<string, number>; reference: Map<string, number[]> } {
  const doc = readFileSync(new URL("../docs/generate.md", import.meta.url), "utf8");
  const input = new Map<string, number>();
  const reference = new Map<string, number[]>();
  for (const m of doc.matchAll(/^\| ([A-Z]\d\d) \| ([\d.]+) \|/gm)) input.set(m[1], Number(m[2]));
  for (const m of doc.matchAll(/^\| (B0[5-8]) \| [a-z-]+ \| ([\d.]+) \|/gm)) reference.set(m[1], [...(reference.get(m[1]) ?? []), Number(m[2])]);
  return { input, reference };
}

/** The counting rule of docs/generate.md: round(N × rate / 100,000), at least one from 1,000 records on. */
const planned = (per100k: number) => Math.max(1, Math.round((RECORDS * per100k) / 100_000));

describe("generate: determinism", () => {
  it("writes byte-identical files for the same seed, and different ones for another seed", async () => {
    await generate({ records: RECORDS, seed: SEED, out: path("b.csv"), reference: path("b-ref.csv"), labels: path("b.jsonl") });
    await generate({ records: RECORDS, seed: SEED + 1, out: path("c.csv") });
    expect(readFileSync(path("b.csv")).equals(input)).toBe(true);
    expect(readFileSync(path("b-ref.csv")).equals(readFileSync(path("a-ref.csv")))).toBe(true);
    expect(readFileSync(path("b.jsonl")).equals(readFileSync(path("a.jsonl")))).toBe(true);
    expect(readFileSync(path("c.csv")).equals(input)).toBe(false);
  });

  it("writes the same input file without --reference and --labels", async () => {
    await generate({ records: RECORDS, seed: SEED, out: path("d.csv") });
    expect(readFileSync(path("d.csv")).equals(input)).toBe(true);
  });

  it("writes a header and one CRLF line per record", () => {
    const rows = records(input);
    expect(rows).toHaveLength(RECORDS + 1);
    expect(new TextDecoder("shift_jis").decode(input.subarray(0, input.indexOf("\r\n")))).toBe(
      "保険者番号,受給者番号,枝番,個人番号,氏名,氏名カナ,生年月日,性別,郵便番号,住所,資格取得年月日,資格喪失年月日");
  });
});

describe("generate: the documented mix", () => {
  const count = (code: string) => labels.filter((l) => l.codes.includes(code)).length;

  it("labels as many records per code as the summary reports", () => {
    const fromLabels: Record<string, number> = {};
    for (const l of labels) for (const c of l.codes) fromLabels[c] = (fromLabels[c] ?? 0) + 1;
    expect(fromLabels).toEqual(summary.counts);
  });

  it("plants exactly the documented number of each input defect", () => {
    const { input: rates } = documentedRates();
    expect([...rates.keys()].sort()).toEqual(["A01", "B01", "B02", "B03", "B04", "B09", "D01", "G01", "G02", "G04", "K01",
      "N01", "N02", "N03", "N04", "S01", "S02", "S03", "S04", "X01", "Z04", "Z09"]);
    for (const [code, rate] of rates) {
      const expected = planned(rate) * (code === "B04" ? 2 : 1);
      expect(labels.filter((l) => l.defect?.code === code).length, code).toBe(expected);
    }
  });

  it("plants exactly the documented number of reference mutations (B05 also counts the B04 partners)", () => {
    const { input: rates, reference } = documentedRates();
    expect([...reference.keys()].sort()).toEqual(["B05", "B06", "B07", "B08"]);
    for (const [code, list] of reference) {
      const expected = list.reduce((s, r) => s + planned(r), 0) + (code === "B05" ? planned(rates.get("B04")!) : 0);
      expect(count(code), code).toBe(expected);
    }
  });

  it("covers every code of SPEC §3 a CP932 file can carry (all but G03)", () => {
    const codes = ["Z04", "Z09", "A01", "G01", "G02", "G04", "K01", "B01", "B02", "B09", "B03", "B04", "B05", "B06", "B07", "B08",
      "N01", "N04", "N02", "N03", "D01", "X01", "S01", "S02", "S03", "S04"];
    for (const code of codes) expect(count(code), code).toBeGreaterThan(0);
    expect(count("G03")).toBe(0);
  });

  it("labels each record once, with line = record + 1, and pairs B04 records both ways", () => {
    expect(new Set(labels.map((l) => l.record)).size).toBe(labels.length);
    for (const l of labels) expect(l.line).toBe(l.record + 1);
    const b04 = labels.filter((l) => l.defect?.code === "B04");
    for (const l of b04) expect(b04.find((x) => x.record === l.defect!.pairWith)?.defect?.pairWith).toBe(l.record);
  });
});

describe("generate: bytes and numbers", () => {
  const rows = () => records(input).slice(1);
  const defectOn = (record: number, field: string) => labelOf.get(record)?.defect?.field === field;

  it("writes valid 保険者番号, 受給者番号 and 個人番号 wherever no defect was planned on them", () => {
    let checked = 0;
    rows().forEach((cells, i) => {
      const record = i + 1;
      const [insurer, recipient, branch, individual] = cells.slice(0, 4).map((c) => c.toString("latin1"));
      if (!defectOn(record, "insurerNumber")) {
        expect(insurer, `record ${record}`).toMatch(/^12(0[1-9]|[1-3]\d|4[0-7])\d{4}$/);
        expect(mhlwValid(insurer), `record ${record} ${insurer}`).toBe(true);
      }
      if (!defectOn(record, "recipientNumber")) {
        expect(recipient).toMatch(/^\d{7}$/);
        expect(mhlwValid(recipient), `record ${record} ${recipient}`).toBe(true);
      }
      expect(branch).toBe("00");
      if (!defectOn(record, "individualNumber") || labelOf.get(record)?.defect?.code === "B04") {
        expect(individualValid(individual), `record ${record} ${individual}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(RECORDS * 0.98);
  });

  it("never repeats a 個人番号 or a 受給者番号 within an office, except the B04 pairs", () => {
    const individuals = new Map<string, number>();
    const recipients = new Set<string>();
    rows().forEach((cells) => {
      const key = `${cells[0].toString("latin1")}/${cells[1].toString("latin1")}`;
      expect(recipients.has(key), key).toBe(false);
      recipients.add(key);
      const n = cells[3].toString("latin1");
      if (/^\d{12}$/.test(n)) individuals.set(n, (individuals.get(n) ?? 0) + 1);
    });
    const repeated = [...individuals.values()].filter((k) => k > 1);
    expect(repeated.every((k) => k === 2)).toBe(true);
    expect(repeated.length).toBe(labels.filter((l) => l.defect?.code === "B04").length / 2);
  });

  it("writes the raw CP932 bytes of G01 (F040–F9FC) and G02 (FBFC, EEE0, FAB1) records", () => {
    const all = rows();
    const nameOf = (record: number) => all[record - 1][4];
    const pairs = (b: Buffer) => {
      const out: number[] = [];
      for (let i = 0; i < b.length; i++) if (b[i] >= 0x80 && !(b[i] >= 0xa1 && b[i] <= 0xdf)) out.push((b[i] << 8) | b[++i]);
      return out;
    };
    for (const l of labels.filter((x) => x.defect?.code === "G01")) {
      expect(pairs(nameOf(l.record)).some((c) => c >= 0xf040 && c <= 0xf9fc), `record ${l.record}`).toBe(true);
    }
    const g02 = { "taka-FBFC": 0xfbfc, "taka-EEE0": 0xeee0, "saki-FAB1": 0xfab1 } as Record<string, number>;
    for (const l of labels.filter((x) => x.defect?.code === "G02")) {
      expect(pairs(nameOf(l.record)), `record ${l.record}`).toContain(g02[l.defect!.variant]);
    }
    const clean = all.filter((_, i) => !labelOf.has(i + 1)).flatMap((cells) => pairs(Buffer.concat([cells[4], cells[5], cells[9]])));
    expect(clean.filter((c) => c >= 0xed40).length).toBe(0);
  });

  it("writes invalid CP932 only in S02 records", () => {
    const strict = new TextDecoder("shift_jis", { fatal: true });
    rows().forEach((cells, i) => {
      const line = Buffer.concat(cells.flatMap((c, k) => (k === 0 ? [c] : [Buffer.of(0x2c), c])));
      const s02 = labelOf.get(i + 1)?.defect?.code === "S02";
      if (s02) expect(() => strict.decode(line)).toThrow();
      else expect(() => strict.decode(line)).not.toThrow();
    });
  });
});

describe("generate: tables", () => {
  /** JIS X 0208 in CP932: lead bytes 81–84, 88–9F and E0–EA; no "?" from an unencodable character. */
  const inJisX0208 = (s: string) => {
    const b = iconv.encode(s, "cp932");
    for (let k = 0; k < b.length; k++) {
      if (b[k] === 0x3f) return false;
      if (b[k] < 0x80) continue;
      if (!((b[k] >= 0x81 && b[k] <= 0x84) || (b[k] >= 0x88 && b[k] <= 0x9f) || (b[k] >= 0xe0 && b[k] <= 0xea))) return false;
      k++;
    }
    return true;
  };

  it("reads every name in katakana and keeps to JIS X 0208 characters as the file writes them", () => {
    const entries = [...SURNAMES, ...Object.values(MALE_NAMES).flat(), ...Object.values(FEMALE_NAMES).flat()];
    expect(entries.length).toBeGreaterThan(400);
    for (const e of entries) {
      expect(e.kana, e.kanji).toMatch(/^[\u30a1-\u30f6ー]+$/);
      expect(inJisX0208(e.kanji + (e.kyuji ?? "")), e.kanji).toBe(true);
      expect(e.kanji).not.toMatch(/[髙﨑●]/);
    }
    const rows = records(input).slice(1);
    for (const [i, cells] of rows.entries()) {
      if (labelOf.get(i + 1)?.defect) continue;
      for (const b of [cells[4], cells[5]]) {
        for (let k = 0; k < b.length; k++) {
          const lead = b[k];
          if (lead < 0x80 || (lead >= 0xa1 && lead <= 0xdf)) continue;
          expect((lead >= 0x81 && lead <= 0x84) || (lead >= 0x88 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea), `record ${i + 1}`).toBe(true);
          k++;
        }
      }
    }
  });

  it("names only real 町村 in its 郡 table, and every prefecture", () => {
    const { prefectures, unknownGun } = loadPrefectures();
    expect(unknownGun).toEqual([]);
    expect(prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const text = new TextDecoder("shift_jis").decode(input);
    for (const p of prefectures) expect(text.includes(`,${p.name}`), p.name).toBe(true);
  });
});

describe("generate: imports no check code", () => {
  it("has no import from src/checks, src/jp, src/reference or src/engine", () => {
    const folder = new URL("../src/generate/", import.meta.url);
    const src = fileURLToPath(new URL("../src", import.meta.url));
    const sources = readdirSync(folder).filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThanOrEqual(10);
    let relative = 0;
    for (const f of sources) {
      const text = readFileSync(new URL(f, folder), "utf8");
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
      relative += specifiers.filter((x) => x.startsWith(".")).length;
      for (const spec of specifiers.filter((x) => x.startsWith("."))) {
        const target = fileURLToPath(new URL(spec, new URL(f, folder)));
        for (const banned of ["checks", "jp", "reference", "engine"]) {
          expect(target.startsWith(join(src, banned) + sep), `${f} imports ${spec}`).toBe(false);
        }
      }
    }
    expect(relative).toBeGreaterThan(20);
  });
});
