// HTML report (--format html) for the analyst: one self-contained page, no script, nothing from any network.
import { codeInfo } from "../codes/table.js";
import type { FileReport, Finding, Lang, Report, Severity, SuspendedRecord } from "../types.js";
import type { FormatContext } from "./format-context.js";
import {
  SEVERITY_LABELS, SUSPENSION_LABELS, displayFinding, displayRecipientNumber, fieldLabel, isShowableChar,
  replaceCodePoints,
} from "./format-shared.js";

/** How many example findings are shown per code, and suspended records per kind. */
const EXAMPLES_PER_CODE = 5;
const SUSPENDED_PER_KIND = 10;

const T = {
  ja: {
    title: "医療扶助 資格情報 点検レポート", generated: "作成", asOf: "基準日", tool: "ツール",
    redacted: "個人情報は伏せ字（＊）で表示しています。",
    totals: "概要", files: "ファイル", records: "レコード", findings: "指摘", recordsWithFindings: "指摘のあるレコード",
    eligibility: "資格情報の閲覧停止", medical: "医療情報の閲覧停止",
    suspendedTitle: "閲覧停止になるレコード（種類別）", kind: "種類", whatStops: "医療機関で見えなくなるもの", count: "件数",
    whatStopsEligibility: "資格情報そのものと医療・薬剤情報", whatStopsMedical: "医療情報・薬剤情報",
    firstSuspended: (shown: number, total: number) => (shown < total ? `最初の ${shown} 件（全 ${fmt(total)} 件）` : `全 ${fmt(total)} 件`),
    byCode: "コード別の指摘件数", byCodeNote: "棒の長さは件数。色は重大度（エラー・警告）。",
    byFile: "ファイル別", byInsurer: "保険者番号別", insurer: "保険者番号", noInsurer: "（保険者番号なし）", topCodes: "主なコード",
    encoding: "文字コード", checked: "点検したレコード", readError: "読み込めませんでした",
    examples: "コード別の指摘例", examplesCount: (shown: number, total: number) => (shown < total ? `全 ${fmt(total)} 件中 ${shown} 件を表示` : `全 ${fmt(total)} 件`),
    examplesTruncated: "（--max-findings で一覧が打ち切られているため、例は一覧に残った指摘から選んでいます）",
    line: "行", record: "レコード", field: "項目", value: "値", suggestion: "修正案", message: "メッセージ", codes: "コード",
    recipient: "受給者番号", none: "指摘はありません。", noSuspended: "閲覧停止になるレコードはありません。",
    footer: "件数はすべて正確な値です（一覧の打ち切りに影響されません）。空白は点線の枠で示しています。",
  },
  en: {
    title: "Medical assistance eligibility check report", generated: "Generated", asOf: "As of", tool: "Tool",
    redacted: "Personal values are redacted (＊).",
    totals: "Overview", files: "Files", records: "Records", findings: "Findings", recordsWithFindings: "Records with findings",
    eligibility: "Eligibility suspended", medical: "Medical info suspended",
    suspendedTitle: "Records that would be suspended, by kind", kind: "Kind", whatStops: "What the clinic can no longer see", count: "Count",
    whatStopsEligibility: "The eligibility itself and medical/drug information", whatStopsMedical: "Medical and drug information",
    firstSuspended: (shown: number, total: number) => (shown < total ? `First ${shown} of ${fmt(total)}` : `All ${fmt(total)}`),
    byCode: "Findings by code", byCodeNote: "Bar length is the count; colour is the severity (error, warning).",
    byFile: "By file", byInsurer: "By insurer number", insurer: "Insurer number", noInsurer: "(no insurer number)", topCodes: "Main codes",
    encoding: "Encoding", checked: "Records checked", readError: "Could not be read",
    examples: "Examples by code", examplesCount: (shown: number, total: number) => (shown < total ? `${shown} shown of ${fmt(total)}` : `All ${fmt(total)}`),
    examplesTruncated: "(the list was cut by --max-findings: examples come from the findings still listed)",
    line: "Line", record: "Record", field: "Field", value: "Value", suggestion: "Suggestion", message: "Message", codes: "Codes",
    recipient: "Recipient number", none: "No findings.", noSuspended: "No record would be suspended.",
    footer: "All counts are exact (not affected by a cut list). Spaces are shown with a dotted frame.",
  },
} as const;

/** Thousands separators, the same on every machine. */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}

/** Escapes text for HTML content and attribute values; characters HTML should not carry become [U+XXXX]. */
function esc(s: string | number): string {
  return replaceCodePoints(String(s), isShowableChar)
    .replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;").replace(/'/gu, "&#39;");
}

/** A personal value with its white space made visible (spaces are exactly what Z04 is about). */
function valueHtml(s: string): string {
  const parts = s.split(/([\s\u3000\u00a0])/u);
  return parts.map((p, i) => {
    if (i % 2 === 0) return esc(p);
    const cp = p.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return `<span class="ws" title="U+${cp}">${p === "\t" ? "⇥" : esc(p)}</span>`;
  }).join("");
}

function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** A code's severity in this report: from its listed findings, else the code table's default. */
function severityOf(code: string, report: Report): Severity {
  for (const f of report.files) for (const x of f.findings) if (x.code === code) return x.severity;
  return codeInfo(code)?.severity ?? "error";
}

function codeTitle(code: string, lang: Lang): string {
  return codeInfo(code)?.title[lang] ?? "";
}

/** Codes by count, largest first, then by code. */
function codesByCount(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).filter(([, n]) => n > 0).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

const CSS = `
:root{--ink:#1f2a33;--muted:#5b6770;--line:#dde3e8;--bg:#f6f7f5;--card:#fff;--err:#b0503f;--warn:#c4922c;--elig:#8c3b4a;--med:#b76a2c;--accent:#2e5f86}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.7 system-ui,-apple-system,"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI","Yu Gothic",Meiryo,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:1080px;margin:0 auto;padding:36px 28px 64px}
header{border-bottom:1px solid var(--line);padding-bottom:16px;margin-bottom:28px}
h1{font-size:1.55rem;font-weight:600;margin:0 0 6px;letter-spacing:.02em}
h2{font-size:1.15rem;font-weight:600;margin:40px 0 12px;padding-left:10px;border-left:4px solid var(--accent)}
h3{font-size:1rem;font-weight:600;margin:24px 0 6px}
.meta{color:var(--muted);font-size:.88rem;margin:0}
.meta span+span::before{content:"・";margin:0 .4em}
.notice{display:inline-block;margin-top:10px;padding:4px 10px;border-radius:4px;background:#eef3f7;color:var(--accent);font-size:.88rem}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.stat .label{display:block;color:var(--muted);font-size:.82rem}
.stat .num{display:block;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums;line-height:1.3}
.stat.eligibility .num{color:var(--elig)}.stat.medical .num{color:var(--med)}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden;font-size:.9rem}
th,td{padding:7px 12px;text-align:left;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f3;font-weight:600;color:#33414c;font-size:.84rem;line-height:1.4}
tbody tr:last-child td{border-bottom:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.path{word-break:break-all;min-width:12em}
td.path .err{display:block;font-size:.84rem;word-break:normal}
.codes span{display:inline-block;white-space:nowrap;margin-right:.8em}
td.v{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK JP",monospace;font-size:1em;word-break:break-all}
td.id{font-variant-numeric:tabular-nums;white-space:nowrap}
table.ex{table-layout:fixed}
.ws{outline:1px dotted #8a98a3;outline-offset:-1px;white-space:pre}
.kind-eligibility{color:var(--elig);font-weight:600}.kind-medical{color:var(--med);font-weight:600}
.err{color:var(--err)}.muted{color:var(--muted)}
.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px}
.chart svg{display:block;width:100%;height:auto}
.legend{font-size:.82rem;color:var(--muted);margin:6px 0 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:baseline}
.count-note{color:var(--muted);font-size:.85rem;margin:0 0 8px}
footer{margin-top:48px;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line);padding-top:12px}
@media print{body{background:#fff}main{padding:0}.stat,table,.chart{break-inside:avoid}}
`;

function header(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const meta = [`<span>${t.tool}: oqs-check ${esc(report.tool.version)}</span>`];
  if (report.generatedAt) meta.push(`<span>${t.generated}: ${esc(report.generatedAt)}</span>`);
  if (report.options?.asOf) meta.push(`<span>${t.asOf}: ${esc(report.options.asOf)}</span>`);
  const redacted = ctx.redact || report.options?.redacted ? `<p class="notice" data-redacted="true">${t.redacted}</p>` : "";
  return `<header><h1>${t.title}</h1><p class="meta">${meta.join("")}</p>${redacted}</header>`;
}

function totals(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const s = report.summary;
  const items: [string, string, number][] = [
    ["files", t.files, s.files], ["records", t.records, s.records], ["findings", t.findings, s.findings],
    ["recordsWithFindings", t.recordsWithFindings, s.recordsWithFindings],
    ["eligibility", t.eligibility, s.suspended.eligibility], ["medical", t.medical, s.suspended.medical],
  ];
  const cards = items.map(([key, label, n]) =>
    `<li class="stat ${key}" data-total="${key}" data-value="${n}"><span class="label">${label}</span><span class="num">${fmt(n)}</span></li>`);
  return `<section id="totals"><h2>${t.totals}</h2><ul class="totals">${cards.join("")}</ul></section>`;
}

function suspendedSection(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const kinds = [
    ["eligibility", t.whatStopsEligibility, report.summary.suspended.eligibility],
    ["medical", t.whatStopsMedical, report.summary.suspended.medical],
  ] as const;
  const rows = kinds.map(([kind, what, n]) =>
    `<tr data-kind="${kind}" data-count="${n}"><td class="kind-${kind}">${esc(SUSPENSION_LABELS[kind][ctx.lang])}</td><td>${what}</td><td class="n">${fmt(n)}</td></tr>`);
  let html = `<section id="suspended"><h2>${t.suspendedTitle}</h2>` +
    `<table><thead><tr><th>${t.kind}</th><th>${t.whatStops}</th><th class="n">${t.count}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  for (const [kind, , total] of kinds) {
    const list: { file: FileReport; s: SuspendedRecord }[] = [];
    for (const file of report.files) {
      for (const s of file.suspendedRecords) {
        if (s.kind === kind && list.length < SUSPENDED_PER_KIND) list.push({ file, s });
      }
    }
    if (list.length === 0) continue;
    const body = list.map(({ file, s }) =>
      `<tr data-suspended="${kind}"><td class="path">${esc(file.path)}</td><td class="n">${fmt(s.line)}</td><td class="n">${fmt(s.record)}</td>` +
      `<td class="v">${valueHtml(displayRecipientNumber(s.recipientNumber, ctx.redact))}</td><td>${esc(s.codes.join(" "))}</td>` +
      `<td>${esc((s.fields ?? []).map((f) => fieldLabel(f, ctx.lang)).join(ctx.lang === "ja" ? "、" : ", "))}</td></tr>`);
    html += `<h3><span class="kind-${kind}">${esc(SUSPENSION_LABELS[kind][ctx.lang])}</span></h3>` +
      `<p class="count-note">${t.firstSuspended(list.length, total)}</p>` +
      `<table><thead><tr><th>${t.files}</th><th class="n">${t.line}</th><th class="n">${t.record}</th><th>${t.recipient}</th><th>${t.codes}</th><th>${t.field}</th></tr></thead><tbody>${body.join("")}</tbody></table>`;
  }
  if (report.summary.suspended.eligibility + report.summary.suspended.medical === 0) html += `<p class="muted">${t.noSuspended}</p>`;
  return html + "</section>";
}

function barChart(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const codes = codesByCount(report.summary.counts);
  if (codes.length === 0) return `<section id="codes"><h2>${t.byCode}</h2><p class="muted">${t.none}</p></section>`;
  const width = 800;
  const rowH = 46;
  const barMax = 640;
  const max = Math.max(...codes.map(([, n]) => n));
  const bars = codes.map(([code, n], i) => {
    const y = i * rowH;
    const w = Math.max(2, Math.round((n / max) * barMax));
    const sev = severityOf(code, report);
    const title = codeTitle(code, ctx.lang);
    return `<g class="bar" data-code="${esc(code)}" data-count="${n}" data-severity="${sev}" transform="translate(0 ${y})">` +
      `<title>${esc(`${code} ${title}: ${n}`)}</title>` +
      `<text x="0" y="15" class="label"><tspan class="code">${esc(code)}</tspan> ${esc(title)}</text>` +
      `<rect x="0" y="22" width="${w}" height="16" rx="3" fill="${sev === "error" ? "#b0503f" : "#c4922c"}"/>` +
      `<text x="${w + 8}" y="35" class="count">${fmt(n)}</text></g>`;
  });
  const height = codes.length * rowH;
  const svg = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(t.byCode)}">` +
    `<style>text{font-family:inherit;font-size:13px;fill:#1f2a33}.code{font-weight:600}.count{font-variant-numeric:tabular-nums;fill:#5b6770}</style>` +
    `${bars.join("")}</svg>`;
  const legend = `<p class="legend">${t.byCodeNote}<i style="background:#b0503f"></i>${SEVERITY_LABELS.error[ctx.lang]}<i style="background:#c4922c"></i>${SEVERITY_LABELS.warning[ctx.lang]}</p>`;
  return `<section id="codes"><h2>${t.byCode}</h2><div class="chart">${svg}${legend}</div></section>`;
}

/** The largest codes of a file or office, as HTML. */
function topCodes(counts: Record<string, number>): string {
  return codesByCount(counts).slice(0, 4).map(([c, n]) => `<span>${esc(c)} ${fmt(n)}</span>`).join("");
}

function fileTable(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const sampled = report.files.some((f) => f.recordsChecked !== f.records);
  const rows = report.files.map((f) => {
    const findings = sumCounts(f.counts);
    const error = f.error ? `<span class="err">${t.readError}: ${esc(f.error.message)}</span>` : "";
    return `<tr data-file="${esc(f.path)}" data-records="${f.records}" data-checked="${f.recordsChecked}" data-findings="${findings}" ` +
      `data-records-with-findings="${f.recordsWithFindings}" data-eligibility="${f.suspended.eligibility}" data-medical="${f.suspended.medical}"${f.error ? ' data-error="true"' : ""}>` +
      `<td class="path">${esc(f.path)}${error}</td><td>${esc(f.encoding ?? "")}</td><td class="n">${fmt(f.records)}</td>` +
      (sampled ? `<td class="n">${fmt(f.recordsChecked)}</td>` : "") +
      `<td class="n">${fmt(findings)}</td><td class="n">${fmt(f.recordsWithFindings)}</td>` +
      `<td class="n">${fmt(f.suspended.eligibility)}</td><td class="n">${fmt(f.suspended.medical)}</td><td class="codes">${topCodes(f.counts)}</td></tr>`;
  });
  return `<section id="files"><h2>${t.byFile}</h2><table><thead><tr><th>${t.files}</th><th>${t.encoding}</th><th class="n">${t.records}</th>` +
    (sampled ? `<th class="n">${t.checked}</th>` : "") +
    `<th class="n">${t.findings}</th><th class="n">${t.recordsWithFindings}</th><th class="n">${t.eligibility}</th><th class="n">${t.medical}</th><th>${t.topCodes}</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></section>`;
}

function insurerTable(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const entries = Object.entries(report.summary.byInsurer).sort(([a], [b]) => Number(a === "(none)") - Number(b === "(none)"));
  if (entries.length === 0) return `<section id="insurers"><h2>${t.byInsurer}</h2><p class="muted">—</p></section>`;
  const rows = entries.map(([ins, v]) => {
    const findings = sumCounts(v.counts);
    const label = ins === "(none)" ? t.noInsurer : ins;
    return `<tr data-insurer="${esc(ins)}" data-records="${v.records}" data-findings="${findings}" data-eligibility="${v.suspended.eligibility}" data-medical="${v.suspended.medical}">` +
      `<td class="id">${esc(label)}</td><td class="n">${fmt(v.records)}</td><td class="n">${fmt(findings)}</td>` +
      `<td class="n">${fmt(v.suspended.eligibility)}</td><td class="n">${fmt(v.suspended.medical)}</td><td class="codes">${topCodes(v.counts)}</td></tr>`;
  });
  return `<section id="insurers"><h2>${t.byInsurer}</h2><table><thead><tr><th>${t.insurer}</th><th class="n">${t.records}</th><th class="n">${t.findings}</th>` +
    `<th class="n">${t.eligibility}</th><th class="n">${t.medical}</th><th>${t.topCodes}</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function examples(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  const codes = codesByCount(report.summary.counts);
  if (codes.length === 0) return "";
  const truncated = report.files.some((f) => f.truncated);
  const parts = codes.map(([code, total]) => {
    const shown: { file: FileReport; f: Finding }[] = [];
    for (const file of report.files) {
      for (const f of file.findings) if (f.code === code && shown.length < EXAMPLES_PER_CODE) shown.push({ file, f });
    }
    const rows = shown.map(({ file, f }) => {
      const d = displayFinding(f, ctx.redact);
      const field = f.field ? fieldLabel(f.field, ctx.lang) + (f.column && f.column !== fieldLabel(f.field, ctx.lang) ? `（${f.column}）` : "") : "";
      return `<tr data-finding="${esc(code)}"><td class="path">${esc(file.path)}</td><td class="n">${fmt(f.line)}</td><td class="n">${f.record > 0 ? fmt(f.record) : "—"}</td>` +
        `<td>${esc(field)}</td><td class="v">${typeof d.value === "string" ? valueHtml(d.value) : ""}</td>` +
        `<td class="v">${typeof d.suggestion === "string" ? valueHtml(d.suggestion) : ""}</td><td>${esc(d.message)}</td></tr>`;
    });
    const table = rows.length === 0 ? "" :
      `<table class="ex"><colgroup><col style="width:17%"><col style="width:6%"><col style="width:8%"><col style="width:9%"><col style="width:17%"><col style="width:14%"><col style="width:29%"></colgroup>` +
      `<thead><tr><th>${t.files}</th><th class="n">${t.line}</th><th class="n">${t.record}</th><th>${t.field}</th><th>${t.value}</th><th>${t.suggestion}</th><th>${t.message}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
    return `<section class="code-examples" data-examples-code="${esc(code)}" data-count="${total}" data-shown="${shown.length}">` +
      `<h3>${esc(code)} ${esc(codeTitle(code, ctx.lang))}</h3><p class="count-note">${t.examplesCount(shown.length, total)}${truncated && shown.length < Math.min(total, EXAMPLES_PER_CODE) ? " " + t.examplesTruncated : ""}</p>${table}</section>`;
  });
  return `<section id="examples"><h2>${t.examples}</h2>${parts.join("")}</section>`;
}

/** The HTML report: totals, suspensions by kind, a bar chart by code, tables by file and by 保険者番号, examples. */
export function formatHtml(report: Report, ctx: FormatContext): string {
  const t = T[ctx.lang];
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="oqs-check ${esc(report.tool.version)}">
<title>${t.title}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${header(report, ctx)}
${totals(report, ctx)}
${suspendedSection(report, ctx)}
${barChart(report, ctx)}
${fileTable(report, ctx)}
${insurerTable(report, ctx)}
${examples(report, ctx)}
<footer>${t.footer}</footer>
</main>
</body>
</html>
`;
}
