// Splits one decoded CSV/TSV record into cells: quoted fields unescaped ("" → "), stray quotes kept literally.

/** Most delimiters a decoder notes per record: RecordDecoder decodes longer records without noting them. */
export const NOTED_BREAKS_CAPACITY = 16384;

/**
 * The delimiters RecordDecoder saw while it decoded its last CP932 record, by position in the decoded text.
 * splitCells given that same text cuts it at these positions instead of searching it again (a one-entry cache
 * keyed by the text, so a caller that splits any other text gets the search).
 */
export const decodedBreaks = {
  /** The text the positions belong to; undefined while a decoder is writing them. */
  text: undefined as string | undefined,
  /** The text holds a quote: its delimiters are not all cell boundaries, so the positions are not used. */
  quoted: false,
  commas: new Int32Array(NOTED_BREAKS_CAPACITY),
  commaCount: 0,
  tabs: new Int32Array(NOTED_BREAKS_CAPACITY),
  tabCount: 0,
};

export function splitCells(text: string, delimiter: string): string[] {
  if (text === decodedBreaks.text && !decodedBreaks.quoted) {
    if (delimiter === ",") return cutAt(text, decodedBreaks.commas, decodedBreaks.commaCount);
    if (delimiter === "\t") return cutAt(text, decodedBreaks.tabs, decodedBreaks.tabCount);
  }
  if (!text.includes('"')) return text.split(delimiter);
  return splitQuoted(text, delimiter);
}

/** The cells of a quote-free text whose `count` delimiters are at `at`; the array is allocated at its final length. */
function cutAt(text: string, at: Int32Array, count: number): string[] {
  const cells = new Array<string>(count + 1);
  let from = 0;
  for (let k = 0; k < count; k++) {
    const d = at[k];
    cells[k] = text.slice(from, d);
    from = d + 1;
  }
  cells[count] = text.slice(from);
  return cells;
}

function splitQuoted(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const d = text.indexOf(delimiter, i);
    const end = d < 0 ? n : d;
    cell += text.slice(i, end);
    cells.push(cell);
    if (d < 0) return cells;
    i = d + 1;
  }
}
