import { STANCES, termOf, type Stance } from "../../schemas/vocabulary.ts";
import { formatDate, type PartialDate } from "../model/dates.ts";
import type { Model } from "../model/model.ts";
import { spanOf } from "./chart-scale.ts";
import { urls } from "./urls.ts";

/** How the matrix's actors (its columns) are ordered: by name, by how many stances they took, by their latest. */
export const POSITIONS_ORDERS = ["actor", "stances", "latest"] as const;
export type PositionsOrder = (typeof POSITIONS_ORDERS)[number];

export const ORDER_LABELS: Record<PositionsOrder, string> = {
  actor: "by actor",
  stances: "by number of stances",
  latest: "by latest activity",
};

/** One cell: an actor's latest stated stance on a proposal. */
export interface MatrixCell {
  actor: string;
  stance: Stance;
  /** The condition, for a conditional stance (or the note given with any stance). */
  note?: string;
  /** When it was stated: the position's own date, else its mention's. */
  date: PartialDate;
  /** When its source was published (reported). */
  published: PartialDate;
  /** The source that states it. */
  href: string;
  publisher: string;
  slug: string;
  sourceUrl: string;
}

export interface MatrixActor {
  id: string;
  name: string;
  stances: number;
  latest: PartialDate;
}

export interface MatrixRow {
  id: string;
  title: string;
  kind: string;
  /** One entry per column (actor), undefined where no stance is recorded. */
  cells: (MatrixCell | undefined)[];
}

export interface MatrixGroup {
  kind: string;
  label: string;
  rows: MatrixRow[];
}

export interface PositionsMatrix {
  order: PositionsOrder;
  actors: MatrixActor[];
  groups: MatrixGroup[];
  /** Proposals on which no actor's stance is recorded (no row). */
  without: number;
}

/** Every proposal's latest stances as cells, by proposal then actor. */
export function latestStances(model: Pick<Model, "proposals">): Map<string, Map<string, MatrixCell>> {
  const byProposal = new Map<string, Map<string, MatrixCell>>();
  for (const proposal of model.proposals) {
    const cells = new Map<string, MatrixCell>();
    for (const s of proposal.stances) {
      cells.set(s.actor, {
        actor: s.actor,
        stance: s.position.stance,
        ...(s.position.note === undefined ? {} : { note: s.position.note }),
        date: s.date,
        published: s.source.article.source.published,
        href: urls.article(s.source.article.slug),
        publisher: s.source.article.source.publisher,
        slug: s.source.article.slug,
        sourceUrl: s.source.article.source.url ?? "",
      });
    }
    if (cells.size > 0) byProposal.set(proposal.id, cells);
  }
  return byProposal;
}

/**
 * The matrix of actors (columns, in the order asked) × proposals (rows,
 * grouped by kind in the order of kinds.yaml, the most stances first).
 */
export function positionsMatrix(
  model: Pick<Model, "proposals" | "kinds" | "actorById">,
  order: PositionsOrder,
): PositionsMatrix {
  const cells = latestStances(model);
  const actors = new Map<string, MatrixActor>();
  for (const byActor of cells.values()) {
    for (const cell of byActor.values()) {
      const a = actors.get(cell.actor) ?? {
        id: cell.actor,
        name: model.actorById.get(cell.actor)?.name ?? cell.actor,
        stances: 0,
        latest: cell.date,
      };
      a.stances += 1;
      if (spanOf(cell.date).start > spanOf(a.latest).start) a.latest = cell.date;
      actors.set(cell.actor, a);
    }
  }
  const byName = (a: MatrixActor, b: MatrixActor) => a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : 1);
  const columns = [...actors.values()].sort(
    order === "actor"
      ? byName
      : order === "stances"
        ? (a, b) => b.stances - a.stances || byName(a, b)
        : (a, b) => spanOf(b.latest).start - spanOf(a.latest).start || byName(a, b),
  );
  const groups = model.kinds.flatMap((kind) => {
    const rows = model.proposals
      .filter((p) => p.kind === kind.id && cells.has(p.id))
      .map((p) => {
        const byActor = cells.get(p.id) as Map<string, MatrixCell>;
        return {
          row: { id: p.id, title: p.title, kind: p.kind, cells: columns.map((a) => byActor.get(a.id)) },
          n: byActor.size,
        };
      })
      .sort((a, b) => b.n - a.n || a.row.title.localeCompare(b.row.title, "en"))
      .map(({ row }) => row);
    return rows.length > 0 ? [{ kind: kind.id, label: kind.name, rows }] : [];
  });
  return { order, actors: columns, groups, without: model.proposals.length - cells.size };
}

/** The matrix cut into pages of at most `size` rows, groups split across pages where they must be. */
export function matrixPages(matrix: PositionsMatrix, size: number): PositionsMatrix[] {
  const pages: PositionsMatrix[] = [];
  let current: MatrixGroup[] = [];
  let count = 0;
  for (const group of matrix.groups) {
    for (let i = 0; i < group.rows.length;) {
      if (count === size) {
        pages.push({ ...matrix, groups: current });
        current = [];
        count = 0;
      }
      const take = group.rows.slice(i, i + size - count);
      current.push({ ...group, rows: take });
      count += take.length;
      i += take.length;
    }
  }
  if (current.length > 0 || pages.length === 0) pages.push({ ...matrix, groups: current });
  return pages;
}

/** A cell's date, short: `Aug 2025` (the full date is in its title). */
export function shortDate(date: PartialDate): string {
  const full = formatDate(date).split(" ");
  return full.length === 1 ? (full[0] as string) : `${(full.at(-2) as string).slice(0, 3)} ${full.at(-1) as string}`;
}

/** What a cell says in words. */
export function cellLabel(cell: MatrixCell, actorName: string): string {
  const stance = termOf(STANCES, cell.stance).label;
  const note = cell.note === undefined ? "" : ` (${cell.note})`;
  const stated = cell.date === cell.published ? "" : `stated ${formatDate(cell.date)}, `;
  return `${actorName}: ${stance}${note}, ${stated}reported ${formatDate(cell.published)}, per ${cell.publisher}`;
}

/** The matrix as CSV rows (every cell, proposals grouped by kind), for /positions/positions.csv. */
export function matrixRows(matrix: PositionsMatrix): Record<string, string>[] {
  return matrix.groups.flatMap((group) =>
    group.rows.flatMap((row) =>
      row.cells.flatMap((cell, i) =>
        cell
          ? [
              {
                kind: group.kind,
                proposal_id: row.id,
                proposal_title: row.title,
                actor_id: cell.actor,
                actor_name: (matrix.actors[i] as MatrixActor).name,
                stance: cell.stance,
                note: cell.note ?? "",
                date: cell.date,
                reported: cell.published,
                source_article: cell.slug,
                source_publisher: cell.publisher,
                source_url: cell.sourceUrl,
              },
            ]
          : [],
      ),
    ),
  );
}
