// Meta: every code has a table entry, a doc with the house sections, a registered check (or the reader) and tests.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks/index.js";
import { CODES } from "../src/codes/table.js";

/** Codes produced by the reader rather than a check module. */
const READER_CODES = ["S01", "S02", "S03", "S04"];
/** Codes whose tests live in a shared file (which must name the code). */
const SHARED_TESTS: Record<string, string> = {
  S01: "test/pipeline.test.ts", S02: "test/pipeline.test.ts", S03: "test/pipeline.test.ts", S04: "test/pipeline.test.ts",
  B05: "test/reference.test.ts", B06: "test/reference.test.ts", B07: "test/reference.test.ts", B08: "test/reference.test.ts",
};
const SECTIONS = ["## 何を検出するか / What triggers it", "## 例 / Example", "## 直し方 / How to fix", "## なぜ閲覧停止になるか / Why the server suspends", "## 推測している点 / What is inferred"];

describe("the code table", () => {
  it("has unique codes and names", () => {
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    expect(new Set(CODES.map((c) => c.name)).size).toBe(CODES.length);
  });

  it.each(CODES.map((c) => [c.code, c.name]))("%s has a doc with every section", (code, name) => {
    const path = `src/codes/${code}.md`;
    expect(existsSync(path), path).toBe(true);
    const doc = readFileSync(path, "utf8");
    expect(doc.startsWith(`# ${code} ${name} — `)).toBe(true);
    for (const s of SECTIONS) expect(doc, `${path}: ${s}`).toContain(s);
  });

  it.each(CODES.map((c) => [c.code]))("%s is produced by a registered check or the reader, and tested", (code) => {
    const registered = CHECKS.filter((c) => c.meta.code === code).length;
    expect(registered + (READER_CODES.includes(code) ? 1 : 0)).toBe(1);
    const testFile = SHARED_TESTS[code] ?? `test/checks/${code.toLowerCase()}.test.ts`;
    expect(existsSync(testFile), testFile).toBe(true);
    expect(readFileSync(testFile, "utf8")).toContain(code);
  });
});

describe("the registry", () => {
  it("registers each check once, with messages for every messageId it declares", () => {
    for (const check of CHECKS) {
      expect(Object.keys(check.meta.messages).length, check.meta.code).toBeGreaterThan(0);
      for (const m of Object.values(check.meta.messages)) {
        expect(m.ja.length).toBeGreaterThan(0);
        expect(m.en.length).toBeGreaterThan(0);
      }
    }
  });
});
