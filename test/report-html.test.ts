// HTML report rendered in headless Chromium (playwright-core): zero network requests; totals, bars and rows match the Report.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODES } from "../src/codes/table.js";
import { formatHtml } from "../src/report/html.js";
import type { Report } from "../src/types.js";
import { bulkFile, ctx, fileReport, finding, officeA, officeB, officeBClean, report, unreadable } from "./helpers/report-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A path that would run script if it were not escaped. */
const HOSTILE_PATH = `odd/<script>document.title="pwned"</script><img src=x onerror="document.title='pwned'">.csv`;

function fixture(): Report {
  const hostile = fileReport({ path: HOSTILE_PATH, records: 1, findings: [finding({ code: "B03", record: 1, field: "address", message: "住所が空です <b>" })] });
  return report([
    bulkFile("nishi/一括.csv", "12010013", { Z04: 23, Z09: 12, G02: 7, B01: 3 }),
    officeA(), officeB(), officeBClean(), unreadable(), hostile,
  ]);
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`report-html.test.ts: ${CHROMIUM} not found (Debian chromium): the rendering tests are skipped`);

describe("HTML report, static", () => {
  const html = formatHtml(report([bulkFile("nishi/一括.csv", "12010013", { Z04: 3 }), officeA(), officeB(), officeBClean(), unreadable()]), ctx());

  it("is one self-contained file: no script, no link, no URL of any kind", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc=|\bhref=|url\(|@import|https?:|\/\//iu);
    expect(html).toContain("<svg");
    expect(html).toContain('<html lang="ja">');
    expect(html).not.toContain("data-redacted");
  });

  it("writes English with --lang en", () => {
    const en = formatHtml(report([officeA()]), ctx({ lang: "en" }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Findings by code");
    expect(en).toContain("Leading, trailing or doubled spaces in a name");
  });

  it("says when personal values are redacted, and masks them", () => {
    const red = formatHtml(report([officeA()], true), ctx({ redact: true }));
    expect(red).toContain('data-redacted="true"');
    expect(red).not.toContain("山田");
    expect(red).not.toContain("0012345");
  });
});

describe.skipIf(!haveChromium && !process.env.CI)("HTML report in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const r = fixture();
  let requests = 0;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian chromium (the CI must render the HTML report)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1180, height: 900 } });
    page.on("request", (req) => requested.push(req.url()));
    await page.route("**/*", async (route) => {
      requests++;
      await route.abort();
    });
    await page.setContent(formatHtml(r, ctx()), { waitUntil: "load" });
    await page.screenshot({ path: "/tmp/oqs-html.png", fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("makes no network request at all", () => {
    expect(requests).toBe(0);
    expect(requested).toEqual([]);
  });

  it("shows the run totals", async () => {
    const totals = await page.$$eval("[data-total]", (els) => els.map((e) => [e.getAttribute("data-total"), e.getAttribute("data-value"), e.querySelector(".num")?.textContent]));
    const s = r.summary;
    const expected: [string, number][] = [
      ["files", s.files], ["records", s.records], ["findings", s.findings], ["recordsWithFindings", s.recordsWithFindings],
      ["eligibility", s.suspended.eligibility], ["medical", s.suspended.medical],
    ];
    expect(totals).toEqual(expected.map(([k, n]) => [k, String(n), n.toLocaleString("en-US")]));
    expect(s.findings).toBe(45 + 10 + 4 + 1); // the fixture: bulk 45, office A 10, office B 4, hostile 1
  });

  it("shows suspended records by kind", async () => {
    const kinds = await page.$$eval("tr[data-kind]", (els) => els.map((e) => [e.getAttribute("data-kind"), e.getAttribute("data-count")]));
    expect(kinds).toEqual([["eligibility", String(r.summary.suspended.eligibility)], ["medical", String(r.summary.suspended.medical)]]);
    const listed = await page.$$eval("tr[data-suspended=medical]", (els) => els.length);
    expect(listed).toBe(10); // the first 10 of the medical ones
  });

  it("draws one bar per code with its count, code and title, longer for larger counts", async () => {
    const bars = await page.$$eval("g.bar", (els) => els.map((e) => ({
      code: e.getAttribute("data-code")!, count: Number(e.getAttribute("data-count")),
      width: e.querySelector("rect")!.getBoundingClientRect().width, label: e.querySelector("text.label")!.textContent!,
      shown: e.querySelector("text.count")!.textContent!,
    })));
    const counts = r.summary.counts;
    expect(bars.map((b) => b.code).sort()).toEqual(Object.keys(counts).sort());
    for (const b of bars) {
      expect(b.count).toBe(counts[b.code]);
      expect(b.shown).toBe(String(counts[b.code]));
      const title = CODES.find((c) => c.code === b.code)!.title.ja;
      expect(b.label).toBe(`${b.code} ${title}`);
      expect(b.width).toBeGreaterThan(0);
    }
    for (const a of bars) for (const b of bars) if (a.count > b.count) expect(a.width).toBeGreaterThan(b.width);
  });

  it("has one row per file with its records, findings and suspensions", async () => {
    const rows = await page.$$eval("tr[data-file]", (els) => els.map((e) => ({
      file: e.getAttribute("data-file"), records: Number(e.getAttribute("data-records")), findings: Number(e.getAttribute("data-findings")),
      eligibility: Number(e.getAttribute("data-eligibility")), medical: Number(e.getAttribute("data-medical")),
      text: (e as HTMLElement).innerText,
    })));
    expect(rows.map(({ text, ...rest }) => rest)).toEqual(r.files.map((f) => ({
      file: f.path, records: f.records, findings: sum(f.counts), eligibility: f.suspended.eligibility, medical: f.suspended.medical,
    })));
    expect(rows[4].text).toContain("UTF-16 のファイルは読めません");
    expect(rows[5].text).toContain("<script>"); // shown as text
  });

  it("has one row per 保険者番号 with its records, findings and suspensions", async () => {
    const rows = await page.$$eval("tr[data-insurer]", (els) => els.map((e) => ({
      insurer: e.getAttribute("data-insurer"), records: Number(e.getAttribute("data-records")), findings: Number(e.getAttribute("data-findings")),
      eligibility: Number(e.getAttribute("data-eligibility")), medical: Number(e.getAttribute("data-medical")),
    })));
    const byInsurer = (a: { insurer: string | null }, b: { insurer: string | null }) => String(a.insurer).localeCompare(String(b.insurer));
    expect([...rows].sort(byInsurer)).toEqual(Object.entries(r.summary.byInsurer).map(([ins, v]) => ({
      insurer: ins, records: v.records, findings: sum(v.counts), eligibility: v.suspended.eligibility, medical: v.suspended.medical,
    })).sort(byInsurer));
    expect(rows.map((x) => x.insurer)).toEqual(["12010013", "12130001", "12270153", "(none)"]); // records without one last
  });

  it("shows the first five findings per code with the exact count", async () => {
    const sections = await page.$$eval("[data-examples-code]", (els) => els.map((e) => [
      e.getAttribute("data-examples-code"), Number(e.getAttribute("data-count")), e.querySelectorAll("tr[data-finding]").length,
    ]));
    const listed = (code: string) => r.files.flatMap((f) => f.findings).filter((f) => f.code === code).length;
    expect(sections.map((s) => s[0]).sort()).toEqual(Object.keys(r.summary.counts).sort());
    for (const [code, count, rows] of sections) {
      expect(count).toBe(r.summary.counts[code as string]);
      expect(rows).toBe(Math.min(5, listed(code as string)));
    }
  });

  it("runs nothing from the data", async () => {
    expect(await page.title()).toBe("医療扶助 資格情報 点検レポート");
    expect(await page.$$eval("script, img", (els) => els.length)).toBe(0);
  });
});
