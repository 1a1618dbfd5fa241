// XML exports (オン資 element names) through fast-xml-parser: records, fields, and lines from offsets.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { fatal } from "../i18n/fatal.js";
import type { FieldName } from "../types.js";
import { RecordDecoder } from "./decode.js";
import type { EncodingName, EncodingOption } from "./encodings.js";
import { parseEncodingOption } from "./encodings.js";
import { sniffEncoding, type Sniffed } from "./sniff.js";

/** オン資 element names → fields (IndividualNumber is ours: オン資 responses carry no 個人番号). */
export const XML_FIELDS: Record<string, FieldName> = {
  InsurerNumber: "insurerNumber",
  InsuredIdentificationNumber: "recipientNumber",
  InsuredBranchNumber: "branch",
  IndividualNumber: "individualNumber",
  Name: "name",
  NameKana: "nameKana",
  Sex1: "sex",
  Birthdate: "birthDate",
  Address: "address",
  PostNumber: "postalCode",
  QualificationDate: "qualifiedOn",
  DisqualificationDate: "disqualifiedOn",
};

export interface XmlRecord {
  line: number;
  offset: number;
  fields: Partial<Record<FieldName, string>>;
}

export interface XmlFile {
  sniffed: Sniffed;
  recordElement: string;
  records: XmlRecord[];
  /** field → element name, for every field seen in any record. */
  columns: Partial<Record<FieldName, string>>;
  invalidBytes: { index: number; hex: string }[];
  text: string;
}

function declaredEncoding(head: string): EncodingName | undefined {
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (!m) return undefined;
  const e = parseEncodingOption(m[1]);
  return e && e !== "auto" ? e : undefined;
}

type Node = Record<string, unknown>;

/** Finds the repeated element whose children use オン資 names (or the one named by --xml-record). */
function findRecords(root: unknown, wanted?: string): { name: string; items: Node[] } | undefined {
  let best: { name: string; items: Node[]; score: number } | undefined;
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    for (const [key, val] of Object.entries(node as Node)) {
      const items = (Array.isArray(val) ? val : [val]).filter((v): v is Node => !!v && typeof v === "object");
      if (items.length > 0) {
        const score = Object.keys(items[0]).filter((k) => k in XML_FIELDS).length;
        if (wanted ? key === wanted : score >= 2 && (!best || score > best.score || (score === best.score && items.length > best.items.length))) {
          best = { name: key, items, score };
          if (wanted) return;
        }
      }
      for (const item of items) visit(item);
    }
  };
  visit(root);
  return best ? { name: best.name, items: best.items } : undefined;
}

export function readXml(bytes: Uint8Array, path: string, requested: EncodingOption, wantedElement?: string): XmlFile {
  const ascii = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = requested === "auto" ? declaredEncoding(ascii) : undefined;
  const sniffed: Sniffed = declared
    ? { encoding: declared, bomLength: 0, reason: { ja: `XML 宣言の encoding による`, en: `XML declaration's encoding` } }
    : sniffEncoding(bytes.subarray(0, 65536), requested, bytes.length > 65536);
  const body = bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  const decoded = new RecordDecoder(sniffed.encoding).decode(body);
  const text = decoded.text;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw fatal("xml", `${path}:${line}:${col}: XML として正しくありません（${msg}）`, `${path}:${line}:${col}: not well-formed XML (${msg})`);
  }
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, isArray: () => false });
  const found = findRecords(parser.parse(text), wantedElement);
  if (!found) {
    const which = wantedElement ? `要素 <${wantedElement}>` : "オン資の項目名（Name, Birthdate, Sex1, Address …）を子に持つ繰り返し要素";
    const whichEn = wantedElement ? `element <${wantedElement}>` : "a repeated element whose children use オン資 names (Name, Birthdate, Sex1, Address …)";
    throw fatal("xml", `${path}: ${which}が見つかりません（--xml-record で指定できます）`, `${path}: no ${whichEn} found (name it with --xml-record)`);
  }
  // Lines from the character offsets of each record's start tag, in document order.
  const starts: number[] = [];
  const re = new RegExp(`<${found.name}[\\s>/]`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index);
  const lineAt = lineCounter(text);
  const columns: Partial<Record<FieldName, string>> = {};
  const records = found.items.map((item, i) => {
    const fields: Partial<Record<FieldName, string>> = {};
    for (const [el, field] of Object.entries(XML_FIELDS)) {
      const v = item[el];
      if (v === undefined) continue;
      fields[field] = typeof v === "object" ? "" : String(v);
      columns[field] = el;
    }
    const at = starts[i] ?? 0;
    return { line: lineAt(at), offset: at, fields };
  });
  return { sniffed, recordElement: found.name, records, columns, invalidBytes: decoded.invalid, text };
}

/** Returns a function from a character offset to its 1-based line (offsets must not decrease). */
export function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (; pos < offset; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10 || (c === 13 && text.charCodeAt(pos + 1) !== 10)) line++;
    }
    return line;
  };
}
