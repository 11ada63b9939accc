import { z } from "astro/zod";
import { normalizeDate, type PartialDate } from "../lib/model/dates.ts";

export { earliestDay, latestDay, precisionOf, type PartialDate } from "../lib/model/dates.ts";

/** Schema of a partial date; the output is its normalised string. */
export const partialDate = z.unknown().transform((value, ctx): PartialDate => {
  const date = normalizeDate(value);
  if (date === null) {
    ctx.addIssue({
      code: "custom",
      message:
        value === undefined
          ? "expected a date (YYYY-MM-DD, YYYY-MM or YYYY)"
          : "expected a real date as YYYY-MM-DD, YYYY-MM or YYYY",
    });
    return z.NEVER;
  }
  return date;
});
