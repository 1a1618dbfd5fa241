#!/usr/bin/env node
// The benchmark (npm run bench): one generated CP932 file; (a) decode, (b) decode + parse, (c) full check,
// (c1) full check on one thread, (d) full check with --reference, (e) csvclean — each in its own child process, with
// wall time, records/s, MB/s and peak RSS, and the ratios between them measured in the same run. With --rounds N
// every step runs N times, round by round (drift on a shared machine then touches every step alike), and the
// medians are reported with their range.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA = join(ROOT, "bench", "data");
const OUT = join(DATA, "out");
const CLI = join(ROOT, "bin", "oqs-check.js");
const STEPS_JS = join(ROOT, "bench", "steps.mjs");
const TIME = "/usr/bin/time";
const DEFAULT_RECORDS = 2_008_090;
const ALL_STEPS = ["a", "b", "c", "c1", "d", "e"];

function usage(message) {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write("usage: npm run bench -- [--records N] [--seed S] [--rounds N] [--keep] [--only a,b,c,c1,d,e]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const o = { records: DEFAULT_RECORDS, seed: 1, rounds: 1, keep: false, only: ALL_STEPS };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i] ?? usage(`${name} needs a value`);
    if (name === "--records") o.records = Number(value());
    else if (name === "--seed") o.seed = Number(value());
    else if (name === "--keep") o.keep = true;
    else if (name === "--rounds") o.rounds = Number(value());
    else if (name === "--only") o.only = value().split(",").map((s) => s.trim().toLowerCase());
    else usage(`unknown option ${argv[i]}`);
  }
  if (!Number.isSafeInteger(o.records) || o.records < 1) usage("--records must be a whole number ≥ 1");
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) usage("--seed must be a whole number ≥ 0");
  if (!Number.isSafeInteger(o.rounds) || o.rounds < 1) usage("--rounds must be a whole number ≥ 1");
  for (const s of o.only) if (!ALL_STEPS.includes(s)) usage(`unknown step ${s} (steps: ${ALL_STEPS.join(", ")})`);
  return o;
}

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "")?.[1] ?? "unknown";
  return { cores: availableParallelism(), cpu, node: process.version, date: new Date().toISOString().slice(0, 10) };
}

/** Fingerprint of the compiled generator: cached data is rebuilt when the generator changes. */
function generatorHash() {
  const dir = join(ROOT, "dist", "generate");
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest("hex").slice(0, 16);
}

const files = {
  input: join(DATA, "input.csv"),
  reference: join(DATA, "reference.csv"),
  labels: join(DATA, "labels.jsonl"),
  csvclean: join(DATA, "input.csvclean.csv"),
  meta: join(DATA, "meta.json"),
};

/** Generates the data set unless the cached one has the same size, seed and generator. */
async function ensureData(o) {
  mkdirSync(DATA, { recursive: true });
  const want = { records: o.records, seed: o.seed, generator: generatorHash() };
  if (existsSync(files.meta) && [files.input, files.reference, files.labels, files.csvclean].every(existsSync)) {
    const meta = JSON.parse(readFileSync(files.meta, "utf8"));
    if (meta.records === want.records && meta.seed === want.seed && meta.generator === want.generator) {
      process.stdout.write(`data: cached ${files.input} (${o.records} records, seed ${o.seed})\n`);
      return meta;
    }
  }
  process.stdout.write(`data: generating ${o.records} records, seed ${o.seed} …\n`);
  const { generate } = await import(join(ROOT, "dist", "generate", "command.js"));
  const t0 = performance.now();
  const summary = await generate({ records: o.records, seed: o.seed, out: files.input, reference: files.reference, labels: files.labels });
  const seconds = (performance.now() - t0) / 1000;
  const twin = await writeCsvcleanTwin(files.input, files.csvclean, files.labels);
  const meta = { ...want, generatedSeconds: seconds, summary, csvcleanTwin: twin };
  writeFileSync(files.meta, JSON.stringify(meta, null, 2) + "\n");
  process.stdout.write(`data: ${(summary.bytes / 1e6).toFixed(1)} MB input, ${(summary.reference.bytes / 1e6).toFixed(1)} MB reference in ${seconds.toFixed(1)} s\n`);
  return meta;
}

/**
 * csvclean 1.0.7 stops at the first byte sequence Python's cp932 codec rejects (our S02 records) and at a field
 * longer than 131,072 characters (an S03 unclosed quote reads on to the next quote). Its twin has those bytes
 * replaced — invalid sequences by "?", the unclosed quote by a space — so it has the same size and lines.
 */
async function writeCsvcleanTwin(input, twin, labelsPath) {
  const fix = new Map();
  for (const line of readFileSync(labelsPath, "utf8").split("\n")) {
    if (!line) continue;
    const l = JSON.parse(line);
    if (l.defect?.code === "S02") fix.set(l.line, "bytes");
    if (l.defect?.variant === "unclosed-quote") fix.set(l.line, "quote");
  }
  const { RecordDecoder } = await import(join(ROOT, "dist", "input", "decode.js"));
  const decoder = new RecordDecoder("cp932");
  const out = createWriteStream(twin);
  let lineNo = 1;
  let carry = new Uint8Array(0);
  let fixed = 0;
  const repair = (line, how) => {
    if (how === "quote") {
      const q = line.indexOf(0x22);
      if (q >= 0) (line[q] = 0x20), fixed++;
      return;
    }
    for (const bad of decoder.decode(line).invalid) {
      const n = bad.hex.split(" ").length;
      line.fill(0x3f, bad.index, bad.index + n);
      fixed++;
    }
  };
  for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 })) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) {
      const how = fix.get(lineNo);
      if (how) repair(buf.subarray(start, i), how);
      lineNo++;
      start = i + 1;
    }
    const whole = buf.subarray(0, start);
    carry = Uint8Array.from(buf.subarray(start));
    if (!out.write(whole)) await new Promise((r) => out.once("drain", r));
  }
  out.end(carry);
  await new Promise((r) => out.once("finish", r));
  return { linesRepaired: fix.size, sequencesReplaced: fixed };
}

function cliSupports(option) {
  const r = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8", env: { ...process.env, OQS_CHECK_LANG: "en" } });
  return (r.stdout + r.stderr).includes(option);
}

function commandExists(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
}

/** Runs one step in a child process; wall time measured here, peak RSS from /usr/bin/time -v (or the child). */
async function runStep(id, cmd, args, stdoutFile) {
  const useTime = existsSync(TIME);
  const timeFile = join(OUT, `${id}.time.txt`);
  const [file, argv] = useTime ? [TIME, ["-v", "-o", timeFile, cmd, ...args]] : [cmd, args];
  const env = { ...process.env, OQS_CHECK_LANG: "en" };
  delete env.CI;
  const fd = stdoutFile ? openSync(stdoutFile, "w") : undefined;
  const t0 = performance.now();
  const child = spawn(file, argv, { stdio: ["ignore", fd ?? "pipe", "pipe"], env });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const status = await new Promise((resolve) => child.on("close", (code) => resolve(code)));
  const wall = (performance.now() - t0) / 1000;
  if (fd !== undefined) closeSync(fd);
  let maxRSS;
  if (useTime && existsSync(timeFile)) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, "utf8"))?.[1];
    if (kb) maxRSS = Number(kb) * 1024;
  }
  let reported;
  try {
    reported = JSON.parse(stdout.trim().split("\n").pop() ?? "");
  } catch {
    reported = undefined;
  }
  maxRSS ??= reported?.maxRSS;
  return { status, wall, maxRSS, stdout, stderr, reported };
}

const fmt = {
  int: (n) => Math.round(n).toLocaleString("en-US"),
  s: (n) => n.toFixed(2),
  mb: (n) => (n === undefined ? "n/a" : (n / 1024 / 1024).toFixed(0)),
};

function median(values) {
  const v = [...values].sort((x, y) => x - y);
  return v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/** The bytes per record the B04 and reference indexes declare (exported constants of their compiled modules). */
async function indexBytesPerRecord() {
  const modules = [["checks", /^b04-.*\.js$/], ["reference", /^index\.js$/]];
  const out = [];
  for (const [sub, pattern] of modules) {
    const dir = join(ROOT, "dist", sub);
    for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => pattern.test(x)) : []) out.push(...(await bytesExports(join(dir, f), `${sub}/${f}`)));
  }
  return out;
}

async function bytesExports(path, file) {
  const out = [];
  for (const [name, value] of Object.entries(await import(path))) {
    if (/BYTES/i.test(name) && typeof value === "number") out.push(`${name} = ${value} (${file})`);
    else if (/bytes/i.test(name) && typeof value === "function" && value.length === 0) out.push(`${name}() = ${value()} (${file})`);
  }
  return out;
}

/** Finding counts per code in a JSON report against the generator's labels (the documented mix). */
function compareCounts(reportFile, expected) {
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  const counts = {};
  for (const f of report.files[0].findings) counts[f.code] = counts[f.code] ?? new Set();
  for (const f of report.files[0].findings) counts[f.code].add(f.record);
  const codes = [...new Set([...Object.keys(expected), ...Object.keys(counts)])].sort();
  const diff = codes.filter((c) => (expected[c] ?? 0) !== (counts[c]?.size ?? 0)).map((c) => `${c} expected ${expected[c] ?? 0} records, got ${counts[c]?.size ?? 0}`);
  return { findings: report.summary.findings, truncated: report.files[0].truncated === true, diff };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const m = machine();
  process.stdout.write(`oqs-check benchmark — ${m.date}, ${m.cores} cores (${m.cpu}), node ${m.node}\n`);
  const meta = await ensureData(o);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const bytes = statSync(files.input).size;
  const records = o.records;
  const hasReference = cliSupports("--reference");
  const hasJobs = cliSupports("--jobs");
  const hasCsvclean = commandExists("csvclean");
  const checkArgs = (id, extra) => [CLI, "--format", "json", ...extra, files.input];

  const steps = [
    { id: "a", title: "decode only: RecordScanner + RecordDecoder.decode per record (TextDecoder shift_jis)", run: () => runStep("a", process.execPath, [STEPS_JS, "decode", files.input]) },
    { id: "b", title: "decode + parse: (a) + splitCells + default layout mapping, no checks", run: () => runStep("b", process.execPath, [STEPS_JS, "parse", files.input]) },
    { id: "c", title: "full check, every code on: oqs-check --format json > report", run: () => runStep("c", process.execPath, checkArgs("c", []), join(OUT, "c.json")) },
    { id: "c1", title: "(c) on one thread: --jobs 1", skip: hasJobs ? undefined : "--jobs not available", run: () => runStep("c1", process.execPath, checkArgs("c1", ["--jobs", "1"]), join(OUT, "c1.json")) },
    { id: "d", title: "(c) with --reference (B05–B08)", skip: hasReference ? undefined : "--reference not available", run: () => runStep("d", process.execPath, checkArgs("d", ["--reference", files.reference]), join(OUT, "d.json")) },
    { id: "e", title: "csvclean -e cp932 -n (csvkit; row lengths only), on the csvclean twin", skip: hasCsvclean ? undefined : "csvclean not installed (Debian package csvkit)", run: () => runStep("e", "csvclean", ["-e", "cp932", "-n", files.csvclean]) },
  ];
  /** csvclean on the generated file itself: it stops at the first byte sequence it cannot read. */
  const csvcleanOnOriginal = async () => {
    const r = await runStep("e-original", "csvclean", ["-e", "cp932", "-n", files.input]);
    const said = (r.stdout + r.stderr).trim().split("\n").filter((l) => !/^\s|Command exited/.test(l)).pop() ?? "";
    return r.status === 0 ? "it also completed on the generated file itself" : `on the generated file itself it stopped after ${fmt.s(r.wall)} s: "${said.slice(0, 160)}"`;
  };

  /** Per step: every round's run; then the step's result is its median run (by wall time) and the ranges. */
  const runs = {};
  for (let round = 1; round <= o.rounds; round++) {
    if (o.rounds > 1) process.stdout.write(`round ${round} of ${o.rounds}\n`);
    for (const step of steps) {
      if (!o.only.includes(step.id)) continue;
      if (step.skip) {
        if (round === 1) process.stdout.write(`(${step.id}) skipped: ${step.skip}\n`);
        continue;
      }
      const r = await step.run();
      const failed = step.id.startsWith("c") || step.id === "d" ? r.status !== 0 && r.status !== 1 : r.status !== 0;
      if (failed) {
        process.stdout.write(`(${step.id}) failed (exit ${r.status}): ${r.stderr.trim().split("\n").slice(-3).join(" | ")}\n`);
        continue;
      }
      if (r.reported?.records !== undefined && r.reported.records !== records) {
        process.stdout.write(`(${step.id}) warning: read ${r.reported.records} records, expected ${records}\n`);
      }
      (runs[step.id] ??= []).push(r);
      process.stdout.write(`(${step.id}) ${fmt.s(r.wall)} s, ${fmt.mb(r.maxRSS)} MB\n`);
    }
  }
  const results = {};
  for (const step of steps) {
    const list = runs[step.id];
    if (!list) continue;
    const byWall = [...list].sort((x, y) => x.wall - y.wall);
    const rss = list.map((r) => r.maxRSS).filter((v) => v !== undefined).sort((x, y) => x - y);
    results[step.id] = {
      ...byWall[(byWall.length - 1) >> 1], title: step.title, wall: median(list.map((r) => r.wall)),
      maxRSS: rss.length ? median(rss) : undefined, wallRange: [byWall[0].wall, byWall.at(-1).wall], rssRange: [rss[0], rss.at(-1)],
    };
  }

  process.stdout.write(`\nfile: ${fmt.int(records)} records, ${(bytes / 1e6).toFixed(1)} MB (MB = 10^6 bytes), seed ${o.seed}\n`);
  if (o.rounds > 1) process.stdout.write(`each step ${o.rounds} times, round by round: medians, with the lowest–highest of the rounds\n`);
  const ranges = o.rounds > 1;
  process.stdout.write(`\n${"step".padEnd(5)} ${"what".padEnd(82)} ${"wall s".padStart(7)} ${"records/s".padStart(11)} ${"MB/s".padStart(7)} ${"peak RSS MB".padStart(11)}${ranges ? `  ${"wall range".padStart(12)} ${"RSS range".padStart(10)}` : ""}\n`);
  for (const step of steps) {
    const r = results[step.id];
    if (!r) continue;
    const mbs = (step.id === "e" ? statSync(files.csvclean).size : bytes) / 1e6 / r.wall;
    const range = ranges ? `  ${`${fmt.s(r.wallRange[0])}–${fmt.s(r.wallRange[1])}`.padStart(12)} ${`${fmt.mb(r.rssRange[0])}–${fmt.mb(r.rssRange[1])}`.padStart(10)}` : "";
    process.stdout.write(`${`(${step.id})`.padEnd(5)} ${step.title.padEnd(82)} ${fmt.s(r.wall).padStart(7)} ${fmt.int(records / r.wall).padStart(11)} ${mbs.toFixed(1).padStart(7)} ${fmt.mb(r.maxRSS).padStart(11)}${range}\n`);
  }
  const ratio = (x, y) => (results[x] && results[y] ? (results[x].wall / results[y].wall).toFixed(2) : "n/a");
  process.stdout.write(`\nratios (${ranges ? "median " : ""}wall time, same run): c/e ${ratio("c", "e")}  c/b ${ratio("c", "b")}  d/b ${ratio("d", "b")}  c/a ${ratio("c", "a")}  c1/b ${ratio("c1", "b")}  c/c1 ${ratio("c", "c1")}\n`);

  for (const line of await indexBytesPerRecord()) process.stdout.write(`index bytes per record: ${line}\n`);
  if (results.e) {
    const t = meta.csvcleanTwin;
    process.stdout.write(`(e) note: csvclean stops at the first invalid CP932 sequence (S02) or unclosed quote (S03); it ran on a twin with ${t.sequencesReplaced} such byte sequences on ${t.linesRepaired} lines replaced (same size and lines) and reported ${results.e.stdout.trim().split("\n").filter(Boolean).length} rows; ${await csvcleanOnOriginal()}.\n`);
  }
  const inputCodes = {};
  for (const [key, n] of Object.entries(meta.summary.variants)) {
    const code = key.split("/")[0];
    inputCodes[code] = (inputCodes[code] ?? 0) + n;
  }
  for (const [id, expected] of [["c", inputCodes], ["c1", inputCodes], ["d", meta.summary.counts]]) {
    if (!results[id]) continue;
    const c = compareCounts(join(OUT, `${id}.json`), expected);
    process.stdout.write(`(${id}) ${fmt.int(c.findings)} findings; records per code vs the generator's labels: ${c.diff.length === 0 ? "all match" : c.diff.join("; ")}${c.truncated ? " (list truncated)" : ""}\n`);
  }
  if (!o.keep) rmSync(OUT, { recursive: true, force: true });
  else process.stdout.write(`outputs kept in ${OUT}\n`);
}

await main();
