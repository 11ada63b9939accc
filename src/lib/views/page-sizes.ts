/** Articles per timeline page: enough to scan, light enough to stay under the page budget. */
export const TIMELINE_PAGE_SIZE = 50;

/** Articles on a timeline view's first page, which also carries the drawing, its table and the filters. */
export const TIMELINE_FIRST_PAGE = 15;

/** Mentions per page of a proposal's full source list. */
export const SOURCES_PAGE_SIZE = 60;

/** Other wordings of a proposal's title shown under its heading (and named in its page's head). */
export const REPORTED_AS_SHOWN = 4;

/** Sources shown on a proposal's own page before linking to the full list. */
export const SOURCES_ON_PROPOSAL = 2;

/** Sources side by side in a proposal's terms table, the latest that give terms. */
export const TERMS_COLUMNS = 2;

/** Quotes shown on a proposal's own page, the newest (each source's page has all of its own). */
export const QUOTES_ON_PROPOSAL = 2;

/** Rows per page of the proposals table. */
export const PROPOSALS_PAGE_SIZE = 50;

/** Proposals per page of the comparison: on a phone each is a card, and a page stays a few screens long. */
export const COMPARE_PAGE_SIZE = 15;

/** Proposals listed on an actor's page; more go to its own paginated list (PROPOSALS_PAGE_SIZE a page). */
export const ACTOR_PROPOSALS_ON_PAGE = 30;

/** Stances, statements and quotes listed on an actor's page, the newest. */
export const ACTOR_ITEMS_ON_PAGE = 12;
/** Lanes drawn on the timeline's drawing (the most reported proposals), and on the home page's. */
export const TIMELINE_LANES = 6;
export const HOME_LANES = 5;

/** Proposals (rows) per page of the positions matrix. */
export const POSITIONS_PAGE_SIZE = 25;

/** Status runs a proposal's status chart draws and the list beside it gives, the latest. */
export const STATUS_RUNS = 10;
