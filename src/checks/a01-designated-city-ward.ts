// A01: a 政令指定都市 written without its ward (大阪市梅田… for 大阪市北区梅田…); suggests the city's wards.
import { defineCheck } from "./define.js";
import { readAddress } from "../jp/address.js";

export default defineCheck({
  meta: {
    code: "A01",
    fields: ["address"],
    messages: {
      wardMissing: {
        ja: "政令指定都市の区が書かれていません（{count} 区のいずれか）",
        en: "The designated city is written without its ward (one of {count} wards)",
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
        ctx.report({
          messageId: "wardMissing",
          at: rec,
          field: "address",
          suggestion: wards.map((w) => city.name + w).join("・"),
          data: { count: wards.length },
          extra: { municipalityCode: city.code, wards },
        });
      },
    };
  },
});
