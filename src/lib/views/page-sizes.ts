/** Articles per timeline page: enough to scan, light enough to stay under the page budget. */
export const TIMELINE_PAGE_SIZE = 50;

/** Mentions per page of a proposal's full source list. */
export const SOURCES_PAGE_SIZE = 60;

/** Sources shown on a proposal's own page before linking to the full list. */
export const SOURCES_ON_PROPOSAL = 15;

/** Rows per page of the proposals table and of the comparison. */
export const PROPOSALS_PAGE_SIZE = 50;

/** Proposals listed on an actor's page; more go to its own paginated list (PROPOSALS_PAGE_SIZE a page). */
export const ACTOR_PROPOSALS_ON_PAGE = 30;

/** Stances, statements and quotes listed on an actor's page, the newest. */
export const ACTOR_ITEMS_ON_PAGE = 12;
/** Lanes drawn on the timeline's drawing (the most reported proposals), and on the home page's. */
export const TIMELINE_LANES = 10;
export const HOME_LANES = 5;

/** Proposals (rows) per page of the positions matrix. */
export const POSITIONS_PAGE_SIZE = 25;
