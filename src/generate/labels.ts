// The labels file: one JSON line per record the generator built to trigger something, so tests and vendors can
// count expectations without running the checks.
import { open, type FileHandle } from "node:fs/promises";
import type { FieldKey } from "./defect-mix.js";

/** What one record was built to trigger. `line` = record + 1 (every generated record is one physical line). */
export interface Label {
  record: number;
  line: number;
  /** Codes expected for this record: its input defect, and with a reference the B05–B08 code of its mutation. */
  codes: string[];
  defect?: { code: string; variant: string; field: FieldKey; pairWith?: number };
  /**
   * The record's relation to the reference extract (present only when one is written): a mutation and the code it
   * produces, or `code: null` when the record is left out of the comparison (no 個人番号 to join on).
   */
  reference?: { code: string | null; mutation: string; field?: FieldKey; notationOnly?: boolean; pairWith?: number };
}

const FLUSH_CHARS = 1 << 20;

export class LabelFile {
  private parts: string[] = [];
  private chars = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<LabelFile> {
    return new LabelFile(await open(path, "w"));
  }

  async add(label: Label): Promise<void> {
    const line = JSON.stringify(label) + "\n";
    this.parts.push(line);
    this.chars += line.length;
    if (this.chars >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    await this.handle.write(this.parts.join(""), null, "utf8");
    this.parts = [];
    this.chars = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}
