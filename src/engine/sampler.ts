// --sample N --seed S: a uniform, streaming, reproducible sample of records (reservoir sampling, Algorithm R).

/** A small seeded PRNG (mulberry32): the same seed gives the same sample on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keeps a uniform sample of `size` items out of a stream; `items()` returns them in stream order. */
export class Reservoir<T> {
  private readonly kept: { index: number; item: T }[] = [];
  private seen = 0;
  private readonly random: () => number;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.random = mulberry32(seed);
  }

  offer(item: T): void {
    const index = this.seen++;
    if (this.kept.length < this.size) {
      this.kept.push({ index, item });
      return;
    }
    const j = Math.floor(this.random() * (index + 1));
    if (j < this.size) this.kept[j] = { index, item };
  }

  items(): T[] {
    return [...this.kept].sort((a, b) => a.index - b.index).map((k) => k.item);
  }
}
