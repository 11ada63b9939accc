import { STATUSES, termOf, type Status } from "../../schemas/vocabulary.ts";
import { formatDate, type PartialDate } from "../model/dates.ts";
import type { Directory } from "../model/directory.ts";
import { pushTo } from "../model/maps.ts";
import type { Mention } from "../model/model.ts";
import { compareStrings } from "../text.ts";
import { monthOf, spanOf, timeScale, type Tick } from "./chart-scale.ts";
import { SOURCES_ON_PROPOSAL, SOURCES_PAGE_SIZE, TIMELINE_LANES } from "./page-sizes.ts";
import { urls } from "./urls.ts";

/** One mark of a lane: one source report, or a crowded month's reports drawn as one. */
export interface ChartMark {
  x: number;
  /** How wide the period it stands for is drawn (a day: under a unit). */
  width: number;
  /** The status reported (for a month: its latest report's). */
  status: Status;
  /** How many source reports it stands for. */
  count: number;
  href: string;
  label: string;
}

/** One proposal's lane. */
export interface ChartLane {
  id: string;
  title: string;
  href: string;
  y: number;
  marks: ChartMark[];
  /** Its source reports in the view, the first and latest date, and the latest status. */
  reports: number;
  first: PartialDate;
  latest: PartialDate;
  status: Status;
}

export interface ChartGroup {
  kind: string;
  label: string;
  y: number;
  lanes: ChartLane[];
}

/** A drawn timeline: lanes grouped by kind over one time axis. */
export interface TimelineChart {
  width: number;
  height: number;
  axisY: number;
  ticks: Tick[];
  groups: ChartGroup[];
  /** Proposals in the view that have no lane (their reports are in the list below the drawing). */
  hiddenLanes: number;
  /** Source reports drawn, over every lane shown. */
  reports: number;
}

export interface ChartOptions {
  /** At most this many lanes, the most reported first. */
  maxLanes: number;
}

export const CHART_WIDTH = 760;
const LEFT = 10;
const RIGHT = CHART_WIDTH - 10;
const AXIS_HEIGHT = 26;
const GROUP_HEIGHT = 24;
const LANE_HEIGHT = 36;
/** How wide a mark is drawn: reports closer than this collide. */
export const MARK_SIZE = 10;
/** A month with more reports than this is drawn as one mark counting them, whatever room it has (page weight). */
export const MAX_SPREAD = 1;

const statusLabel = (status: Status) => termOf(STATUSES, status).label;

/**
 * The marks of one lane (mentions oldest first): one per report, except in a
 * month with several reports (or whose reports would overlap), which is drawn
 * as one mark counting them, with the status of its latest report.
 */
function laneMarks(
  id: string,
  mentions: readonly Mention[],
  x: (day: number) => number,
  all: readonly Mention[],
): ChartMark[] {
  const months = new Map<string, Mention[]>();
  for (const m of mentions) {
    pushTo(months, monthOf(m.date), m);
  }
  return [...months].flatMap(([month, list]) => {
    const monthSpan = spanOf(month);
    const room = x(monthSpan.end) - x(monthSpan.start);
    if (list.length === 1 || (list.length <= MAX_SPREAD && room >= list.length * MARK_SIZE)) {
      return list.map((m) => {
        const span = spanOf(m.date);
        return {
          x: x(span.start),
          width: Math.round((x(span.end) - x(span.start)) * 10) / 10,
          status: m.status,
          count: 1,
          href: urls.article(m.article.slug),
          label: `${formatDate(m.date)}: ${statusLabel(m.status)}, per ${m.article.source.publisher}`,
        };
      });
    }
    const last = list.at(-1) as Mention;
    return [
      {
        x: x(monthSpan.start),
        width: Math.round(room * 10) / 10,
        status: last.status,
        count: list.length,
        href: reportsHref(id, list, all),
        label: `${formatDate(month)}: ${list.length} reports, the latest ${statusLabel(last.status)}`,
      },
    ];
  });
}

/**
 * The drawn timeline of some source reports (mentions): one lane per proposal,
 * the most reported ones, grouped by kind in the order of kinds.yaml.
 */
export function timelineChart(
  mentions: readonly Mention[],
  directory: Pick<Directory, "kindById" | "proposalById">,
  { maxLanes }: ChartOptions,
): TimelineChart {
  const byProposal = new Map<string, Mention[]>();
  for (const m of mentions) pushTo(byProposal, m.proposalId, m);
  const lanes = [...byProposal].sort(([a, la], [b, lb]) => lb.length - la.length || (a < b ? -1 : 1));
  // Only the lanes drawn are put in date order.
  const shown = lanes.slice(0, maxLanes).map(([id, list]) => ({ id, list: byDate(list) }));
  const scale = timeScale(
    shown.flatMap((l) => l.list.map((m) => spanOf(m.date))),
    LEFT,
    RIGHT,
  );
  const kindOrder = [...directory.kindById.keys()];
  const kindOf = (id: string) => directory.proposalById.get(id)?.kind ?? "";
  const kinds = [...new Set(shown.map((l) => kindOf(l.id)))].sort(
    (a, b) => kindOrder.indexOf(a) - kindOrder.indexOf(b),
  );
  let y = AXIS_HEIGHT;
  const groups: ChartGroup[] = kinds.map((kind) => {
    const group: ChartGroup = { kind, label: directory.kindById.get(kind)?.name ?? kind, y, lanes: [] };
    y += GROUP_HEIGHT;
    for (const { id, list } of shown.filter((l) => kindOf(l.id) === kind)) {
      const latest = list.at(-1) as Mention;
      group.lanes.push({
        id,
        title: directory.proposalById.get(id)?.title ?? latest.title,
        href: urls.proposal(id),
        y,
        marks: laneMarks(id, list, scale.x, directory.proposalById.get(id)?.mentions ?? list),
        reports: list.length,
        first: (list[0] as Mention).date,
        latest: latest.date,
        status: latest.status,
      });
      y += LANE_HEIGHT;
    }
    return group;
  });
  return {
    width: CHART_WIDTH,
    height: y + 4,
    axisY: AXIS_HEIGHT - 6,
    ticks: scale.ticks,
    groups,
    hiddenLanes: lanes.length - shown.length,
    reports: shown.reduce((n, l) => n + l.list.length, 0),
  };
}

/**
 * Where a crowded month's reports are listed: the proposal's page when it
 * lists them all (its newest sources), else the page of its full source list
 * (newest first) that holds the month's latest report.
 */
export function reportsHref(id: string, month: readonly Mention[], all: readonly Mention[]): string {
  const newestFirst = (m: Mention) => all.length - 1 - all.indexOf(m);
  const oldest = newestFirst(month[0] as Mention);
  if (all.length <= SOURCES_ON_PROPOSAL || oldest < SOURCES_ON_PROPOSAL) return `${urls.proposal(id)}#sources`;
  return urls.proposalSources(id, Math.floor(newestFirst(month.at(-1) as Mention) / SOURCES_PAGE_SIZE) + 1);
}

/** Mentions by the day each starts, then by article slug; each start is worked out once. */
function byDate(mentions: readonly Mention[]): Mention[] {
  return mentions
    .map((m) => ({ m, start: spanOf(m.date).start }))
    .sort((a, b) => a.start - b.start || compareStrings(a.m.article.slug, b.m.article.slug))
    .map(({ m }) => m);
}

/**
 * The drawing a timeline page opens with: on its first page only, the most
 * reported lanes of its reports (gathered only then: the other pages need none).
 */
export function timelinePageChart(
  pageNumber: number,
  mentions: () => readonly Mention[],
  directory: Pick<Directory, "kindById" | "proposalById">,
): TimelineChart | undefined {
  return pageNumber === 1 ? timelineChart(mentions(), directory, { maxLanes: TIMELINE_LANES }) : undefined;
}
