// A01: a 政令指定都市 written without its ward (大阪市梅田… for 大阪市北区梅田…); lists the city's wards as candidates.
import { defineCheck } from "./define.js";
import { readAddress } from "../jp/address.js";

export default defineCheck({
  meta: {
    code: "A01",
    fields: ["address"],
    messages: {
      wardMissing: {
        ja: "政令指定都市の区が書かれていません（{city}の {count} 区のいずれか。住民票で確認してください）",
        en: "The designated city is written without its ward (one of the {count} wards of {city}; check the resident record)",
      },
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const address = rec.fields.address;
        if (!address) return;
        const reading = readAddress(address);
        if (reading.wardStatus !== "missing" || !reading.place) return;
        const city = reading.place.municipality;
        const wards = city.wards!.map((w) => w.name);
        // No 修正案: which ward is right cannot be told from the address; the candidates go in their own column.
        ctx.report({
          messageId: "wardMissing",
          at: rec,
          field: "address",
          data: { count: wards.length, city: city.name },
          extra: { municipalityCode: city.code, wards, candidates: wards.map((w) => city.name + w) },
        });
      },
    };
  },
});
