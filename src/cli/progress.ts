// A progress line on standard error (a terminal only) for inputs large enough to take a while.
import { statSync } from "node:fs";
import type { Lang } from "../types.js";
import type { Io } from "./io.js";

const MIN_BYTES = 16 * 1024 * 1024;
const EVERY_MS = 250;

export class Progress {
  private readonly sizes = new Map<string, number>();
  private last = 0;
  private shown = false;

  constructor(paths: readonly string[], private readonly io: Io, private readonly lang: Lang) {
    for (const p of paths) {
      try {
        if (p !== "-") this.sizes.set(p, statSync(p).size);
      } catch {
        /* reported by the reader */
      }
    }
  }

  readonly update = (path: string, done: number): void => {
    const size = this.sizes.get(path) ?? 0;
    const now = Date.now();
    if (size < MIN_BYTES || now - this.last < EVERY_MS) return;
    this.last = now;
    const pct = Math.min(100, Math.floor((done / size) * 100));
    this.io.stderr(`\r${this.lang === "ja" ? "点検中" : "checking"} ${path} ${pct}%   `);
    this.shown = true;
  };

  clear(): void {
    if (this.shown) this.io.stderr("\r\x1b[K");
  }
}
