/** The part of the `edtf` package (ISO 8601-2 / EDTF parser) that src/lib/model/edtf.ts uses. */
declare module "edtf" {
  /** A parsed date: `values` are year, month (0-based) and day, as far as given. */
  export interface ParsedDate {
    type: "Date";
    level: number;
    values: number[];
    approximate?: boolean | number;
    uncertain?: boolean | number;
    unspecified?: number;
    offset?: number;
  }
  export interface ParsedInterval {
    type: "Interval";
    level: number;
    values: [ParsedDate | null, ParsedDate | null];
  }
  export interface ParsedOther {
    type: "Season" | "Set" | "List" | "Century" | "Decade" | "Year";
    level: number;
  }
  export type Parsed = ParsedDate | ParsedInterval | ParsedOther;
  export function parse(input: string, options?: { level?: 0 | 1 | 2; types?: string[] }): Parsed;
}
