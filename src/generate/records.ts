// Builds one clean record of the synthetic export (a "draft"): person, place, office numbers and the cells as written;
// defects and reference mutations are applied to drafts afterwards.
import { addressPieces, Addresses, officeStyle, postalCode, type Address, type OfficeStyle } from "./addresses.js";
import type { FieldKey } from "./defect-mix.js";
import { toHalfWidthKana } from "./kana.js";
import { SMALL_KANA_SURNAMES, type NameEntry } from "./names.js";
import { IndividualNumbers, insurerNumber, RecipientNumbers } from "./numbers.js";
import { dayOf, drawPerson, drawSurname, ymd, type Person } from "./people.js";
import { Places, type Place } from "./places.js";
import { mix32, type Prng } from "./prng.js";
import type { Cell } from "./writer.js";

/** The columns of the export, in order (SPEC §2 default header names). */
export const HEADER: readonly { field: FieldKey; title: string }[] = [
  { field: "insurerNumber", title: "保険者番号" },
  { field: "recipientNumber", title: "受給者番号" },
  { field: "branch", title: "枝番" },
  { field: "individualNumber", title: "個人番号" },
  { field: "name", title: "氏名" },
  { field: "nameKana", title: "氏名カナ" },
  { field: "birthDate", title: "生年月日" },
  { field: "sex", title: "性別" },
  { field: "postalCode", title: "郵便番号" },
  { field: "address", title: "住所" },
  { field: "qualifiedOn", title: "資格取得年月日" },
  { field: "disqualifiedOn", title: "資格喪失年月日" },
];

/** How a cell is quoted on output (S03); the value the reader decodes is the same as unquoted. */
export interface Quoting {
  field: FieldKey;
  kind: "unclosed" | "text-after";
  /** text-after: the number of the cell's pieces inside the quotes. */
  splitAt?: number;
}

export interface Draft {
  /** Person index (1-based record number, or beyond for reference-only persons): decides the 個人番号. */
  index: number;
  person: Person;
  place: Place;
  style: OfficeStyle;
  address: Address;
  /** The 個人番号 with its valid check digit, before any defect. */
  individualNumber: string;
  cells: Record<FieldKey, Cell>;
  /** 12, or 11/13 for S01. */
  columns: number;
  quoting?: Quoting;
}

/** Constraints a defect puts on the record it is applied to. */
export interface DraftNeeds {
  prefectures?: readonly number[];
  place?: "designated" | "tokyo-special-ward";
  surnames?: readonly NameEntry[];
  individualFirstDigit?: number;
  recipientLeadingZero?: boolean;
  birthDayUnder10?: boolean;
  building?: boolean;
  /** The reading must hold a small kana (ョ, ッ …). */
  smallKana?: boolean;
}

export class RecordFactory {
  readonly places: Places;
  readonly addresses: Addresses;
  private readonly individuals: IndividualNumbers;
  private readonly recipients: RecipientNumbers;

  /** `shareWith`: reuse another factory's place tables (its own number counters stay separate). */
  constructor(private readonly seed: number, shareWith?: RecordFactory) {
    this.places = shareWith?.places ?? new Places();
    this.addresses = shareWith?.addresses ?? new Addresses(this.places.allNames());
    this.individuals = new IndividualNumbers(seed);
    this.recipients = new RecipientNumbers(seed);
  }

  styleOf(place: Place): OfficeStyle {
    return officeStyle(mix32((place.prefecture.code * 1000 + place.office) ^ this.seed));
  }

  draft(index: number, rng: Prng, needs: DraftNeeds = {}): Draft {
    const place = needs.place === "designated" ? this.places.designatedCity(rng)
      : needs.place === "tokyo-special-ward" ? this.places.tokyoSpecialWard(rng)
      : this.places.place(rng, needs.prefectures);
    const style = this.styleOf(place);
    const person = drawPerson(rng);
    if (needs.surnames) person.surname = rng.pick(needs.surnames);
    if (needs.smallKana && !/[ァィゥェォッャュョ]/.test(person.surname.kana + person.given.kana)) person.surname = rng.pick(SMALL_KANA_SURNAMES);
    if (needs.birthDayUnder10) moveBirthIntoFirstDays(person, rng);
    const address = this.addresses.address(place, style, rng);
    if (needs.building && !address.building) address.building = `コーポ若葉${rng.range(1, 3)}0${rng.range(1, 6)}号室`;
    const individualNumber = this.individuals.number(index, needs.individualFirstDigit ?? rng.int(10));
    const cells: Record<FieldKey, Cell> = {
      insurerNumber: insurerNumber("12", place.prefecture.code, place.office),
      recipientNumber: this.recipients.next(place.prefecture.code * 1000 + place.office, needs.recipientLeadingZero),
      branch: "00",
      individualNumber,
      name: nameCell(person.surname, person.given),
      nameKana: kanaText(person.surname, person.given, style),
      birthDate: ymd(person.birth),
      sex: String(person.sex),
      postalCode: postalCode(place, style, rng),
      address: addressPieces(address),
      qualifiedOn: ymd(person.qualified),
      disqualifiedOn: person.disqualified === undefined ? "" : ymd(person.disqualified),
    };
    return { index, person, place, style, address, individualNumber, cells, columns: HEADER.length };
  }

  /** A 姓 different in writing and reading from `not` (a name change by marriage). */
  otherSurname(rng: Prng, not: NameEntry): NameEntry {
    for (;;) {
      const s = drawSurname(rng);
      if (s.kanji !== not.kanji && s.kana !== not.kana) return s;
    }
  }
}

export function nameCell(surname: NameEntry | string, given: NameEntry | string, separator = "\u3000"): string[] {
  const s = typeof surname === "string" ? surname : surname.kanji;
  const g = typeof given === "string" ? given : given.kanji;
  return [s, separator, g];
}

/** カナ氏名 in the office's width: ヤマダ　タロウ or ﾔﾏﾀﾞ ﾀﾛｳ. */
export function kanaText(surname: NameEntry, given: NameEntry, style: OfficeStyle): string {
  const full = `${surname.kana}\u3000${given.kana}`;
  return style.halfWidthKana ? toHalfWidthKana(full) : full;
}

/** Moves the birth day into days 1–9 of its month (so Excel's 2000/1/5 form is visibly reformatted). */
function moveBirthIntoFirstDays(person: Person, rng: Prng): void {
  const d = new Date(person.birth * 86_400_000);
  const first = dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const moved = first + rng.int(9);
  person.birth = moved <= person.qualified ? moved : first;
}
