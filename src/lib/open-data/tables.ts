import { createHash } from "node:crypto";
import type { Actor } from "../../schemas/actor.ts";
import { earliestDay, type PartialDate } from "../model/dates.ts";
import type { Mention, Model, Proposal } from "../model/model.ts";
import { toCsv } from "./csv.ts";
import {
  actorRow,
  articleRow,
  kindRow,
  mentionRow,
  positionRow,
  proposalRow,
  quoteRow,
  termRow,
  type ActorRecord,
  type ActorRow,
  type ArticleRow,
  type DatasetStamp,
  type KindRow,
  type MentionRow,
  type PositionRow,
  type ProposalRecord,
  type ProposalRow,
  type QuoteRow,
  type TermRow,
} from "./schemas.ts";
import { stanceDate, TERM_KEYS, type TermKey } from "../model/state-of-play.ts";
import { dateColumns } from "./date-columns.ts";
import { urls } from "../views/urls.ts";

/** The site's name, as data and citations give it. */
export const SITE_NAME = "Guarantee Tracker";
/** The data's licence (SPDX id) and the code's. */
export const DATA_LICENSE = {
  id: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
};
export const CODE_LICENSE = { id: "MIT", title: "MIT License", url: "https://opensource.org/license/mit" };

/** Every table of the data, in the order the /data/ page lists them, with what one row is. */
export const TABLES = [
  {
    name: "proposals",
    row: proposalRow,
    title: "Proposals",
    one: "a proposal and its state of play",
    primaryKey: ["id"],
  },
  {
    name: "mentions",
    row: mentionRow,
    title: "Mentions",
    one: "a mention: what one source reported about one proposal",
    primaryKey: ["proposal_id", "article_slug"],
  },
  {
    name: "positions",
    row: positionRow,
    title: "Positions",
    one: "a position: an actor's stance on a proposal, per one source",
    primaryKey: ["proposal_id", "article_slug", "seq"],
  },
  {
    name: "terms",
    row: termRow,
    title: "Terms per source",
    one: "a term of a proposal as one source gives it",
    primaryKey: ["proposal_id", "article_slug", "term"],
  },
  {
    name: "quotes",
    row: quoteRow,
    title: "Quotes",
    one: "a quote of a named person, as one source gives it",
    primaryKey: ["proposal_id", "article_slug", "seq"],
  },
  { name: "articles", row: articleRow, title: "Articles", one: "a source article", primaryKey: ["slug"] },
  {
    name: "actors",
    row: actorRow,
    title: "Actors",
    one: "an actor: a state, organisation, coalition or person",
    primaryKey: ["id"],
  },
  { name: "kinds", row: kindRow, title: "Kinds", one: "a kind of guarantee", primaryKey: ["id"] },
] as const;

export type TableName = (typeof TABLES)[number]["name"];

/** Each table's rows. */
export interface Tables {
  proposals: ProposalRow[];
  mentions: MentionRow[];
  positions: PositionRow[];
  terms: TermRow[];
  quotes: QuoteRow[];
  articles: ArticleRow[];
  actors: ActorRow[];
  kinds: KindRow[];
}

/** Which table points to which: column → table and its key (datapackage.json foreignKeys). */
export const FOREIGN_KEYS: Partial<Record<TableName, { fields: string; table: TableName; key: string }[]>> = {
  proposals: [
    { fields: "kind", table: "kinds", key: "id" },
    { fields: "status_source", table: "articles", key: "slug" },
  ],
  mentions: [
    { fields: "proposal_id", table: "proposals", key: "id" },
    { fields: "article_slug", table: "articles", key: "slug" },
  ],
  positions: [
    { fields: "proposal_id", table: "proposals", key: "id" },
    { fields: "article_slug", table: "articles", key: "slug" },
    { fields: "actor", table: "actors", key: "id" },
  ],
  terms: [
    { fields: "proposal_id", table: "proposals", key: "id" },
    { fields: "article_slug", table: "articles", key: "slug" },
  ],
  quotes: [
    { fields: "proposal_id", table: "proposals", key: "id" },
    { fields: "article_slug", table: "articles", key: "slug" },
  ],
};

/** The latest of some partial dates (by sortKey), undefined for none. */

/** A term's value as a list of strings: the guarantors' ids, or the one vocabulary value. */
function termValues(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

const sourceRef = (m: Mention) => ({ article: m.article.slug, date: m.date });

/** An actor's display name by id (the id itself for an id no actor has, which validation rules out). */
export type ActorNames = (id: string) => string;

/** The names of a model's actors, for the name columns beside id columns. */
export function actorNamesOf(model: Pick<Model, "actorById">): ActorNames {
  return (id) => model.actorById.get(id)?.name ?? id;
}

/** A mention as a row, without its proposal (the proposal record lists its sources so). */
function sourceRowOf(m: Mention, site: URL, name: ActorNames): Omit<MentionRow, "proposal_id"> {
  const { source } = m.article;
  return {
    article_slug: m.article.slug,
    ...dateColumns("date", m.date),
    date_is_published: m.date === source.published,
    approximate: m.approximate,
    title: m.title,
    status: m.status,
    evidence: m.evidence ?? null,
    proposers: m.proposers,
    proposer_names: m.proposers.map(name),
    suggested_by: m.suggestedBy ?? null,
    summary: m.summary,
    publisher: source.publisher,
    ...dateColumns("published", source.published),
    source_url: source.url ?? null,
    url: new URL(urls.article(m.article.slug), site).href,
  };
}

function mentionRowOf(m: Mention, site: URL, name: ActorNames): MentionRow {
  return { proposal_id: m.proposalId, ...sourceRowOf(m, site, name) };
}

function proposalRowOf(p: Proposal, site: URL, name: ActorNames): ProposalRow {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    status: p.status,
    status_source: p.state.source.article.slug,
    sources_differ: p.state.differs.length > 0,
    ...dateColumns("first_reported", p.first.date),
    ...dateColumns("latest_reported", p.latest.date),
    ...dateColumns("as_of", p.asOf),
    mentions: p.mentions.length,
    proposers: p.proposers,
    proposer_names: p.proposers.map(name),
    suggested_by: [...new Set(p.suggestedBy.map((s) => s.text))],
    aliases: p.aliases,
    also_reported_as: p.alsoReportedAs,
    related: p.links.map((l) => `${l.relation}:${l.id}`),
    guarantors: p.terms.guarantors ?? [],
    guarantor_names: (p.terms.guarantors ?? []).map(name),
    binding: p.terms.binding ?? null,
    response: p.terms.response ?? null,
    foreign_troops: p.terms.foreign_troops ?? null,
    disputed_terms: p.termsView.disputed,
    url: new URL(urls.proposal(p.id), site).href,
  };
}

/** An actor's own fields as data, without the counts. */
function actorFieldsOf(a: Actor, name: ActorNames) {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    aliases: a.aliases ?? [],
    represents: a.represents ?? null,
    represents_name: a.represents ? name(a.represents) : null,
    role: a.role ?? null,
    members: a.members ?? [],
    member_names: (a.members ?? []).map(name),
    stands_for: a.stands_for ?? null,
  };
}

function actorRowOf(a: Actor, model: Model, site: URL): ActorRow {
  const involved = model.involvement.get(a.id);
  return {
    ...actorFieldsOf(a, actorNamesOf(model)),
    proposals: involved?.proposals.size ?? 0,
    articles: involved?.articles.size ?? 0,
    url: new URL(urls.actor(a.id), site).href,
  };
}

/** Every table of the data, built from the model; lists and rows in the model's (stable) order. */
export function dataTables(model: Model, site: URL): Tables {
  const mentions = model.proposals.flatMap((p) => p.mentions);
  const current = new Set(model.proposals.flatMap((p) => p.stances.map((s) => s.position)));
  const name = actorNamesOf(model);
  return {
    proposals: model.proposals.map((p) => proposalRowOf(p, site, name)),
    mentions: mentions.map((m) => mentionRowOf(m, site, name)),
    positions: mentions.flatMap((m) =>
      m.positions.map((pos, i) => ({
        proposal_id: m.proposalId,
        article_slug: m.article.slug,
        seq: i + 1,
        ...dateColumns("date", m.date),
        ...dateColumns("stated", stanceDate({ position: pos, source: m })),
        actor: pos.actor,
        actor_name: name(pos.actor),
        stance: pos.stance,
        note: pos.note ?? null,
        speaker: pos.speaker ?? null,
        speaker_name: pos.speaker ? name(pos.speaker) : null,
        current: current.has(pos),
      })),
    ),
    terms: mentions.flatMap((m) => {
      const row = (term: TermKey, value: unknown, of: string[], note: string | undefined) => ({
        proposal_id: m.proposalId,
        article_slug: m.article.slug,
        ...dateColumns("date", m.date),
        term,
        values: termValues(value),
        of,
        note: note ?? null,
      });
      return [
        ...TERM_KEYS.flatMap((term) => {
          const value = m.terms?.[term];
          return value === undefined ? [] : [row(term, value, [], m.terms?.notes?.[term])];
        }),
        // Values given for some actors only, kept apart as the pages show them.
        ...(m.terms?.scoped ?? []).map((t) => row(t.term, t.value, t.of, t.note)),
      ];
    }),
    quotes: mentions.flatMap((m) =>
      m.quotes.map((q, i) => ({
        proposal_id: m.proposalId,
        article_slug: m.article.slug,
        seq: i + 1,
        ...dateColumns("date", m.date),
        text: q.text,
        speaker: q.speaker,
        role: q.role ?? null,
        speaker_id: q.speaker_id ?? null,
      })),
    ),
    articles: model.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      publisher: a.source.publisher,
      author: a.source.author ?? null,
      ...dateColumns("published", a.source.published),
      approximate: a.source.approximate,
      via: a.source.via ?? [],
      language: a.source.language,
      proposals: a.mentions.map((m) => m.proposalId),
      source_url: a.source.url ?? null,
      url: new URL(urls.article(a.slug), site).href,
    })),
    actors: model.actors.map((a) => actorRowOf(a, model, site)),
    kinds: model.kinds.map((k) => ({
      id: k.id,
      name: k.name,
      description: k.description,
      aliases: k.aliases ?? [],
      proposals: model.proposals.filter((p) => p.kind === k.id).length,
      url: new URL(urls.kind(k.id), site).href,
    })),
  };
}

/** The column names of a table, in its schema's order. */
export function columnsOf(name: TableName): string[] {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return Object.keys(table.row.shape);
}

/** A table as CSV (see open-data-csv.ts for the conventions). */
export function tableCsv(tables: Tables, name: TableName): string {
  return toCsv(columnsOf(name), tables[name] as unknown as Record<string, string>[]);
}

/** The build's time as an ISO date-time when the build records it (SOURCE_DATE_EPOCH, seconds), else undefined. */
export function buildTime(sourceDateEpoch: string | undefined): string | undefined {
  const epoch = sourceDateEpoch === undefined || sourceDateEpoch === "" ? NaN : Number(sourceDateEpoch);
  return Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString() : undefined;
}

/**
 * The version stamp every output carries. The digest covers every table as
 * JSON, so any change to the content gives a new version; `generated` is
 * SOURCE_DATE_EPOCH when the build sets it, else the date of the latest
 * source, so that two builds of the same content are byte-identical.
 */
export function datasetStampOf(tables: Tables, asOf: PartialDate, site: URL, sourceDateEpoch?: string): DatasetStamp {
  const hash = createHash("sha256").update(JSON.stringify(tables)).digest("hex");
  const day = earliestDay(asOf);
  const [y, m, d] = day.split("-").map(Number);
  const generated = buildTime(sourceDateEpoch) ?? `${day}T00:00:00.000Z`;
  return {
    name: "guarantee-tracker",
    title: `${SITE_NAME}: proposals for security guarantees for Ukraine`,
    version: `${y}.${m}.${d}+${hash.slice(0, 12)}`,
    digest: `sha256:${hash}`,
    as_of: asOf,
    generated,
    license: "CC-BY-4.0",
    homepage: new URL(urls.data(), site).href,
  };
}

/** What one build publishes as data: the tables and their stamp (src/lib/query.ts builds it once per build). */
export interface OpenData {
  tables: Tables;
  stamp: DatasetStamp;
  site: URL;
  /** Actors' names by id, for the name columns of item records. */
  actorName: ActorNames;
}

/** The open data of a model: its tables and their stamp. */
export function openData(model: Model, site: URL, sourceDateEpoch: string | undefined): OpenData {
  const tables = dataTables(model, site);
  const stamp = datasetStampOf(tables, model.asOf ?? "1970-01-01", site, sourceDateEpoch);
  return { tables, stamp, site, actorName: actorNamesOf(model) };
}

/** A proposal's page as data (/proposals/<id>.json). */
export function proposalRecordOf(p: Proposal, data: OpenData): ProposalRecord {
  const { site, stamp } = data;
  const termsOf = (terms: Partial<Record<TermKey, unknown>>) =>
    Object.fromEntries(TERM_KEYS.flatMap((k) => (terms[k] === undefined ? [] : [[k, termValues(terms[k])]])));
  return {
    $schema: new URL(urls.schema("data", "proposal"), site).href,
    dataset: stamp,
    id: p.id,
    title: p.title,
    kind: p.kind,
    url: new URL(urls.proposal(p.id), site).href,
    aliases: p.aliases,
    also_reported_as: p.alsoReportedAs,
    related: p.links.map((l) => ({ id: l.id, relation: l.relation })),
    proposers: p.proposers,
    as_of: p.asOf,
    suggested_by: p.suggestedBy.map((s) => ({ text: s.text, source: sourceRef(s.mention) })),
    state: {
      status: p.state.status,
      source: sourceRef(p.state.source),
      differs: p.state.differs.map((m) => ({
        article: m.article.slug,
        date: m.date,
        status: m.status,
        evidence: m.evidence ?? null,
      })),
    },
    history: p.history.map((run) => ({
      status: run.value,
      from: sourceRef(run.from),
      to: sourceRef(run.to),
      sources: run.count,
    })),
    stances: p.stances.map((s) => ({
      actor: s.actor,
      stance: s.position.stance,
      note: s.position.note ?? null,
      speaker: s.position.speaker ?? null,
      stated: s.date,
      source: sourceRef(s.source),
      silent_since: s.silentSince.map((m) => m.article.slug),
      history: s.history.map((h) => ({
        stance: h.position.stance,
        note: h.position.note ?? null,
        speaker: h.position.speaker ?? null,
        stated: h.date,
        source: sourceRef(h.source),
      })),
    })),
    terms: {
      merged: Object.fromEntries(
        Object.entries(p.termsView.merged).map(([key, values]) => [
          key,
          values.map((v) => ({ values: termValues(v.value), sources: v.sources.map((m) => m.article.slug) })),
        ]),
      ),
      disputed: p.termsView.disputed,
      by_source: p.termsView.bySource.map((b) => ({
        source: sourceRef(b.source),
        terms: termsOf(b.terms),
        scoped: (b.terms.scoped ?? []).map((t) => ({
          term: t.term,
          values: termValues(t.value),
          of: t.of,
          note: t.note ?? null,
        })),
      })),
    },
    quotes: p.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role ?? null,
      speaker_id: q.speaker_id ?? null,
      source: sourceRef(q.mention),
    })),
    sources: p.mentions.map((m) => sourceRowOf(m, site, data.actorName)),
  };
}

/** An actor's page as data (/actors/<id>.json). */
export function actorRecordOf(actor: Actor, model: Model, data: OpenData): ActorRecord {
  const { site, stamp } = data;
  const involved = model.involvement.get(actor.id);
  return {
    $schema: new URL(urls.schema("data", "actor"), site).href,
    dataset: stamp,
    ...actorFieldsOf(actor, data.actorName),
    url: new URL(urls.actor(actor.id), site).href,
    proposals: model.proposals.flatMap((p) => {
      const part = involved?.proposals.get(p.id);
      if (!part) return [];
      const stance = p.stances.find((s) => s.actor === actor.id);
      return [
        {
          id: p.id,
          title: p.title,
          status: p.status,
          roles: [...part.roles].sort(),
          via: [...part.via].sort(),
          stance: stance?.position.stance ?? null,
        },
      ];
    }),
    articles: model.articles
      .filter((a) => involved?.articles.has(a.slug))
      .map((a) => ({ slug: a.slug, title: a.title, published: a.source.published })),
  };
}

/** The site's address from astro.config.mjs (`site`, set from GT_SITE): every absolute URL is built on it. */
export function requireSite(site: URL | undefined): URL {
  if (!site) throw new Error("astro.config.mjs sets no `site`: open data, feeds and citations need absolute URLs");
  return site;
}
