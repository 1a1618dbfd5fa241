// String order by UTF-16 code units, as < and > order strings, in a plain loop: the operators take a slow path when
// one side is a two-byte string (a cell cut from a record that holds Japanese) and the other one-byte, as dates are.

/** a < b, exactly as JavaScript orders two strings. */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < y;
  }
  return a.length < b.length;
}
