// Fatal errors: problems with what the user asked or a file that cannot be read at all (exit 2, no stack trace).

export interface Bilingual {
  ja: string;
  en: string;
}

/** A problem that stops one file (or the whole run): carries its message in both languages. */
export class FatalError extends Error {
  constructor(
    readonly kind: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
  messageIn(lang: "ja" | "en"): string {
    return this.text[lang];
  }
}

export function fatal(kind: string, ja: string, en: string): FatalError {
  return new FatalError(kind, { ja, en });
}
