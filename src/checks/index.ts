// The explicit, ordered registry of checks. Retired codes stay here as comments; codes are never reused.
import type { Check } from "./define.js";
import g01UserDefinedChar from "./g01-user-defined-char.js";
import g02VendorExtensionChar from "./g02-vendor-extension-char.js";
import g03NonJisChar from "./g03-non-jis-char.js";
import g04BlackCircle from "./g04-black-circle.js";

export const CHECKS: readonly Check[] = [
  g01UserDefinedChar,
  g02VendorExtensionChar,
  g03NonJisChar,
  g04BlackCircle,
  // @register-checks (one import per line above, one entry per line here; keep this marker)
];
