#!/usr/bin/env node
// Profiles the full check (bench step c) with V8's --cpu-prof on a generated file and lists the functions and files
// with the most self time: node bench/profile.mjs [--records 500000] [--seed 1] [--jobs 1] [--reference] [--top 15]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA = join(ROOT, "bench", "data");

const o = { records: 500_000, seed: 1, jobs: "1", reference: false, top: 15 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--records") o.records = Number(argv[++i]);
  else if (a === "--seed") o.seed = Number(argv[++i]);
  else if (a === "--jobs") o.jobs = argv[++i];
  else if (a === "--reference") o.reference = true;
  else if (a === "--top") o.top = Number(argv[++i]);
  else {
    process.stderr.write(`profile: unknown option ${a}\n`);
    process.exit(2);
  }
}

const base = join(DATA, `profile-${o.records}-${o.seed}`);
const input = `${base}.csv`;
const reference = `${base}-reference.csv`;
mkdirSync(DATA, { recursive: true });
if (!existsSync(input) || !existsSync(reference)) {
  const { generate } = await import(join(ROOT, "dist", "generate", "command.js"));
  await generate({ records: o.records, seed: o.seed, out: input, reference });
}

const profDir = join(DATA, "cpu-profile");
rmSync(profDir, { recursive: true, force: true });
const args = ["--cpu-prof", "--cpu-prof-dir", profDir, join(ROOT, "bin", "oqs-check.js"), "--format", "json", "--jobs", o.jobs,
  ...(o.reference ? ["--reference", reference] : []), input];
const t0 = performance.now();
const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CI: "" } });
const wall = (performance.now() - t0) / 1000;
if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);

/** Self time per function and per file, summed over every profile written (one per thread). */
const byFunction = new Map();
const byFile = new Map();
/** Inclusive time per check file: a sample counts for every dist/checks/*.js file on its stack (once each). */
const byCheck = new Map();
let total = 0;
for (const f of readdirSync(profDir).filter((x) => x.endsWith(".cpuprofile"))) {
  const prof = JSON.parse(readFileSync(join(profDir, f), "utf8"));
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const checksOnStack = (id) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const m = /\/dist\/checks\/([^/]+)\.js$/.exec(nodes.get(at).callFrame.url);
      if (m) seen.add(m[1]);
    }
    return seen;
  };
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    const frame = nodes.get(id).callFrame;
    const file = frame.url.startsWith("file:") ? relative(ROOT, fileURLToPath(frame.url)) : frame.url || `(${frame.functionName || "native"})`;
    const fn = `${frame.functionName || "(anonymous)"} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    for (const check of checksOnStack(id)) byCheck.set(check, (byCheck.get(check) ?? 0) + dt);
    total += dt;
  });
}
const list = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join("\n");
process.stdout.write(`full check of ${o.records} records (--jobs ${o.jobs}${o.reference ? ", --reference" : ""}): ${wall.toFixed(2)} s wall, ${(total / 1e6).toFixed(2)} s sampled\n\n`);
process.stdout.write(`top ${o.top} functions by self time:\n${list(byFunction, o.top)}\n\ntop ${o.top} files by self time:\n${list(byFile, o.top)}\n\n`);
process.stdout.write(`checks by inclusive time (their own code and what they call; shared helpers count for each caller):\n${list(byCheck, 40)}\n`);
