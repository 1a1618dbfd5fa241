// Benchmark steps (a) and (b), run as a child process by bench/run.mjs: the product's reader path on one file,
// without checks. Prints one JSON line: records read, characters decoded, peak RSS of this process.
import { createReadStream } from "node:fs";
import { RecordDecoder } from "../dist/input/decode.js";
import { RecordScanner } from "../dist/input/record-scanner.js";
import { splitCells } from "../dist/input/split-cells.js";
import { DEFAULT_PROFILE } from "../dist/layout/profile.js";
import { mapFields, resolveLayout } from "../dist/layout/resolve.js";

const CHUNK_BYTES = 1 << 20;
const [mode, file] = process.argv.slice(2);
if (mode !== "decode" && mode !== "parse") {
  process.stderr.write("usage: node bench/steps.mjs decode|parse FILE\n");
  process.exit(2);
}

const decoder = new RecordDecoder("cp932");
let records = 0;
let chars = 0;
let fields = 0;
let layout;

/** (a) every record located by RecordScanner and decoded by RecordDecoder.decode (TextDecoder + S02 location). */
function decodeOnly(raw) {
  chars += decoder.decode(raw.bytes).text.length;
  records++;
}

/** (b) as (a), then cells split (splitCells) and mapped to fields by the default layout (header names). */
function parse(raw) {
  const text = decoder.decode(raw.bytes).text;
  chars += text.length;
  const cells = splitCells(text, ",");
  if (layout === undefined) {
    layout = resolveLayout(DEFAULT_PROFILE, cells, cells.length, file);
    return;
  }
  const mapped = mapFields(layout, cells);
  fields += mapped.name === undefined ? 0 : 1;
  records++;
}

const scanner = new RecordScanner(0x2c, 65536, mode === "decode" ? decodeOnly : parse);
for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) scanner.push(chunk);
scanner.end();
// (a) counts the header line as a record; report data records in both modes.
if (mode === "decode") records--;
process.stdout.write(JSON.stringify({ mode, records, chars, fields, maxRSS: process.resourceUsage().maxRSS * 1024 }) + "\n");
