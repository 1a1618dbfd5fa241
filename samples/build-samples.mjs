// Builds the synthetic sample files (CP932, invented people only): node samples/build-samples.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const here = dirname(fileURLToPath(import.meta.url));

/** 保険者番号・受給者番号 check digit (SPEC §3.5): weights 2,1,2,1… from the right, digit sums. */
function mod10(body) {
  let sum = 0;
  [...body].reverse().forEach((d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  });
  return String((10 - (sum % 10)) % 10);
}
/** 個人番号 check digit (SPEC §3.5). */
function mynumber(body) {
  let r = 0;
  [...body].reverse().forEach((d, i) => {
    const n = i + 1;
    r += Number(d) * (n <= 6 ? n + 1 : n - 5);
  });
  r %= 11;
  return body + String(r <= 1 ? 0 : 11 - r);
}
const recipient = (n) => { const b = String(n).padStart(6, "0"); return b + mod10(b); };

const HEADER = ["保険者番号", "受給者番号", "枝番", "個人番号", "氏名", "氏名カナ", "生年月日", "性別", "郵便番号", "住所", "資格取得年月日", "資格喪失年月日"];
const INS = "12130001";

/** A clean person; `over` replaces fields. Values are CP932 text or a Buffer of raw bytes. */
function person(i, over = {}) {
  const base = {
    保険者番号: INS, 受給者番号: recipient(100 + i), 枝番: "00", 個人番号: mynumber(String(31000000000 + i * 7919)),
    氏名: "山田　太郎", 氏名カナ: "ヤマダ　タロウ", 生年月日: "19800101", 性別: "1", 郵便番号: "105-0011",
    住所: "東京都港区芝公園4-2-8", 資格取得年月日: "20240401", 資格喪失年月日: "",
  };
  return { ...base, ...over };
}

const CLEAN = [
  { 氏名: "山田　太郎", 氏名カナ: "ヤマダ　タロウ", 生年月日: "19800101", 性別: "1", 住所: "東京都港区芝公園4-2-8" },
  { 氏名: "佐藤　花子", 氏名カナ: "サトウ　ハナコ", 生年月日: "19550315", 性別: "2", 住所: "北海道札幌市中央区北1条西2丁目1番地", 郵便番号: "060-0001" },
  { 氏名: "鈴木　一郎", 氏名カナ: "スズキ　イチロウ", 生年月日: "19420707", 性別: "1", 住所: "大阪府大阪市北区中之島1-3-20", 郵便番号: "530-0005" },
  { 氏名: "高橋　美咲", 氏名カナ: "タカハシ　ミサキ", 生年月日: "19980229".replace("0229", "0228"), 性別: "2", 住所: "神奈川県横浜市保土ケ谷区川辺町2-9", 郵便番号: "240-0001" },
  { 氏名: "田中　健", 氏名カナ: "タナカ　ケン", 生年月日: "19671120", 性別: "1", 住所: "東京都町田市森野2-2-22", 郵便番号: "194-0022" },
  { 氏名: "伊藤　由美", 氏名カナ: "イトウ　ユミ", 生年月日: "19890402", 性別: "2", 住所: "長野県北安曇郡白馬村北城7025", 郵便番号: "399-9301" },
  { 氏名: "渡辺　翔太", 氏名カナ: "ワタナベ　ショウタ", 生年月日: "20010910", 性別: "1", 住所: "東京都三宅村阿古497", 郵便番号: "100-1211" },
  { 氏名: "グエン　ヴァン　ナム", 氏名カナ: "グエン　ヴァン　ナム", 生年月日: "19931201", 性別: "1", 住所: "静岡県浜松市中央区元城町103-2", 郵便番号: "430-0946" },
  { 氏名: "中村　さくら", 氏名カナ: "ナカムラ　サクラ", 生年月日: "19500505", 性別: "2", 住所: "広島県府中市府川町315", 郵便番号: "726-0005" },
  { 氏名: "小林　誠", 氏名カナ: "ｺﾊﾞﾔｼ ﾏｺﾄ", 生年月日: "19751030", 性別: "1", 住所: "宮城県塩竈市旭町1-1", 郵便番号: "985-0021" },
];

/** Defect rows: each names the codes it is meant to trigger (documented in samples/README.md). */
const DEFECTS = [
  { codes: ["Z04"], over: { 氏名: "山田　太郎　" } },
  { codes: ["Z04"], over: { 氏名: "佐藤　花子 " } },
  { codes: ["Z09"], over: { 住所: "港区芝公園4-2-8" } },
  { codes: ["Z09"], over: { 住所: "東京都千代田區千代田1-1" } },
  { codes: ["Z09"], over: { 住所: "住所不定" } },
  { codes: ["A01"], over: { 住所: "大阪府大阪市中之島1-3-20" } },
  { codes: ["K01"], over: { 氏名カナ: "やまだ　たろう" } },
  { codes: ["G01"], over: { 氏名: Buffer.concat([iconv.encode("渡", "cp932"), Buffer.from([0xf0, 0x40]), iconv.encode("　一郎", "cp932")]) } },
  { codes: ["G02"], over: { 氏名: Buffer.concat([Buffer.from([0xfb, 0xfc]), iconv.encode("橋　一", "cp932")]), 氏名カナ: "タカハシ　ハジメ" } },
  { codes: ["G02"], over: { 氏名: Buffer.concat([iconv.encode("山", "cp932"), Buffer.from([0xfa, 0xb1]), iconv.encode("　純", "cp932")]), 氏名カナ: "ヤマザキ　ジュン" } },
  { codes: ["G04"], over: { 氏名: "山●　太郎" } },
  { codes: ["G03"], over: { 住所: "東京都新宿区西新宿2-8-1　ｺｰﾎﾟ西新宿101" } },
  { codes: ["B01"], over: { 生年月日: "19800230" } },
  { codes: ["B02"], over: { 性別: "4" } },
  { codes: ["B09"], over: { 性別: "3" } },
  { codes: ["B03"], over: { 氏名カナ: "" } },
  { codes: ["N01"], over: { 個人番号: "123456789012" } },
  { codes: ["N04"], over: { 個人番号: "" } },
  { codes: ["N02"], over: { 保険者番号: "12130002" } },
  { codes: ["N03"], over: { 受給者番号: "1234560" } },
  { codes: ["D01"], over: { 資格取得年月日: "19700101" } },
  { codes: ["X01"], over: { 個人番号: "3.10002E+11" } },
  { codes: ["X01"], over: { 郵便番号: "50011" } },
  { codes: ["B04"], over: { 個人番号: mynumber("50000000017"), 生年月日: "19600101" } },
  { codes: ["B04"], over: { 個人番号: mynumber("50000000017"), 生年月日: "19610202" } },
  { codes: ["B05"], ref: { 生年月日: "19800102" } },
  { codes: ["B06"], ref: { 住所: "東京都港区芝公園1-1-1" } },
  { codes: ["B07"], over: { 氏名: "渡辺　恵", 氏名カナ: "ワタナベ　メグミ" }, ref: { 氏名: "渡邊　恵" } },
  { codes: ["B07"], over: { 氏名: "佐藤　和子", 氏名カナ: "サトウ　カズコ" }, ref: { 氏名カナ: "サトウ　カヅコ" } },
  { codes: ["B08"], noRef: true },
  { codes: ["S02"], raw: (cells) => cells.map((c, i) => (i === 9 ? Buffer.concat([c, Buffer.from([0x85, 0x40])]) : c)) },
  { codes: ["S01"], raw: (cells) => [...cells, iconv.encode("余分な列", "cp932")] },
  { codes: ["S03"], raw: (cells) => cells.map((c, i) => (i === 5 ? Buffer.concat([c, Buffer.from('"', "latin1"), iconv.encode("タロウ", "cp932")]) : c)) },
  { codes: ["S04"], raw: (cells) => cells.map((c, i) => (i === 10 ? Buffer.from("2".repeat(70000)) : c)) },
];

const enc = (v) => (Buffer.isBuffer(v) ? v : iconv.encode(String(v), "cp932"));
const CRLF = Buffer.from("\r\n");

function csv(rows) {
  const lines = [Buffer.from(iconv.encode(HEADER.join(","), "cp932"))];
  for (const cells of rows) lines.push(Buffer.concat(cells.flatMap((c, i) => (i === 0 ? [c] : [Buffer.from(","), c]))));
  return Buffer.concat(lines.flatMap((l) => [l, CRLF]));
}

const clean = CLEAN.map((over, i) => HEADER.map((h) => enc(person(i, over)[h])));
writeFileSync(join(here, "clean.csv"), csv(clean));

const defects = DEFECTS.map((d, i) => {
  const cells = HEADER.map((h) => enc(person(200 + i, d.over ?? {})[h]));
  return d.raw ? d.raw(cells) : cells;
});
writeFileSync(join(here, "defects.csv"), csv(defects));
// The reference extract (住基): every defect row with a valid 12-digit 個人番号, with its mutation applied.
const REF_HEADER = ["個人番号", "氏名", "氏名カナ", "生年月日", "性別", "住所"];
const refRows = [];
const seen = new Set();
DEFECTS.forEach((d, i) => {
  const p = person(200 + i, d.over ?? {});
  if (d.noRef || !/^\d{12}$/.test(p.個人番号) || seen.has(p.個人番号)) return;
  seen.add(p.個人番号);
  const r = { ...p, ...(d.ref ?? {}) };
  refRows.push(REF_HEADER.map((h) => enc(r[h])));
});
const refLines = [iconv.encode(REF_HEADER.join(","), "cp932"), ...refRows.map((cells) => Buffer.concat(cells.flatMap((c, i) => (i === 0 ? [c] : [Buffer.from(","), c]))))];
writeFileSync(join(here, "reference.csv"), Buffer.concat(refLines.flatMap((l) => [l, CRLF])));
writeFileSync(join(here, "defects.expected.json"), JSON.stringify(DEFECTS.map((d, i) => ({ record: i + 1, codes: d.codes })), null, 2) + "\n");
console.log(`clean.csv: ${clean.length} records; defects.csv: ${defects.length} records; reference.csv: ${refRows.length} records`);
