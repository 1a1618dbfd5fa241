// White space as a welfare system exports it (SP, 全角SP, TAB, NBSP): emptiness and trimming of cell values.

/** The characters that count as white space in a cell (SPEC §3, Z04/B03). */
export const CELL_SPACES = " \u3000\t\u00a0";

const ONLY_SPACES = /^[ \u3000\t\u00a0]*$/;
const AROUND = /^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g;

/** True for a missing value, "" or a value of white space only. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || ONLY_SPACES.test(value);
}

/** The value without white space at either end. */
export function trimSpaces(value: string): string {
  return value.replace(AROUND, "");
}
