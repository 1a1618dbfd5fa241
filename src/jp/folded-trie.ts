// A read-only trie over folded code units, its edges in one typed-array hash table (no per-node Maps, no scans);
// each key holds one value, so a match is one load away from what it means.
import type { Folded } from "./address-folding.js";

const EMPTY = -1;
/** What `match` returns when no key starts at the position. */
export const NO_MATCH = EMPTY;
const ENDS_KEY = 1;
const HAS_CHILDREN = 2;

export class FoldedTrie<T> {
  /**
   * Slot i holds an edge key (parent node * 65536 + code unit) at 2i and its child node at 2i + 1, so a probe
   * reads one cache line; open addressing with linear probing.
   */
  private slots = new Int32Array(0);
  private mask = 0;
  /** Per node: ENDS_KEY and/or HAS_CHILDREN, so a walk stops at a leaf without probing for a child. */
  private flags = new Uint8Array(0);
  private readonly building = new Map<number, number>();
  /** Per node: the value of the key ending there, or undefined. */
  private readonly values: (T | undefined)[] = [undefined];
  /** Per node: its depth, the folded length of the key ending there (built as a list, then packed). */
  private readonly depthList: number[] = [0];
  private depths = new Uint8Array(0);
  private frozen = false;

  /** Stores `value` under the already folded, non-empty `key` (once per key). Only before the first lookup. */
  add(key: string, value: T): void {
    if (this.frozen) throw new Error("FoldedTrie: add after lookup");
    if (key === "" || key.length > 0xff) throw new Error(`FoldedTrie: key of ${key.length} units`);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = node * 0x10000 + key.charCodeAt(i);
      let child = this.building.get(edge);
      if (child === undefined) {
        child = this.values.length;
        this.values.push(undefined);
        this.depthList.push(i + 1);
        this.building.set(edge, child);
      }
      node = child;
    }
    if (this.values[node] !== undefined) throw new Error(`FoldedTrie: key added twice: ${key}`);
    this.values[node] = value;
  }

  private freeze(): void {
    let size = 16;
    while (size < this.building.size * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(EMPTY);
    this.mask = size - 1;
    for (const [edge, child] of this.building) {
      let h = hash(edge) & this.mask;
      while (this.slots[2 * h] !== EMPTY) h = (h + 1) & this.mask;
      this.slots[2 * h] = edge;
      this.slots[2 * h + 1] = child;
    }
    this.depths = Uint8Array.from(this.depthList);
    this.flags = new Uint8Array(this.values.length);
    for (let node = 0; node < this.values.length; node++) if (this.values[node] !== undefined) this.flags[node] |= ENDS_KEY;
    for (const edge of this.building.keys()) this.flags[Math.floor(edge / 0x10000)] |= HAS_CHILDREN;
    this.frozen = true;
  }

  private child(node: number, code: number): number {
    const edge = node * 0x10000 + code;
    const slots = this.slots;
    let h = hash(edge) & this.mask;
    for (;;) {
      const k = slots[2 * h];
      if (k === edge) return slots[2 * h + 1];
      if (k === EMPTY) return EMPTY;
      h = (h + 1) & this.mask;
    }
  }

  /**
   * The node of the longest key starting at folded index `start`, or NO_MATCH; the key ends at `start +
   * keyLength(node)` and means `valueAt(node)`. O(length of the match), and no allocation: it runs several
   * times per address. A trie holds only the keys a caller may accept, so a lookup needs no filter.
   */
  match(f: Folded, start: number): number {
    if (!this.frozen) this.freeze();
    const codes = f.codes;
    const flags = this.flags;
    let node = 0;
    let best = NO_MATCH;
    for (let i = start; i < f.length; i++) {
      node = this.child(node, codes[i]);
      if (node === EMPTY) break;
      const flag = flags[node];
      if (flag & ENDS_KEY) best = node;
      if (!(flag & HAS_CHILDREN)) break;
    }
    return best;
  }

  /** The number of folded units of the key that ends at `node`. */
  keyLength(node: number): number {
    return this.depths[node];
  }

  /** The value of the key that ends at `node` (a node `match` returned). */
  valueAt(node: number): T {
    return this.values[node]!;
  }
}

function hash(x: number): number {
  return Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
}
