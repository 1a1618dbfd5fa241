// The inputs of a run: folders walked into their .csv/.tsv/.txt/.xml files, the tool's own outputs left out, and
// folders that cannot be listed kept as that folder's error instead of stopping the run.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { FatalError } from "../i18n/fatal.js";
import { unreadableFile } from "../i18n/system-errors.js";
import { CSV_REPORT_LEAD_CELLS } from "../report/csv.js";

const INPUT_EXTENSIONS = /\.(csv|tsv|txt|xml)$/i;
/** Names --split gives its outputs. */
const SPLIT_OUTPUT = /\.(valid|invalid)\.(csv|tsv|txt)$/i;
const HEAD_BYTES = 1024;

export interface InputList {
  /** Files to check, in order: explicit paths as given, a folder's files sorted by name. */
  paths: string[];
  /** Folders walked (as given or found below), to keep reports out of them. */
  folders: string[];
  /** Folders (or entries) that could not be listed or examined: each becomes a file report with `error`. */
  unlisted: { path: string; error: FatalError }[];
  /** Files inside walked folders that this tool wrote (reports, --split outputs): not checked. */
  ownOutputs: string[];
}

/** Expands folders into the input files below them, sorted by name; explicit file paths are kept as given. */
export function expandInputs(inputs: readonly string[]): InputList {
  const list: InputList = { paths: [], folders: [], unlisted: [], ownOutputs: [] };
  const walk = (dir: string) => {
    list.folders.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      list.unlisted.push({ path: dir, error: unreadableFile(dir, e, "folder") });
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!INPUT_EXTENSIONS.test(e.name)) continue;
      else if (isOwnOutput(p)) list.ownOutputs.push(p);
      else list.paths.push(p);
    }
  };
  for (const i of inputs) {
    let isDir = false;
    try {
      isDir = i !== "-" && statSync(i).isDirectory();
    } catch {
      /* a missing or unreadable file is reported by the reader, as that file's error */
    }
    if (isDir) walk(i);
    else list.paths.push(i);
  }
  return list;
}

/** A report or --split output of this tool, recognised by its name or its first bytes. */
export function isOwnOutput(path: string): boolean {
  if (SPLIT_OUTPUT.test(path)) return true;
  const head = readHeadBytes(path);
  if (head === undefined) return false;
  if (/\.xml$/i.test(path)) return head.toString("latin1").includes('<testsuites name="oqs-check"');
  const bomless = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  return [bomless.toString("utf8"), iconv.decode(bomless, "cp932")].some(startsLikeCsvReport);
}

function startsLikeCsvReport(text: string): boolean {
  const cells = text.split(/\r?\n/, 1)[0].split(",", 3);
  return CSV_REPORT_LEAD_CELLS.some((lead) => lead.every((c, i) => cells[i] === c));
}

/** The first bytes of a file, or undefined when it cannot be read (the reader then reports why). */
function readHeadBytes(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
