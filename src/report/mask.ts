// Masking of personal values: 個人番号 always (all but the last 4 digits), everything personal under --redact.

const DIGIT = /[0-9０-９]/u;

/** Masks every digit (ASCII or full-width) except the last four: "123456789018" → "********9018". */
export function maskIndividualNumber(value: string): string {
  const chars = [...value];
  let keep = 4;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!DIGIT.test(chars[i])) continue;
    if (keep > 0) keep--;
    else chars[i] = "*";
  }
  return chars.join("");
}

/** Replaces every character except white space by ＊, so spacing defects stay visible but nothing else. */
export function redactValue(value: string): string {
  return value.replace(/[^\s\u3000\u00a0]/gu, "＊");
}

/**
 * 受給者番号 under --redact: all but the last two digits masked. A value that is not digits only (a shifted
 * column can put a name there) is masked whole.
 */
export function redactRecipientNumber(value: string): string {
  const chars = [...value];
  if (!/^[0-9]*$/.test(value)) return "*".repeat(chars.length);
  return chars.map((c, i) => (i < chars.length - 2 ? "*" : c)).join("");
}

const LONG_DIGIT_RUN = /[0-9０-９](?:[\s\-－‐ー]*[0-9０-９]){11,}/gu;

/** Masks any run of 12 or more digits (any width, spaces or hyphens between) as a 個人番号 would be. */
export function maskLongDigitRuns(value: string): string {
  return value.replace(LONG_DIGIT_RUN, (run) => maskIndividualNumber(run));
}
