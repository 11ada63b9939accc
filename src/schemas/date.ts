import { z } from "astro/zod";
import { dateText, type PartialDate } from "../lib/model/dates.ts";
import { readEdtf } from "../lib/model/edtf.ts";

export type { PartialDate } from "../lib/model/dates.ts";

/** Schema of a date as the text supports it (EDTF, ranges included); the output is its canonical string. */
export const partialDate = z.unknown().transform((value, ctx): PartialDate => {
  const written = dateText(value);
  const read = written === null ? null : readEdtf(written);
  if (read === null || "problem" in read) {
    ctx.addIssue({
      code: "custom",
      message:
        value === undefined
          ? "expected a date (YYYY-MM-DD, YYYY-MM or YYYY, or a range start/end)"
          : (read?.problem ?? "expected a real date as YYYY-MM-DD, YYYY-MM or YYYY"),
    });
    return z.NEVER;
  }
  return read.date;
});

/** A day (`2025-08-20`), as a correction is dated: YAML hands it over as a Date or a string. */
export const day = z.unknown().transform((value, ctx): string => {
  const written = dateText(value);
  const read = written === null || !/^\d{4}-\d{2}-\d{2}$/.test(written.trim()) ? null : readEdtf(written);
  if (read === null || "problem" in read) {
    ctx.addIssue({ code: "custom", message: "expected a real day as YYYY-MM-DD" });
    return z.NEVER;
  }
  return read.date;
});
