// Privacy of every output: 個人番号 never whole; with --redact (or CI=true) no 姓, 名, カナ, address or birth date anywhere.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { FORMATTERS } from "../src/report/formatters.js";
import { cli, tempDir, type CliResult } from "./helpers/cli.js";
import { sha256, STACK_TRACE } from "./helpers/corpus.js";
import { mulberry32 as prng } from "../src/engine/sampler.js";

const SEED = 0x9e3779b9;
const AS_OF = ["--as-of", "2025-06-01"];
const FORMATS = Object.keys(FORMATTERS);


/** 個人番号 with its check digit (SPEC §3.5). */
function mynumber(body: string): string {
  let r = 0;
  for (let n = 1; n <= 11; n++) r += Number(body[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  r %= 11;
  return body + String(r <= 1 ? 0 : 11 - r);
}

/** 受給者番号 (6 digits + 2-1 check digit). */
function recipient(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  });
  return body + String((10 - (sum % 10)) % 10);
}

// Invented, distinctive names (no real people); every part has at least 2 characters.
const SURNAMES: [string, string][] = [["柳沢", "ヤナギサワ"], ["桐生", "キリュウ"], ["真壁", "マカベ"], ["久我", "クガ"], ["綾部", "アヤベ"], ["雨宮", "アマミヤ"], ["東雲", "シノノメ"], ["氷室", "ヒムロ"], ["鳴海", "ナルミ"], ["早乙女", "サオトメ"], ["御子柴", "ミコシバ"], ["百瀬", "モモセ"], ["鷹野", "タカノ"], ["芦屋", "アシヤ"], ["朝霧", "アサギリ"], ["霧島", "キリシマ"], ["宇佐美", "ウサミ"], ["神楽", "カグラ"]];
const GIVEN: [string, string][] = [["蒼汰", "ソウタ"], ["琴音", "コトネ"], ["柊平", "シュウヘイ"], ["澪子", "レイコ"], ["透馬", "トウマ"], ["詩織", "シオリ"], ["環奈", "カンナ"], ["凛太郎", "リンタロウ"], ["楓花", "フウカ"], ["篤志", "アツシ"], ["雫月", "シズク"], ["暁斗", "アキト"]];
/** Real municipalities (so that Z09 stays quiet unless a defect is planted), invented street numbers. */
const ADDRESSES = ["東京都港区芝公園{n}-2-8", "北海道札幌市中央区北{n}条西2丁目1番地", "大阪府大阪市北区中之島{n}-3-20", "東京都町田市森野{n}-2-22", "青森県青森市新町{n}-3-7", "神奈川県横浜市保土ケ谷区川辺町{n}-9", "宮城県塩竈市旭町{n}-1", "広島県府中市府川町{n}15"];

interface Person {
  surname: [string, string];
  given: [string, string];
  birth: string;
  sex: "1" | "2";
  address: string;
  number: string;
  recipient: string;
}

function people(n: number): Person[] {
  const rnd = prng(SEED);
  const int = (k: number) => Math.floor(rnd() * k);
  return Array.from({ length: n }, (_, i) => {
    const y = 1930 + int(75);
    const m = 1 + int(12);
    const d = 1 + int(28);
    return {
      surname: SURNAMES[i % SURNAMES.length],
      given: GIVEN[(i * 5) % GIVEN.length],
      birth: `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`,
      sex: int(2) === 0 ? "1" : "2",
      address: ADDRESSES[i % ADDRESSES.length].replace("{n}", String(1 + int(9))),
      number: mynumber(String(20000000000 + int(79999999999))),
      recipient: recipient(String(300000 + i * 7)),
    };
  });
}

const HEADER = ["保険者番号", "受給者番号", "枝番", "個人番号", "氏名", "氏名カナ", "生年月日", "性別", "郵便番号", "住所", "資格取得年月日", "資格喪失年月日"];
type Row = Record<(typeof HEADER)[number], string>;

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The input: one row per person, most of them with a planted defect so that their values reach findings. */
function build(ps: Person[]): { rows: (Row | string[])[]; numbers: string[]; reference: Row[] } {
  const numbers = ps.map((p) => p.number);
  const row = (p: Person, over: Partial<Row> = {}): Row => ({
    保険者番号: "12130001", 受給者番号: p.recipient, 枝番: "00", 個人番号: p.number,
    氏名: `${p.surname[0]}　${p.given[0]}`, 氏名カナ: `${p.surname[1]}　${p.given[1]}`,
    生年月日: p.birth, 性別: p.sex, 郵便番号: "", 住所: p.address, 資格取得年月日: "20240401", 資格喪失年月日: "", ...over,
  });
  const cells = (r: Row) => HEADER.map((h) => r[h]);
  const [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, q, r] = ps;
  const wrongCheck = d.number.slice(0, 11) + String((Number(d.number[11]) + 1) % 10);
  numbers.push(wrongCheck);
  const rows: (Row | string[])[] = [
    row(a, { 氏名: `${a.surname[0]}　${a.given[0]}　` }), // Z04 trailing space
    row(b, { 氏名カナ: ` ${b.surname[1]}　${b.given[1]}` }), // Z04 leading space in カナ
    row(c, { 住所: c.address.replace(/^(東京都|北海道|大阪府|神奈川県|青森県|宮城県|広島県)/, "") }), // Z09 no prefecture
    row(d, { 個人番号: wrongCheck }), // N01 check digit
    row(e, { 個人番号: toFullWidth(e.number) }), // N01 full-width digits
    row(f, { 個人番号: `${f.number.slice(0, 4)}-${f.number.slice(4, 8)}-${f.number.slice(8)}` }), // N01 hyphens
    row(g, { 個人番号: "1.23457E+11" }), // X01 exponent
    row(h, { 個人番号: i.number }), // B04: i's number on h …
    row(i), // … and on i
    row(j, { 氏名カナ: `${hiragana(j.surname[1])}　${hiragana(j.given[1])}` }), // K01 hiragana
    row(k, { 生年月日: `${k.birth.slice(0, 4)}0230` }), // B01 2月30日
    row(l, { 氏名: `髙${l.surname[0]}　${l.given[0]}` }), // G02 髙
    row(m, { 住所: m.number }), // Z09: a 個人番号 pasted into 住所
    cells(row(n)).filter((_, x) => x !== 1 && x !== 2), // S01: 受給者番号 and 枝番 missing, so 個人番号 sits in 受給者番号
    [...cells(row(o)).slice(0, 9), o.number, ...cells(row(o)).slice(9)], // S01: 個人番号 again before 住所
    row(q, { 氏名カナ: "", 性別: "3" }), // B03, B09
    cells(row(r)).slice(3), // S01: the first three cells missing, so 個人番号 sits in 保険者番号
  ];
  // The reference extract (住基): everyone, with a different birth date for a and a different address for b.
  const reference = ps.map((p) => row(p));
  reference[0] = { ...reference[0], 生年月日: `${Number(a.birth.slice(0, 4)) - 1}${a.birth.slice(4)}` };
  reference[1] = { ...reference[1], 住所: ps[5].address };
  return { rows, numbers, reference };
}

function hiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function csv(header: string[], rows: string[][]): Buffer {
  return iconv.encode([header.join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n", "cp932");
}

/** Every view of an output in which a value could be read: raw text, entities decoded, markup removed. */
function views(text: string): string[] {
  const decoded = text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, dd) => String.fromCodePoint(Number(dd)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [text, decoded, decoded.replace(/<[^>]*>/g, "")];
}

/** 12 digits in order, each ASCII or full-width, with any spaces or hyphens between them. */
function digitRun(number: string): RegExp {
  const sep = "[\\s\\u3000\\-\\u2010-\\u2015\\u2212\\uff0d\\u30fc]*";
  return new RegExp([...number].map((dd) => `[${dd}${String.fromCharCode(0xff10 + Number(dd))}]`).join(sep), "u");
}

/** Terms that must not appear under --redact: 姓, 名, カナ parts, address (whole and without prefecture), birth date in three forms. */
function redactedTerms(ps: Person[], rows: (Row | string[])[], reference: Row[]): string[] {
  const terms = new Set<string>();
  const addName = (s: string) => s.split(/[\s\u3000]+/).filter((x) => [...x].length >= 2).forEach((x) => terms.add(x));
  const addAddress = (s: string) => {
    if ([...s].length < 2) return;
    terms.add(s);
    const rest = s.replace(/^(東京都|北海道|大阪府|神奈川県|青森県|宮城県|広島県)/, "");
    if (rest !== s) terms.add(rest);
  };
  const addDate = (s: string) => {
    if (!/^\d{8}$/.test(s)) return;
    terms.add(s);
    terms.add(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`);
    terms.add(`${s.slice(0, 4)}/${s.slice(4, 6)}/${s.slice(6)}`);
  };
  for (const p of ps) {
    addName(`${p.surname[0]} ${p.given[0]} ${p.surname[1]} ${p.given[1]}`);
    addAddress(p.address);
    addDate(p.birth);
  }
  for (const r of [...rows.filter((x): x is Row => !Array.isArray(x)), ...reference]) {
    addName(`${r.氏名} ${r.氏名カナ}`);
    addAddress(r.住所);
    addDate(r.生年月日);
  }
  return [...terms];
}

interface Output {
  what: string;
  text: string;
}

/** Runs one CLI invocation and keeps its standard output and error as outputs to search. */
async function collect(outs: Output[], what: string, args: string[], env: Record<string, string | undefined> = {}, decode?: "cp932"): Promise<CliResult> {
  const r = await cli(args, env);
  outs.push({ what: `${what}: stdout`, text: decode ? iconv.decode(r.stdoutBytes, decode) : r.stdout });
  outs.push({ what: `${what}: stderr`, text: r.stderr });
  expect(r.stdout + r.stderr, what).not.toMatch(STACK_TRACE);
  return r;
}

function readOutput(file: string): string {
  const bytes = readFileSync(file);
  const utf8 = bytes.toString("utf8");
  return utf8.includes("\ufffd") ? iconv.decode(bytes, "cp932") : utf8;
}

const ps = people(17);
const { rows, numbers, reference } = build(ps);
const TERMS = redactedTerms(ps, rows, reference);
const MODES: { name: string; flags: string[]; env: Record<string, string>; redacted: boolean }[] = [
  { name: "default", flags: [], env: {}, redacted: false },
  { name: "--redact", flags: ["--redact"], env: {}, redacted: true },
  { name: "CI=true", flags: [], env: { CI: "true" }, redacted: true },
];

let dir: string;
let input: string;
let refPath: string;
let inputHashes: string[];
const outputs = new Map<string, Output[]>();
const plainJson: { value?: string; suggestion?: string; field?: string }[] = [];

beforeAll(async () => {
  dir = tempDir();
  input = join(dir, "recipients.csv");
  writeFileSync(input, csv(HEADER, rows.map((r) => (Array.isArray(r) ? r : HEADER.map((h) => r[h])))));
  refPath = join(dir, "jlis.csv");
  writeFileSync(refPath, csv(HEADER, reference.map((r) => HEADER.map((h) => r[h]))));
  // Fatal inputs whose only content is personal data: a file without header, an XML that is not well-formed.
  const noHeader = join(dir, "noheader.csv");
  writeFileSync(noHeader, iconv.encode(HEADER.map((h) => (rows[0] as Row)[h]).join(",") + "\r\n", "cp932"));
  const badXml = join(dir, "bad.xml");
  writeFileSync(badXml, `<?xml version="1.0" encoding="UTF-8"?>\n<R><P><IndividualNumber>${ps[0].number}</IndividualNumber><Name>${ps[0].surname[0]}　${ps[0].given[0]}</Name><Birthdate>${ps[0].birth}<Address>${ps[0].address}</Address></P></R>\n`);
  const files = [input, refPath, noHeader, badXml];
  inputHashes = files.map(sha256);

  for (const mode of MODES) {
    const outs: Output[] = [];
    const base = [...AS_OF, ...mode.flags];
    const run = (what: string, args: string[], decode?: "cp932") => collect(outs, `${mode.name} ${what}`, args, mode.env, decode);
    await run("terminal", [...base, input]);
    await run("terminal --lang en", [...base, "--lang", "en", input]);
    for (const f of FORMATS) {
      await run(`--format ${f}`, [...base, "--format", f, input]);
      await run(`--format ${f} --reference`, [...base, "--format", f, "--reference", refPath, input]);
    }
    if (FORMATS.includes("csv")) {
      await run("csv cp932", [...base, "--format", "csv", "--report-encoding", "cp932", input], "cp932");
      await run("csv rows=records", [...base, "--format", "csv", "--rows", "records", input]);
      await run("csv rows=records cp932", [...base, "--format", "csv", "--rows", "records", "--report-encoding", "cp932", "--reference", refPath, input], "cp932");
    }
    const reportFiles = FORMATS.map((f) => ({ f, file: join(dir, `${mode.name.replace(/\W/g, "")}-report.${f}`) }));
    const json = reportFiles.find((x) => x.f === "json")!.file;
    await run("--report every format", [...base, ...reportFiles.flatMap((x) => ["--report", `${x.f}=${x.file}`]), "--reference", refPath, input]);
    for (const x of reportFiles) outs.push({ what: `${mode.name} --report ${x.f}=file`, text: readOutput(x.file) });
    if (FORMATS.includes("csv")) {
      const cp = join(dir, `${mode.name.replace(/\W/g, "")}-cp932.csv`);
      await run("--report csv cp932", [...base, "--report-encoding", "cp932", "--report", `csv=${cp}`, input]);
      outs.push({ what: `${mode.name} --report csv=file (cp932)`, text: iconv.decode(readFileSync(cp), "cp932") });
    }
    if (!mode.redacted) {
      const r = JSON.parse(readFileSync(json, "utf8"));
      for (const f of r.files.flatMap((x: { findings: unknown[] }) => x.findings)) plainJson.push(f);
    }
    // merge: the offices' JSON reports combined, in every format and to files.
    if (existsSync(join(import.meta.dirname, "..", "src", "report", "merge.ts"))) {
      const second = join(dir, `${mode.name.replace(/\W/g, "")}-second.json`);
      await run("json for merge", [...base, "--report", `json=${second}`, "--reference", refPath, input]);
      outs.push({ what: `${mode.name} second report`, text: readFileSync(second, "utf8") });
      for (const f of FORMATS) await run(`merge --format ${f}`, ["merge", "--format", f, json, second]);
      const merged = join(dir, `${mode.name.replace(/\W/g, "")}-merged.json`);
      await run("merge --report json", ["merge", "--report", `json=${merged}`, json, second]);
      outs.push({ what: `${mode.name} merge --report json=file`, text: readFileSync(merged, "utf8") });
      // A tampered report whose bad value is a 個人番号: the error message must not echo it.
      const tampered = join(dir, `${mode.name.replace(/\W/g, "")}-tampered.json`);
      const t = JSON.parse(readFileSync(json, "utf8"));
      t.files[0].findings[0].severity = ps[0].number;
      t.files[0].findings[0].line = `${ps[0].surname[0]} ${ps[0].birth}`;
      writeFileSync(tampered, JSON.stringify(t));
      const bad = await run("merge of a tampered report", ["merge", json, tampered]);
      expect(bad.code).toBe(2);
    }
    // Error messages for inputs that cannot be read.
    expect((await run("file without header", [...base, noHeader])).code).toBe(2);
    expect((await run("XML not well-formed", [...base, badXml])).code).toBe(2);
    await run("chars", ["chars", input]);
    outputs.set(mode.name, outs);
  }
}, 120_000);

describe("privacy: the planted values reach the findings (or the searches below could not fail)", () => {
  it("the unredacted report shows names, kana, addresses, birth dates and masked 個人番号 in value and suggestion", () => {
    const values = plainJson.flatMap((f) => [f.value, f.suggestion]).filter((v): v is string => typeof v === "string");
    const all = values.join("\n");
    expect(plainJson.length).toBeGreaterThanOrEqual(20);
    for (const want of [`${ps[0].surname[0]}　${ps[0].given[0]}`, ps[2].address.replace(/^東京都|^大阪府|^北海道|^神奈川県|^青森県|^宮城県|^広島県/, ""), hiragana(ps[9].surname[1]), `${ps[10].birth.slice(0, 4)}0230`]) {
      expect(all, want).toContain(want);
    }
    expect(values.some((v) => /^\*{8}\d{4}$/.test(v)), "a 個人番号 masked to its last 4 digits").toBe(true);
    expect(plainJson.filter((f) => f.field === "individualNumber").length).toBeGreaterThanOrEqual(3);
    for (const [, outs] of outputs) expect(outs.length).toBeGreaterThanOrEqual(FORMATS.length * 2 + 10);
  });
});

describe.each(MODES)("privacy in mode $name", (mode) => {
  it("no output holds a whole 個人番号, in any width or with spaces or hyphens", () => {
    const leaks: string[] = [];
    for (const o of outputs.get(mode.name)!) {
      for (const v of views(o.text)) for (const num of numbers) if (digitRun(num).test(v)) leaks.push(`${o.what}: ${num.slice(-4)}`);
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it("leaves every input file unchanged", () => {
    expect([input, refPath, join(dir, "noheader.csv"), join(dir, "bad.xml")].map(sha256)).toEqual(inputHashes);
  });
});

describe.each(MODES.filter((m) => m.redacted))("privacy in mode $name (redacted)", (mode) => {
  it("no output holds a 姓, 名, カナ, address or birth date", () => {
    const leaks: string[] = [];
    for (const o of outputs.get(mode.name)!) {
      const vs = views(o.text);
      for (const term of TERMS) if (vs.some((v) => v.includes(term))) leaks.push(`${o.what}: ${term}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe("the search helpers", () => {
  it("find a 個人番号 in ASCII, full-width, hyphenated and spaced forms, but not masked", () => {
    const n = "123456789018";
    for (const s of [n, toFullWidth(n), "1234-5678-9018", "1234 5678 9018", "１２３４－５６７８－９０１８", `="${n}"`]) expect(digitRun(n).test(s), s).toBe(true);
    for (const s of ["********9018", "12345678901", "1234*6789018"]) expect(digitRun(n).test(s), s).toBe(false);
    expect(views("<td>&#x5c71;&#30000;</td>").some((v) => v.includes("山田"))).toBe(true);
  });
});
