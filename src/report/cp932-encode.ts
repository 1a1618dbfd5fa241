// Text → CP932 bytes for reports: what CP932 holds is written as CP932 (JIS twins such as 〜 U+301C by their CP932
// form, user-defined U+E000–U+E757 as F040–F9FC); only characters with no CP932 form become [U+XXXX].
import iconv from "iconv-lite";
import { codePointNotation } from "./format-shared.js";

/** JIS X 0208 characters whose Unicode form differs between JIS and CP932: written as CP932's (SPEC §3.2). */
const CP932_TWIN: ReadonlyMap<number, string> = new Map([
  [0x301c, "\uff5e"], // 〜 WAVE DASH → ～ (8160)
  [0x2212, "\uff0d"], // − MINUS SIGN → － (817C)
  [0x2016, "\u2225"], // ‖ DOUBLE VERTICAL LINE → ∥ (8161)
  [0x2014, "\u2015"], // — EM DASH → ― (815C)
  [0x00a2, "\uffe0"], // ¢ → ￠ (8191)
  [0x00a3, "\uffe1"], // £ → ￡ (8192)
  [0x00ac, "\uffe2"], // ¬ → ￢ (81CA)
]);

const USER_DEFINED_FIRST = 0xe000;
const USER_DEFINED_LAST = 0xe757;
/** Trail bytes of a CP932 lead byte: 40–7E and 80–FC. */
const TRAILS_PER_LEAD = 188;

/** The CP932 bytes of a user-defined character U+E000–U+E757 (F040–F9FC), as TextDecoder('shift_jis') reads them. */
export function userDefinedBytes(cp: number): [number, number] {
  const i = cp - USER_DEFINED_FIRST;
  const t = i % TRAILS_PER_LEAD;
  return [0xf0 + Math.floor(i / TRAILS_PER_LEAD), t < 0x3f ? 0x40 + t : 0x41 + t];
}

/** Code points iconv-lite encodes to CP932 and back unchanged. Cached per process. */
const holds = new Map<number, boolean>();

function holdsInCp932(ch: string, cp: number): boolean {
  if (cp < 0x80) return true;
  let ok = holds.get(cp);
  if (ok === undefined) {
    ok = cp < 0xd800 || cp > 0xdfff ? iconv.decode(iconv.encode(ch, "cp932"), "cp932") === ch : false;
    holds.set(cp, ok);
  }
  return ok;
}

/** Encodes `text` as CP932; a character CP932 cannot hold is written as its `[U+XXXX]` notation (never "?"). */
export function encodeCp932(text: string): Buffer {
  const parts: Buffer[] = [];
  let plain = "";
  const flush = () => {
    if (plain !== "") parts.push(iconv.encode(plain, "cp932"));
    plain = "";
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= USER_DEFINED_FIRST && cp <= USER_DEFINED_LAST) {
      flush();
      parts.push(Buffer.from(userDefinedBytes(cp)));
    } else if (CP932_TWIN.has(cp)) plain += CP932_TWIN.get(cp);
    else plain += holdsInCp932(ch, cp) ? ch : codePointNotation(cp);
  }
  flush();
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
