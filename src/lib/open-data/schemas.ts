import { z } from "astro/zod";
import { KEBAB_CASE } from "../../schemas/common.ts";
import {
  ACTOR_TYPE_IDS,
  BINDING_IDS,
  EVIDENCE_IDS,
  FOREIGN_TROOPS_IDS,
  RELATION_IDS,
  RESPONSE_IDS,
  STANCE_IDS,
  STATUS_IDS,
} from "../../schemas/vocabulary.ts";
import { TERM_KEYS, type TermKey } from "../model/state-of-play.ts";

/**
 * The published data's shape: one zod schema per table row and per item
 * record. The JSON Schemas under /schemas/data/ and the Table Schemas of
 * datapackage.json are generated from these, and the enumerations come from
 * src/schemas/vocabulary.ts, so neither can drift from the site.
 */

/**
 * A date as precise as the source, in EDTF (ISO 8601-2): YYYY-MM-DD, YYYY-MM or YYYY, optionally ending in ~
 * (approximate) or ? (uncertain), or a range start/end of two such dates.
 */
export const PARTIAL_DATE_PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?[~?]?(/\\d{4}(-\\d{2}(-\\d{2})?)?[~?]?)?$";

const id = (description: string) => z.string().regex(KEBAB_CASE).describe(description);
const ids = (description: string) => z.array(z.string().regex(KEBAB_CASE)).describe(description);
/** The names of the actors a list column of ids names, in the same order (a spreadsheet reader needs no lookup). */
const names = (column: string) => z.array(z.string()).describe(`The names of \`${column}\`, in the same order.`);
/** The name of the actor an id column names. */
const nameOf = (column: string) => z.string().describe(`The name of \`${column}\`.`);
const textList = (description: string) => z.array(z.string()).describe(description);
const date = (description: string) => z.string().regex(new RegExp(PARTIAL_DATE_PATTERN)).describe(description);

/**
 * A date column followed by its precision and the first and last day it may
 * mean (src/lib/open-data/date-columns.ts): `date`, `date_precision`,
 * `date_start`, `date_end`.
 */
function dated<N extends string>(name: N, description: string) {
  const day = (which: string) =>
    z.iso.date().describe(`The ${which} day \`${name}\` may mean (a range's ${which === "first" ? "start" : "end"}).`);
  return {
    [name]: date(description),
    [`${name}_precision`]: z
      .enum(["day", "month", "year"])
      .describe(`How precisely \`${name}\` is known: a range is as precise as its vaguer end.`),
    [`${name}_start`]: day("first"),
    [`${name}_end`]: day("last"),
  } as { [K in N]: ReturnType<typeof date> } & {
    [K in `${N}_precision`]: z.ZodEnum<{ day: "day"; month: "month"; year: "year" }>;
  } & { [K in `${N}_start` | `${N}_end`]: z.ZodISODate };
}
const url = (description: string) => z.url({ protocol: /^https?$/ }).describe(description);
const term = () => z.enum(TERM_KEYS as [TermKey, ...TermKey[]]);
const count = (description: string) => z.int().min(0).describe(description);

/** One row per proposal: its stable identity and its state of play. */
export const proposalRow = z.strictObject({
  id: id("The proposal's id; its permalink is /proposals/<id>/."),
  title: z.string().describe("The stable title (content/proposals.yaml)."),
  kind: id("The kind of guarantee: an id of kinds."),
  status: z.enum(STATUS_IDS).describe("The current status: the latest source's."),
  status_source: id("The article (slug) whose status is the current one."),
  sources_differ: z
    .boolean()
    .describe("True when an earlier source reports a more advanced status, or sources of the same period disagree."),
  ...dated("first_reported", "The date of the first mention (an event date: the mention's own, else its publication)."),
  ...dated(
    "latest_reported",
    "The date of the latest mention (an event date: the mention's own, else its publication).",
  ),
  ...dated("as_of", "The publication date of its latest source: what its page is as of."),
  mentions: count("How many sources report it."),
  proposers: ids("Who put it forward, over every source (actor ids)."),
  proposer_names: names("proposers"),
  suggested_by: textList("The commentators credited with the idea where no proposer is named."),
  aliases: textList("Other names it goes by."),
  also_reported_as: textList("Titles sources gave it, other than the stable one."),
  related: textList("Links to other proposals, each written <relation>:<proposal id>."),
  guarantors: ids("Who would guarantee, per the latest source that says (actor ids)."),
  guarantor_names: names("guarantors"),
  binding: z.enum(BINDING_IDS).nullable().describe("How binding, per the latest source that says."),
  response: z.enum(RESPONSE_IDS).nullable().describe("The response to a new attack, per the latest source that says."),
  foreign_troops: z
    .enum(FOREIGN_TROOPS_IDS)
    .nullable()
    .describe("Foreign troops on Ukrainian soil, per the latest source that says."),
  disputed_terms: z.array(term()).describe("The terms on which sources give different values."),
  url: url("The proposal's permalink."),
});

/** One row per mention: what one source reported about one proposal. */
export const mentionRow = z.strictObject({
  proposal_id: id("The proposal (id of proposals)."),
  article_slug: id("The source article (slug of articles)."),
  ...dated("date", "When it happened: the mention's own date, else the source's publication date."),
  date_is_published: z.boolean().describe("True when `date` is the source's publication date."),
  approximate: z.boolean().describe("True when the date is inferred rather than printed."),
  title: z.string().describe("How this source described the proposal."),
  status: z.enum(STATUS_IDS).describe("Its status per this source."),
  evidence: z.enum(EVIDENCE_IDS).nullable().describe("How the source knows."),
  proposers: ids("Who put it forward, per this source (actor ids)."),
  proposer_names: names("proposers"),
  suggested_by: z.string().nullable().describe("The commentators who raised the idea, per this source."),
  summary: z.string().describe("What was proposed, in our words."),
  publisher: z.string().describe("The outlet that published the source."),
  ...dated("published", "The source's publication date."),
  source_url: url("The original's address.").nullable(),
  url: url("The article's permalink on this site."),
});

/** One row per position: an actor's stance on a proposal, per one source. */
export const positionRow = z.strictObject({
  proposal_id: id("The proposal (id of proposals)."),
  article_slug: id("The source article (slug of articles)."),
  seq: z.int().min(1).describe("The position's place in the source's list (1 = first)."),
  ...dated("date", "The mention's date."),
  ...dated("stated", "When the stance was stated: the position's own date, else the mention's."),
  actor: id("Whose stance (id of actors)."),
  actor_name: nameOf("actor"),
  stance: z.enum(STANCE_IDS).describe("The stance."),
  note: z.string().nullable().describe("Context in our words; for a conditional stance, the condition."),
  speaker: id("The person who stated it (id of actors).").nullable(),
  speaker_name: nameOf("speaker").nullable(),
  current: z
    .boolean()
    .describe("True when this is the actor's latest stated stance on the proposal (by the date each was stated)."),
});

/** One row per term per source: the design of a proposal as one source gives it. */
export const termRow = z.strictObject({
  proposal_id: id("The proposal (id of proposals)."),
  article_slug: id("The source article (slug of articles)."),
  ...dated("date", "The mention's date."),
  term: term().describe("Which term."),
  values: textList(
    "Its value: one of the term's vocabulary, or for guarantors the actor ids of those who would guarantee.",
  ),
  of: ids(
    'Whom the value concerns (actor ids), for a value given for some actors only ("no US troops"); empty otherwise. Such a value is never merged into the proposal\'s terms.',
  ),
  note: z.string().nullable().describe("What the source says of the value, in our words."),
});

/** One row per quote: a named person's words as a source quotes them. */
export const quoteRow = z.strictObject({
  proposal_id: id("The proposal (id of proposals)."),
  article_slug: id("The source article (slug of articles)."),
  seq: z.int().min(1).describe("The quote's place in the source's list (1 = first)."),
  ...dated("date", "The mention's date."),
  text: z.string().describe("The words, exactly as quoted."),
  speaker: z.string().describe("Who said them, as the source names them."),
  role: z.string().nullable().describe("The speaker's role at the time."),
  speaker_id: id("The speaker (id of actors).").nullable(),
});

/** One row per source article. */
export const articleRow = z.strictObject({
  slug: id("The article's slug; its permalink is /articles/<slug>/."),
  title: z.string().describe("Our headline."),
  summary: z.string().describe("Our summary."),
  publisher: z.string().describe("The outlet that published the source."),
  author: z.string().nullable().describe("The byline."),
  ...dated("published", "When the source was published."),
  approximate: z.boolean().describe("True when the publication date is inferred."),
  via: textList("Agencies or outlets the report relies on."),
  language: z.string().describe("BCP 47 language of the original."),
  proposals: ids("The proposals it reports (ids of proposals)."),
  source_url: url("The original's address.").nullable(),
  url: url("The article's permalink on this site."),
});

/** One row per actor. */
export const actorRow = z.strictObject({
  id: id("The actor's id; its permalink is /actors/<id>/."),
  name: z.string().describe("Display name."),
  type: z.enum(ACTOR_TYPE_IDS).describe("What the actor is."),
  aliases: textList("Other names readers and sources use."),
  represents: id("For a person: whom they speak for (id of actors).").nullable(),
  represents_name: nameOf("represents").nullable(),
  role: z.string().nullable().describe("For a person: their office as the sources give it."),
  members: ids("For a coalition: its members (ids of actors)."),
  member_names: names("members"),
  stands_for: id(
    "The actor (id of actors) this one is another label for: as guarantors the two are one actor.",
  ).nullable(),
  proposals: count("How many proposals it takes part in, directly or through a coalition or person."),
  articles: count("How many sources involve it."),
  url: url("The actor's permalink."),
});

/** One row per kind of guarantee. */
export const kindRow = z.strictObject({
  id: id("The kind's id; its permalink is /kinds/<id>/."),
  name: z.string().describe("Display name."),
  description: z.string().describe("What counts as this kind."),
  aliases: textList("Other words readers use for it."),
  proposals: count("How many proposals are of this kind."),
  url: url("The kind's permalink."),
});

/** What every JSON output carries: which data it is, its version and licence. */
export const datasetStamp = z.strictObject({
  name: z.literal("guarantee-tracker"),
  title: z.string(),
  version: z
    .string()
    .describe("<year>.<month>.<day> of the latest source, + the content digest's first 12 hex digits."),
  digest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .describe("SHA-256 of every table, as canonical JSON."),
  as_of: date("The publication date of the latest source in the data (never a reported event's date)."),
  generated: z.iso.datetime().describe("When the data was built (SOURCE_DATE_EPOCH), else the as_of date."),
  license: z.literal("CC-BY-4.0"),
  homepage: url("The page that explains the data."),
});

/** A reference to the source of a statement in an item record. */
const sourceRef = z.strictObject({
  article: id("The article (slug)."),
  date: date("The mention's date."),
});

/** A proposal's page as data: its state of play, history, stances, terms, quotes and sources. */
export const proposalRecord = z.strictObject({
  $schema: z.string(),
  dataset: datasetStamp,
  id: id("The proposal's id."),
  title: z.string(),
  kind: id("Its kind."),
  url: url("Its permalink."),
  aliases: z.array(z.string()),
  also_reported_as: z.array(z.string()),
  related: z.array(z.strictObject({ id: id("The other proposal."), relation: z.enum(RELATION_IDS) })),
  proposers: ids("Who put it forward, over every source."),
  as_of: date("The publication date of its latest source: what the page is as of."),
  suggested_by: z.array(z.strictObject({ text: z.string(), source: sourceRef })),
  state: z.strictObject({
    status: z.enum(STATUS_IDS),
    source: sourceRef,
    differs: z.array(
      z.strictObject({
        article: id("The article that differs."),
        date: date("Its date."),
        status: z.enum(STATUS_IDS),
        evidence: z.enum(EVIDENCE_IDS).nullable(),
      }),
    ),
  }),
  history: z.array(
    z.strictObject({ status: z.enum(STATUS_IDS), from: sourceRef, to: sourceRef, sources: z.int().min(1) }),
  ),
  stances: z.array(
    z.strictObject({
      actor: id("The actor."),
      stance: z.enum(STANCE_IDS),
      note: z.string().nullable(),
      speaker: id("Who stated it.").nullable(),
      stated: date("When it was stated: the position's own date, else the mention's."),
      source: sourceRef,
      silent_since: z.array(id("A later source that is silent on this stance.")),
      history: z
        .array(
          z.strictObject({
            stance: z.enum(STANCE_IDS),
            note: z.string().nullable(),
            speaker: id("Who stated it.").nullable(),
            stated: date("When it was stated: the position's own date, else the mention's."),
            source: sourceRef,
          }),
        )
        .describe("Every stated stance of the actor, ordered by when each was stated."),
    }),
  ),
  terms: z.strictObject({
    merged: z.partialRecord(
      term(),
      z.array(z.strictObject({ values: z.array(z.string()), sources: z.array(id("A source giving it.")) })),
    ),
    disputed: z.array(term()),
    by_source: z.array(
      z.strictObject({
        source: sourceRef,
        terms: z.partialRecord(term(), z.array(z.string())),
        scoped: z
          .array(
            z.strictObject({
              term: term(),
              values: z.array(z.string()),
              of: ids("Whom the value concerns."),
              note: z.string().nullable(),
            }),
          )
          .describe('Values this source gives for some actors only ("no US troops"), never merged.'),
      }),
    ),
  }),
  quotes: z.array(
    z.strictObject({
      text: z.string(),
      speaker: z.string(),
      role: z.string().nullable(),
      speaker_id: id("The speaker.").nullable(),
      source: sourceRef,
    }),
  ),
  sources: z.array(mentionRow.omit({ proposal_id: true })),
});

/** An actor's page as data: whom it is, the proposals it takes part in and how, the sources involving it. */
export const actorRecord = z.strictObject({
  $schema: z.string(),
  dataset: datasetStamp,
  ...actorRow.omit({ proposals: true, articles: true }).shape,
  proposals: z.array(
    z.strictObject({
      id: id("The proposal."),
      title: z.string(),
      status: z.enum(STATUS_IDS),
      roles: z.array(z.string()).describe("How the actor takes part (src/lib/model/involvement.ts roles)."),
      via: ids("The coalitions or people through whom it takes part."),
      stance: z.enum(STANCE_IDS).nullable().describe("Its latest stated stance, if any."),
    }),
  ),
  articles: z.array(
    z.strictObject({ slug: id("The article."), title: z.string(), published: date("Its publication date.") }),
  ),
});

/** A table file: the stamp and the rows. */
export function tableFile<T extends z.ZodType>(row: T) {
  return z.strictObject({ $schema: z.string(), dataset: datasetStamp, rows: z.array(row) });
}

export type ProposalRow = z.output<typeof proposalRow>;
export type MentionRow = z.output<typeof mentionRow>;
export type PositionRow = z.output<typeof positionRow>;
export type TermRow = z.output<typeof termRow>;
export type QuoteRow = z.output<typeof quoteRow>;
export type ArticleRow = z.output<typeof articleRow>;
export type ActorRow = z.output<typeof actorRow>;
export type KindRow = z.output<typeof kindRow>;
export type DatasetStamp = z.output<typeof datasetStamp>;
export type ProposalRecord = z.output<typeof proposalRecord>;
export type ActorRecord = z.output<typeof actorRecord>;
