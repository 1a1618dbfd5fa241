import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import check, { B04_DEFERRED_BYTES_PER_RECORD, B04_INDEX_BYTES_PER_RECORD } from "../../src/checks/b04-individual-number-conflict.js";
import { CheckRun } from "../../src/engine/check-run.js";
import { FindingCollector } from "../../src/engine/collector.js";
import { IdentityIndex } from "../../src/index/identity-index.js";
import type { RecordRereader } from "../../src/input/record-rereader.js";
import { DEFAULT_TEST_OPTIONS, runChecks, runChecksOnFiles, writeRowsCsv, type Row } from "../helpers/run-checks.js";
import { brief, individualNumber, row } from "../helpers/basic4-rows.js";

const A = individualNumber("31415926535");
const B = individualNumber("27182818284");

/** Another recipient in the same files (own 受給者番号 and 個人番号). */
const stranger = () => row({ individualNumber: individualNumber("16180339887"), recipientNumber: "0123455", name: "無関係　次郎" });

/** One recipient: the same person in every row unless a test changes something. */
const person = (over: Row = {}): Row => row({ individualNumber: A, ...over });

/**
 * Every case runs twice: records in memory, whose identities B04 computes as they come, and records of CSV files
 * that can be read again, whose identities B04 reads at the end for the records that share a 個人番号 only.
 */
const MODES = [["in memory", {}], ["read again from files", { readAgain: true }]] as const;

describe.each(MODES)("B04 individual-number-conflict (a): one 個人番号, different people — %s", (_, mode) => {
  const runRows = (rows: Row[]) => runChecks([check], rows, mode);
  const runFiles = (files: Row[][]) => runChecksOnFiles([check], files, mode);

  it("is not raised for one recipient who moved between two offices' files (periods do not overlap)", () => {
    const office1 = [person({ address: "東京都千代田区霞が関1-2-2", qualifiedOn: "20180401", disqualifiedOn: "20230331" })];
    const office2 = [stranger(), person({ address: "大阪府大阪市北区梅田3-1-1", insurerNumber: "12270153", qualifiedOn: "20230401", disqualifiedOn: "" })];
    expect(runFiles([office1, office2])).toEqual([[], []]);
  });

  it("is not raised when the move happens on one day (loss day = new qualification day)", () => {
    const files = [
      [person({ address: "東京都港区芝1-1-1", qualifiedOn: "20180401", disqualifiedOn: "20230401" })],
      [person({ address: "東京都港区芝2-2-2", qualifiedOn: "20230401" })],
    ];
    expect(runFiles(files).flat()).toEqual([]);
  });

  it("is raised for two birth dates on one 個人番号, on both records, each pointing at the other", () => {
    const files = [
      [stranger(), person({ birthDate: "19800515" })],
      [person({ birthDate: "19800516" })],
    ];
    const [f1, f2] = runFiles(files);
    expect(brief(f1)).toEqual([{ code: "B04", messageId: "differentPeople", record: 2, field: "individualNumber" }]);
    expect(brief(f2)).toEqual([{ code: "B04", messageId: "differentPeople", record: 1, field: "individualNumber" }]);
    expect(f1[0]).toMatchObject({ conflict: "individualNumber", differs: ["birthDate"], relatedCount: 1, related: [{ file: "file2.csv", record: 1, line: 2 }] });
    expect(f2[0]).toMatchObject({ related: [{ file: "file1.csv", record: 2, line: 3 }], suspension: "eligibility", severity: "error" });
    expect(f1[0].value).toBe(`********${A.slice(8)}`);
  });

  it.each([
    [{ sex: "1" }, ["sex"]],
    [{ name: "試験　太郎", nameKana: "シケン　タロウ" }, ["name", "nameKana"]], // e.g. twins: same day, same surname
    [{ name: "別人　一郎", nameKana: "ベツジン　イチロウ", birthDate: "19551010" }, ["birthDate", "name", "nameKana"]],
    [{ name: "試験　太郎", nameKana: "" }, ["name"]], // カナ unknown on one side: 漢字 decides
  ] as const)("is raised when %j differs", (over, differs) => {
    const findings = runRows([person(), person(over)]);
    expect(findings.map((f) => f.record)).toEqual([1, 2]);
    expect(findings[0].differs).toEqual(differs);
  });

  it("compares addresses where the qualification periods overlap", () => {
    const findings = runRows([
      person({ address: "東京都港区芝1-1-1", qualifiedOn: "20200401", disqualifiedOn: "" }),
      person({ address: "東京都港区芝2-2-2", qualifiedOn: "20220401", disqualifiedOn: "20240331" }),
    ]);
    expect(brief(findings)).toHaveLength(2);
    expect(findings[0].differs).toEqual(["address"]);
  });

  it("does not compare addresses when a period is unknown", () => {
    expect(runRows([person({ address: "東京都港区芝1-1-1", qualifiedOn: "" }), person({ address: "東京都港区芝2-2-2" })])).toEqual([]);
  });

  it.each([
    [{ name: "試験 花子" }], // space
    [{ nameKana: "ｼｹﾝ ﾊﾅｺ" }], // width
    [{ nameKana: "しけん　はなこ" }], // hiragana
    [{ name: "試驗　花子" }], // 旧字体 驗 → 験
  ])("notation differences are the same person: %j", (over) => {
    expect(runRows([person(), person(over)])).toEqual([]);
  });

  it.each([
    [{ name: "髙試験　花子" }, { name: "高試験　花子" }], // 異体字 in one name only
    [{ name: "試験　花子" }, { name: "試験　華子" }], // a typing error in 漢字氏名, カナ氏名 the same
    [{ nameKana: "シケン　ハナコ" }, { nameKana: "シケン　ハナゴ" }], // a typing error in カナ氏名
  ])("is not raised when only one of the two names differs: %j / %j", (a, b) => {
    expect(runRows([person(a), person(b)])).toEqual([]);
  });

  it("旧字体, small kana and address numerals are folded too", () => {
    const rows = [
      person({ name: "渡邊　次郎", nameKana: "ワタナベ　シヨウジ", address: "東京都千代田区霞が関一丁目二番二号" }),
      person({ name: "渡辺　次郎", nameKana: "ﾜﾀﾅﾍﾞ ｼｮｳｼﾞ", address: "東京都千代田区霞が関１－２－２" }),
    ];
    expect(runRows(rows)).toEqual([]);
  });

  it("ignores empty or unknown values (those are B03/B01/B09's) and invalid or empty 個人番号 (N01/N04's)", () => {
    expect(runRows([person(), person({ birthDate: "" }), person({ sex: "3" }), person({ birthDate: "20000000" })])).toEqual([]);
    const bad = "123456789017";
    expect(runRows([row({ individualNumber: bad }), row({ individualNumber: bad, birthDate: "19700101" })])).toEqual([]);
    expect(runRows([row({ individualNumber: "" }), row({ individualNumber: "", birthDate: "19700101" })])).toEqual([]);
  });

  it("reads 個人番号, 性別, 受給者番号 and dates with white space at their ends as without", () => {
    const spaced = person({ individualNumber: ` ${A}\u3000`, sex: " 1", birthDate: "19800515", recipientNumber: " 1234566 " });
    const findings = runRows([spaced, person({ sex: "2", birthDate: " 19800515\t" })]);
    expect(brief(findings).map((f) => f.record)).toEqual([1, 2]);
    expect(findings[0].differs).toEqual(["sex"]);
    expect(findings[0].value).toBe(`********${A.slice(8)}`);
    expect(runRows([spaced, person({ sex: "\u30001\u3000" })])).toEqual([]);
    const twoNumbers = runRows([row({ individualNumber: A, recipientNumber: " 1234566\u3000", branch: "01 " }), row({ individualNumber: B })]);
    expect(twoNumbers.map((f) => f.messageId)).toEqual(["twoNumbers", "twoNumbers"]);
  });

  it("does not read a 個人番号 with a space inside, a letter or a wrong check digit", () => {
    for (const bad of [`${A.slice(0, 6)} ${A.slice(7)}`, `${A.slice(0, 11)}x`, `${A.slice(0, 11)}${(Number(A[11]) + 1) % 10}`, A.slice(1), `${A}0`]) {
      expect(runRows([person({ individualNumber: bad }), person({ individualNumber: bad, sex: "1" })]), bad).toEqual([]);
    }
  });

  it("points only at the records that differ, and caps the list at 20 with the full count", () => {
    const rows = [person({ birthDate: "19700101" }), ...Array.from({ length: 24 }, () => person())];
    const findings = runRows(rows);
    expect(findings).toHaveLength(25);
    const odd = findings.find((f) => f.record === 1)!;
    expect(odd.relatedCount).toBe(24);
    expect(odd.related).toHaveLength(20);
    for (const f of findings.filter((g) => g.record !== 1)) expect(f).toMatchObject({ relatedCount: 1, related: [{ record: 1 }] });
  });
});

describe.each(MODES)("B04 (a) on a 個人番号 shared by more records than are compared pairwise — %s", (_, mode) => {
  const runRows = (rows: Row[]) => runChecks([check], rows, mode);
  const runFiles = (files: Row[][]) => runChecksOnFiles([check], files, mode);

  it("flags every record of a number shared by 300 records when one differs, counting all that share it", () => {
    const rows = [person({ birthDate: "19700101" }), ...Array.from({ length: 299 }, (_, i) => person({ recipientNumber: String(1000000 + i), address: `東京都港区芝${i}` }))];
    const findings = runRows(rows);
    expect(findings).toHaveLength(300);
    expect(findings.every((f) => f.messageId === "differentPeople")).toBe(true);
    expect(findings[0]).toMatchObject({ record: 1, relatedCount: 299, sharedBy: 300, differs: ["birthDate"] });
    expect(findings[0].related).toHaveLength(20);
    expect(findings[1]).toMatchObject({ differs: ["birthDate"] }); // 住所 is not compared in such a group
  });

  it("in such a group, names count only when both differ from another member's", () => {
    const others = Array.from({ length: 299 }, (_, i) => person({ recipientNumber: String(1000000 + i) }));
    expect(runRows([person({ name: "試験　華子" }), ...others])).toEqual([]);
    const findings = runRows([person({ name: "別人　一郎", nameKana: "ベツジン　イチロウ" }), ...others]);
    expect(findings).toHaveLength(300);
    expect(findings[0].differs).toEqual(["name", "nameKana"]);
  });

  it("raises nothing when all 300 agree", () => {
    expect(runRows(Array.from({ length: 300 }, (_, i) => person({ recipientNumber: String(1000000 + i) })))).toEqual([]);
  });
});

describe.each(MODES)("B04 (b): one 受給者番号 + 枝番 with two 個人番号 — %s", (_, mode) => {
  const runRows = (rows: Row[]) => runChecks([check], rows, mode);
  const runFiles = (files: Row[][]) => runChecksOnFiles([check], files, mode);

  it("is raised on both records", () => {
    const findings = runRows([row({ individualNumber: A }), row({ individualNumber: B })]);
    expect(brief(findings)).toEqual([
      { code: "B04", messageId: "twoNumbers", record: 1, field: "individualNumber" },
      { code: "B04", messageId: "twoNumbers", record: 2, field: "individualNumber" },
    ]);
    expect(findings[0]).toMatchObject({ conflict: "recipientNumber", related: [{ record: 2 }], relatedCount: 1 });
  });

  it("is raised across files", () => {
    const [f1, f2] = runFiles([[row({ individualNumber: A })], [row({ individualNumber: B })]]);
    expect([f1.length, f2.length]).toEqual([1, 1]);
  });

  it.each([
    [{ branch: "02" }],
    [{ insurerNumber: "12270153" }],
    [{ recipientNumber: "0123455" }],
  ])("is not raised when %j differs", (over) => {
    expect(runRows([row({ individualNumber: A }), row({ individualNumber: B, ...over })])).toEqual([]);
  });

  it("is not raised without a 受給者番号", () => {
    expect(runRows([row({ individualNumber: A, recipientNumber: "" }), row({ individualNumber: B, recipientNumber: "" })])).toEqual([]);
  });
});

describe("the B04 index", () => {
  it("costs 38 bytes per record (at most 40), 20 when the record's file can be read again", () => {
    expect(B04_INDEX_BYTES_PER_RECORD).toBe(38);
    expect(B04_DEFERRED_BYTES_PER_RECORD).toBe(20);
  });

  it("groups 受給者番号 keys on their low 32 bits, then splits the groups by the whole key", () => {
    const idx = new IdentityIndex();
    const base = { body: 31415926535, recipient: 0, birth: 1, sex: 1, name: 1, kana: 1, address: 1, from: 0, to: 0, offset: 0 };
    const keys = [5, 5 + 2 ** 32, 5, 2 ** 40, 0, 0]; // two keys with the same low bits; 0 = no 受給者番号
    keys.forEach((recipientKey, n) => idx.add({ ...base, recipientKey, fileIndex: 0, record: n + 1, line: n + 2 }));
    expect(idx.groupsBy("recipientKey")).toEqual([[0, 1, 2]]);
    expect(idx.splitByRecipientKey(idx.groupsBy("recipientKey"))).toEqual([[0, 2]]);
    expect([idx.recipientKey(1), idx.recipientKeyLow(1), idx.recipientKey(4), idx.recipientKeyLow(4)]).toEqual([5 + 2 ** 32, 5, 0, -1]);
  });

  it("keeps a deferred record's offset instead of its recipient and identity, which only setRecipient and setIdentity allocate", () => {
    const idx = new IdentityIndex();
    const base = { body: 31415926535, recipientKey: 1, recipient: 0, birth: 1, sex: 1, name: 1, kana: 1, address: 1, from: 0, to: 0 };
    idx.addDeferred({ ...base, fileIndex: 0, record: 1, line: 2, offset: 2 ** 39 + 5 });
    idx.addDeferred({ ...base, fileIndex: 0, record: 2, line: 3, offset: 120 });
    expect(idx.bytesAllocated()).toBe(B04_DEFERRED_BYTES_PER_RECORD * 65_536);
    expect([idx.isDeferred(0), idx.body(0), idx.offset(0), idx.offset(1)]).toEqual([true, 31415926535, 2 ** 39 + 5, 120]);
    const state = idx.exportState();
    expect(Object.keys(state.columns)).not.toContain("birth");
    const main = new IdentityIndex();
    main.importState(structuredClone(state));
    expect(main.bytesAllocated()).toBe(B04_DEFERRED_BYTES_PER_RECORD * 65_536);
    expect(main.gather([0, 1]).v.birth).toEqual(new Uint16Array([0, 0]));
    main.setIdentity(1, { ...base, birth: 7, fileIndex: 0, record: 2, line: 3, offset: 120 });
    expect(main.gather([0, 1]).v.birth).toEqual(new Uint16Array([0, 7]));
    expect(main.groupsBy("body")).toEqual([[0, 1]]);
  });

  it("folds records past the index's 40-bit offsets as read instead of reading them again", () => {
    const neverRead = { path: "huge.csv", fieldsAt: () => { throw new Error("read again"); } } as unknown as RecordRereader;
    const collector = new FindingCollector();
    const run = new CheckRun({ checks: [check], options: DEFAULT_TEST_OPTIONS });
    const fields = Object.keys(row()) as (keyof Row)[];
    run.addFile("huge.csv", Object.fromEntries(fields.map((f) => [f, f])), collector, undefined, neverRead);
    const raw = { bytes: new Uint8Array(0), delimiter: 0x2c, encoding: "cp932", cellOf: {} };
    [person(), person({ birthDate: "19800516" })].forEach((f, i) => run.record({ record: i + 1, line: i + 2, offset: 2 ** 40 + i * 100, fileIndex: 0, cells: [], fields: f, raw }));
    run.end();
    expect(run.crashes).toEqual([]);
    expect(brief(collector.findings)).toEqual([1, 2].map((record) => ({ code: "B04", messageId: "differentPeople", record, field: "individualNumber" })));
  });

  it.each([
    ["another 個人番号", { individualNumber: B }],
    ["the same 個人番号 with another 受給者番号", { recipientNumber: "0123455" }],
  ] as const)("stops with a clear message when the file changed before its records were read again (%s)", (_, change) => {
    const rows = [person(), person({ birthDate: "19800516" })];
    const path = join(mkdtempSync(join(tmpdir(), "oqs-b04-")), "f.csv");
    const fields = Object.keys(rows[0]) as (keyof Row)[];
    const csv = writeRowsCsv(path, fields, rows);
    const run = new CheckRun({ checks: [check], options: { ...DEFAULT_TEST_OPTIONS, lang: "en" } });
    run.addFile("f.csv", Object.fromEntries(fields.map((f) => [f, f])), new FindingCollector(), undefined, csv.rereader);
    rows.forEach((fields, i) => run.record({ record: i + 1, line: i + 2, offset: csv.offsets[i], fileIndex: 0, cells: [], fields, raw: csv.raws[i] }));
    writeRowsCsv(path, fields, [person(change), person(change)]);
    run.end();
    expect(run.crashes).toEqual([{ code: "B04", message: expect.stringMatching(/f\.csv: the file changed during the check \(record 1 /) }]);
  });

  it("keeps positions, file indexes and the 受給者番号 without keeping the record", () => {
    const idx = new IdentityIndex();
    const base = { body: 31415926535, recipientKey: 1, recipient: 0, birth: 1, sex: 1, name: 1, kana: 1, address: 1, from: 0, to: 0 };
    idx.add({ ...base, fileIndex: 0, record: 1, line: 2 });
    idx.add({ ...base, fileIndex: 0, record: 2, line: 100_000 }); // more than 65534 lines past its record number
    idx.add({ ...base, fileIndex: 3, record: 1, line: 5 });
    expect([idx.position(0), idx.position(1), idx.position(2)]).toEqual([
      { fileIndex: 0, record: 1, line: 2 }, { fileIndex: 0, record: 2, line: 100_000 }, { fileIndex: 3, record: 1, line: 5 },
    ]);
    expect(idx.body(2)).toBe(31415926535);
    expect(idx.bytesAllocated()).toBe(B04_INDEX_BYTES_PER_RECORD * 65_536); // one chunk
  });

  it("moves a range's positions by the records and lines before it when importing (long gaps included)", () => {
    const range = new IdentityIndex();
    const base = { body: 31415926535, recipientKey: 1, recipient: 0, birth: 1, sex: 1, name: 1, kana: 1, address: 1, from: 0, to: 0 };
    range.add({ ...base, fileIndex: 2, record: 1, line: 1 });
    range.add({ ...base, fileIndex: 2, record: 2, line: 70_000 }); // a gap that needs the overflow map
    range.add({ ...base, fileIndex: 2, record: 3, line: 70_001 });
    const main = new IdentityIndex();
    main.add({ ...base, fileIndex: 2, record: 1, line: 2 });
    main.importState(structuredClone(range.exportState()), { records: 10, lines: 65_540 });
    expect([1, 2, 3].map((i) => main.position(i))).toEqual([
      { fileIndex: 2, record: 11, line: 65_541 }, { fileIndex: 2, record: 12, line: 135_540 }, { fileIndex: 2, record: 13, line: 135_541 },
    ]);
    expect(main.body(3)).toBe(31415926535);
  });

  it("parallel runs: worker states exported per range and imported in order give the same findings", () => {
    const files: Row[][] = [
      [stranger(), person({ birthDate: "19800515" }), row({ individualNumber: A })],
      [person({ birthDate: "19800516" }), row({ individualNumber: B }), stranger()],
    ];
    const single = runChecksOnFiles([check], files);
    // Two "workers", each checking one byte range (one file here) and exporting its state; the main run imports.
    const main = new CheckRun({ checks: [check], options: DEFAULT_TEST_OPTIONS });
    const collectors = files.map(() => new FindingCollector());
    const cols = Object.fromEntries(Object.keys(row()).map((k) => [k, k]));
    files.forEach((_, fi) => main.addFile(`file${fi + 1}.csv`, cols, collectors[fi]));
    const states = files.map((rows, fi) => {
      const worker = new CheckRun({ checks: [check], options: DEFAULT_TEST_OPTIONS });
      files.forEach((_, fj) => worker.addFile(`file${fj + 1}.csv`, cols, new FindingCollector()));
      rows.forEach((fields, i) => worker.record({ record: i + 1, line: i + 2, offset: 0, fileIndex: fi, cells: [], fields }));
      return structuredClone(worker.exportStates());
    });
    for (const s of states) main.importStates(s, { records: 0, lines: 0 });
    main.end();
    expect(collectors.map((c) => c.findings)).toEqual(single);
    expect(single.flat().length).toBe(7); // (a): three records carry A, one born a day later → 3; (b): A ×3 and B on 1234566 → 4
  });

  it("hands the 受給者番号 to the suspended-records list", () => {
    const run = new CheckRun({ checks: [check], options: DEFAULT_TEST_OPTIONS });
    const collector = new FindingCollector();
    const cols = Object.fromEntries(Object.keys(row()).map((k) => [k, k]));
    run.addFile("f.csv", cols, collector);
    run.record({ record: 1, line: 2, offset: 0, fileIndex: 0, cells: [], fields: person({ recipientNumber: "0123455" }) });
    run.record({ record: 2, line: 3, offset: 0, fileIndex: 0, cells: [], fields: person({ recipientNumber: "1234566", sex: "1" }) });
    run.fileEnd(0);
    run.end();
    expect(collector.suspendedRecords()).toMatchObject([
      { record: 1, kind: "eligibility", recipientNumber: "0123455", codes: ["B04"] },
      { record: 2, kind: "eligibility", recipientNumber: "1234566", codes: ["B04"] },
    ]);
  });

  it("reads again the records that share only a 受給者番号 (two 個人番号), for their 受給者番号 in the suspended list", () => {
    const rows = [stranger(), row({ individualNumber: A }), row({ individualNumber: B })]; // 1234566 with A and with B
    const path = join(mkdtempSync(join(tmpdir(), "oqs-b04-")), "f.csv");
    const fields = Object.keys(rows[0]) as (keyof Row)[];
    const csv = writeRowsCsv(path, fields, rows);
    const collector = new FindingCollector();
    const run = new CheckRun({ checks: [check], options: DEFAULT_TEST_OPTIONS });
    run.addFile("f.csv", Object.fromEntries(fields.map((f) => [f, f])), collector, undefined, csv.rereader);
    rows.forEach((fields, i) => run.record({ record: i + 1, line: i + 2, offset: csv.offsets[i], fileIndex: 0, cells: [], fields, raw: csv.raws[i] }));
    run.end();
    expect(run.crashes).toEqual([]);
    expect(brief(collector.findings)).toEqual([2, 3].map((record) => ({ code: "B04", messageId: "twoNumbers", record, field: "individualNumber" })));
    expect(collector.suspendedRecords()).toMatchObject([{ record: 2, recipientNumber: "1234566" }, { record: 3, recipientNumber: "1234566" }]);
  });
});
