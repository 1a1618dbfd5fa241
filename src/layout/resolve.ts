// Resolves a file's layout: which cell holds each field, from the header row and the profile.
import { fatal } from "../i18n/fatal.js";
import { FIELD_NAMES, REQUIRED_FIELDS, type FieldName } from "../types.js";
import { FIELD_LABELS, HEADER_ALIASES, headerKey } from "./aliases.js";
import type { LayoutProfile } from "./profile.js";

export interface ResolvedLayout {
  /** field → 0-based cell index. */
  cellOf: Partial<Record<FieldName, number>>;
  /** field → column label shown in reports (header text or "#n"). */
  columns: Partial<Record<FieldName, string>>;
  values: LayoutProfile["values"];
  /** Number of cells of the header (or of the first record without a header). */
  width: number;
}

const aliasIndex = new Map<string, FieldName>();
for (const f of FIELD_NAMES) for (const a of HEADER_ALIASES[f]) aliasIndex.set(headerKey(a), f);

/** Resolves the layout; `header` is the first record's cells when the profile says there is a header. */
export function resolveLayout(profile: LayoutProfile, header: string[] | undefined, width: number, path: string): ResolvedLayout {
  const cellOf: Partial<Record<FieldName, number>> = {};
  const columns: Partial<Record<FieldName, string>> = {};
  const keys = header?.map(headerKey) ?? [];
  if (header) {
    keys.forEach((k, i) => {
      const f = aliasIndex.get(k);
      if (f && cellOf[f] === undefined) {
        cellOf[f] = i;
        columns[f] = header[i].replace(/^\uFEFF/, "");
      }
    });
  }
  for (const [f, ref] of Object.entries(profile.fields) as [FieldName, string | number | undefined][]) {
    if (ref === undefined) continue;
    if (typeof ref === "number") {
      if (ref > width) {
        throw fatal("layout", `${path}: レイアウトの ${f} は ${ref} 列目ですが、ファイルは ${width} 列しかありません`, `${path}: layout puts ${f} in column ${ref}, but the file has only ${width} columns`);
      }
      cellOf[f] = ref - 1;
      columns[f] = header ? header[ref - 1] : `#${ref}`;
    } else {
      const i = keys.indexOf(headerKey(ref));
      if (i < 0) {
        throw fatal("layout", `${path}: レイアウトで ${f} に指定した列「${ref}」がヘッダーにありません`, `${path}: the layout maps ${f} to header "${ref}", which is not in the header`);
      }
      cellOf[f] = i;
      columns[f] = header![i];
    }
  }
  if (header && Object.keys(cellOf).length === 0) {
    throw fatal("header", `${path}: ヘッダー行が認識できません（1 行目に「氏名」「生年月日」「性別」「住所」などの列名が必要です。ヘッダーのないファイルは --layout で列番号を指定してください）`,
      `${path}: no recognisable header (line 1 must name columns such as 氏名, 生年月日, 性別, 住所; for files without a header give --layout with positions)`);
  }
  requireBasic4(columns, path);
  return { cellOf, columns, values: profile.values, width };
}

/** A file where any basic-4 field cannot be found is a fatal, explained error (SPEC §2). */
export function requireBasic4(columns: Partial<Record<FieldName, string>>, path: string): void {
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const ja = missing.map((f) => FIELD_LABELS[f].ja).join("・");
    const en = missing.map((f) => `${FIELD_LABELS[f].en} (${HEADER_ALIASES[f][0]})`).join(", ");
    throw fatal("layout", `${path}: 基本4情報の列が見つかりません：${ja}（ヘッダー名を確認するか --layout で指定してください）`,
      `${path}: basic-4 column not found: ${en} (check the header or map it with --layout)`);
  }
}

type FieldsOf = (cells: string[]) => Partial<Record<FieldName, string>>;
type FieldPlan = { field: FieldName; cell: number; map?: Record<string, string> };

/** Per layout, the function mapFields calls — made once. */
const builders = new WeakMap<ResolvedLayout, FieldsOf>();

/** Builds a record's logical fields from its cells (as splitCells gives them), applying the profile's value maps. */
export function mapFields(layout: ResolvedLayout, cells: string[]): Partial<Record<FieldName, string>> {
  let build = builders.get(layout);
  if (build === undefined) {
    build = fieldsBuilder(layout);
    builders.set(layout, build);
  }
  return build(cells);
}

/**
 * The function that builds a layout's fields objects. A record with every mapped cell gets one fixed object literal
 * with every field name (undefined where the layout has no such column), so every record's object has one hidden
 * class and needs no keyed store per field (mapFields took about 6 times as long that way). A shorter record (S01)
 * leaves its missing fields out, field by field.
 */
function fieldsBuilder(layout: ResolvedLayout): FieldsOf {
  const plan: FieldPlan[] = (Object.entries(layout.cellOf) as [FieldName, number][]).map(([field, cell]) => ({ field, cell, map: layout.values[field] }));
  const cellsNeeded = Math.max(0, ...plan.map((p) => p.cell + 1));
  const cell = (f: FieldName) => layout.cellOf[f] ?? -1;
  const map = (f: FieldName) => (layout.cellOf[f] === undefined ? undefined : layout.values[f]);
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11] = FIELD_NAMES.map(cell);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = FIELD_NAMES.map(map);
  return (c) => c.length < cellsNeeded ? fieldsOneByOne(plan, c) : {
    insurerNumber: pick(c, c0, m0), recipientNumber: pick(c, c1, m1), branch: pick(c, c2, m2),
    individualNumber: pick(c, c3, m3), name: pick(c, c4, m4), nameKana: pick(c, c5, m5), birthDate: pick(c, c6, m6),
    sex: pick(c, c7, m7), address: pick(c, c8, m8), postalCode: pick(c, c9, m9), qualifiedOn: pick(c, c10, m10),
    disqualifiedOn: pick(c, c11, m11),
  } satisfies Record<(typeof FIELD_NAMES)[number], string | undefined>;
}

/** Cell i of a record (undefined for -1, a field the layout does not have), through the field's value map. */
function pick(cells: string[], i: number, map: Record<string, string> | undefined): string | undefined {
  if (i < 0) return undefined;
  return map === undefined ? cells[i] : mappedValue(cells[i], map);
}

function fieldsOneByOne(plan: FieldPlan[], cells: string[]): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const p of plan) {
    const v = cells[p.cell];
    if (v === undefined) continue;
    out[p.field] = p.map !== undefined ? mappedValue(v, p.map) : v;
  }
  return out;
}

function mappedValue(v: string, map: Record<string, string>): string {
  return Object.hasOwn(map, v) ? map[v] : v;
}
