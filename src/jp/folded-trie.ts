// A read-only trie over folded code units, its edges in one typed-array hash table (no per-node Maps, no scans).
import type { Folded } from "./address-folding.js";

const EMPTY = -1;

export class FoldedTrie<T> {
  /** Edge key = parent node * 65536 + code unit; open addressing with linear probing. */
  private keys = new Int32Array(0);
  private children = new Int32Array(0);
  private mask = 0;
  private readonly building = new Map<number, number>();
  private readonly entries: (T[] | undefined)[] = [undefined];
  private frozen = false;

  /** Adds `entry` under the already folded `key`. Only before the first lookup. */
  add(key: string, entry: T): void {
    if (this.frozen) throw new Error("FoldedTrie: add after lookup");
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = node * 0x10000 + key.charCodeAt(i);
      let child = this.building.get(edge);
      if (child === undefined) {
        child = this.entries.length;
        this.entries.push(undefined);
        this.building.set(edge, child);
      }
      node = child;
    }
    (this.entries[node] ??= []).push(entry);
  }

  private freeze(): void {
    let size = 16;
    while (size < this.building.size * 2) size *= 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.children = new Int32Array(size);
    this.mask = size - 1;
    for (const [edge, child] of this.building) {
      let h = hash(edge) & this.mask;
      while (this.keys[h] !== EMPTY) h = (h + 1) & this.mask;
      this.keys[h] = edge;
      this.children[h] = child;
    }
    this.frozen = true;
  }

  private child(node: number, code: number): number {
    const edge = node * 0x10000 + code;
    let h = hash(edge) & this.mask;
    for (;;) {
      const k = this.keys[h];
      if (k === edge) return this.children[h];
      if (k === EMPTY) return EMPTY;
      h = (h + 1) & this.mask;
    }
  }

  /**
   * The longest key starting at folded index `start` that has an accepted entry: its end (folded index)
   * and the accepted entries. O(length of the match).
   */
  longest(f: Folded, start: number, accept: (e: T) => boolean): { end: number; entries: T[] } | undefined {
    if (!this.frozen) this.freeze();
    let node = 0;
    let bestNode = EMPTY;
    let bestEnd = 0;
    for (let i = start; i < f.length; i++) {
      node = this.child(node, f.codes[i]);
      if (node === EMPTY) break;
      const list = this.entries[node];
      if (list !== undefined && list.some(accept)) {
        bestNode = node;
        bestEnd = i + 1;
      }
    }
    return bestNode === EMPTY ? undefined : { end: bestEnd, entries: this.entries[bestNode]!.filter(accept) };
  }
}

function hash(x: number): number {
  return Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
}
