// Invented recipients: 姓・名 and reading drawn from the name tables, sex, birth date (the elderly weigh most, as
// among 生活保護 recipients), and the qualification period. Dates are fixed in time so files never depend on "today".
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, type Era, type NameEntry } from "./names.js";
import { cumulative, type Prng } from "./prng.js";

/** A date as its day number since 1970-01-01 (UTC). */
export type Day = number;

/** Ages are counted back from this day; no generated date is after it. */
export const BASE_DAY: Day = Date.UTC(2025, 3, 1) / 86_400_000;
/** 資格喪失年月日 may reach this day. */
export const LAST_DAY: Day = Date.UTC(2025, 9, 31) / 86_400_000;
const FIRST_QUALIFICATION: Day = Date.UTC(1995, 0, 1) / 86_400_000;

export interface Person {
  surname: NameEntry;
  given: NameEntry;
  sex: 1 | 2;
  birth: Day;
  qualified: Day;
  /** undefined = still qualified. */
  disqualified?: Day;
}

/** Age bands (years) and their weights. */
const AGE_BANDS: readonly (readonly [from: number, to: number, weight: number])[] = [
  [0, 19, 8], [20, 39, 10], [40, 64, 28], [65, 79, 34], [80, 99, 20],
];
const AGE_WEIGHTS = cumulative(AGE_BANDS.map((b) => b[2]));
/** Earlier 姓 in the table are more frequent (a Zipf-like curve). */
const SURNAME_WEIGHTS = cumulative(SURNAMES.map((_, i) => 1 / (i + 8)));

export function ymd(day: Day): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
}

export function dayOf(y: number, m: number, d: number): Day {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function eraOf(birth: Day): Era {
  const year = new Date(birth * 86_400_000).getUTCFullYear();
  return year <= 1955 ? "O" : year <= 1985 ? "M" : "Y";
}

export function drawSurname(rng: Prng): NameEntry {
  return SURNAMES[rng.weighted(SURNAME_WEIGHTS)];
}

export function drawGiven(rng: Prng, sex: 1 | 2, birth: Day): NameEntry {
  return rng.pick((sex === 1 ? MALE_NAMES : FEMALE_NAMES)[eraOf(birth)]);
}

export function drawBirth(rng: Prng): Day {
  const [from, to] = AGE_BANDS[rng.weighted(AGE_WEIGHTS)];
  const ageDays = rng.range(from * 365, to * 365 + 364);
  return BASE_DAY - 1 - ageDays;
}

export function drawPerson(rng: Prng): Person {
  const sex: 1 | 2 = rng.chance(0.52) ? 1 : 2;
  const birth = drawBirth(rng);
  const start = Math.max(birth + 1, FIRST_QUALIFICATION);
  const qualified = rng.range(start, BASE_DAY - 1);
  const person: Person = { surname: drawSurname(rng), given: drawGiven(rng, sex, birth), sex, birth, qualified };
  if (rng.chance(0.08) && qualified < LAST_DAY - 1) person.disqualified = rng.range(qualified + 1, LAST_DAY);
  return person;
}
