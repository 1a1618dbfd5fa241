// JUnit report: read back by a third-party consumer (test-results-parser), well-formed for xmllint, privacy.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parse as parseResults } from "test-results-parser";
import { afterAll, describe, expect, it } from "vitest";
import { formatJunit } from "../src/report/junit.js";
import type { Report } from "../src/types.js";
import { ctx, fileReport, finding, officeA, officeB, officeBClean, report, unreadable } from "./helpers/report-fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "oqs-junit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeXml(name: string, xml: string): string {
  const p = join(dir, name);
  writeFileSync(p, xml, "utf8");
  return p;
}

const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!xmllint && !process.env.CI) {
  console.warn("report-junit.test.ts: xmllint not found (Debian libxml2-utils): the well-formedness assertion is skipped");
}

function expectWellFormed(path: string): void {
  if (!xmllint) {
    if (process.env.CI) throw new Error("xmllint is missing: install Debian libxml2-utils (the CI must check well-formedness)");
    return;
  }
  execFileSync("xmllint", ["--noout", path], { stdio: ["ignore", "ignore", "pipe"] });
}

/** A file whose values hold what XML 1.0 cannot carry, markup characters and an unmasked 個人番号. */
function hostile() {
  return fileReport({
    path: "odd/<&\">'.csv", records: 3,
    findings: [
      finding({ code: "Z04", record: 1, field: "name", value: "山田\u0001　]]><x>&amp;", suggestion: "山田\uD800", message: "末尾に\u0008空白 <b>&</b>\n二行目" }),
      finding({ code: "B03", record: 2, field: "address", message: "住所が空です" }),
      finding({ code: "N01", record: 3, field: "individualNumber", value: "123456789018", message: "個人番号が誤っています" }),
    ],
  });
}

function fixture(): Report {
  return report([officeA(), officeB(), officeBClean(), unreadable(), hostile()]);
}

/** Counted from the Report object, not from the XML. */
function tally(r: Report) {
  const findings = r.files.flatMap((f) => f.findings);
  const testcases = findings.length + r.files.filter((f) => f.findings.length === 0 && !f.error).length + r.files.filter((f) => f.error).length;
  return {
    errorFindings: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    fileErrors: r.files.filter((f) => f.error).length,
    testcases,
  };
}

describe("JUnit report read by test-results-parser", () => {
  const r = fixture();
  const t = tally(r);
  const path = writeXml("report.xml", formatJunit(r, ctx()));
  const result = parseResults({ type: "junit", files: [path] });

  it("counts failed = error findings and total = testcases", () => {
    expect(t).toEqual({ errorFindings: 13, warnings: 4, fileErrors: 1, testcases: 19 });
    expect(result.failed).toBe(t.errorFindings);
    expect(result.errors).toBe(t.fileErrors);
    expect(result.total).toBe(t.testcases);
  });

  it("has one suite per file and the cases' own statuses agree", () => {
    expect(result.suites.map((s) => s.name)).toEqual(r.files.map((f) => f.path));
    const cases = result.suites.flatMap((s) => s.cases);
    expect(cases.length).toBe(t.testcases);
    expect(cases.filter((c) => c.status === "FAIL").length).toBe(t.errorFindings + t.fileErrors);
    expect(cases.filter((c) => c.status === "PASS").length).toBe(t.warnings + 1); // + the clean file's case
    const a = result.suites[0];
    expect(a.cases[0].name).toBe("Z04 レコード1 氏名");
    expect(a.cases[0].failure).toBe("氏名の末尾に空白があります");
  });

  it("is well-formed for xmllint", () => {
    expectWellFormed(path);
  });
});

describe("JUnit report content", () => {
  const xml = formatJunit(fixture(), ctx());
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (n) => ["testsuite", "testcase", "property"].includes(n) }).parse(xml);
  const suites = doc.testsuites.testsuite as Record<string, any>[];

  it("puts warnings in system-out of a passing case, errors in one failure with type = code", () => {
    const k01 = suites[0].testcase.find((c: any) => c["@_classname"] === "K01");
    expect(k01.failure).toBeUndefined();
    expect(k01["system-out"]).toContain("カナ氏名にカタカナ以外の文字があります");
    const z09 = suites[0].testcase.filter((c: any) => c["@_classname"] === "Z09");
    expect(z09.map((c: any) => c.failure["@_type"])).toEqual(["Z09", "Z09"]);
    expect(z09[0].failure["#text"]).toContain("「千代田1-2-3, 2階 \"奥\"」");
  });

  it("gives a clean file one passing case and an unreadable file one error", () => {
    expect(suites[2].testcase).toHaveLength(1);
    expect(suites[2].testcase[0].failure).toBeUndefined();
    expect(suites[3].testcase).toHaveLength(1);
    expect(suites[3].testcase[0].error["@_type"]).toBe("E_UTF16");
    expect(suites[3]["@_errors"]).toBe("1");
  });

  it("escapes markup and writes characters XML cannot hold as [U+XXXX]", () => {
    const h = suites[4];
    expect(h["@_name"]).toBe("odd/<&\">'.csv");
    const z04 = h.testcase[0];
    expect(z04.failure["@_message"]).toBe("末尾に[U+0008]空白 <b>&</b> 二行目");
    expect(z04.failure["#text"]).toContain("「山田[U+0001]　]]><x>&amp;」");
    expect(z04.failure["#text"]).toContain("「山田[U+D800]」");
    const g01 = suites[0].testcase.find((c: any) => c["@_classname"] === "G01");
    expect(g01.failure["#text"]).toContain("「渡[U+E000]　一郎」"); // a user-defined character no font can show
  });

  it("does not print values that are absent, nor a 個人番号 whole", () => {
    const b03 = suites[4].testcase[1];
    expect(b03.failure["#text"]).not.toMatch(/値:|修正案:/u);
    expect(xml).not.toContain("123456789018");
    expect(suites[4].testcase[2].failure["#text"]).toContain("「********9018」");
  });

  it("masks personal values under --redact", () => {
    const red = formatJunit(fixture(), ctx({ redact: true }));
    expect(red).not.toContain("山田");
    expect(red).not.toContain("0012345");
    expect(red).toContain("「＊＊　＊＊　」");
  });

  it("writes English names with --lang en and stays well-formed", () => {
    const en = formatJunit(fixture(), ctx({ lang: "en" }));
    expect(en).toContain('name="Z04 record 1 name"');
    expect(en).toContain('name="S02 line 9"');
    expectWellFormed(writeXml("en.xml", en));
  });

  it("is well-formed and consistent for a run without any file", () => {
    const empty = formatJunit(report([]), ctx());
    expectWellFormed(writeXml("empty.xml", empty));
    expect(empty).toContain('tests="0"');
  });
});
