// Check digits of SPEC §3.5: 保険者番号・公費負担者番号・受給者番号 (2-1 weights, digit sum) and 個人番号 (mod 11).
import { isAsciiDigits } from "./blank.js";

/**
 * 検証番号 of a 保険者番号 / 公費負担者番号 / 受給者番号 body (all digits before the check digit): from the rightmost
 * body digit multiply by 2, 1, 2, 1 …, add the digits of each product, check = (10 − sum mod 10) mod 10.
 * Source: MHLW 設定要領 別添２ (domain.md §4.3).
 */
export function mhlwCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const p = (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** The digit sum of 2 × d for each digit d (6 → 12 → 3): mhlwCheckDigit's weight-2 term, without a division. */
const DOUBLED_DIGIT_SUM = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

/** True when `number` is all ASCII digits (at least 2) and its last digit is the 2-1 check digit of the rest. */
export function isValidMhlwNumber(number: string): boolean {
  if (number.length < 2 || !isAsciiDigits(number)) return false;
  // mhlwCheckDigit(number.slice(0, -1)), read in place: every record has two of these numbers.
  const last = number.length - 1;
  let sum = 0;
  for (let i = 0; i < last; i++) {
    const d = number.charCodeAt(last - 1 - i) - 48;
    sum += i % 2 === 0 ? DOUBLED_DIGIT_SUM[d] : d;
  }
  return (10 - (sum % 10)) % 10 === number.charCodeAt(last) - 48;
}

/**
 * 検査用数字 of a 個人番号 body (11 digits): with Pn the n-th body digit from the right and Qn = n + 1 (n ≤ 6),
 * n − 5 (n ≥ 7): r = Σ Pn·Qn mod 11; check = 0 if r ≤ 1 else 11 − r. Source: 総務省令第八十五号 第五条.
 */
export function individualNumberCheckDigit(body11: string): number {
  const r = individualNumberRemainder(body11);
  return r <= 1 ? 0 : 11 - r;
}

/** Σ Pn·Qn mod 11 of a 個人番号 body (remainders 0 and 1 share check digit 0); reads the first 11 characters only. */
export function individualNumberRemainder(body11: string): number {
  let s = 0;
  for (let n = 1; n <= 11; n++) s += (body11.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  return s % 11;
}

/** True when `number` is 12 ASCII digits with the right check digit. */
export function isValidIndividualNumber(number: string): boolean {
  if (number.length !== 12 || !isAsciiDigits(number)) return false;
  return individualNumberCheckDigit(number) === number.charCodeAt(11) - 48;
}
