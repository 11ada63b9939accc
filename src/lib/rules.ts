import { earliestDay, latestDay, type PartialDate } from "../schemas/date.ts";
import type { Actor } from "../schemas/actor.ts";
import type { ArticleData } from "../schemas/article.ts";
import type { Kind } from "../schemas/kind.ts";
import type { Problem } from "./problems.ts";

/** An article whose front matter passed its schema, with where it came from. */
export interface ValidArticle {
  /** Path relative to the project root, for messages. */
  file: string;
  /** The file name without its date prefix and `.md`: the URL slug. */
  slug: string;
  data: ArticleData;
}

/** `2025-08-16-us-floats-a-guarantee.md` → date and slug, or null when the name does not follow the layout. */
export function parseArticleFileName(name: string): { date: string; slug: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(name);
  return match ? { date: match[1] as string, slug: match[2] as string } : null;
}

/** The date of today (UTC) as YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The rules that span files: ids and slugs unique, every reference known, one
 * kind per proposal id, file-name dates matching `source.published`, no date
 * in the future. Returns every problem found.
 */
export function checkCrossFileRules(input: {
  articles: readonly ValidArticle[];
  /** Files that failed their schema: file names and references are still checked. */
  invalid?: readonly { file: string; data: unknown }[];
  actors: {
    file: string;
    items: readonly Actor[];
    knownIds?: ReadonlySet<string>;
  };
  kinds: {
    file: string;
    items: readonly Kind[];
    knownIds?: ReadonlySet<string>;
  };
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const { articles, actors, kinds, today, invalid = [] } = input;

  const actorIds = new Set([...uniqueIds(actors.file, actors.items, problems), ...(actors.knownIds ?? [])]);
  const kindIds = new Set([...uniqueIds(kinds.file, kinds.items, problems), ...(kinds.knownIds ?? [])]);

  const slugs = new Map<string, string>();
  const kindOfProposal = new Map<string, { kind: string; where: string }>();

  const all = [
    ...articles.map((a) => ({
      file: a.file,
      published: a.data.source.published,
    })),
    ...invalid.map((f) => ({ file: f.file, published: undefined })),
  ];
  all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, published } of all) {
    const name = file.split("/").at(-1) ?? file;
    const parsedName = parseArticleFileName(name);
    if (!parsedName) {
      problems.push({
        file,
        path: "",
        expected: "a file name like YYYY-MM-DD-some-slug.md (lowercase kebab-case slug)",
        found: JSON.stringify(name),
      });
      continue;
    }
    if (published !== undefined && parsedName.date !== earliestDay(published)) {
      problems.push({
        file,
        path: "source.published",
        expected: `a date matching the file name's ${parsedName.date} (pad a month or year with -01)`,
        found: published,
      });
    }
    const firstFile = slugs.get(parsedName.slug);
    if (firstFile !== undefined) {
      problems.push({
        file,
        path: "",
        expected: `a slug not already used by ${firstFile}`,
        found: JSON.stringify(parsedName.slug),
      });
    } else {
      slugs.set(parsedName.slug, file);
    }
  }

  const refs = {
    actorIds,
    kindIds,
    actorsFile: actors.file,
    kindsFile: kinds.file,
  };
  for (const { file, data } of invalid) {
    if (data && typeof data === "object")
      problems.push(...referenceProblems(file, (data as { proposals?: unknown }).proposals, refs));
  }

  for (const { file, data } of articles) {
    problems.push(...referenceProblems(file, data.proposals, refs));
    checkNotFuture(file, "source.published", data.source.published, today, problems);

    const seenInArticle = new Set<string>();
    data.proposals.forEach((proposal, i) => {
      const at = (suffix: string) => `proposals[${i}].${suffix}`;
      if (seenInArticle.has(proposal.id)) {
        problems.push({
          file,
          path: at("id"),
          expected: "each proposal once per article",
          found: JSON.stringify(proposal.id),
        });
      }
      seenInArticle.add(proposal.id);

      const first = kindOfProposal.get(proposal.id);
      if (first === undefined) {
        kindOfProposal.set(proposal.id, {
          kind: proposal.kind,
          where: `${file} ${at("kind")}`,
        });
      } else if (first.kind !== proposal.kind) {
        problems.push({
          file,
          path: at("kind"),
          expected: `kind "${first.kind}" as in ${first.where} (one kind per proposal id)`,
          found: JSON.stringify(proposal.kind),
        });
      }

      if (proposal.date !== undefined) {
        checkNotFuture(file, at("date"), proposal.date, today, problems);
        if (earliestDay(proposal.date) > latestDay(data.source.published)) {
          problems.push({
            file,
            path: at("date"),
            expected: `a date on or before source.published (${data.source.published})`,
            found: proposal.date,
          });
        }
      }
    });
  }
  return problems;
}

/**
 * Every kind and actor a file's proposals name that does not exist. Works on
 * data that failed its schema too, as far as its shape allows.
 */
export function referenceProblems(
  file: string,
  proposals: unknown,
  refs: {
    actorIds: ReadonlySet<string>;
    kindIds: ReadonlySet<string>;
    actorsFile: string;
    kindsFile: string;
  },
): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(proposals)) return problems;
  const strings = (value: unknown): [number, string][] =>
    Array.isArray(value) ? value.flatMap((v, j): [number, string][] => (typeof v === "string" ? [[j, v]] : [])) : [];
  proposals.forEach((raw: unknown, i) => {
    if (!raw || typeof raw !== "object") return;
    const p = raw as Record<string, unknown>;
    const at = `proposals[${i}]`;
    if (typeof p.kind === "string" && !refs.kindIds.has(p.kind)) {
      problems.push({
        file,
        path: `${at}.kind`,
        expected: `a kind id from ${refs.kindsFile}`,
        found: JSON.stringify(p.kind),
      });
    }
    const actorRefs: [string, string][] = [
      ...strings(p.proposers).map(([j, id]): [string, string] => [`${at}.proposers[${j}]`, id]),
      ...(Array.isArray(p.positions) ? p.positions : []).flatMap((pos: unknown, j): [string, string][] => {
        const actor = (pos as { actor?: unknown } | null)?.actor;
        return typeof actor === "string" ? [[`${at}.positions[${j}].actor`, actor]] : [];
      }),
      ...strings((p.terms as { guarantors?: unknown } | null)?.guarantors).map(([j, id]): [string, string] => [
        `${at}.terms.guarantors[${j}]`,
        id,
      ]),
    ];
    for (const [path, id] of actorRefs) {
      if (!refs.actorIds.has(id)) {
        problems.push({
          file,
          path,
          expected: `an actor id from ${refs.actorsFile}`,
          found: JSON.stringify(id),
        });
      }
    }
  });
  return problems;
}

function uniqueIds(file: string, items: readonly { id: string }[], problems: Problem[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) {
      problems.push({
        file,
        path: `[${i}].id`,
        expected: "an id used once",
        found: JSON.stringify(item.id),
      });
    }
    ids.add(item.id);
  });
  return ids;
}

function checkNotFuture(file: string, path: string, date: PartialDate, today: string, problems: Problem[]): void {
  if (earliestDay(date) > today) {
    problems.push({
      file,
      path,
      expected: `a date no later than today (${today})`,
      found: date,
    });
  }
}
