// IdentityIndex.groupsBy (B04's duplicate finder) against a plain Map grouping, on its common path and its fallbacks.
import { describe, expect, it } from "vitest";
import { IdentityIndex, type IdentityEntry } from "../src/index/identity-index.js";
import { mulberry32 } from "./helpers/basic4-rows.js";

type Keys = { body: number; recipientKey: number };

function indexOf(keys: Keys[]): IdentityIndex {
  const idx = new IdentityIndex();
  keys.forEach((k, i) => {
    const e: IdentityEntry = {
      fileIndex: 0, record: i + 1, line: i + 2, recipient: 0, birth: 1, sex: 1, name: 1, kana: 1, address: 1, from: 1, to: 2, offset: 0, ...k,
    };
    idx.add(e);
  });
  return idx;
}

/** The groups as the spec states them: records sharing a key (recipientKey 0 = none), in first-record order. */
function expectedGroups(keys: Keys[], key: keyof Keys): number[][] {
  const byKey = new Map<number, number[]>();
  keys.forEach((k, i) => {
    if (key === "recipientKey" && k.recipientKey === 0) return;
    const g = byKey.get(k[key]);
    if (g) g.push(i);
    else byKey.set(k[key], [i]);
  });
  return [...byKey.values()].filter((g) => g.length > 1);
}

/** groupsBy("body"), and groupsBy("recipientKey") (low 32 bits) split by the whole key, against the Map grouping. */
function expectSameGroups(keys: Keys[]): void {
  const idx = indexOf(keys);
  expect(idx.groupsBy("body"), "body").toEqual(expectedGroups(keys, "body"));
  expect(idx.splitByRecipientKey(idx.groupsBy("recipientKey")), "recipientKey").toEqual(expectedGroups(keys, "recipientKey"));
}

/** murmur3's 32-bit finaliser undone (constants inverted mod 2^32): a key whose hash is `h`. */
function unmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7ed1b41d);
  h ^= (h >>> 13) ^ (h >>> 26);
  h = Math.imul(h, 0xa5cb9243);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The index's own key hashes of its first chunk (a private method, read to check a test's premise). */
function hashesOf(idx: IdentityIndex, key: keyof Keys): Uint32Array {
  const out = new Uint32Array(65_536);
  const len = (idx as unknown as { keyHashes(k: string, c: number, o: Uint32Array): number }).keyHashes(key, 0, out);
  return out.subarray(0, len);
}

describe("IdentityIndex.groupsBy", () => {
  it("finds every shared key, groups in first-record order, over several chunks (150,000 seeded records)", () => {
    const rand = mulberry32(5);
    const keys: Keys[] = [];
    for (let i = 0; i < 150_000; i++) {
      const again = i > 0 && rand() < 0.01;
      const from = keys[Math.floor(rand() * i)];
      keys.push({
        body: again ? from.body : Math.floor(rand() * 1e11),
        recipientKey: rand() < 0.02 ? 0 : again && rand() < 0.5 ? from.recipientKey : 1 + Math.floor(rand() * 2 ** 52),
      });
    }
    expectSameGroups(keys);
  });

  it("with every key held twice (too many pass the first sieve: partitions)", () => {
    expectSameGroups(Array.from({ length: 40_000 }, (_, i) => ({ body: (i % 20_000) * 7919, recipientKey: 1 + ((i * 7) % 20_000) })));
  });

  it("with one key on most records (a placeholder 個人番号: full partitions are compacted)", () => {
    expectSameGroups(Array.from({ length: 100_000 }, (_, i) => ({ body: i % 10 === 0 ? i : 0, recipientKey: i < 90_000 ? 5 : i })));
  });

  it("keeps two keys with one 32-bit hash apart", () => {
    // body = hi·2^32 + lo is hashed from lo ^ (hi · 0x9e3779b1): these two share the input, so the hash
    const x = 123_456_789;
    const twin = 2 ** 32 + ((x ^ 0x9e3779b1) >>> 0);
    const keys = [x, twin, x, twin, 555].map((body, i) => ({ body, recipientKey: i === 4 ? 0 : body }));
    const idx = indexOf(keys);
    const h = hashesOf(idx, "body");
    expect(h[0]).toBe(h[1]); // the premise
    expect(idx.groupsBy("body")).toEqual([[0, 2], [1, 3]]);
    expect(idx.groupsBy("recipientKey")).toEqual([[0, 2], [1, 3]]);
    expect(indexOf([{ body: x, recipientKey: 0 }, { body: twin, recipientKey: 0 }]).groupsBy("body")).toEqual([]);
  });

  it("with hashes crowded into one partition (more partitions are tried)", () => {
    // keys whose hashes are 4, 8, 12, …: all in the sieve's first buckets, all in partition 0 of 4
    const n = 20_000;
    const keys: Keys[] = Array.from({ length: n }, (_, i) => ({ body: unmix32((i + 1) * 4), recipientKey: 0 }));
    for (let i = 0; i < 50; i++) keys.push({ body: keys[i * 37].body, recipientKey: 0 });
    const h = hashesOf(indexOf(keys), "body");
    expect(h.every((v) => v % 4 === 0 && v < 4 * (n + 1))).toBe(true); // the premise
    expectSameGroups(keys);
  });

  it("keeps a key's shared hashes valid while the other key's are found (markShared, then groupsBy with them)", () => {
    // A few shared keys among many: the sets are small enough to live in the index's scratch buffers.
    const keys = Array.from({ length: 20_000 }, (_, i) => ({ body: i < 20 ? i % 10 : 1_000 + i, recipientKey: i >= 19_980 ? 7 + (i % 10) : 50_000 + i }));
    const idx = indexOf(keys);
    const bodies = idx.sharedHashes("body");
    const recipients = idx.sharedHashes("recipientKey"); // its search reuses the scratch buffers the first one came from
    const marks = new Uint8Array(keys.length);
    idx.markShared("body", marks, bodies);
    expect([...marks.keys()].filter((i) => marks[i] === 1)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(idx.groupsBy("body", bodies)).toEqual(expectedGroups(keys, "body"));
    expect(idx.groupsBy("recipientKey", recipients)).toEqual(expectedGroups(keys, "recipientKey"));
  });

  it("of an empty index or one record is empty", () => {
    expectSameGroups([]);
    expectSameGroups([{ body: 1, recipientKey: 1 }]);
  });
});
