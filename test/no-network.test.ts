// No network code: walks the module graph bin/oqs-check.js loads (dist/ after tsc, and node_modules) and fails on network modules or calls.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { builtinModules } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const ENTRY = join(ROOT, "bin", "oqs-check.js");

/** Node modules that open sockets or start processes. */
const FORBIDDEN = new Set(["http", "https", "http2", "net", "tls", "dgram", "dns", "dns/promises", "child_process"]);

/**
 * Known, justified imports of a forbidden module by a dependency, where the code path is never reached.
 * Each entry names the file, the module, and why it is safe; anything else fails.
 */
const ALLOWED: { file: RegExp; module: string; why: string }[] = [
  {
    file: /node_modules\/commander\/lib\/command\.js$/,
    module: "child_process",
    why: "commander loads child_process for executable subcommands (.command(name, description) without an action); oqs-check declares none",
  },
];

/** Global calls that reach the network without an import. */
const GLOBAL_NETWORK = [
  { name: "fetch(", re: /(?<![\w$.])fetch\s*\(/ },
  { name: "XMLHttpRequest", re: /\bXMLHttpRequest\b/ },
  { name: "WebSocket", re: /\bWebSocket\b/ },
];

interface Edge {
  from: string;
  specifier: string;
  kind: "import" | "require";
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const bareBuiltin = (s: string) => s.replace(/^node:/, "");

/** Specifiers in the source text: static import/export … from, import "x", import("x"), require("x"). */
function specifiersOf(text: string): { edges: Omit<Edge, "from">[]; computed: number } {
  const edges: Omit<Edge, "from">[] = [];
  const add = (re: RegExp, kind: Edge["kind"]) => {
    for (const m of text.matchAll(re)) edges.push({ specifier: m[1], kind });
  };
  add(/(?:^|[;\s}])(?:import|export)\s*(?:type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\n]+)["']/g, "import");
  add(/(?<![\w$.])import\s*\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g, "import");
  add(/(?<![\w$.])require\s*\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g, "require");
  // Worker scripts and other modules located relative to the file: new Worker(new URL("./worker.js", import.meta.url)).
  add(/new\s+URL\(\s*["'`]([^"'`\n]+\.[cm]?js)["'`]\s*,\s*import\.meta\.url\s*\)/g, "import");
  const computed = [...text.matchAll(/(?<![\w$.])(?:import|require)\s*\(\s*(?!["'`\s)])/g)].length;
  return { edges, computed };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function withExtensions(p: string): string | undefined {
  for (const c of [p, `${p}.js`, `${p}.mjs`, `${p}.cjs`, `${p}.json`, join(p, "index.js"), join(p, "index.mjs"), join(p, "index.cjs")]) {
    if (isFile(c)) return c;
  }
  return undefined;
}

/** package.json "exports" for a subpath ("." or "./x"), with the given conditions. */
function fromExports(exp: unknown, subpath: string, conditions: string[]): string | undefined {
  const pick = (target: unknown): string | undefined => {
    if (typeof target === "string") return target;
    if (Array.isArray(target)) for (const t of target) { const r = pick(t); if (r) return r; }
    if (target && typeof target === "object") {
      for (const [k, v] of Object.entries(target)) if (conditions.includes(k)) { const r = pick(v); if (r) return r; }
    }
    return undefined;
  };
  if (typeof exp === "string" || Array.isArray(exp)) return subpath === "." ? pick(exp) : undefined;
  if (!exp || typeof exp !== "object") return undefined;
  const map = exp as Record<string, unknown>;
  if (!Object.keys(map).some((k) => k.startsWith(".") || k.startsWith("#"))) return subpath === "." ? pick(map) : undefined;
  if (subpath in map) return pick(map[subpath]);
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const [pre, post] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(pre) && subpath.endsWith(post)) {
      const r = pick(target);
      return r?.replace("*", subpath.slice(pre.length, subpath.length - post.length));
    }
  }
  return undefined;
}

/** A "#name" specifier through the "imports" field of the importing file's package.json. */
function resolvePackageImport(from: string, spec: string, kind: Edge["kind"]): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const pj = join(dir, "package.json");
    if (existsSync(pj)) {
      const pkg = JSON.parse(readFileSync(pj, "utf8"));
      const target = pkg.imports ? fromExports(pkg.imports, spec, ["node", kind, "default"]) : undefined;
      return target ? withExtensions(join(dir, target)) : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function resolvePackage(from: string, spec: string, kind: Edge["kind"]): string | undefined {
  if (spec.startsWith("#")) return resolvePackageImport(from, spec, kind);
  const parts = spec.split("/");
  const name = spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const subpath = spec === name ? "." : `./${spec.slice(name.length + 1)}`;
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const pkgDir = join(dir, "node_modules", name);
    if (existsSync(join(pkgDir, "package.json"))) {
      const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
      if (pkg.exports !== undefined) {
        const target = fromExports(pkg.exports, subpath, ["node", kind, "default"]);
        return target ? withExtensions(join(pkgDir, target)) : undefined;
      }
      return withExtensions(subpath === "." ? join(pkgDir, pkg.main ?? "index.js") : join(pkgDir, subpath));
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface Walk {
  files: string[];
  /** ALLOWED entries that matched an import. */
  allowedHits: Set<number>;
  builtinsUsed: Map<string, string[]>;
  problems: string[];
  unresolved: string[];
}

function walk(entry: string): Walk {
  const seen = new Set<string>();
  const queue = [entry];
  const w: Walk = { files: [], allowedHits: new Set(), builtinsUsed: new Map(), problems: [], unresolved: [] };
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    w.files.push(file);
    if (file.endsWith(".json")) continue;
    const text = readFileSync(file, "utf8");
    const where = relative(ROOT, file);
    for (const g of GLOBAL_NETWORK) if (g.re.test(text)) w.problems.push(`${where}: uses ${g.name}`);
    const { edges, computed } = specifiersOf(text);
    if (computed > 0 && where.startsWith("dist")) w.problems.push(`${where}: ${computed} import()/require() with a computed specifier (cannot be checked)`);
    for (const e of edges) {
      if (builtins.has(e.specifier)) {
        const mod = bareBuiltin(e.specifier);
        w.builtinsUsed.set(mod, [...(w.builtinsUsed.get(mod) ?? []), where]);
        if (!FORBIDDEN.has(mod)) continue;
        const allowed = ALLOWED.findIndex((a) => a.module === mod && a.file.test(file));
        if (allowed >= 0) w.allowedHits.add(allowed);
        else w.problems.push(`${where}: imports ${e.specifier}`);
        continue;
      }
      const target = e.specifier.startsWith(".") || e.specifier.startsWith("/")
        ? withExtensions(resolve(dirname(file), e.specifier))
        : resolvePackage(file, e.specifier, e.kind);
      if (target) queue.push(target);
      else w.unresolved.push(`${where} → ${e.specifier}`);
    }
  }
  return w;
}

describe("the module graph of bin/oqs-check.js", () => {
  it("has no network module, process spawning or global network call", () => {
    expect(existsSync(join(ROOT, "dist", "cli.js")), "dist/cli.js is missing: run `tsc -p tsconfig.json` first (npm test does)").toBe(true);
    const w = walk(ENTRY);
    const listing = [
      `walked ${w.files.length} files:`,
      ...w.files.map((f) => `  ${relative(ROOT, f)}`),
      `builtins: ${[...w.builtinsUsed.keys()].sort().join(", ")}`,
      ...(w.unresolved.length ? [`unresolved (not followed): ${w.unresolved.join("; ")}`] : []),
    ].join("\n");
    expect(w.problems, listing).toEqual([]);
    // Every exception is still needed (a stale one would hide a new import of the same module).
    expect(ALLOWED.map((a, i) => (w.allowedHits.has(i) ? "used" : `unused: ${a.file} ${a.module}`))).toEqual(ALLOWED.map(() => "used"));
    // The walk really followed the CLI into the project and its dependencies.
    const walked = w.files.map((f) => relative(ROOT, f));
    for (const must of ["dist/cli.js", "dist/engine/run.js", "dist/input/record-scanner.js", "dist/report/formatters.js", "node_modules/chalk/source/vendor/supports-color/index.js"]) expect(walked, listing).toContain(must);
    for (const dep of ["commander", "iconv-lite", "chalk", "zod", "fast-xml-parser"]) {
      expect(walked.some((f) => f.includes(`node_modules/${dep}/`)), `${dep} not reached\n${listing}`).toBe(true);
    }
    // Only comment-like text may fail to resolve in dependencies; nothing of the project's own code.
    expect(w.unresolved.filter((u) => u.startsWith("dist") || u.startsWith("bin")), listing).toEqual([]);
  });

  it("would catch a network import (the walker is not blind)", () => {
    const { edges, computed } = specifiersOf(`import net from "node:net";\nconst h = require('https');\nexport { x } from "./tls.js";\nconst c = await import("node:child_process");\nrequire(name);`);
    expect(edges.map((e) => e.specifier)).toEqual(["node:net", "./tls.js", "node:child_process", "https"]);
    expect(specifiersOf(`new Worker(new URL("./worker.js", import.meta.url))`).edges.map((e) => e.specifier)).toEqual(["./worker.js"]);
    expect(computed).toBe(1);
    expect(GLOBAL_NETWORK.filter((g) => g.re.test("const r = await fetch(url);")).map((g) => g.name)).toEqual(["fetch("]);
    expect(GLOBAL_NETWORK.some((g) => g.re.test("client.fetch(x); prefetch(y)"))).toBe(false);
  });

  it("finds a network import two modules deep in a small graph", () => {
    const dir = mkdtempSync(join(tmpdir(), "oqs-graph-"));
    writeFileSync(join(dir, "entry.js"), `import { a } from "./a.js";\n`);
    writeFileSync(join(dir, "a.js"), `export const a = 1;\nconst b = await import("./b.js");\n`);
    writeFileSync(join(dir, "b.js"), `import { request } from "node:https";\nexport const go = () => fetch("x");\n`);
    const w = walk(join(dir, "entry.js"));
    expect(w.files.map((f) => f.slice(dir.length + 1))).toEqual(["entry.js", "a.js", "b.js"]);
    expect(w.problems.map((p) => p.replace(/^.*\//, ""))).toEqual(["b.js: uses fetch(", "b.js: imports node:https"]);
  });
});

describe("the test setup (test/setup/no-network.ts)", () => {
  it("stubs net, dns, http, https and fetch to throw", async () => {
    expect(() => net.connect(80, "example.invalid")).toThrow(/network access attempted/);
    expect(() => net.createConnection(80, "example.invalid")).toThrow(/network access attempted/);
    expect(() => dns.lookup("example.invalid", () => {})).toThrow(/network access attempted/);
    expect(() => http.request("http://example.invalid/")).toThrow(/network access attempted/);
    expect(() => https.request("https://example.invalid/")).toThrow(/network access attempted/);
    expect(() => fetch("https://example.invalid/")).toThrow(/network access attempted/);
    const named = await import("node:net");
    expect(() => named.connect(80, "example.invalid")).toThrow(/network access attempted/);
  });
});
