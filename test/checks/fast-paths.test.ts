// The per-record fast paths of the field checks (G01–G04, K01, Z04, B03, N01–N03, X01, B01, D01) agree with their slow paths.
import { describe, expect, it } from "vitest";
import b01 from "../../src/checks/b01-birth-date-invalid.js";
import b03, { B03_FIELDS } from "../../src/checks/b03-basic4-empty.js";
import d01 from "../../src/checks/d01-qualification-date-invalid.js";
import g01 from "../../src/checks/g01-user-defined-char.js";
import g02 from "../../src/checks/g02-vendor-extension-char.js";
import g03 from "../../src/checks/g03-non-jis-char.js";
import g04 from "../../src/checks/g04-black-circle.js";
import k01, { KANA_NAME_ALLOWED } from "../../src/checks/k01-kana-chars.js";
import n01 from "../../src/checks/n01-individual-number-invalid.js";
import n02 from "../../src/checks/n02-insurer-number-invalid.js";
import n03 from "../../src/checks/n03-recipient-number-invalid.js";
import { CHAR_FIELDS, classMask } from "../../src/checks/support/char-findings.js";
import { isBefore } from "../../src/checks/support/code-unit-order.js";
import x01 from "../../src/checks/x01-excel-damage.js";
import z04 from "../../src/checks/z04-name-spacing.js";
import { isAsciiDigits } from "../../src/jp/blank.js";
import { isValidIndividualNumber, isValidMhlwNumber, mhlwCheckDigit } from "../../src/jp/check-digits.js";
import { EXCEL_DAMAGE_FIELDS, excelDamage } from "../../src/jp/excel-damage.js";
import { CHAR_CLASS, CharClass, classifyCodePoint } from "../../src/jp/jisx0208.js";
import type { Finding } from "../../src/types.js";
import { brief, individualNumber, mulberry32, row } from "../helpers/basic4-rows.js";
import { runChecks, type Row } from "../helpers/run-checks.js";

const sjis = new TextDecoder("shift_jis");

/** Every code unit 0000–FFFF (lone surrogates included) and one character of each kind outside the BMP. */
const EVERY_UNIT = Array.from({ length: 0x10000 }, (_, u) => String.fromCharCode(u));
const ASTRAL = ["\u{20bb7}", "\u{f0000}", "\u{10fffd}", "\u{e0100}", "\u{1f600}"];

/** Every double-byte code of CP932 (lead 81–9F, E0–FC; trail 40–7E, 80–FC) that decodes to one character. */
const CP932_CHARS = (() => {
  const out: string[] = [];
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const s = sjis.decode(Uint8Array.of(lead, trail));
      if (s.length === 1 && s !== "\ufffd") out.push(s);
    }
  }
  return out;
})();

/** The slow path's rule, character by character: the class of each code point, half-width katakana allowed in カナ氏名. */
function slowMask(value: string, kana: boolean): number {
  let mask = 0;
  for (let i = 0; i < value.length; ) {
    const cp = value.codePointAt(i)!;
    const isPair = cp > 0xffff;
    let cls = isPair ? classifyCodePoint(cp) : (CHAR_CLASS[cp] as CharClass);
    if (cls === CharClass.Surrogate) cls = CharClass.NonJis; // a lone surrogate
    if (cls === CharClass.HalfWidthKana && kana) cls = CharClass.Allowed;
    if (cls !== CharClass.Allowed) mask |= 1 << cls;
    i += isPair ? 2 : 1;
  }
  return mask;
}

describe("G01–G04: the all-common pre-pass", () => {
  it("classMask agrees with the per-character classes for every code unit, alone and among common characters", () => {
    let suspicious = 0;
    const wrong: string[] = [];
    for (const ch of [...EVERY_UNIT, ...ASTRAL]) {
      for (const kana of [false, true]) {
        const want = slowMask(ch, kana);
        if (want !== 0) suspicious++;
        for (const value of [ch, `山田${ch}`, `${ch}太郎`, `ヤマ${ch}ダ　タロウ１２３`]) {
          if (classMask(value, kana) !== want) wrong.push(`${JSON.stringify(value)} kana=${kana}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(suspicious).toBeGreaterThan(2 * 50_000); // most of the BMP is outside JIS X 0208
  });

  it("every CP932 double-byte character in カナ氏名 and 住所 gets the findings of its class", () => {
    const CODE_OF: Partial<Record<CharClass, string>> = {
      [CharClass.UserDefined]: "G01", [CharClass.VendorExtension]: "G02", [CharClass.NonJis]: "G03",
      [CharClass.HalfWidthKana]: "G03", [CharClass.BlackCircle]: "G04",
    };
    const rows: Row[] = CP932_CHARS.map((ch) => row({ name: "試験　花子", nameKana: `シケン${ch}`, address: `東京都${ch}千代田区` }));
    const findings = runChecks([g01, g02, g03, g04], rows);
    const want: { code: string; record: number; field: string }[] = [];
    CP932_CHARS.forEach((ch, i) => {
      for (const field of ["nameKana", "address"] as const) {
        const mask = slowMask(ch, field === "nameKana");
        const code = mask === 0 ? undefined : CODE_OF[Math.log2(mask) as CharClass];
        if (code) want.push({ code, record: i + 1, field });
      }
    });
    const got = findings.map((f) => ({ code: f.code, record: f.record, field: f.field }));
    const order = (a: { code: string; record: number; field: string }, b: typeof a) => a.record - b.record || a.field.localeCompare(b.field) || a.code.localeCompare(b.code);
    expect(got.sort(order)).toEqual(want.sort(order));
    expect(want.length).toBeGreaterThan(2 * (1880 + 833));
  });

  it("a record whose values repeat the previous record's in part is judged on its own values", () => {
    const rows: Row[] = [
      row({ name: "髙橋　一郎", address: "東京都" }),
      row({ name: "髙橋　一郎", address: "東京都" }), // the same values again
      row({ name: "高橋　一郎", address: "東京都" }),
      row({ name: "高橋　一郎", address: "東京都①" }),
      row({ name: "高橋　一郎", nameKana: "ﾀｶﾊｼ", address: "東京都" }),
      row({ name: "ﾀｶﾊｼ", nameKana: "ﾀｶﾊｼ", address: "東京都" }),
    ];
    expect(brief(runChecks([g01, g02, g03, g04], rows)).map((f) => [f.code, f.record, f.field])).toEqual([
      ["G02", 1, "name"], ["G02", 2, "name"], ["G02", 4, "address"], ["G03", 6, "name"], ["G03", 6, "name"], ["G03", 6, "name"], ["G03", 6, "name"],
    ]);
  });

  it("CHAR_FIELDS are the three fields the record mask covers", () => {
    expect([...CHAR_FIELDS]).toEqual(["name", "nameKana", "address"]);
  });
});

describe("K01: the all-allowed pre-pass", () => {
  const allowed = (cp: number) => KANA_NAME_ALLOWED.some(([from, to]) => cp >= from && cp <= to);

  it("reports a カナ氏名 exactly when it holds a character outside KANA_NAME_ALLOWED, for every code unit", () => {
    const values = [...EVERY_UNIT, ...ASTRAL].map((ch) => `シケン${ch}`);
    const findings = runChecks([k01], values.map((nameKana) => row({ nameKana })));
    const flagged = new Set(findings.map((f) => f.record));
    const want = new Set<number>();
    values.forEach((v, i) => {
      if ([...v].some((c) => !allowed(c.codePointAt(0)!))) want.add(i + 1);
    });
    expect(flagged).toEqual(want);
    expect(want.size).toBe(0x10000 + ASTRAL.length - KANA_NAME_ALLOWED.reduce((n, [from, to]) => n + to - from + 1, 0));
  });

  it("white space only is B03's, whichever spaces (TAB and NBSP are not allowed characters)", () => {
    expect(runChecks([k01], ["\t", "\u00a0", " \u3000", "\t\u00a0 "].map((nameKana) => row({ nameKana })))).toEqual([]);
    expect(brief(runChecks([k01], [row({ nameKana: "シケン\t" })]))).toEqual([{ code: "K01", messageId: "invalidChars", record: 1, field: "nameKana" }]);
  });
});

describe("Z04: the tidy-name pre-pass", () => {
  // Every value of one to five characters over letters and the four spaces, judged by the rules of SPEC §3 Z04.
  const ALPHABET = ["a", "山", " ", "\u3000", "\t", "\u00a0"];
  const SPACE = /[ \u3000\t\u00a0]/;
  const values: string[] = [];
  const grow = (prefix: string) => {
    if (prefix.length > 0) values.push(prefix);
    if (prefix.length < 5) for (const c of ALPHABET) grow(prefix + c);
  };
  grow("");

  function expected(v: string): string[] {
    if ([...v].every((c) => SPACE.test(c))) return []; // blank: B03's
    const kinds: string[] = [];
    if (SPACE.test(v[0])) kinds.push("leading");
    if (SPACE.test(v[v.length - 1])) kinds.push("trailing");
    if (/[ \u3000\t\u00a0]{2}/.test(v.replace(/^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g, ""))) kinds.push("doubled");
    return kinds;
  }

  it.each(["name", "nameKana"] as const)("reports in %s exactly the leading, trailing and doubled spaces", (field) => {
    const findings = runChecks([z04], values.map((v) => row({ [field]: v })));
    const got = new Map<number, string[]>();
    for (const f of findings) got.set(f.record, [...(got.get(f.record) ?? []), f.messageId]);
    values.forEach((v, i) => expect([JSON.stringify(v), got.get(i + 1) ?? []]).toEqual([JSON.stringify(v), expected(v)]));
    expect(values.length).toBe(6 + 36 + 216 + 1296 + 7776);
  });
});

describe("B03: the none-blank pre-pass", () => {
  it("each field of B03_FIELDS, blank, is reported", () => {
    const fields = Object.keys(B03_FIELDS);
    expect(fields).toEqual(["name", "nameKana", "birthDate", "sex", "address"]);
    for (const field of fields) {
      for (const blank of ["", " \u3000", undefined]) {
        const over: Row = { [field]: blank };
        const r = row(over);
        if (blank === undefined) delete r[field as keyof Row];
        expect(brief(runChecks([b03], [r], { fields: Object.keys(row()) as (keyof Row)[] })).map((f) => f.field)).toEqual([field]);
      }
    }
  });
});

/** The number checks' fast path takes a value of exactly the right number of digits; wrapped in spaces it takes the slow one. */
function sameAsSlowPath(check: Parameters<typeof runChecks>[0][number], field: keyof Row, values: string[], options = {}) {
  const fast = runChecks([check], values.map((v) => row({ [field]: v })), { options });
  const slow = runChecks([check], values.map((v) => row({ [field]: ` ${v}\u3000` })), { options });
  const gist = (f: Finding) => ({ record: f.record, messageId: f.messageId, suggestion: f.suggestion, message: f.message });
  expect(fast.map(gist)).toEqual(slow.map(gist));
  return fast;
}

function digitStrings(rand: () => number, length: number, count: number): string[] {
  return Array.from({ length: count }, () => Array.from({ length }, () => String(Math.floor(rand() * 10))).join(""));
}

describe("N01–N03: the all-digits fast path", () => {
  const rand = mulberry32(0x5eed);

  it("N01: 12-digit values are judged as the trimmed value would be", () => {
    const values = [...digitStrings(rand, 12, 400), ...Array.from({ length: 100 }, () => individualNumber(digitStrings(rand, 11, 1)[0]))];
    const findings = sameAsSlowPath(n01, "individualNumber", values);
    expect(findings.length).toBeGreaterThan(300); // mostly wrong check digits
    expect(findings.length).toBeLessThan(400);
  });

  it("N02: 8-digit values are judged as the trimmed value would be, whatever --allowed-law holds", () => {
    const values = [...digitStrings(rand, 8, 300), "12130001", "12270153", "25130007", "00130004", "99999999", "12000000", "12480009", "12470002"];
    for (const allowedLaw of [["12", "25"], ["06", "12"], ["1", "12 ", "１２", "ab", "123", "00", "99"], ["123", " 25", "1"], []]) {
      const findings = sameAsSlowPath(n02, "insurerNumber", values, { allowedLaw });
      expect(findings.length).toBeGreaterThan(values.length / 2);
    }
  });

  it("N02: a law finding exactly when --allowed-law does not hold the value's first two digits as written", () => {
    const values = ["12130001", "25130007", "06130488", "99999999", "00130004", "10130002", "12120168"];
    for (const allowedLaw of [["12", "25"], ["123", " 25", "1", "１２", "06"], ["12 ", "2", "10"], ["00", "99"], []]) {
      const findings = runChecks([n02], values.map((insurerNumber) => row({ insurerNumber })), { options: { allowedLaw } });
      const lawRecords = findings.filter((f) => f.messageId === "law").map((f) => f.record);
      const want = values.flatMap((v, i) => (allowedLaw.includes(v.slice(0, 2)) ? [] : [i + 1]));
      expect([allowedLaw, lawRecords]).toEqual([allowedLaw, want]);
    }
  });

  it("N03: 7-digit values are judged as the trimmed value would be", () => {
    const values = [...digitStrings(rand, 7, 400), "1234566", "0123455"];
    const findings = sameAsSlowPath(n03, "recipientNumber", values);
    expect(findings.length).toBeGreaterThan(300);
  });
});

describe("check digits and digit tests without regular expressions", () => {
  it("isAsciiDigits is /^[0-9]+$/ for every code unit, alone and after digits", () => {
    const wrong = ["", ...EVERY_UNIT].flatMap((ch) => [ch, `12${ch}`, `${ch}34`]).filter((v) => isAsciiDigits(v) !== /^[0-9]+$/.test(v));
    expect(wrong).toEqual([]);
  });

  it("isValidMhlwNumber is the check digit of the rest, for every number of 2 to 5 digits", () => {
    for (let length = 2; length <= 5; length++) {
      for (let n = 0; n < 10 ** length; n++) {
        const s = String(n).padStart(length, "0");
        if (isValidMhlwNumber(s) !== (mhlwCheckDigit(s.slice(0, -1)) === Number(s[length - 1]))) expect.fail(`isValidMhlwNumber(${s})`);
      }
    }
  });

  it("isValidMhlwNumber and isValidIndividualNumber reject what is not all ASCII digits", () => {
    for (const v of ["", "1", "1234566 ", " 1234566", "123456６", "12345a6", "1234566\n", "+1234566", "-123456"]) expect([v, isValidMhlwNumber(v)]).toEqual([v, false]);
    for (const v of ["12345678901８", " 12345678901", "1234567890188", "12345678901e"]) expect([v, isValidIndividualNumber(v)]).toEqual([v, false]);
  });
});

describe("X01: excelDamage without regular expressions for the number fields", () => {
  // The number-field rules as regular expressions (the form they were first written in), with the check digits of src/.
  const EXPONENT = /^[+-]?[0-9]+(?:\.[0-9]+)?[eE]\+?[0-9]+$/;
  function reference(field: string, value: string): string | undefined {
    const v = value.replace(/^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g, "");
    if (field === "individualNumber") {
      if (EXPONENT.test(v)) return "exponent";
      if (/^[0-9]{11}$/.test(v) && isValidIndividualNumber(`0${v}`)) return `leadingZero 0${v}`;
      return undefined;
    }
    const pad = (length: number, valid: boolean) => `leadingZero${valid ? ` ${v.padStart(length, "0")}` : ""}`;
    if (field === "recipientNumber") return /^[0-9]{6}$/.test(v) ? pad(7, isValidMhlwNumber(v.padStart(7, "0"))) : undefined;
    if (field === "insurerNumber") return /^[0-9]{7}$/.test(v) ? pad(8, isValidMhlwNumber(v.padStart(8, "0"))) : undefined;
    if (field === "postalCode") return /^[0-9]{5,6}$/.test(v) ? pad(7, true) : undefined;
    throw new Error(field);
  }

  const rand = mulberry32(0xe1);
  const values = [
    "", " ", "0", "1.23457E+11", "1.23457e+11", "-1.2E+11", "+12E11", "1E+", "E+11", "1.E+11", "1.2E-11", "1.2E+1 1", "１２E+11",
    "12345678901", "01234567890", " 1234567890 ", "123456789018", "1234567890188", "１２３４５６７８９０１", "12345-67890",
    "123455", "123456", "６１３０４８８", "6130488", "600001", "10012", "1000013", "100-0013", "1e5", "12 345",
    ...Array.from({ length: 14 }, (_, length) => digitStrings(rand, length, 40)).flat(),
  ];

  it.each(["individualNumber", "recipientNumber", "insurerNumber", "postalCode"] as const)("%s: the same damage as the regular expressions", (field) => {
    for (const value of values) {
      const d = excelDamage(field, value, []);
      const got = d === undefined ? undefined : `${d.kind}${d.suggestion !== undefined ? ` ${d.suggestion}` : ""}`;
      expect([field, value, got]).toEqual([field, value, reference(field, value)]);
    }
  });

  it("reads every field of EXCEL_DAMAGE_FIELDS, and reports them in that order", () => {
    expect([...EXCEL_DAMAGE_FIELDS]).toEqual(["individualNumber", "recipientNumber", "insurerNumber", "postalCode", "birthDate", "qualifiedOn", "disqualifiedOn"]);
    const damaged: Row = {
      individualNumber: "1.23457E+11", recipientNumber: "123455", insurerNumber: "6130488", postalCode: "600001",
      birthDate: "1980/5/15", qualifiedOn: "2020/4/1", disqualifiedOn: "2025/3/31",
    };
    expect(runChecks([x01], [row(damaged)]).map((f) => f.field)).toEqual(EXCEL_DAMAGE_FIELDS);
  });
});

describe("B01 and D01 order dates without the < operator", () => {
  it("isBefore(a, b) is a < b for every pair of a mixed list (one- and two-byte strings, prefixes, surrogates)", () => {
    const twoByte = (s: string) => `山,${s}`.split(",")[1]; // the same text cut from a string that holds Japanese
    const texts = ["", "1", "2", "19800515", "19800516", "1980051", "198005150", "20261123", "18900101", "99999999", "100000000", "a", "あ", "\u{20bb7}", "\uffff", "\ud800"];
    const all = [...texts, ...texts.map(twoByte)];
    const wrong: string[] = [];
    for (const a of all) for (const b of all) if (isBefore(a, b) !== a < b) wrong.push(`${JSON.stringify(a)} < ${JSON.stringify(b)}`);
    expect(wrong).toEqual([]);
  });
});

describe("B01 and D01 look for Excel damage only in dates that do not parse", () => {
  const cases: [Row, { dateFormats?: string[] }, string[]][] = [
    [{ birthDate: "1980/05/15" }, {}, []],
    [{ birthDate: "1980/05/15" }, { dateFormats: ["YYYYMMDD"] }, ["X01 birthDate"]], // reads as Excel's, not as a declared format
    [{ birthDate: "29356" }, { dateFormats: ["YYYYMMDD"] }, ["X01 birthDate"]],
    [{ birthDate: "2099/1/1" }, {}, ["B01 birthDate future", "D01 qualifiedOn beforeBirth", "X01 birthDate"]], // the damaged day still counts
    [{ birthDate: "1880/1/1" }, {}, ["B01 birthDate tooOld", "X01 birthDate"]],
    [{ birthDate: "2000/2/30" }, {}, ["B01 birthDate format"]], // not a day, so not Excel's either
    [{ birthDate: "2000/02/30" }, {}, ["B01 birthDate impossible"]],
    [{ qualifiedOn: "1970/1/1" }, {}, ["D01 qualifiedOn beforeBirth", "X01 qualifiedOn"]],
    [{ qualifiedOn: "2020/4/1", disqualifiedOn: "2019/3/31" }, {}, ["D01 qualifiedOn afterDisqualification", "X01 qualifiedOn", "X01 disqualifiedOn"]],
    [{ qualifiedOn: "20200401", disqualifiedOn: "20190331" }, {}, ["D01 qualifiedOn afterDisqualification"]],
    [{ birthDate: "2021/1/1", qualifiedOn: "20200401" }, {}, ["D01 qualifiedOn beforeBirth", "X01 birthDate"]],
    [{ qualifiedOn: "不明" }, {}, ["D01 qualifiedOn invalid"]],
    [{ birthDate: "平成32年1月1日", qualifiedOn: "令和2年4月1日" }, { dateFormats: ["wareki"] }, ["B01 birthDate eraRange"]],
    [{ birthDate: "1980/5/15", qualifiedOn: "令和2年4月1日" }, { dateFormats: ["wareki"] }, ["X01 birthDate"]],
  ];
  it.each(cases)("%j %j → %j", (over, options, want) => {
    const findings = runChecks([b01, d01, x01], [row(over)], { options });
    expect(findings.map((f) => `${f.code} ${f.field}${f.code === "X01" ? "" : ` ${f.messageId}`}`)).toEqual(want);
  });
});
