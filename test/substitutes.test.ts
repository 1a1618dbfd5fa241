// The substitute table: every replacement is JIS X 0208 or ASCII, every key really is outside it, canonical ones derived.
import { describe, expect, it } from "vitest";
import { CANONICAL_SUBSTITUTES, CURATED_SUBSTITUTES, substituteFor } from "../src/jp/substitutes.js";

// An independent JIS X 0208 set: decode CP932 rows 1–8 and 16–84 here.
const sjis = new TextDecoder("shift_jis");
const jis = new Set<string>();
for (let lead = 0x81; lead <= 0xea; lead++) {
  if ((lead >= 0x85 && lead <= 0x87) || (lead >= 0xa0 && lead <= 0xdf)) continue;
  for (let trail = 0x40; trail <= 0xfc; trail++) {
    if (trail === 0x7f) continue;
    const ch = sjis.decode(Uint8Array.of(lead, trail));
    if (ch !== "\ufffd") jis.add(ch);
  }
}
const safe = (text: string) => [...text].every((ch) => jis.has(ch) && ch !== "●" || ch.charCodeAt(0) < 0x80);

describe("substitutes", () => {
  it("the independent set is the 6,879 JIS X 0208 characters", () => {
    expect(jis.size).toBe(6879);
  });

  it("every curated replacement is JIS X 0208 or ASCII, and every key is outside JIS X 0208", () => {
    expect(CURATED_SUBSTITUTES.size).toBeGreaterThan(100);
    for (const [from, to] of CURATED_SUBSTITUTES) {
      expect([from, safe(to)]).toEqual([from, true]);
      expect([from, jis.has(from) || from.charCodeAt(0) < 0x80]).toEqual([from, false]);
    }
  });

  it("has the substitutes the issue names", () => {
    const named: [string, string][] = [
      ["髙", "高"], ["﨑", "崎"], ["德", "徳"], ["栁", "柳"], ["濵", "浜"], ["①", "1"], ["⑳", "20"], ["Ⅰ", "I"],
      ["㈱", "(株)"], ["№", "No."], ["℡", "TEL"], ["㍉", "ミリ"],
    ];
    for (const [from, to] of named) expect([from, substituteFor(from)]).toEqual([from, to]);
  });

  it("derives the canonical equivalents of compatibility ideographs (神 U+FA19 → U+795E) into JIS X 0208 only", () => {
    expect(CANONICAL_SUBSTITUTES.get("\ufa19")).toBe("\u795e");
    expect(CANONICAL_SUBSTITUTES.get("\ufa10")).toBe("\u585a"); // 塚
    expect(CANONICAL_SUBSTITUTES.has("\ufa11")).toBe(false); // 﨑 has no decomposition: curated instead
    for (const [from, to] of CANONICAL_SUBSTITUTES) {
      expect(from.normalize("NFD")).toBe(to);
      expect(jis.has(to)).toBe(true);
    }
  });

  it("20 of the derived ones are CP932 IBM extension characters", () => {
    let ibm = 0;
    for (let lead = 0xfa; lead <= 0xfc; lead++) {
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const code = (lead << 8) | trail;
        if (trail === 0x7f || code > 0xfc4b) continue;
        if (CANONICAL_SUBSTITUTES.has(sjis.decode(Uint8Array.of(lead, trail)))) ibm++;
      }
    }
    expect(ibm).toBe(20);
  });

  it("has no substitute for JIS X 0208 characters or ASCII", () => {
    for (const ch of ["高", "崎", "A", "●"]) expect(substituteFor(ch)).toBeUndefined();
  });
});
