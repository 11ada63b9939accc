import { STATUSES, STANCES, termOf, type Stance, type Status } from "../../schemas/vocabulary.ts";
import { formatDate, type PartialDate } from "../model/dates.ts";
import type { Mention, Proposal } from "../model/model.ts";
import { STATUS_RANK, type StanceEvent, type StanceState } from "../model/state-of-play.ts";
import { spanOf, timeScale, type Tick } from "./chart-scale.ts";
import { stanceWhenWords } from "./change-words.ts";
import { urls } from "./urls.ts";

/** One dated point of a row: a report of a status, or a stated stance. */
export interface DotPoint {
  date: PartialDate;
  shape: string;
  href: string;
  label: string;
  /** How many reports it stands for (a run of agreeing sources). */
  count: number;
  /** Its place in time order over the whole chart (the status chart's line follows it). */
  order?: number;
}

export interface DotRow {
  label: string;
  href?: string;
  points: DotPoint[];
}

export interface DotMark extends DotPoint {
  x: number;
  width: number;
}

/** A small chart: one row per status or per actor/proposal, marks on one time axis. */
export interface DotChart {
  width: number;
  height: number;
  labelWidth: number;
  axisY: number;
  ticks: Tick[];
  rows: { label: string; href?: string; y: number; marks: DotMark[] }[];
  /** The steps between successive points, in time order (the status chart's line). */
  steps: { x1: number; y1: number; x2: number; y2: number; back: boolean }[];
}

export const DOT_WIDTH = 600;
const LABEL_WIDTH = 170;
const AXIS = 22;
const ROW = 24;

function layout(rows: readonly DotRow[]): DotChart {
  const scale = timeScale(
    rows.flatMap((r) => r.points.map((p) => spanOf(p.date))),
    LABEL_WIDTH + 8,
    DOT_WIDTH - 10,
  );
  const drawn = rows.map((row, i) => ({
    label: row.label,
    ...(row.href === undefined ? {} : { href: row.href }),
    y: AXIS + i * ROW + ROW / 2,
    marks: row.points.map((p) => {
      const span = spanOf(p.date);
      return { ...p, x: scale.x(span.start), width: Math.round((scale.x(span.end) - scale.x(span.start)) * 10) / 10 };
    }),
  }));
  return {
    width: DOT_WIDTH,
    height: AXIS + rows.length * ROW + 4,
    labelWidth: LABEL_WIDTH,
    axisY: AXIS - 6,
    ticks: scale.ticks,
    rows: drawn,
    steps: [],
  };
}

const statusLabel = (s: Status) => termOf(STATUSES, s).label;
const stanceLabel = (s: Stance) => termOf(STANCES, s).label;

/**
 * A proposal's status over time: a row per lifecycle step, a mark where each
 * run of agreeing sources starts, and a line stepping from run to run; a step
 * back down the lifecycle (or out of an ending) is flagged.
 */
export function statusChart(proposal: Pick<Proposal, "history">, maxRuns = 30): DotChart {
  const order = STATUSES.map((s) => s.id);
  const history = proposal.history.slice(-maxRuns);
  const rows: DotRow[] = order.map((status) => ({
    label: statusLabel(status),
    points: history.flatMap((run, order) =>
      run.value !== status
        ? []
        : [
            {
              date: run.from.date,
              shape: status,
              href: urls.article(run.from.article.slug),
              label:
                `${statusLabel(status)} from ${formatDate(run.from.date)}, per ${run.from.article.source.publisher}` +
                (run.count > 1 ? ` (${run.count} sources agree, to ${formatDate(run.to.date)})` : ""),
              count: run.count,
              order,
            },
          ],
    ),
  }));
  const chart = layout(rows);
  const points = chart.rows
    .flatMap((row) => row.marks.map((mark) => ({ mark, y: row.y })))
    .sort((a, b) => (a.mark.order ?? 0) - (b.mark.order ?? 0));
  chart.steps = points.slice(1).map(({ mark, y }, i) => {
    const prev = points[i] as (typeof points)[number];
    const [from, to] = [prev.mark.shape as Status, mark.shape as Status];
    return {
      x1: prev.mark.x,
      y1: prev.y,
      x2: mark.x,
      y2: y,
      back: STATUS_RANK[to] < STATUS_RANK[from] || STATUS_RANK[from] === 5,
    };
  });
  return chart;
}

/** How many times a proposal's status stepped back (down the lifecycle, or out of an ending). */
export function backwardMoves(chart: DotChart): number {
  return chart.steps.filter((s) => s.back).length;
}

/** How many runs of stances a row draws (the latest); the list beside the drawing names each of them. */
export const STANCE_POINTS = 4;

/** A run of the same stance stated by successive sources, oldest first. */
export interface StanceRun {
  stance: Stance;
  /** The stance as its first source stated it (note, speaker). */
  position: StanceState["history"][number]["position"];
  /** The sources that state it, oldest first: the run is drawn at the first. */
  sources: Mention[];
  /** The first statement of the run, with the day it was stated (the position's own date, else its mention's). */
  first: StanceEvent;
}

/**
 * A stance history (ordered by when each stance was stated) as runs of the
 * same stance, oldest first: what a stance chart draws, one mark a run, and
 * what the stance list beside it names.
 */
export function stanceRuns(history: StanceState["history"]): StanceRun[] {
  const runs: StanceRun[] = [];
  for (const event of history) {
    const { position, source } = event;
    const last = runs.at(-1);
    if (last && last.stance === position.stance) last.sources.push(source);
    else runs.push({ stance: position.stance, position, sources: [source], first: event });
  }
  return runs;
}

/**
 * One row per stance history (an actor's on a proposal, or an actor's per
 * proposal): a mark where each run of the same stance starts, counting the
 * sources that repeat it; the latest `maxPoints` runs of a row.
 */
export function stanceChart(
  rows: readonly { label: string; href: string; history: StanceState["history"] }[],
  maxPoints = STANCE_POINTS,
): DotChart {
  return layout(
    rows.map((row) => ({
      label: row.label,
      href: row.href,
      points: stanceRuns(row.history)
        .slice(-maxPoints)
        .map(({ stance, sources, first }) => {
          const { source } = first;
          return {
            date: first.date,
            shape: stance,
            href: urls.article(source.article.slug),
            label: `${row.label}: ${stanceLabel(stance)}, ${stanceWhenWords(first)}, per ${source.article.source.publisher}`,
            count: sources.length,
          };
        }),
    })),
  );
}
