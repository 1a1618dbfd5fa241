// Z04: 氏名 with leading or trailing white space (server error Z04); doubled spaces and カナ氏名 are inferred extensions.
import { defineCheck } from "./define.js";
import type { FieldName } from "../types.js";

/** The white space Z04 looks for: SP, 全角SP (U+3000), TAB, NBSP. */
export const NAME_SPACES = [" ", "\u3000", "\t", "\u00a0"] as const;

const isSpace = (c: string) => (NAME_SPACES as readonly string[]).includes(c);
/** What a clerk calls each space (messages name them, not their code points). */
export const SPACE_NAMES: Readonly<Record<string, { ja: string; en: string }>> = {
  " ": { ja: "半角スペース", en: "half-width space" },
  "\u3000": { ja: "全角スペース", en: "full-width space" },
  "\t": { ja: "タブ", en: "tab" },
  "\u00a0": { ja: "ノーブレークスペース", en: "no-break space" },
};
const HALF_WIDTH_KANA = /[\uff61-\uff9f]/;

export type SpacingProblem = "leading" | "trailing" | "doubled";

const isSpaceCode = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;

/** True for the common clean value: not empty, no space at either end, no two spaces in a row (one pass, no regex). */
function isTidy(value: string): boolean {
  const n = value.length;
  if (n === 0 || isSpaceCode(value.charCodeAt(0)) || isSpaceCode(value.charCodeAt(n - 1))) return false;
  let previousSpace = false;
  for (let i = 1; i < n - 1; i++) {
    const space = isSpaceCode(value.charCodeAt(i));
    if (space && previousSpace) return false;
    previousSpace = space;
  }
  return true;
}

/** The spacing problems of one name value and its corrected form; undefined when it is blank (B03's case). */
export function analyseNameSpacing(value: string, field: FieldName): {
  problems: { kind: SpacingProblem; spaces: string[] }[];
  corrected: string;
} | undefined {
  // Fast path for the common clean value: no space at either end, no doubled space.
  if (isTidy(value)) return { problems: [], corrected: value };
  let start = 0;
  let end = value.length;
  while (start < end && isSpace(value[start])) start++;
  if (start === end) return undefined;
  while (isSpace(value[end - 1])) end--;
  const inner = value.slice(start, end);
  const problems: { kind: SpacingProblem; spaces: string[] }[] = [];
  if (start > 0) problems.push({ kind: "leading", spaces: [...new Set(value.slice(0, start))] });
  if (end < value.length) problems.push({ kind: "trailing", spaces: [...new Set(value.slice(end))] });
  const runs = [...inner.matchAll(/[ \u3000\t\u00a0]+/g)].map((m) => m[0]);
  const doubled = runs.filter((r) => r.length >= 2);
  if (doubled.length > 0) problems.push({ kind: "doubled", spaces: [...new Set(doubled.join(""))] });
  if (problems.length === 0) return { problems, corrected: value };
  const separator = separatorKind(runs, field, inner);
  const corrected = inner.replace(/[ \u3000\t\u00a0]{2,}/g, separator);
  return { problems, corrected };
}

/**
 * The space used between 姓 and 名: the most frequent single separator in the value; failing that, the most
 * frequent space in the doubled runs; a tie goes to U+3000, or U+0020 in a half-width カナ氏名.
 */
function separatorKind(runs: string[], field: FieldName, inner: string): string {
  const singles = runs.filter((r) => r.length === 1);
  const counts = new Map<string, number>();
  for (const c of (singles.length > 0 ? singles : runs).join("")) counts.set(c, (counts.get(c) ?? 0) + 1);
  const preferred = field === "nameKana" && HALF_WIDTH_KANA.test(inner) ? " " : "\u3000";
  let best = preferred;
  let bestCount = counts.get(preferred) ?? 0;
  for (const [c, n] of counts) {
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

const FIELDS = ["name", "nameKana"] as const;

export default defineCheck({
  meta: {
    code: "Z04",
    fields: FIELDS,
    messages: {
      leading: { ja: "先頭に{chars}があります", en: "Leading white space ({chars})" },
      trailing: { ja: "末尾に{chars}があります", en: "Trailing white space ({chars})" },
      doubled: { ja: "{chars}が2つ以上続いています", en: "Two or more consecutive spaces ({chars})" },
    },
  },
  create(ctx) {
    const lang = ctx.options.lang;
    return {
      record(rec) {
        // The common record: both names read by name (not rec.fields[field]) and tidy.
        const { name, nameKana } = rec.fields;
        if ((!name || isTidy(name)) && (!nameKana || isTidy(nameKana))) return;
        for (const field of FIELDS) {
          const value = rec.fields[field];
          if (!value) continue;
          const result = analyseNameSpacing(value, field);
          if (!result) continue;
          for (const p of result.problems) {
            const inferred = field === "nameKana" || p.kind === "doubled";
            ctx.report({
              messageId: p.kind,
              at: rec,
              field,
              suggestion: result.corrected,
              data: { chars: p.spaces.map((c) => SPACE_NAMES[c][lang]).join(lang === "ja" ? "・" : ", ") },
              extra: { inferred },
            });
          }
        }
      },
    };
  },
});
