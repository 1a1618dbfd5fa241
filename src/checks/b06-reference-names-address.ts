// B06: compared with the reference extract (住基/J-LIS), both names or 住所 differ (▲: medical information hidden).
import { reportDifference, DIFFERENCE_MESSAGES } from "../reference/report-difference.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "B06",
    fields: ["individualNumber", "recipientNumber", "birthDate", "sex", "name", "nameKana", "address"],
    messages: DIFFERENCE_MESSAGES,
  },
  create(ctx) {
    return { record: (rec) => reportDifference(ctx, rec, "B06", ["address", "name", "nameKana"]) };
  },
});
