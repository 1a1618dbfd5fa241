// Splits one decoded CSV/TSV record into cells: quoted fields unescaped ("" → "), stray quotes kept literally.

export function splitCells(text: string, delimiter: string): string[] {
  if (!text.includes('"')) return text.split(delimiter);
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
