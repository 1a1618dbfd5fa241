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
import b01BirthDateInvalid from "./b01-birth-date-invalid.js";
import b02SexInvalid from "./b02-sex-invalid.js";
import b09SexUnset from "./b09-sex-unset.js";
import b03Basic4Empty from "./b03-basic4-empty.js";
import b04IndividualNumberConflict from "./b04-individual-number-conflict.js";
import n01IndividualNumberInvalid from "./n01-individual-number-invalid.js";
import n04IndividualNumberEmpty from "./n04-individual-number-empty.js";
import n02InsurerNumberInvalid from "./n02-insurer-number-invalid.js";
import n03RecipientNumberInvalid from "./n03-recipient-number-invalid.js";
import d01QualificationDateInvalid from "./d01-qualification-date-invalid.js";
import x01ExcelDamage from "./x01-excel-damage.js";

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
  b01BirthDateInvalid,
  b02SexInvalid,
  b09SexUnset,
  b03Basic4Empty,
  b04IndividualNumberConflict,
  n01IndividualNumberInvalid,
  n04IndividualNumberEmpty,
  n02InsurerNumberInvalid,
  n03RecipientNumberInvalid,
  d01QualificationDateInvalid,
  x01ExcelDamage,
  // @register-checks (one import per line above, one entry per line here; keep this marker)
];
