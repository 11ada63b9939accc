/** Articles per timeline page: enough to scan, light enough to stay under the page budget. */
export const TIMELINE_PAGE_SIZE = 50;

/** Mentions per page of a proposal's full source list. */
export const SOURCES_PAGE_SIZE = 60;

/** Sources shown on a proposal's own page before linking to the full list. */
export const SOURCES_ON_PROPOSAL = 15;

/** Rows per page of the proposals table and of the comparison. */
export const PROPOSALS_PAGE_SIZE = 50;
