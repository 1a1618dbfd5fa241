// Z09: 住所 without a 都道府県 or a current 市区町村 of it, or holding non-address text (server error Z09, and better).
import { defineCheck, type ReportInput } from "./define.js";
import {
  correctedAddress,
  failsServerLiteralTest,
  insurerPrefectureCode,
  readAddress,
  resolvePlace,
  type AddressReading,
} from "../jp/address.js";
import { findNonAddressText, withoutNonAddressText, type NonAddressText } from "../jp/non-address-text.js";
import { ADDRESS_SPACES } from "../jp/address-folding.js";

const messages = {
  noMunicipalityChar: {
    ja: "住所に「市・区・郡・町・村」のどの文字もありません（サーバーの Z09 判定にかかります。旧字体の「區」なども対象）",
    en: "The address contains none of 市, 区, 郡, 町, 村 (the server's Z09 test fails; old forms such as 區 count as missing)",
  },
  noPrefecture: {
    ja: "住所に都道府県がありません",
    en: "The address has no prefecture",
  },
  noPrefectureOrMunicipality: {
    ja: "住所に都道府県も市区町村もありません",
    en: "The address has neither a prefecture nor a municipality",
  },
  noMunicipality: {
    ja: "住所の都道府県の後に、その都道府県の現行の市区町村がありません（誤記・架空・合併で消滅した市町村）",
    en: "No current municipality of the prefecture follows it (misspelt, invented or merged away)",
  },
  wrongPrefecture: {
    ja: "住所の市区町村は、書かれている都道府県にはありません（都道府県の誤り）",
    en: "The municipality does not belong to the prefecture written before it",
  },
  wardWithoutCity: {
    ja: "政令指定都市の区が、市名なしで書かれています",
    en: "A ward of a designated city is written without the city",
  },
  dissolvedWard: {
    ja: "政令指定都市の区が、廃止された区です（区の再編前の住所）",
    en: "The ward of the designated city has been abolished (address from before a ward reorganisation)",
  },
  unknownWard: {
    ja: "政令指定都市の区が、その市の区ではありません",
    en: "The ward is not a ward of that designated city",
  },
  countyBeforeCity: {
    ja: "市の前に郡が書かれています（市は郡に属しません。市制施行前の古い住所）",
    en: "A county (郡) is written before a city; cities belong to no county (an address from before the town became a city)",
  },
  nonAddress: {
    ja: "住所欄に住所以外の文言があります（住所不定・入院中・施設入所・不明・同上など）",
    en: "The address field holds non-address text (住所不定, 入院中, 施設入所, 不明, 同上 …)",
  },
  phoneNumber: {
    ja: "住所欄に電話番号があります",
    en: "The address field holds a phone number",
  },
  asciiWord: {
    ja: "住所欄に住所でない英字の語があります（NULL・N/A など）",
    en: "The address field holds a non-address ASCII word (NULL, N/A …)",
  },
} as const;

type MessageId = keyof typeof messages;

const READING_MESSAGES: Partial<Record<AddressReading["status"], MessageId>> = {
  noPrefecture: "noPrefecture",
  wrongPrefecture: "wrongPrefecture",
  wardWithoutCity: "wardWithoutCity",
  noMunicipality: "noMunicipality",
  nothing: "noPrefectureOrMunicipality",
};

const NON_ADDRESS_MESSAGES: Record<NonAddressText["kind"], MessageId> = {
  phrase: "nonAddress",
  phone: "phoneNumber",
  ascii: "asciiWord",
};

const SPACE_CODES = new Set([...ADDRESS_SPACES].map((c) => c.charCodeAt(0)));

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!SPACE_CODES.has(value.charCodeAt(i))) return false;
  return true;
}

/** What is wrong with one address: its message, suggestion and machine-readable facts. */
type Diagnosis = { messageId: MessageId; suggestion?: string; extra: Record<string, unknown> };

/** What is wrong with one address (no finding = undefined), its suggestion and machine-readable facts. */
export function diagnoseAddress(address: string, insurerNumber?: string): Diagnosis | undefined {
  if (isBlank(address)) return undefined;
  const serverLiteral = failsServerLiteralTest(address);
  const junk = findNonAddressText(address);
  if (junk) {
    const remainder = withoutNonAddressText(address, junk);
    const ok = remainder !== "" && readAddress(remainder).status === "ok";
    return {
      messageId: NON_ADDRESS_MESSAGES[junk.kind],
      suggestion: ok ? remainder : undefined,
      extra: { serverLiteral, nonAddressText: junk.kind },
    };
  }
  const reading = readAddress(address);
  if (reading.status === "ok") return diagnoseRecognised(address, reading, serverLiteral);
  const insurerPref = insurerPrefectureCode(insurerNumber);
  const messageId = READING_MESSAGES[reading.status]!;
  const resolved = resolvePlace(reading, insurerPref);
  const extra: Record<string, unknown> = {
    serverLiteral,
    reason: reading.status,
    candidatePrefectures: [...new Set(reading.candidates.map((p) => p.prefecture.code))],
  };
  if (!resolved) return { messageId, extra };
  const ward = reading.wardStatus === "dissolved" && reading.dissolvedWard!.successors.length === 1 ? reading.dissolvedWard!.successors[0] : undefined;
  extra.suggestedPrefecture = resolved.place.prefecture.code;
  extra.suggestedBy = resolved.by;
  return { messageId, suggestion: correctedAddress(address, reading, resolved.place, ward ?? resolved.place.ward?.name), extra };
}

/** A recognised 都道府県 + 市区町村: a defect of its ward, its county or the literal test, or (most often) none. */
function diagnoseRecognised(address: string, reading: AddressReading, serverLiteral: boolean): Diagnosis | undefined {
  if (!serverLiteral && reading.wardStatus !== "dissolved" && reading.wardStatus !== "unknown" && !reading.countyBeforeCity) return undefined;
  const place = reading.place!;
  const extra = { serverLiteral, municipalityCode: place.municipality.code };
  if (serverLiteral) return { messageId: "noMunicipalityChar", suggestion: correctedAddress(address, reading, place), extra };
  if (reading.wardStatus === "dissolved") {
    const successors = reading.dissolvedWard!.successors;
    const suggestion = successors.length === 1 ? correctedAddress(address, reading, place, successors[0]) : undefined;
    return { messageId: "dissolvedWard", suggestion, extra: { ...extra, successorWards: successors } };
  }
  if (reading.wardStatus === "unknown") {
    return { messageId: "unknownWard", extra: { ...extra, wards: place.municipality.wards!.map((w) => w.name) } };
  }
  return { messageId: "countyBeforeCity", suggestion: correctedAddress(address, reading, place), extra };
}

export default defineCheck({
  meta: { code: "Z09", fields: ["address", "insurerNumber"], messages },
  create(ctx) {
    return {
      record(rec) {
        const address = rec.fields.address;
        if (address === undefined) return;
        const d = diagnoseAddress(address, rec.fields.insurerNumber);
        if (!d) return;
        const input: ReportInput = { messageId: d.messageId, at: rec, field: "address", extra: d.extra };
        if (d.suggestion !== undefined) input.suggestion = d.suggestion;
        ctx.report(input);
      },
    };
  },
});
