import { earliestDay, latestDay, type PartialDate } from "../../schemas/date.ts";
import type { Actor } from "../../schemas/actor.ts";
import { KEBAB_CASE } from "../../schemas/common.ts";
import type { ArticleData } from "../../schemas/article.ts";
import type { Kind } from "../../schemas/kind.ts";
import type { Place } from "../../schemas/place.ts";
import type { RegistryEntry } from "../../schemas/registry.ts";
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
  /** The proposals registry (proposals.yaml); knownIds holds every id written there, valid entry or not. */
  registry: {
    file: string;
    items: readonly RegistryEntry[];
    knownIds?: ReadonlySet<string>;
  };
  places?: { file: string; items: readonly Place[] };
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const { articles, actors, kinds, registry, today, invalid = [] } = input;

  const actorIds = new Set([...uniqueIds(actors.file, actors.items, problems), ...(actors.knownIds ?? [])]);
  const kindIds = new Set([...uniqueIds(kinds.file, kinds.items, problems), ...(kinds.knownIds ?? [])]);
  const registryIds = new Set([...uniqueIds(registry.file, registry.items, problems), ...(registry.knownIds ?? [])]);
  if (input.places) uniqueIds(input.places.file, input.places.items, problems);
  const people = new Set(actors.items.filter((a) => a.type === "person").map((a) => a.id));
  problems.push(...actorLinkProblems(actors.file, actors.items, actorIds));
  problems.push(...registryProblems(registry.file, registry.items, registryIds, kindIds, kinds.file));
  const registryKind = new Map(registry.items.map((entry) => [entry.id, entry.kind]));

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
    people,
    registryIds,
    actorsFile: actors.file,
    kindsFile: kinds.file,
    registryFile: registry.file,
  };
  const usedIds = new Set<string>();
  for (const { data } of [...articles, ...invalid]) {
    const proposals = (data as { proposals?: unknown } | null | undefined)?.proposals;
    if (Array.isArray(proposals))
      for (const p of proposals) {
        const id = (p as { id?: unknown } | null)?.id;
        if (typeof id === "string") usedIds.add(id);
      }
  }
  registry.items.forEach((entry, i) => {
    if (!usedIds.has(entry.id))
      problems.push({
        file: registry.file,
        path: `[${i}].id`,
        expected: "an id used by at least one article (remove the entry, or add the article that reports it)",
        found: JSON.stringify(entry.id),
      });
  });
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

      // One kind per id: the registry's; without a registry entry (reported below), the first mention's.
      if (proposal.kind !== undefined && kindIds.has(proposal.kind)) {
        const registered = registryKind.get(proposal.id);
        const first = kindOfProposal.get(proposal.id);
        const wanted = registered ?? first?.kind;
        if (wanted === undefined)
          kindOfProposal.set(proposal.id, { kind: proposal.kind, where: `${file} ${at("kind")}` });
        else if (wanted !== proposal.kind)
          problems.push({
            file,
            path: at("kind"),
            expected:
              registered !== undefined
                ? `kind "${registered}", as ${registry.file} gives for "${proposal.id}" (or leave kind out)`
                : `kind "${wanted}" as in ${first?.where ?? ""} (one kind per proposal id)`,
            found: JSON.stringify(proposal.kind),
          });
      }

      const dated: [string, PartialDate | undefined][] = [
        [at("date"), proposal.date],
        ...(proposal.positions ?? []).map((p, j): [string, PartialDate | undefined] => [
          at(`positions[${j}].date`),
          p.date,
        ]),
      ];
      for (const [path, date] of dated) {
        if (date === undefined) continue;
        checkNotFuture(file, path, date, today, problems);
        // A date may overlap the publication (a range reaching past it), but may not start after it.
        if (earliestDay(date) > latestDay(data.source.published)) {
          problems.push({
            file,
            path,
            expected: `a date on or before source.published (${data.source.published})`,
            found: date,
          });
        }
      }
    });

    (data.corrections ?? []).forEach((correction, i) => {
      const path = `corrections[${i}].date`;
      checkNotFuture(file, path, correction.date, today, problems);
      if (correction.date < earliestDay(data.source.published))
        problems.push({
          file,
          path,
          expected: `a date on or after source.published (${data.source.published}): a correction follows the article`,
          found: correction.date,
        });
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
    /** Ids of the actors that are people: the only ones a speaker may be. */
    people: ReadonlySet<string>;
    registryIds: ReadonlySet<string>;
    actorsFile: string;
    kindsFile: string;
    registryFile: string;
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
    if (typeof p.id === "string" && KEBAB_CASE.test(p.id) && !refs.registryIds.has(p.id)) {
      problems.push({
        file,
        path: `${at}.id`,
        expected: `an id with its entry in ${refs.registryFile} (id, title, kind)`,
        found: JSON.stringify(p.id),
      });
    }
    const speakers: [string, unknown][] = [
      ...list(p.positions).map((pos, j): [string, unknown] => [`${at}.positions[${j}].speaker`, field(pos, "speaker")]),
      ...list(p.quotes).map((q, j): [string, unknown] => [`${at}.quotes[${j}].speaker_id`, field(q, "speaker_id")]),
    ];
    for (const [path, id] of speakers) {
      if (typeof id === "string" && !refs.people.has(id)) {
        problems.push({
          file,
          path,
          expected: `the id of a person (type: person) in ${refs.actorsFile}`,
          found: JSON.stringify(id),
        });
      }
    }
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
      ...termActorRefs(`${at}.terms`, p.terms),
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

/** The actor ids a proposal's terms name: guarantors (plain or `{ value }`) and every scoped term's `of`. */
function termActorRefs(at: string, terms: unknown): [string, string][] {
  if (terms === null || typeof terms !== "object") return [];
  const ids = (path: string, value: unknown): [string, string][] =>
    list(value).flatMap((v, j): [string, string][] => (typeof v === "string" ? [[`${path}[${j}]`, v]] : []));
  return Object.entries(terms as Record<string, unknown>).flatMap(([key, given]): [string, string][] => {
    const scoped = given !== null && typeof given === "object" && !Array.isArray(given);
    const refs = scoped ? ids(`${at}.${key}.of`, field(given, "of")) : [];
    if (key === "guarantors")
      refs.push(...(scoped ? ids(`${at}.${key}.value`, field(given, "value")) : ids(`${at}.${key}`, given)));
    return refs;
  });
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

/** Each person's `represents` and each coalition's `members` name known actors; a coalition is not its own member. */
function actorLinkProblems(file: string, actors: readonly Actor[], known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  actors.forEach((actor, i) => {
    const refs: [string, string][] = [
      ...(actor.represents === undefined ? [] : [[`[${i}].represents`, actor.represents] as [string, string]]),
      ...(actor.members ?? []).map((id, j): [string, string] => [`[${i}].members[${j}]`, id]),
    ];
    for (const [path, id] of refs) {
      if (!known.has(id) || id === actor.id)
        problems.push({
          file,
          path,
          expected: id === actor.id ? "another actor's id (not the actor itself)" : `an actor id from ${file}`,
          found: JSON.stringify(id),
        });
    }
  });
  return problems;
}

/** Each registry entry's kind exists and its related ids are other registered proposals. */
function registryProblems(
  file: string,
  entries: readonly RegistryEntry[],
  ids: ReadonlySet<string>,
  kindIds: ReadonlySet<string>,
  kindsFile: string,
): Problem[] {
  const problems: Problem[] = [];
  entries.forEach((entry, i) => {
    if (!kindIds.has(entry.kind))
      problems.push({
        file,
        path: `[${i}].kind`,
        expected: `a kind id from ${kindsFile}`,
        found: JSON.stringify(entry.kind),
      });
    (entry.related ?? []).forEach((link, j) => {
      if (!ids.has(link.id) || link.id === entry.id)
        problems.push({
          file,
          path: `[${i}].related[${j}].id`,
          expected: link.id === entry.id ? "another proposal's id" : `a proposal id from ${file}`,
          found: JSON.stringify(link.id),
        });
    });
  });
  return problems;
}

function uniqueIds(file: string, items: readonly { id: string }[], problems: Problem[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier !== undefined) {
      problems.push({
        file,
        path: `[${i}].id`,
        expected: `an id used once (entry [${earlier}] already has it)`,
        found: JSON.stringify(item.id),
      });
    } else first.set(item.id, i);
  });
  return new Set(first.keys());
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
