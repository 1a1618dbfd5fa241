// B05: compared with the reference extract (住基/J-LIS), 生年月日 or 性別 differ (×: eligibility hidden).
import { reportDifference, DIFFERENCE_MESSAGES } from "../reference/report-difference.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "B05",
    fields: ["individualNumber", "recipientNumber", "birthDate", "sex", "name", "nameKana", "address"],
    messages: DIFFERENCE_MESSAGES,
  },
  create(ctx) {
    return { record: (rec) => reportDifference(ctx, rec, "B05", ["birthDate", "sex"]) };
  },
});
