// --reference: the index, the B05–B08 decision on exact code points, notation-only differences, the fix text.
import { describe, expect, it } from "vitest";
import { cli, tempDir, writeBytes } from "./helpers/cli.js";

const IN_HEADER = "受給者番号,個人番号,氏名,氏名カナ,生年月日,性別,住所";
const REF_HEADER = "個人番号,氏名,氏名カナ,生年月日,性別,住所";
// Valid 個人番号 (check digit per SPEC §3.5): body 12345678901 → 8, and others computed the same way.
const N = ["123456789018", "310000000015", "310000079192", "310000158376", "310000237550", "310000316734"];

function files(inputRows: string[], refRows: string[]) {
  const dir = tempDir();
  return {
    input: writeBytes(dir, "in.csv", [IN_HEADER, ...inputRows].join("\r\n") + "\r\n"),
    ref: writeBytes(dir, "ref.csv", [REF_HEADER, ...refRows].join("\r\n") + "\r\n"),
  };
}

async function findings(input: string, ref: string, extra: string[] = []) {
  const r = await cli(["--format", "json", "--rules", "N01=off,N03=off,N04=off,Z09=off,B04=off", ...extra, "--reference", ref, input]);
  expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout);
  return report.files[0].findings.filter((f: { code: string }) => /^B0[5-8]$/.test(f.code));
}

describe("the SPEC §3.4 table", () => {
  const base = ["山田　太郎", "ヤマダ　タロウ", "19800101", "1", "東京都港区芝公園4-2-8"];
  const row = (n: string, v: string[]) => `1234566,${n},${v.join(",")}`;
  const refRow = (n: string, v: string[]) => `${n},${v.join(",")}`;
  const change = (i: number, to: string) => base.map((v, j) => (j === i ? to : v));
  const cases: [string, string[], string | null][] = [
    ["birth date differs", change(2, "19800102"), "B05"],
    ["sex differs", change(3, "2"), "B05"],
    ["birth date differs and both names too", ["佐藤　花子", "サトウ　ハナコ", "19800102", "1", base[4]], "B05"],
    ["both names differ", ["佐藤　花子", "サトウ　ハナコ", ...base.slice(2)], "B06"],
    ["address differs", change(4, "東京都港区芝公園1-1-1"), "B06"],
    ["one name and the address differ", ["佐藤　太郎", ...base.slice(1, 4), "東京都港区芝公園1-1-1"], "B06"],
    ["only the kanji name differs", change(0, "山田　次郎"), "B07"],
    ["only the kana name differs", change(1, "ヤマダ　ジロウ"), "B07"],
    ["nothing differs", base, null],
    ["only surrounding spaces differ (trimmed)", change(0, "山田　太郎　"), null],
  ];
  it.each(cases)("%s", async (_l, refValues, code) => {
    const f = files([row(N[0], base)], [refRow(N[0], refValues)]);
    const got = await findings(f.input, f.ref);
    expect(got.map((x: { code: string }) => x.code)).toEqual(code ? [code] : []);
  });

  it("gives B08 for a key the reference does not have and ignores records without a valid key", async () => {
    const f = files([row(N[0], base), row(N[1], base), row("", base)], [refRow(N[0], base)]);
    const got = await findings(f.input, f.ref);
    expect(got.map((x: { code: string; record: number }) => [x.code, x.record])).toEqual([["B08", 2]]);
  });

  it("joins on 受給者番号 with --key recipientNumber", async () => {
    const dir = tempDir();
    const input = writeBytes(dir, "in.csv", `${IN_HEADER}\r\n1234566,,${base.join(",")}\r\n`);
    const ref = writeBytes(dir, "ref.csv", `受給者番号,氏名,氏名カナ,生年月日,性別,住所\r\n1234566,${change(2, "19800102").join(",")}\r\n`);
    const got = await findings(input, ref, ["--key", "recipientNumber"]);
    expect(got.map((x: { code: string }) => x.code)).toEqual(["B05"]);
  });
});

describe("explaining a difference", () => {
  const base = ["渡辺　恵", "ワタナベ　メグミ", "19800101", "2", "東京都港区芝公園一丁目2番3号"];
  const row = (n: string, v: string[]) => `1234566,${n},${v.join(",")}`;

  it("marks notation-only differences, names them and suggests the registry spelling", async () => {
    const f = files([row(N[0], base)], [`${N[0]},渡邊　恵,ワタナベ　メグミ,19800101,2,東京都港区芝公園1-2-3`]);
    const [b06] = await findings(f.input, f.ref);
    expect(b06).toMatchObject({ code: "B06", field: "address", notationOnly: true, value: base[4], referenceValue: "東京都港区芝公園1-2-3", suggestion: "東京都港区芝公園1-2-3", messageId: "copy" });
    expect(b06.fields).toEqual(["name", "address"]);
  });

  it("does not mark a real difference as notation only", async () => {
    const f = files([row(N[0], base)], [`${N[0]},加藤　恵,ワタナベ　メグミ,19800101,2,${base[4]}`]);
    const [b07] = await findings(f.input, f.ref);
    expect(b07.code).toBe("B07");
    expect(b07.notationOnly).toBeUndefined();
  });

  it("never suggests copying a registry spelling outside JIS X 0208 (髙): a person must confirm", async () => {
    const f = files([row(N[0], ["高橋　一", "タカハシ　ハジメ", ...base.slice(2)])], [`${N[0]},髙橋　一,タカハシ　ハジメ,${base.slice(2).join(",")}`]);
    const [b07] = await findings(f.input, f.ref);
    expect(b07).toMatchObject({ code: "B07", messageId: "manual", referenceValue: "髙橋　一" });
    expect(b07.suggestion).toBeUndefined();
  });

  it("masks both values under --redact", async () => {
    const f = files([row(N[0], base)], [`${N[0]},渡邊　恵,ワタナベ　メグミ,19800101,2,${base[4]}`]);
    const [b07] = await findings(f.input, f.ref, ["--redact"]);
    expect(JSON.stringify(b07)).not.toMatch(/渡/);
  });
});

describe("the sample", () => {
  it("triggers B05, B06, B07 and B08 with samples/reference.csv", async () => {
    const r = await cli(["--format", "json", "--reference", "samples/reference.csv", "samples/defects.csv"]);
    const counts = JSON.parse(r.stdout).files[0].counts;
    for (const code of ["B05", "B06", "B07", "B08"]) expect(counts[code]).toBeGreaterThan(0);
  });
});

describe("firstOfEachKey (the reference index's sort)", () => {
  it("sorts by key and keeps the first entry of each key, as a stable comparison sort does", async () => {
    const { firstOfEachKey } = await import("../src/reference/index.js");
    const { mulberry32 } = await import("../src/engine/sampler.js");
    const next = mulberry32(7);
    for (const n of [0, 1, 2, 1000, 20_000]) {
      // 15-digit keys, small keys, and many repeats (every key drawn from a pool about n/3 large)
      const pool = Array.from({ length: Math.max(1, Math.floor(n / 3)) }, (_, i) =>
        i % 3 === 0 ? Math.floor(next() * 1e15) : i % 3 === 1 ? Math.floor(next() * 100) : 999_999_999_999_999 - i);
      const keys = Float64Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]);
      const expected: number[] = [];
      for (const i of Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b)) {
        if (expected.length === 0 || keys[expected[expected.length - 1]] !== keys[i]) expected.push(i);
      }
      expect(Array.from(firstOfEachKey(keys, n))).toEqual(expected);
    }
  });

  it("keeps the first of each key when the keys are already in order, and when passes are skipped", async () => {
    const { firstOfEachKey } = await import("../src/reference/index.js");
    const sorted = Float64Array.from([1, 1, 5, 8191, 8192, 8192, 2 ** 40, 2 ** 51 + 3, 2 ** 51 + 3]);
    expect(Array.from(firstOfEachKey(sorted, sorted.length))).toEqual([0, 2, 3, 4, 6, 7]);
    // Keys below 2^13 differ in the lowest digit only: the other three passes are skipped.
    const small = Float64Array.from([9, 3, 9, 0, 8191, 3]);
    expect(Array.from(firstOfEachKey(small, small.length))).toEqual([3, 1, 0, 4]);
    // Keys that share their lowest digit (multiples of 2^13): only higher passes sort.
    const high = Float64Array.from([3 * 8192, 8192, 2 ** 45, 8192, 0]);
    expect(Array.from(firstOfEachKey(high, high.length))).toEqual([4, 1, 0, 2]);
  });
});

describe("the sealed reference index's lookup", () => {
  it("finds every key, across block boundaries, and no key it does not hold", async () => {
    const { ReferenceIndex } = await import("../src/reference/index.js");
    const index = new ReferenceIndex("unused.xml", "recipientNumber", []);
    const keys = Array.from({ length: 1000 }, (_, i) => 1_000 + i * 7);
    // added out of order, one key twice (the first is kept), as XML records (no file is read)
    for (const [n, k] of [...keys].reverse().concat([keys[500]]).entries()) {
      index.add({ record: n + 1, line: n + 2, offset: 0, fileIndex: 0, cells: [], fields: { recipientNumber: String(k), name: `n${n}` } });
    }
    index.seal({});
    expect(index.duplicates).toBe(1);
    for (const k of keys) expect(index.lineAt(index.find(k))).toBe(1000 - keys.indexOf(k) + 1);
    for (const k of [0, 999, 1_001, 1_000 + 999 * 7 + 1, 1e15]) expect(index.find(k)).toBe(-1);
  });

  it("finds keys bunched far from each other (most in one bucket) and 15-digit keys; an empty index finds nothing", async () => {
    const { ReferenceIndex } = await import("../src/reference/index.js");
    const index = new ReferenceIndex("unused.xml", "recipientNumber", []);
    const keys = [...Array.from({ length: 500 }, (_, i) => i + 1), 123_456_789_012, 999_999_999_999_998, 999_999_999_999_999];
    keys.forEach((k, n) => index.add({ record: n + 1, line: n + 2, offset: 0, fileIndex: 0, cells: [], fields: { recipientNumber: String(k) } }));
    index.seal({});
    expect(index.unique).toBe(keys.length);
    keys.forEach((k, n) => expect(index.lineAt(index.find(k)), String(k)).toBe(n + 2));
    for (const k of [0, 501, 123_456_789_011, 999_999_999_999_997, 1e15]) expect(index.find(k), String(k)).toBe(-1);
    const empty = new ReferenceIndex("unused.xml", "recipientNumber", []);
    empty.seal({});
    expect([empty.find(0), empty.find(1), empty.unique]).toEqual([-1, -1, 0]);
  });
});
