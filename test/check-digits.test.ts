import { describe, expect, it } from "vitest";
import {
  individualNumberCheckDigit, isValidIndividualNumber, isValidMhlwNumber, mhlwCheckDigit,
} from "../src/jp/check-digits.js";
import { mulberry32 } from "./helpers/basic4-rows.js";

// Reference implementations written independently of src/ (left to right, weights spelled out).
function refMhlw(body: string): number {
  let sum = 0;
  [...body].forEach((c, i) => {
    const fromRight = body.length - 1 - i; // 0 = rightmost body digit → weight 2
    const p = Number(c) * (fromRight % 2 === 0 ? 2 : 1);
    sum += p >= 10 ? p - 9 : p;
  });
  return sum % 10 === 0 ? 0 : 10 - (sum % 10);
}
const WEIGHTS_12 = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const refRemainder = (body: string) => [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS_12[i], 0) % 11;
const refIndividual = (body: string) => (refRemainder(body) <= 1 ? 0 : 11 - refRemainder(body));

function digits(rand: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** Every number differing from `n` in exactly one digit. */
function corruptions(n: string): { value: string; pos: number; from: number; to: number }[] {
  const out = [];
  for (let pos = 0; pos < n.length; pos++)
    for (let d = 0; d <= 9; d++) if (d !== Number(n[pos])) out.push({ value: n.slice(0, pos) + d + n.slice(pos + 1), pos, from: Number(n[pos]), to: d });
  return out;
}

describe("SPEC §3.5 examples", () => {
  it.each(["12130001", "12270153", "12010013", "06130488", "33120015", "88134457"])("%s is valid", (n) => {
    expect(isValidMhlwNumber(n)).toBe(true);
    expect(mhlwCheckDigit(n.slice(0, 7))).toBe(Number(n[7]));
  });
  it("88134458 is not (its check digit is 7)", () => {
    expect(isValidMhlwNumber("88134458")).toBe(false);
    expect(mhlwCheckDigit("8813445")).toBe(7);
  });
  it("受給者番号 1234566 (body 123456 → 6)", () => {
    expect(mhlwCheckDigit("123456")).toBe(6);
    expect(isValidMhlwNumber("1234566")).toBe(true);
    expect(isValidMhlwNumber("1234567")).toBe(false);
  });
  it("個人番号 body 12345678901 → 8", () => {
    expect(individualNumberCheckDigit("12345678901")).toBe(8);
    expect(isValidIndividualNumber("123456789018")).toBe(true);
    expect(isValidIndividualNumber("123456789017")).toBe(false);
  });
  it("rejects non-digits and wrong lengths", () => {
    for (const v of ["", "1", "12345678901", "1234567890188", "12345678901８", "１２３４５６７８９０１８", "12345678901a"]) {
      expect(isValidIndividualNumber(v), v).toBe(false);
    }
    expect(isValidMhlwNumber("1213000a")).toBe(false);
    expect(isValidMhlwNumber("１２１３０００１")).toBe(false);
  });
});

describe("generated 保険者番号 / 受給者番号 (seeded)", () => {
  const rand = mulberry32(20261123);
  const numbers = [
    ...Array.from({ length: 300 }, () => { const b = digits(rand, 7); return b + refMhlw(b); }),
    ...Array.from({ length: 300 }, () => { const b = digits(rand, 6); return b + refMhlw(b); }),
  ];
  it("valid numbers are accepted and their check digit reproduced", () => {
    for (const n of numbers) {
      expect(isValidMhlwNumber(n), n).toBe(true);
      expect(mhlwCheckDigit(n.slice(0, -1)), n).toBe(Number(n.at(-1)));
    }
  });
  // Each body digit enters the sum through a bijection of 0–9 (d for weight 1; digit sum of 2d for weight 2),
  // so no single-digit change keeps the sum mod 10: the number of undetected corruptions is 0.
  it("every single-digit corruption changes the check digit and is rejected", () => {
    let checked = 0;
    for (const n of numbers)
      for (const c of corruptions(n)) {
        expect(refMhlw(c.value.slice(0, -1)) === Number(c.value.at(-1)), `reference ${c.value}`).toBe(false);
        expect(isValidMhlwNumber(c.value), c.value).toBe(false);
        checked++;
      }
    expect(checked).toBe(300 * 8 * 9 + 300 * 7 * 9);
  });
});

describe("generated 個人番号 (seeded)", () => {
  const COUNT = 500;
  const rand = mulberry32(4_120_304);
  const numbers = Array.from({ length: COUNT }, () => { const b = digits(rand, 11); return b + refIndividual(b); });
  // Collisions: corruptions that the reference itself still accepts (remainders 0 and 1 share check digit 0).
  const collisions = numbers.flatMap((n) => corruptions(n).filter((c) => refIndividual(c.value.slice(0, 11)) === Number(c.value[11])));

  it("valid numbers are accepted", () => {
    for (const n of numbers) expect(isValidIndividualNumber(n), n).toBe(true);
  });

  it(`every single-digit corruption is rejected except the ${collisions.length} remainder-0/1 collisions`, () => {
    const collisionSet = new Set(collisions.map((c) => c.value));
    let rejected = 0;
    for (const n of numbers)
      for (const c of corruptions(n)) {
        if (collisionSet.has(c.value)) expect(isValidIndividualNumber(c.value), c.value).toBe(true);
        else {
          expect(isValidIndividualNumber(c.value), c.value).toBe(false);
          rejected++;
        }
      }
    expect(rejected + collisions.length).toBe(COUNT * 12 * 9);
    // Independent figure from remainder arithmetic: changing body digit i by δ moves the remainder by
    // w_i·δ (mod 11), never by 0 (11 is prime, 0 < w_i, |δ| < 11); the check digit survives only when the
    // remainder moves between 0 and 1, i.e. w_i·δ ≡ 1 − 2r (mod 11) for a body with remainder r ∈ {0, 1}.
    // A changed check digit is always caught.
    let expected = 0;
    for (const n of numbers) {
      const r = refRemainder(n.slice(0, 11));
      if (r > 1) continue;
      const target = (((1 - 2 * r) % 11) + 11) % 11;
      for (let i = 0; i < 11; i++)
        for (let d = 0; d <= 9; d++) {
          const delta = d - Number(n[i]);
          if (delta !== 0 && (((WEIGHTS_12[i] * delta) % 11) + 11) % 11 === target) expected++;
        }
    }
    expect(collisions.length).toBe(expected);
    expect(collisions.length).toBeGreaterThan(0);
  });
});
