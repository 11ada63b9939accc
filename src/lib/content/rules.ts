import { earliestDay, latestDay, type PartialDate } from "../model/dates.ts";
import { partialDate } from "../../schemas/date.ts";
import type { Actor } from "../../schemas/actor.ts";
import { KEBAB_CASE, MAX_ID_LENGTH } from "../../schemas/common.ts";
import type { ArticleData } from "../../schemas/article.ts";
import type { Kind } from "../../schemas/kind.ts";
import type { Place } from "../../schemas/place.ts";
import { proposalSchema, type ProposalMentionData } from "../../schemas/proposal.ts";
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

/** A YAML list as the cross-file rules see it. */
export interface ListInput<T extends { id: string }> {
  file: string;
  /** Its valid entries. */
  items: readonly T[];
  /** Each valid entry's index in the file (default: its index in `items`). */
  indexes?: readonly number[];
  /** Every id written, valid entry or not. */
  knownIds?: ReadonlySet<string>;
  /** False when the file is missing or did not parse: references to its ids are not checked (default true). */
  read?: boolean;
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
  actors: ListInput<Actor>;
  kinds: ListInput<Kind>;
  /** The proposals registry (proposals.yaml); knownIds holds every id written there, valid entry or not. */
  registry: ListInput<RegistryEntry>;
  places?: ListInput<Place>;
  /** True when an article file could not be read: whether it uses a registry entry is then unknown. */
  unreadArticles?: boolean;
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const { articles, actors, kinds, registry, today, invalid = [] } = input;

  const actorIds = new Set([...uniqueIds(actors, problems), ...(actors.knownIds ?? [])]);
  const kindIds = new Set([...uniqueIds(kinds, problems), ...(kinds.knownIds ?? [])]);
  const registryIds = new Set([...uniqueIds(registry, problems), ...(registry.knownIds ?? [])]);
  if (input.places) uniqueIds(input.places, problems);
  // A list that did not read says nothing about which ids exist: references to it are left for later.
  const unread = {
    actors: actors.read === false,
    kinds: kinds.read === false,
    registry: registry.read === false,
  };
  const people = new Set(actors.items.filter((a) => a.type === "person").map((a) => a.id));
  problems.push(...actorLinkProblems(actors, actorIds));
  if (!unread.kinds) problems.push(...registryProblems(registry, registryIds, kindIds, kinds.file));
  const registryKind = new Map(registry.items.map((entry) => [entry.id, entry.kind]));

  const slugs = new Map<string, string>();
  const kindOfProposal = new Map<string, { kind: string; where: string }>();

  const all = [
    ...articles.map((a) => ({
      file: a.file,
      published: a.data.source.published,
    })),
    ...invalid.map((f) => ({ file: f.file, published: readable(f.data).published })),
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
    if (parsedName.slug.length > MAX_ID_LENGTH) {
      problems.push({
        file,
        path: "",
        expected: `a slug of at most ${MAX_ID_LENGTH} characters in the file name (this one has ${parsedName.slug.length})`,
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
    unread,
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
    if (!usedIds.has(entry.id) && !input.unreadArticles)
      problems.push({
        file: registry.file,
        path: `[${registry.indexes?.[i] ?? i}].id`,
        expected: "an id used by at least one article (remove the entry, or add the article that reports it)",
        found: JSON.stringify(entry.id),
      });
  });
  for (const { file, data } of invalid) {
    if (data && typeof data === "object")
      problems.push(...referenceProblems(file, (data as { proposals?: unknown }).proposals, refs));
  }

  for (const { file, data } of articles) problems.push(...referenceProblems(file, data.proposals, refs));
  // The per-article rules run on every file, as far as its shape allows, so one report holds everything.
  const checked = [
    ...articles.map((a) => ({
      file: a.file,
      published: a.data.source.published as PartialDate | undefined,
      proposals: a.data.proposals.map((p, i): [number, ProposalMentionData] => [i, p]),
      corrections: a.data.corrections ?? [],
    })),
    ...invalid.map((f) => ({ file: f.file, ...readable(f.data), corrections: [] })),
  ];
  for (const { file, published, proposals, corrections } of checked) {
    if (published !== undefined) checkNotFuture(file, "source.published", published, today, problems);

    const seenInArticle = new Set<string>();
    proposals.forEach(([i, proposal]) => {
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
      problems.push(...repeatProblems(file, i, proposal));

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
        if (published !== undefined && earliestDay(date) > latestDay(published)) {
          problems.push({
            file,
            path,
            expected: `a date on or before source.published (${published})`,
            found: date,
          });
        }
      }
    });

    corrections.forEach((correction, i) => {
      const path = `corrections[${i}].date`;
      checkNotFuture(file, path, correction.date, today, problems);
      if (published !== undefined && correction.date < earliestDay(published))
        problems.push({
          file,
          path,
          expected: `a date on or after source.published (${published}): a correction follows the article`,
          found: correction.date,
        });
    });
  }
  return problems;
}

/** What the per-article rules can read of front matter that failed its schema: a valid date, valid mentions. */
function readable(data: unknown): { published?: PartialDate; proposals: [number, ProposalMentionData][] } {
  const source = field(data, "source");
  const published = partialDate.safeParse(field(source, "published"));
  const proposals = list(field(data, "proposals")).flatMap((raw, i): [number, ProposalMentionData][] => {
    const parsed = proposalSchema.safeParse(raw);
    return parsed.success ? [[i, parsed.data]] : [];
  });
  return { ...(published.success && field(source, "published") !== undefined ? { published: published.data } : {}), proposals };
}

/**
 * The same actor twice where once is meant: among a mention's proposers, its guarantors, or its positions of
 * one date (two positions of one actor on one date in one source read as a change of stance that never happened).
 */
function repeatProblems(file: string, i: number, proposal: ProposalMentionData): Problem[] {
  const lists: [string, readonly string[], string][] = [
    ["proposers", proposal.proposers, "each proposer once"],
    ["terms.guarantors", proposal.terms?.guarantors ?? [], "each guarantor once"],
    [
      "positions",
      (proposal.positions ?? []).map((p) => `${p.actor}\u0000${p.date ?? ""}`),
      "one position per actor and date in a source (merge them into one, its note giving both)",
    ],
  ];
  const problems: Problem[] = [];
  for (const [name, keys, expected] of lists) {
    const seen = new Set<string>();
    keys.forEach((key, j) => {
      if (seen.has(key)) {
        const path = name === "positions" ? `positions[${j}].actor` : `${name}[${j}]`;
        const id = key.split("\u0000")[0] ?? key;
        problems.push({ file, path: `proposals[${i}].${path}`, expected, found: JSON.stringify(id) });
      }
      seen.add(key);
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
    /** The lists that did not read: references to them are not checked. */
    unread?: { actors: boolean; kinds: boolean; registry: boolean };
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
    if (typeof p.id === "string" && KEBAB_CASE.test(p.id) && !refs.unread?.registry && !refs.registryIds.has(p.id)) {
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
      if (typeof id === "string" && !refs.unread?.actors && !refs.people.has(id)) {
        problems.push({
          file,
          path,
          expected: `the id of a person (type: person) in ${refs.actorsFile}`,
          found: JSON.stringify(id),
        });
      }
    }
    if (typeof p.kind === "string" && !refs.unread?.kinds && !refs.kindIds.has(p.kind)) {
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
      if (!refs.unread?.actors && !refs.actorIds.has(id)) {
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

/**
 * Each person's `represents` names a known state or organisation, and each coalition's `members` known actors,
 * each once; a coalition is not its own member; `stands_for` names another actor that is not itself a label.
 */
function actorLinkProblems(actors: ListInput<Actor>, known: ReadonlySet<string>): Problem[] {
  const { file } = actors;
  const problems: Problem[] = [];
  const typeOf = new Map(actors.items.map((a) => [a.id, a.type]));
  const standsForOf = new Map(actors.items.map((a) => [a.id, a.stands_for]));
  actors.items.forEach((actor, k) => {
    const i = actors.indexes?.[k] ?? k;
    const refs: [string, string][] = [
      ...(actor.represents === undefined ? [] : [[`[${i}].represents`, actor.represents] as [string, string]]),
      ...(actor.members ?? []).map((id, j): [string, string] => [`[${i}].members[${j}]`, id]),
      ...(actor.stands_for === undefined ? [] : [[`[${i}].stands_for`, actor.stands_for] as [string, string]]),
    ];
    const seen = new Set<string>();
    for (const [path, id] of refs) {
      const type = typeOf.get(id);
      const represents = path.endsWith(".represents");
      const standsFor = path.endsWith(".stands_for");
      if ((!known.has(id) && actors.read !== false) || id === actor.id)
        problems.push({
          file,
          path,
          expected: id === actor.id ? "another actor's id (not the actor itself)" : `an actor id from ${file}`,
          found: JSON.stringify(id),
        });
      else if (represents && type !== undefined && type !== "state" && type !== "organization")
        problems.push({
          file,
          path,
          expected: `the id of a state or organisation (a person speaks for one; this actor is a ${type})`,
          found: JSON.stringify(id),
        });
      else if (standsFor && standsForOf.get(id) !== undefined)
        problems.push({
          file,
          path,
          expected: `the id of an actor that is not itself another label (${id} stands for ${standsForOf.get(id) ?? ""})`,
          found: JSON.stringify(id),
        });
      else if (!represents && !standsFor && seen.has(id))
        problems.push({ file, path, expected: "each member once", found: JSON.stringify(id) });
      seen.add(id);
    }
  });
  return problems;
}

/** Each registry entry's kind exists and its related ids are other registered proposals. */
function registryProblems(
  registry: ListInput<RegistryEntry>,
  ids: ReadonlySet<string>,
  kindIds: ReadonlySet<string>,
  kindsFile: string,
): Problem[] {
  const { file } = registry;
  const problems: Problem[] = [];
  registry.items.forEach((entry, k) => {
    const i = registry.indexes?.[k] ?? k;
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

function uniqueIds(list: ListInput<{ id: string }>, problems: Problem[]): Set<string> {
  const { file, items } = list;
  const first = new Map<string, number>();
  items.forEach((item, k) => {
    const i = list.indexes?.[k] ?? k;
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
