// White space as a welfare system exports it (SP, 全角SP, TAB, NBSP): emptiness and trimming of cell values.

/** The characters that count as white space in a cell (SPEC §3, Z04/B03): SP, 全角SP, TAB, NBSP. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x09 || code === 0xa0;
}

/** True for a missing value, "" or a value of white space only. */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined) return true;
  for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) return false;
  return true;
}

/** The value without white space at either end. */
export function trimSpaces(value: string): string {
  let a = 0;
  let b = value.length;
  while (a < b && isSpace(value.charCodeAt(a))) a++;
  while (b > a && isSpace(value.charCodeAt(b - 1))) b--;
  return a === 0 && b === value.length ? value : value.slice(a, b);
}

/**
 * True when `value` is one or more ASCII digits 0–9 and nothing else (as /^[0-9]+$/): the common shape of the
 * number and date cells, tested without a regular expression because every record has several.
 */
export function isAsciiDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
