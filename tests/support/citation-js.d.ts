// @citation-js/core ships no types: the part the citation tests use.
declare module "@citation-js/core" {
  /** One item as CSL-JSON. */
  export interface CslItem {
    id?: string;
    type?: string;
    title?: string;
    URL?: string;
    issued?: { "date-parts": number[][] };
    [key: string]: unknown;
  }
  /** Reads any format a loaded plugin knows (BibTeX, RIS, CSL-JSON) into CSL-JSON. */
  export class Cite {
    constructor(data: unknown);
    data: CslItem[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
