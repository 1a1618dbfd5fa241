// The JSON report written in pieces: the same bytes as JSON.stringify(report, null, 2) + "\n", whatever the value.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks/index.js";
import { runCheck, type RunOptions } from "../src/engine/run.js";
import { generate } from "../src/generate/command.js";
import { DEFAULT_PROFILE } from "../src/layout/profile.js";
import { writeJson } from "../src/report/json.js";
import { writeAtomically } from "../src/report/write.js";
import { mulberry32 } from "./helpers/basic4-rows.js";
import { cli } from "./helpers/cli.js";

const OPTS: RunOptions = {
  checks: CHECKS, check: { lang: "ja", asOf: "20261123", allowedLaw: ["12", "25"], dateFormats: [] },
  encoding: "auto", layout: DEFAULT_PROFILE, maxFieldBytes: 65536, maxXmlBytes: 1 << 28, redact: false, maxFindings: Infinity, version: "t",
};

/** The reference: what the report was before it was written in pieces. */
const expected = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

function pieces(value: unknown, smallNodes?: number): string[] {
  const out: string[] = [];
  writeJson(value, (p) => out.push(p), smallNodes);
  return out;
}

/** From every container streamed (0) through small runs to JSON.stringify writing it all (the default). */
const BUDGETS = [0, 1, 2, 3, 5, 8, 40, undefined];

function expectSameText(value: unknown): void {
  const want = expected(value);
  for (const budget of BUDGETS) expect(pieces(value, budget).join(""), `smallNodes ${budget}`).toBe(want);
}

const ODD_STRINGS = [
  "", "plain", "\"quoted\"", "back\\slash", "\\\"", "/slash", "tab\there", "line\nbreak", "cr\rlf\r\n",
  "\u0000\u0001\u0007\b\f\u000b\u001f\u007f", "\u2028\u2029", "lone high \ud800", "lone low \udfff", "\udc00\ud800 reversed",
  "emoji 😀 and 👨‍👩‍👧", "髙山　信一", "●", "\ufeffBOM", "\ufffd", "\u00a0nbsp", "\u0085nel", "ends high \udbff",
];

describe("writeJson: exact JSON.stringify text", () => {
  it("for strings with quotes, backslashes, control characters, U+2028, lone surrogates and emoji, as values and keys", () => {
    const value = {
      strings: ODD_STRINGS,
      keys: Object.fromEntries(ODD_STRINGS.map((s, i) => [s, i])),
      nested: ODD_STRINGS.map((s) => ({ value: s, more: [s, { [s]: s }] })),
    };
    expectSameText(value);
  });

  it("for what JSON.stringify leaves out, turns into null or unwraps", () => {
    const holey = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const value = {
      undef: undefined, fn: () => 1, sym: Symbol("s"), [Symbol("key")]: 1,
      inArray: [undefined, () => 1, Symbol("s"), null, holey],
      numbers: [0, -0, 1.5, -1e-7, 1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      booleans: [true, false], nil: null,
      boxed: [Object(1), Object("s"), Object(false)],
      empty: { o: {}, a: [], nested: [[], {}, [[]], { a: {} }], onlyUndefined: { u: undefined }, allOmitted: [undefined] },
      date: new Date(Date.UTC(2026, 10, 23)),
      "12": "integer-like key", "1": "comes first", __proto__: null,
    } as Record<string, unknown>;
    Object.defineProperty(value, "hidden", { value: 1, enumerable: false });
    expectSameText(value);
    expectSameText(JSON.parse('{"__proto__": {"x": 1}, "b": [1, {"__proto__": 2}]}'));
  });

  it("calls toJSON with the key JSON.stringify gives, once", () => {
    const keyed = { toJSON: (key: string) => `key=${key}` };
    const toObject = { toJSON: (key: string) => ({ from: key, again: { toJSON: () => "inner" } }) };
    const value = { a: keyed, list: [keyed, keyed, 7, toObject, [keyed]], o: toObject };
    expectSameText(value);
    expectSameText([keyed, toObject]);
    expectSameText(keyed);
  });

  it("for seeded random values (500 of them)", () => {
    const rnd = mulberry32(20261123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const leaf = (): unknown => pick([() => pick(ODD_STRINGS), () => Math.floor(rnd() * 1e6) / 7, () => rnd() < 0.5, () => null, () => undefined])();
    const gen = (depth: number): unknown => {
      if (depth > 4 || rnd() < 0.3) return leaf();
      const n = Math.floor(rnd() * 6);
      if (rnd() < 0.5) return Array.from({ length: n }, () => gen(depth + 1));
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [rnd() < 0.2 ? String(i * 3) : `${pick(ODD_STRINGS)}${i}`, gen(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) expectSameText({ i, value: gen(0) });
  });

  it("hands on several pieces for a large value, none ending inside a surrogate pair", () => {
    const value = { findings: Array.from({ length: 20000 }, (_, i) => ({ record: i, value: "😀".repeat(i % 7), message: "髙" })) };
    const got = pieces(value);
    expect(got.length).toBeGreaterThan(10);
    expect(got.join("")).toBe(expected(value));
    expect(Buffer.concat(got.map((p) => Buffer.from(p, "utf8"))).equals(Buffer.from(expected(value), "utf8"))).toBe(true);
  });
});

describe("writeJson on check reports", () => {
  it.each([["samples/defects.csv", "samples/reference.csv"], ["samples/clean.csv", undefined]])("%s", async (path, reference) => {
    const args = ["--format", "json", ...(reference ? ["--reference", reference] : []), path];
    const r = await cli(args);
    expect(r.stdout).toBe(expected(JSON.parse(r.stdout)));
    const { report } = await runCheck([path], OPTS);
    expectSameText(report);
  });

  describe("a generated file's report (3,000 records)", () => {
    const dir = mkdtempSync(join(tmpdir(), "oqs-json-"));
    const input = join(dir, "gen.csv");
    beforeAll(async () => {
      await generate({ records: 3000, seed: 7, out: input });
    });

    it("is the same text in pieces as whole", async () => {
      const { report } = await runCheck([input], OPTS);
      expect(report.files[0].findings.length).toBeGreaterThan(20);
      expectSameText(report);
    });

    it("is written the same to standard output and to a --report file, with no temp file left", async () => {
      const target = join(dir, "report.json");
      const r = await cli(["--format", "json", "--report", `json=${target}`, input]);
      expect(r.stdout).toBe(expected(JSON.parse(r.stdout)));
      expect(readFileSync(target).equals(r.stdoutBytes)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
  });
});

describe("writeAtomically with a report in pieces", () => {
  it("writes every piece, in order, then renames", () => {
    const dir = mkdtempSync(join(tmpdir(), "oqs-json-"));
    const target = join(dir, "r.json");
    writeAtomically(target, (write) => ["a", "😀", "\u2028", "z"].forEach(write));
    expect(readFileSync(target, "utf8")).toBe("a😀\u2028z");
    expect(readdirSync(dir)).toEqual(["r.json"]);
  });

  it("leaves no temp file and the old report in place when making the report fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "oqs-json-"));
    const target = join(dir, "r.json");
    writeFileSync(target, "old");
    const failing = (write: (p: string) => void) => {
      write("{");
      throw new TypeError("report bug");
    };
    expect(() => writeAtomically(target, failing)).toThrow("report bug");
    expect(readdirSync(dir)).toEqual(["r.json"]);
    expect(readFileSync(target, "utf8")).toBe("old");
  });

  it("reports a target it cannot create as a write error naming the file", () => {
    const target = join(tmpdir(), "oqs-no-such-folder", "x", "r.json");
    expect(() => writeAtomically(target, (write) => write("{}"))).toThrow(/r\.json: (?:レポートを書き込めません|cannot write).*ENOENT/);
    expect(existsSync(target)).toBe(false);
  });
});
