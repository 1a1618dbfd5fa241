// The explicit, ordered registry of checks. Retired codes stay here as comments; codes are never reused.
import type { Check } from "./define.js";

export const CHECKS: readonly Check[] = [
  // @register-checks (one import per line above, one entry per line here; keep this marker)
];
