import { earliestDay, latestDay, type PartialDate } from "../schemas/date";
import type { Actor } from "../schemas/actor";
import type { ArticleData } from "../schemas/article";
import type { Kind } from "../schemas/kind";
import type { Problem } from "./problems";

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
  actors: { file: string; items: readonly Actor[] };
  kinds: { file: string; items: readonly Kind[] };
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const { articles, actors, kinds, today } = input;

  const actorIds = uniqueIds(actors.file, actors.items, problems);
  const kindIds = uniqueIds(kinds.file, kinds.items, problems);

  const slugs = new Map<string, string>();
  const kindOfProposal = new Map<string, { kind: string; where: string }>();

  for (const { file, slug, data } of articles) {
    const name = file.split("/").at(-1) ?? file;
    const parsedName = parseArticleFileName(name);
    if (!parsedName) {
      problems.push({
        file,
        path: "",
        expected: "a file name like YYYY-MM-DD-some-slug.md (lowercase kebab-case slug)",
        found: JSON.stringify(name),
      });
    } else if (parsedName.date !== earliestDay(data.source.published)) {
      problems.push({
        file,
        path: "source.published",
        expected: `a date matching the file name's ${parsedName.date} (pad a month or year with -01)`,
        found: data.source.published,
      });
    }

    const firstFile = slugs.get(slug);
    if (firstFile !== undefined) {
      problems.push({ file, path: "", expected: `a slug not already used by ${firstFile}`, found: JSON.stringify(slug) });
    } else {
      slugs.set(slug, file);
    }

    checkNotFuture(file, "source.published", data.source.published, today, problems);

    const seenInArticle = new Set<string>();
    data.proposals.forEach((proposal, i) => {
      const at = (suffix: string) => `proposals[${i}].${suffix}`;
      if (seenInArticle.has(proposal.id)) {
        problems.push({ file, path: at("id"), expected: "each proposal once per article", found: JSON.stringify(proposal.id) });
      }
      seenInArticle.add(proposal.id);

      if (!kindIds.has(proposal.kind)) {
        problems.push({ file, path: at("kind"), expected: `a kind id from ${kinds.file}`, found: JSON.stringify(proposal.kind) });
      }
      const first = kindOfProposal.get(proposal.id);
      if (first === undefined) {
        kindOfProposal.set(proposal.id, { kind: proposal.kind, where: `${file} ${at("kind")}` });
      } else if (first.kind !== proposal.kind) {
        problems.push({
          file,
          path: at("kind"),
          expected: `kind "${first.kind}" as in ${first.where} (one kind per proposal id)`,
          found: JSON.stringify(proposal.kind),
        });
      }

      const refs: [string, string][] = [
        ...proposal.proposers.map((id, j): [string, string] => [at(`proposers[${j}]`), id]),
        ...(proposal.positions ?? []).map((p, j): [string, string] => [at(`positions[${j}].actor`), p.actor]),
        ...(proposal.terms?.guarantors ?? []).map((id, j): [string, string] => [at(`terms.guarantors[${j}]`), id]),
      ];
      for (const [path, id] of refs) {
        if (!actorIds.has(id)) {
          problems.push({ file, path, expected: `an actor id from ${actors.file}`, found: JSON.stringify(id) });
        }
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

function uniqueIds(file: string, items: readonly { id: string }[], problems: Problem[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) {
      problems.push({ file, path: `[${i}].id`, expected: "an id used once", found: JSON.stringify(item.id) });
    }
    ids.add(item.id);
  });
  return ids;
}

function checkNotFuture(file: string, path: string, date: PartialDate, today: string, problems: Problem[]): void {
  if (earliestDay(date) > today) {
    problems.push({ file, path, expected: `a date no later than today (${today})`, found: date });
  }
}
