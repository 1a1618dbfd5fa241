#!/usr/bin/env node
// npm run dist: builds the offline artefact release/oqs-check-<version>.tgz (dependencies bundled, no install scripts) and its SHA-256 file.
//
// Run on a connected machine after `npm ci`. Nothing here uses the network: dist/ is compiled afresh into a staging
// folder, the production dependencies are copied from node_modules at the versions package-lock.json names, and the
// staging folder is packed with `npm pack`. The shipped package.json has no scripts and lists every dependency in
// bundleDependencies, so `npm install --global --offline ./oqs-check-<version>.tgz` works with an empty cache.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "release");
/** What the package carries besides dist/ and node_modules/ (samples: the three CSV files only, no generator, no test expectations). */
const COPY = ["bin/oqs-check.js", "samples/clean.csv", "samples/defects.csv", "samples/reference.csv", "README.md", "CHANGELOG.md", "SECURITY.md"];
/** Dropped from the bundled dependencies: tests, source maps and TypeScript (sources and declarations); Node runs none of them. */
const PRUNE_DIRS = new Set(["test", "tests", "__tests__", "fixtures", "__fixtures__", ".github"]);
const PRUNE_FILE = /(\.map|\.tsx?|\.[cm]ts|\.(test|spec)\.[cm]?js)$/;

function fail(ja, en) {
  process.stderr.write(`dist: ${ja}\ndist: ${en}\n`);
  process.exit(1);
}

/** The environment without the npm_* variables `npm run` sets (local_prefix would point npm pack at the repository). */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env: ENV, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], shell: process.platform === "win32" && cmd === "npm" });
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} が失敗しました（終了コード ${r.status}）`, `${cmd} failed (exit ${r.status})`);
  return r.stdout;
}

/** npm itself: the one running `npm run dist` when there is one, else npm on the PATH. */
function npm(args, cwd) {
  const cli = process.env.npm_execpath;
  return cli && cli.endsWith(".js") ? run(process.execPath, [cli, ...args], cwd) : run("npm", args, cwd);
}

function sha256(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Removes tests, maps and TypeScript under dir; returns the bytes removed. */
function prune(dir) {
  let removed = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && PRUNE_DIRS.has(e.name)) {
      removed += sizeOf(p);
      rmSync(p, { recursive: true });
    } else if (e.isDirectory()) {
      removed += prune(p);
      if (readdirSync(p).length === 0) rmSync(p, { recursive: true });
    } else if (PRUNE_FILE.test(e.name)) {
      removed += statSync(p).size;
      rmSync(p);
    }
  }
  return removed;
}

function sizeOf(p) {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, e) => n + sizeOf(join(p, e)), 0) : s.size;
}

/** Copies the lock's production packages from node_modules, checking each installed version against the lock. */
function copyDependencies(stage) {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const copied = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev) continue;
    if (entry.hasInstallScript) fail(`${path} にインストール時のスクリプトがあります`, `${path} has an install script`);
    const from = join(ROOT, ...path.split("/"));
    const installed = existsSync(join(from, "package.json")) ? JSON.parse(readFileSync(join(from, "package.json"), "utf8")).version : undefined;
    if (installed !== entry.version) {
      fail(`${path} が ${installed ?? "ありません"}（package-lock.json は ${entry.version}）。先に npm ci を実行してください`,
        `${path} is ${installed ?? "missing"}, the lock says ${entry.version}: run npm ci first`);
    }
    // Nested node_modules are copied as entries of their own (the lock lists them), so each copy stops there.
    cpSync(from, join(stage, ...path.split("/")), { recursive: true, filter: (src) => src === from || !relative(from, src).split(sep).includes("node_modules") });
    copied.push(`${path.slice(path.lastIndexOf("node_modules/") + 13)}@${entry.version}`);
  }
  return copied;
}

/** The shipped package.json: the repository's, with no scripts, no devDependencies, every dependency bundled. */
function shippedManifest() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const { scripts: _scripts, devDependencies: _dev, ...rest } = pkg;
  return { ...rest, files: ["bin/", "dist/", "src/codes/*.md", "samples/", "README.md", "CHANGELOG.md", "SECURITY.md"], bundleDependencies: Object.keys(pkg.dependencies) };
}

const pkg = shippedManifest();
const stage = mkdtempSync(join(tmpdir(), "oqs-check-dist-"));
try {
  process.stderr.write(`dist: ${pkg.name}@${pkg.version} を組み立てます / staging in ${stage}\n`);
  // dist/ compiled afresh (no stale files from the working tree), never with source maps or declarations.
  run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.json"),
    "--outDir", join(stage, "dist"), "--sourceMap", "false", "--inlineSourceMap", "false", "--declaration", "false"], ROOT);
  for (const f of COPY) cpSync(join(ROOT, f), join(stage, f));
  mkdirSync(join(stage, "src", "codes"), { recursive: true });
  for (const f of readdirSync(join(ROOT, "src", "codes")).filter((f) => f.endsWith(".md"))) cpSync(join(ROOT, "src", "codes", f), join(stage, "src", "codes", f));
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  const deps = copyDependencies(stage);
  const pruned = prune(join(stage, "node_modules"));

  mkdirSync(OUT, { recursive: true });
  const packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", OUT], stage))[0];
  const tgz = join(OUT, packed.filename);
  const hash = sha256(tgz);
  // The sha256sum format ("<hex>  <name>"): `sha256sum -c` reads it; on Windows compare with certutil / Get-FileHash.
  writeFileSync(`${tgz}.sha256`, `${hash}  ${basename(tgz)}\n`);
  const mb = (n) => (n / 1e6).toFixed(2);
  process.stdout.write([
    `作成 / built: ${relative(ROOT, tgz)} (${mb(packed.size)} MB, ${packed.entryCount} files, ${mb(packed.unpackedSize)} MB unpacked)`,
    `SHA-256: ${hash}  (${relative(ROOT, tgz)}.sha256)`,
    `同梱した依存 / bundled: ${deps.join(", ")}`,
    `依存から除いたテスト・ソースマップ・TypeScript / pruned from dependencies: ${mb(pruned)} MB`,
    "",
  ].join("\n"));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
