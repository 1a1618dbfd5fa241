// Numbers with check digits for the generator (SPEC §3.5), written here independently of src/jp: 保険者番号,
// 受給者番号 and 個人番号, unique where the server would need them to be.
import { mix32 } from "./prng.js";

/** 保険者番号・受給者番号 check digit: weights 2, 1, 2, 1 … from the rightmost body digit, digit sums, 10's complement. */
export function mhlwCheckDigit(body: string): number {
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    const digit = body.charCodeAt(body.length - 1 - k) - 48;
    const product = digit * (k % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** 個人番号 check digit for an 11-digit body: Σ Pn·Qn mod 11 with Qn = n+1 (n ≤ 6) or n−5 (n ≥ 7), n from the right. */
export function individualCheckDigit(body: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = body.charCodeAt(11 - n) - 48;
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** 保険者番号: 法別 (2 digits) + 都道府県 (2) + 実施機関 (3) + check digit. */
export function insurerNumber(law: string, prefecture: number, office: number): string {
  const body = law + pad(prefecture, 2) + pad(office, 3);
  return body + mhlwCheckDigit(body);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** 受給者番号 bodies count up per office with a stride coprime to the range, so numbers never repeat in an office. */
const RECIPIENT_STRIDE = 7919;
/** Ordinary bodies: 100000–999999 (no leading zero). */
const MAIN_BASE = 100_000;
const MAIN_SPAN = 900_000;
/** Bodies 000000–099999: numbers with a leading zero, the ones Excel damages (X01). */
const ZERO_SPAN = 100_000;

export class RecipientNumbers {
  private readonly counters = new Map<number, { main: number; zero: number; start: number }>();

  constructor(private readonly seed: number) {}

  /** The next 7-digit 受給者番号 of an office; `leadingZero` draws from the 0xxxxxx range. */
  next(office: number, leadingZero = false): string {
    let c = this.counters.get(office);
    if (!c) {
      c = { main: 0, zero: 0, start: mix32((office * 2654435761) ^ this.seed) };
      this.counters.set(office, c);
    }
    const body = leadingZero
      ? (c.start + c.zero++ * RECIPIENT_STRIDE) % ZERO_SPAN
      : MAIN_BASE + ((c.start + c.main++ * RECIPIENT_STRIDE) % MAIN_SPAN);
    const digits = pad(body, 6);
    return digits + mhlwCheckDigit(digits);
  }
}

/**
 * 個人番号 for person `index`: the body's last 10 digits come from a 32-bit bijection of the index, so two persons
 * never share a number, whatever the first digit; `firstDigit` 0 gives the numbers Excel shortens to 11 digits.
 */
export class IndividualNumbers {
  private readonly key: number;
  private readonly high: number;

  constructor(seed: number) {
    this.key = mix32(seed ^ 0x5bd1e995);
    this.high = seed & 1;
  }

  body(index: number, firstDigit: number): string {
    const low = this.high * 2 ** 32 + mix32((index ^ this.key) >>> 0);
    return String(firstDigit) + pad(low, 10);
  }

  number(index: number, firstDigit: number): string {
    const body = this.body(index, firstDigit);
    return body + individualCheckDigit(body);
  }
}
