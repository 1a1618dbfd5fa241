// The explicit, ordered registry of checks. Retired codes stay here as comments; codes are never reused.
import type { Check } from "./define.js";
import g01UserDefinedChar from "./g01-user-defined-char.js";
import g02VendorExtensionChar from "./g02-vendor-extension-char.js";
import g03NonJisChar from "./g03-non-jis-char.js";
import g04BlackCircle from "./g04-black-circle.js";
import b05ReferenceBirthSex from "./b05-reference-birth-sex.js";
import b06ReferenceNamesAddress from "./b06-reference-names-address.js";
import b07ReferenceOneName from "./b07-reference-one-name.js";
import b08ReferenceMissing from "./b08-reference-missing.js";
import z04NameSpacing from "./z04-name-spacing.js";
import z09AddressMunicipality from "./z09-address-municipality.js";
import a01DesignatedCityWard from "./a01-designated-city-ward.js";
import k01KanaChars from "./k01-kana-chars.js";

export const CHECKS: readonly Check[] = [
  g01UserDefinedChar,
  g02VendorExtensionChar,
  g03NonJisChar,
  g04BlackCircle,
  b05ReferenceBirthSex,
  b06ReferenceNamesAddress,
  b07ReferenceOneName,
  b08ReferenceMissing,
  z04NameSpacing,
  z09AddressMunicipality,
  a01DesignatedCityWard,
  k01KanaChars,
  // @register-checks (one import per line above, one entry per line here; keep this marker)
];
