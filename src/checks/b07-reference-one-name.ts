// B07: compared with the reference extract (住基/J-LIS), exactly one of the two names differs (a person should confirm).
import { reportDifference, DIFFERENCE_MESSAGES } from "../reference/report-difference.js";
import { defineCheck } from "./define.js";

export default defineCheck({
  meta: {
    code: "B07",
    fields: ["individualNumber", "recipientNumber", "birthDate", "sex", "name", "nameKana", "address"],
    messages: DIFFERENCE_MESSAGES,
  },
  create(ctx) {
    return { record: (rec) => reportDifference(ctx, rec, "B07", ["name", "nameKana"]) };
  },
});
