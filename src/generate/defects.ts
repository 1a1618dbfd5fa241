// Applies one input defect of the mix to a clean draft: the cells change, and what the record was built to trigger
// is known from the defect alone (no check code is consulted). Raw bytes are written where iconv-lite cannot encode.
import { addressPieces, blockText } from "./addresses.js";
import type { Variant } from "./defect-mix.js";
import { toFullWidthKana, toHiragana } from "./kana.js";
import { SAKI_SURNAMES, TAKA_SURNAMES } from "./names.js";
import { insurerNumber } from "./numbers.js";
import { ymd } from "./people.js";
import type { Prng } from "./prng.js";
import { kanaText, nameCell, type Draft, type DraftNeeds, type RecordFactory } from "./records.js";
import { encodeCp932, type Piece } from "./writer.js";

/** Prefectures whose postal codes start with 0 (北海道, 青森, 岩手, 秋田): the ones Excel shortens. */
const ZERO_POSTAL_PREFECTURES = [1, 2, 3, 5];

/** What a defect variant needs from the record before it is built. */
export function needsOf(code: string, variant: Variant): DraftNeeds {
  switch (`${code}/${variant.name}`) {
    case "Z09/server-literal": return { place: "tokyo-special-ward" };
    case "A01/designated-city-without-ward": return { place: "designated" };
    case "G02/taka-FBFC":
    case "G02/taka-EEE0": return { surnames: TAKA_SURNAMES };
    case "G02/saki-FAB1": return { surnames: SAKI_SURNAMES };
    case "X01/individual-leading-zero": return { individualFirstDigit: 0 };
    case "X01/recipient-leading-zero": return { recipientLeadingZero: true };
    case "X01/postal-leading-zero": return { prefectures: ZERO_POSTAL_PREFECTURES };
    case "X01/date-reformatted": return { birthDayUnder10: true };
    case "S03/stray-quote":
    case "S03/text-after-quote": return { building: true };
    default: return {};
  }
}

const NON_ADDRESS_TEXT = ["住所不定", "入院中", "施設入所", "不明", "同上"];
const NON_ADDRESS_NOTES = ["（入院中）", "（施設入所中）", "（住所不定）"];
const ASCII_WORDS = ["NULL", "unknown", "N/A", "none"];
/** S04: the 住所 padded with full-width spaces past 64 KiB, as a fixed-width export does. */
const LONG_FIELD_PAD = "\u3000".repeat(34_000);

function changedDigit(d: string, rng: Prng): string {
  return String((Number(d) + rng.range(1, 9)) % 10);
}

function withLastDigitChanged(s: string, rng: Prng): string {
  return s.slice(0, -1) + changedDigit(s.slice(-1), rng);
}

/** A kanji name with one character replaced by `replacement` (pieces). */
function replaceOneChar(text: string, replacement: Piece, rng: Prng): Piece[] {
  const chars = [...text];
  const at = rng.int(chars.length);
  return [chars.slice(0, at).join(""), replacement, chars.slice(at + 1).join("")].filter((p) => p !== "");
}

/** A user-defined character: CP932 lead F0–F9, trail 40–7E or 80–FC. */
function userDefinedBytes(rng: Prng): Uint8Array {
  const trail = rng.int(188);
  return Uint8Array.of(0xf0 + rng.int(10), trail < 63 ? 0x40 + trail : 0x80 + (trail - 63));
}

function phoneNumber(rng: Prng): string {
  const mobile = rng.chance(0.5);
  const n = (k: number) => String(rng.int(10 ** k)).padStart(k, "0");
  return mobile ? `0${rng.pick(["70", "80", "90"])}-${n(4)}-${n(4)}` : `0${rng.range(3, 9)}-${n(4)}-${n(4)}`;
}

/** Applies the defect to the draft's cells (B04 is applied by the caller, which knows the pair). */
export function applyDefect(d: Draft, code: string, variant: Variant, rng: Prng, factory: RecordFactory): void {
  const c = d.cells;
  const p = d.person;
  const kanaSep = d.style.halfWidthKana ? " " : "\u3000";
  const name = nameCell(p.surname, p.given);
  switch (`${code}/${variant.name}`) {
    case "Z04/trailing-fullwidth-space": c.name = [...name, "\u3000"]; break;
    case "Z04/trailing-space": c.name = [...name, " "]; break;
    case "Z04/leading-space": c.name = ["\u3000", ...name]; break;
    case "Z04/doubled-space": c.name = nameCell(p.surname, p.given, "\u3000\u3000"); break;
    case "Z04/kana-trailing-space": c.nameKana = kanaText(p.surname, p.given, d.style) + kanaSep; break;
    case "Z04/kana-doubled-space": c.nameKana = kanaText(p.surname, p.given, d.style).replace(kanaSep, kanaSep + kanaSep); break;

    case "Z09/no-prefecture": c.address = addressPieces(d.address).slice(1); break;
    case "Z09/no-municipality": c.address = [d.address.prefecture, d.address.town, blockText(d.address.block)]; break;
    case "Z09/town-only": c.address = [d.address.town, blockText(d.address.block)]; break;
    case "Z09/server-literal": {
      const ward = d.place.municipality.name.replace(/区$/, "區");
      const block = blockText(factory.addresses.block(rng, d.style, false));
      c.address = [d.address.prefecture, ward, rng.pick(factory.addresses.literalFree), block];
      break;
    }
    case "Z09/non-address-text": c.address = rng.pick(NON_ADDRESS_TEXT); break;
    case "Z09/non-address-appended": c.address = [...addressPieces(d.address), rng.pick(NON_ADDRESS_NOTES)]; break;
    case "Z09/phone-number": c.address = [...addressPieces(d.address), "\u3000", rng.pick(["電話", "TEL", "連絡先"]), phoneNumber(rng)]; break;
    case "Z09/wrong-prefecture": {
      const others = factory.places.prefectures.filter((x) => x !== d.place.prefecture && !factory.places.hasMunicipality(x, d.place.municipality.name));
      c.address = [rng.pick(others).name, ...addressPieces(d.address).slice(1)];
      break;
    }
    case "Z09/ascii-word": c.address = rng.pick(ASCII_WORDS); break;

    case "A01/designated-city-without-ward": c.address = addressPieces({ ...d.address, ward: undefined }); break;

    case "G01/user-defined-char":
      c.name = rng.chance(0.5)
        ? [...replaceOneChar(p.surname.kanji, userDefinedBytes(rng), rng), "\u3000", p.given.kanji]
        : [p.surname.kanji, "\u3000", ...replaceOneChar(p.given.kanji, userDefinedBytes(rng), rng)];
      break;
    case "G02/taka-FBFC": c.name = [Uint8Array.of(0xfb, 0xfc), p.surname.kanji.slice(1), "\u3000", p.given.kanji]; break;
    case "G02/taka-EEE0": c.name = [Uint8Array.of(0xee, 0xe0), p.surname.kanji.slice(1), "\u3000", p.given.kanji]; break;
    case "G02/saki-FAB1": c.name = [p.surname.kanji.slice(0, -1), Uint8Array.of(0xfa, 0xb1), "\u3000", p.given.kanji]; break;
    case "G04/black-circle":
      c.name = rng.chance(0.5)
        ? [...replaceOneChar(p.surname.kanji, "●", rng), "\u3000", p.given.kanji]
        : [p.surname.kanji, "\u3000", ...replaceOneChar(p.given.kanji, "●", rng)];
      break;

    case "K01/hiragana": c.nameKana = toHiragana(toFullWidthKana(kanaText(p.surname, p.given, d.style))); break;
    case "K01/kanji": c.nameKana = name.join(""); break;
    case "K01/annotation": c.nameKana = kanaText(p.surname, p.given, d.style) + "（仮）"; break;

    case "B01/impossible-day": c.birthDate = ymd(p.birth).slice(0, 4) + rng.pick(["0230", "0231", "0431", "0631", "0931", "1131"]); break;
    case "B01/month-00": c.birthDate = ymd(p.birth).slice(0, 4) + "00" + ymd(p.birth).slice(6); break;
    case "B01/zeros": c.birthDate = "00000000"; break;
    case "B01/before-1890": c.birthDate = String(rng.range(1850, 1889)) + ymd(p.birth).slice(4); break;

    case "B02/zero": c.sex = "0"; break;
    case "B02/kanji": c.sex = p.sex === 1 ? "男" : "女"; break;
    case "B02/letter": c.sex = p.sex === 1 ? "M" : "F"; break;

    case "B03/empty-name": c.name = ""; break;
    case "B03/empty-kana": c.nameKana = ""; break;
    case "B03/empty-birth-date": c.birthDate = ""; break;
    case "B03/empty-sex": c.sex = ""; break;
    case "B03/empty-address": c.address = ""; break;

    case "B09/sex-3": c.sex = "3"; break;
    case "B04/shared-individual-number": break;

    case "N01/check-digit": c.individualNumber = withLastDigitChanged(d.individualNumber, rng); break;
    case "N01/thirteen-digits": c.individualNumber = d.individualNumber + String(rng.int(10)); break;
    case "N04/empty": c.individualNumber = ""; break;

    case "N02/check-digit": c.insurerNumber = withLastDigitChanged(c.insurerNumber as string, rng); break;
    case "N02/law-15": c.insurerNumber = insurerNumber("15", d.place.prefecture.code, d.place.office); break;
    case "N02/prefecture-48": c.insurerNumber = insurerNumber("12", 48, d.place.office); break;
    case "N02/nine-digits": c.insurerNumber = (c.insurerNumber as string) + String(rng.int(10)); break;

    case "N03/check-digit": c.recipientNumber = withLastDigitChanged(c.recipientNumber as string, rng); break;
    case "N03/eight-digits": c.recipientNumber = (c.recipientNumber as string) + String(rng.int(10)); break;

    case "D01/before-birth": c.qualifiedOn = ymd(p.birth - rng.range(1, 3650)); break;
    case "D01/after-disqualification": {
      const disqualified = p.disqualified ?? p.qualified - rng.range(1, 365);
      const qualified = Math.max(p.qualified, disqualified + rng.range(1, 365));
      c.qualifiedOn = ymd(qualified);
      c.disqualifiedOn = ymd(disqualified);
      break;
    }
    case "D01/impossible-day": c.qualifiedOn = ymd(p.qualified).slice(0, 4) + rng.pick(["0230", "0231", "0431", "1131"]); break;

    case "X01/individual-exponent": c.individualNumber = Number(d.individualNumber).toExponential(5).toUpperCase(); break;
    case "X01/individual-leading-zero": c.individualNumber = d.individualNumber.slice(1); break;
    case "X01/recipient-leading-zero": c.recipientNumber = (c.recipientNumber as string).slice(1); break;
    case "X01/postal-leading-zero": c.postalCode = (c.postalCode as string).replace("-", "").slice(1); break;
    case "X01/date-reformatted": {
      const b = ymd(p.birth);
      c.birthDate = `${b.slice(0, 4)}/${Number(b.slice(4, 6))}/${Number(b.slice(6))}`;
      break;
    }

    case "S01/extra-column": d.columns = 13; break;
    case "S01/missing-column": d.columns = 11; break;

    case "S02/truncated-lead-byte": {
      const given = encodeCp932(p.given.kanji);
      c.name = [p.surname.kanji, "\u3000", given.subarray(0, given.length - 1)];
      break;
    }
    case "S02/unassigned-bytes": {
      const pieces: Piece[] = addressPieces(d.address);
      const town = pieces.indexOf(d.address.town);
      pieces.splice(town + 1, 0, Uint8Array.of(0x85, 0x40));
      c.address = pieces;
      break;
    }

    case "S03/unclosed-quote": d.quoting = { field: "name", kind: "unclosed" }; break;
    case "S03/stray-quote": c.address = [...addressPieces({ ...d.address, building: undefined }), "\u3000\"", d.address.building!.replace(/(\d+号室)$/, "\"$1")]; break;
    case "S03/text-after-quote": {
      const pieces = addressPieces(d.address);
      c.address = pieces;
      d.quoting = { field: "address", kind: "text-after", splitAt: pieces.length - 2 };
      break;
    }

    case "S04/field-over-64KiB": c.address = [...addressPieces(d.address), LONG_FIELD_PAD]; break;

    default:
      throw new Error(`generator: no defect ${code}/${variant.name}`);
  }
}
