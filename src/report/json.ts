// The JSON report (SPEC §4, schema version 1): the report object as stable, indented JSON, whole or in pieces.
import type { Report } from "../types.js";
import type { FormatContext } from "./format-context.js";

export function formatJson(report: Report, _ctx: FormatContext): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** How many values JSON.stringify may write in one call. */
const SMALL_NODES = 4096;
/** Size of the pieces writeJson hands on, in UTF-16 code units. */
const PIECE_CHARS = 64 * 1024;

/**
 * Writes formatJson's exact text in pieces, so a national-size report (tens of MB) is never held as one string.
 * A piece never ends inside a string token, so no surrogate pair is cut between pieces. `smallNodes` is how many
 * values JSON.stringify may write in one call (tests set it low to take every path on small values).
 */
export function writeJson(value: unknown, write: (piece: string) => void, smallNodes = SMALL_NODES): void {
  const out = new PieceWriter(write, smallNodes);
  writeValue(prepared("", value), "", out);
  out.push("\n");
  out.flush();
}

/** Gathers small strings into pieces (joined once: appending to one string makes slow ropes). */
class PieceWriter {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly write: (piece: string) => void, readonly smallNodes: number) {}

  push(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.chars === 0) return;
    this.write(this.parts.join(""));
    this.parts = [];
    this.chars = 0;
  }
}

// What follows is JSON.stringify's own walk (ECMA-262 SerializeJSONProperty, SerializeJSONObject and
// SerializeJSONArray with a gap of two spaces) down to small subtrees, which JSON.stringify itself writes.

/** The value JSON.stringify serializes for a property `key` holding `value`: after its toJSON method, if it has one. */
function prepared(key: string, value: unknown): unknown {
  if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return toJSON.call(value, key) as unknown;
  }
  return value;
}

/** JSON.stringify leaves such a property out of an object and writes null for such an array element. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** Number, String, Boolean and BigInt objects serialize as their primitive value. */
function isBoxedPrimitive(value: object): boolean {
  return value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof BigInt;
}

function writeValue(value: unknown, indent: string, out: PieceWriter): void {
  if (value === null || typeof value !== "object" || isBoxedPrimitive(value)) out.push(JSON.stringify(value));
  else if (isSmall(value, out.smallNodes)) out.push(textAt(value, indent));
  else if (Array.isArray(value)) writeArray(value, indent, out);
  else writeObject(value as Record<string, unknown>, indent, out);
}

function writeObject(value: Record<string, unknown>, indent: string, out: PieceWriter): void {
  const inner = indent + "  ";
  let written = 0;
  for (const key of Object.keys(value)) {
    const v = prepared(key, value[key]);
    if (isOmitted(v)) continue;
    out.push(`${written++ === 0 ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
    writeValue(v, inner, out);
  }
  out.push(written === 0 ? "{}" : `\n${indent}}`);
}

/** Elements go to JSON.stringify in runs of small ones (thousands of findings: one call each would be slow). */
function writeArray(value: unknown[], indent: string, out: PieceWriter): void {
  if (value.length === 0) {
    out.push("[]");
    return;
  }
  const inner = indent + "  ";
  for (let i = 0; i < value.length; ) {
    const end = smallRunEnd(value, i, out.smallNodes);
    if (end > i) {
      // The run's text as JSON.stringify writes it inside this array: "\n" + inner + element, ","-separated.
      const text = textAt(value.slice(i, end), indent);
      out.push((i === 0 ? "[" : ",") + text.slice(1, text.length - indent.length - 2));
      i = end;
      continue;
    }
    out.push(`${i === 0 ? "[\n" : ",\n"}${inner}`);
    const v = prepared(String(i), value[i]);
    if (isOmitted(v)) out.push("null");
    else writeValue(v, inner, out);
    i++;
  }
  out.push(`\n${indent}]`);
}

/**
 * A subtree JSON.stringify may write on its own: at most `budget` values, and no toJSON of its own (which
 * JSON.stringify would call again, and with the key "" instead of the value's key).
 */
function isSmall(value: object, budget: number): boolean {
  return !mayCallToJson(value) && nodesWithin(value, budget) >= 0;
}

/** JSON.stringify would call a toJSON method of this value (BigInt values: their prototype's, or it throws). */
function mayCallToJson(value: unknown): boolean {
  return typeof value === "bigint" || (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function");
}

/** The end of the run of elements from `start` that are small together (a run's elements get other toJSON keys). */
function smallRunEnd(value: unknown[], start: number, budget: number): number {
  let i = start;
  for (; i < value.length; i++) {
    const v = value[i];
    if (mayCallToJson(v)) break;
    const left = v !== null && typeof v === "object" ? nodesWithin(v, budget - 1) : budget - 1;
    if (left < 0) break;
    budget = left;
  }
  return i;
}

/** `budget` less the number of values under `value`, or -1 as soon as they are more than `budget`. */
function nodesWithin(value: object, budget: number): number {
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (--budget < 0) return -1;
    const v = o[key];
    if (v !== null && typeof v === "object" && (budget = nodesWithin(v, budget)) < 0) return -1;
  }
  return budget;
}

/**
 * JSON.stringify's text of a value at the indentation `indent`. The value is wrapped in one array per level and the
 * wrappers' text cut off again: at depth d they take d(d + 3) characters before the value and d(d + 1) after it.
 */
function textAt(value: object, indent: string): string {
  const depth = indent.length / 2;
  let wrapped: unknown = value;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return depth === 0 ? text : text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}
