/**
 * Deterministic synthetic corpora in the content format, for the benchmark.
 *
 * `generateCorpus(n, seed)` is pure: the same arguments give the same files,
 * byte for byte. Articles report 1–5 proposals drawn from a pool (about
 * 2·√n of them: 60 for 1,000 articles, 200 for 10,000), so ids recur across
 * articles the way real reporting does: a few proposals are mentioned very
 * often, most now and then. Each proposal follows a life (floated → proposed
 * → … → agreed or rejected) over time, and some sources lag behind, so status
 * histories change back and forth. Bodies are 300–600 words of Markdown.
 *
 * Everything is invented (outlets, people, quotes); only the kinds' ids and
 * the states' names are real. Dates run from 2022-02-24 to 2025-12-31, so
 * none lies in the future.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yamlLib from "js-yaml";
import {
  BINDING_IDS,
  EVIDENCE_IDS,
  FOREIGN_TROOPS_IDS,
  RESPONSE_IDS,
  STANCE_IDS,
  type Status,
} from "../../src/schemas/vocabulary.ts";

/** One file of a generated corpus, its path relative to the corpus directory. */
export interface GeneratedFile {
  path: string;
  text: string;
}

export interface GeneratedCorpus {
  /** actors.yaml, kinds.yaml, proposals.yaml, places.yaml and articles/*.md, in that order. */
  files: GeneratedFile[];
  /** How many proposals the pool holds. */
  poolSize: number;
}

/** A small, fast, seedable PRNG (mulberry32): uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of a Markdown body, as the benchmark counts them: whitespace-separated tokens holding a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** The pool size for a corpus of n articles: 2·√n, at least 8. */
export function poolSizeFor(n: number): number {
  return Math.max(8, Math.round(2 * Math.sqrt(n)));
}

export const FIRST_DAY = "2022-02-24";
export const LAST_DAY = "2025-12-31";
export const MIN_WORDS = 300;
export const MAX_WORDS = 600;

type ActorType = "state" | "organization" | "coalition" | "person";
interface ActorDef {
  id: string;
  name: string;
  type: ActorType;
  aliases?: string[];
  represents?: string;
  role?: string;
  members?: string[];
}

const ACTORS: ActorDef[] = [
  { id: "united-states", name: "United States", type: "state", aliases: ["US", "USA", "Washington"] },
  { id: "ukraine", name: "Ukraine", type: "state", aliases: ["Kyiv"] },
  { id: "russia", name: "Russia", type: "state", aliases: ["Moscow"] },
  { id: "united-kingdom", name: "United Kingdom", type: "state", aliases: ["UK", "Britain"] },
  { id: "france", name: "France", type: "state", aliases: ["Paris"] },
  { id: "germany", name: "Germany", type: "state", aliases: ["Berlin"] },
  { id: "italy", name: "Italy", type: "state" },
  { id: "poland", name: "Poland", type: "state", aliases: ["Warsaw"] },
  { id: "canada", name: "Canada", type: "state" },
  { id: "turkey", name: "Turkey", type: "state", aliases: ["Türkiye", "Ankara"] },
  { id: "japan", name: "Japan", type: "state" },
  { id: "netherlands", name: "Netherlands", type: "state" },
  { id: "denmark", name: "Denmark", type: "state" },
  { id: "norway", name: "Norway", type: "state" },
  { id: "sweden", name: "Sweden", type: "state" },
  { id: "finland", name: "Finland", type: "state" },
  { id: "estonia", name: "Estonia", type: "state" },
  { id: "latvia", name: "Latvia", type: "state" },
  { id: "lithuania", name: "Lithuania", type: "state" },
  { id: "romania", name: "Romania", type: "state" },
  { id: "spain", name: "Spain", type: "state" },
  { id: "belgium", name: "Belgium", type: "state" },
  { id: "czechia", name: "Czechia", type: "state", aliases: ["Czech Republic"] },
  { id: "australia", name: "Australia", type: "state" },
  { id: "china", name: "China", type: "state", aliases: ["Beijing"] },
  { id: "hungary", name: "Hungary", type: "state" },
  { id: "slovakia", name: "Slovakia", type: "state" },
  { id: "moldova", name: "Moldova", type: "state" },
  { id: "nato", name: "NATO", type: "organization", aliases: ["North Atlantic Treaty Organization", "the alliance"] },
  { id: "european-union", name: "European Union", type: "organization", aliases: ["EU", "Brussels"] },
  { id: "united-nations", name: "United Nations", type: "organization", aliases: ["UN"] },
  { id: "osce", name: "OSCE", type: "organization" },
  { id: "g7", name: "G7", type: "organization", aliases: ["Group of Seven"] },
  {
    id: "coalition-of-the-willing",
    name: "Coalition of the willing",
    type: "coalition",
    members: ["united-kingdom", "france", "germany"],
  },
  { id: "nordic-baltic-eight", name: "Nordic-Baltic Eight", type: "coalition", aliases: ["NB8"] },
  { id: "weimar-triangle", name: "Weimar Triangle", type: "coalition" },
  { id: "ramstein-group", name: "Ukraine Defense Contact Group", type: "coalition", aliases: ["Ramstein group"] },
  { id: "olena-marchuk", name: "Olena Marchuk", type: "person", represents: "ukraine", role: "Foreign Minister" },
  { id: "peter-hallam", name: "Peter Hallam", type: "person", represents: "united-kingdom" },
  { id: "ines-duval", name: "Ines Duval", type: "person" },
];

/** Proposers are drawn from these, the first ones more often. */
const PROPOSER_IDS = [
  "united-states",
  "ukraine",
  "france",
  "united-kingdom",
  "germany",
  "european-union",
  "nato",
  "coalition-of-the-willing",
  "poland",
  "italy",
  "turkey",
  "canada",
  "g7",
  "nordic-baltic-eight",
  "weimar-triangle",
  "ramstein-group",
  "netherlands",
  "denmark",
  "finland",
  "united-nations",
  "osce",
  "olena-marchuk",
  "peter-hallam",
  "ines-duval",
];

const KINDS = [
  {
    id: "collective-defense",
    name: "Article 5-like collective defence",
    description: "A mutual-defence pledge modelled on NATO's Article 5 but given outside the alliance.",
    topics: ["article-5-like-pledge", "mutual-defence-clause", "security-compact", "defence-commitment"],
  },
  {
    id: "nato-membership",
    name: "NATO membership",
    description: "Ukraine joining NATO, now or later, including membership triggered by a breach of a peace deal.",
    topics: ["nato-accession-path", "membership-invitation", "membership-trigger", "interim-nato-status"],
  },
  {
    id: "foreign-forces",
    name: "Foreign forces, air and sea missions",
    description: "Troops, air patrols or naval missions of other countries in or around Ukraine.",
    topics: ["reassurance-force", "air-policing-mission", "black-sea-naval-mission", "training-mission"],
  },
  {
    id: "military-aid",
    name: "Military aid and a strong Ukrainian army",
    description: "Weapons, training and long-term support that let Ukraine's own forces deter a new attack.",
    topics: ["long-term-arms-package", "air-defence-fund", "porcupine-army-plan", "co-production-deal"],
  },
  {
    id: "monitoring",
    name: "Ceasefire monitoring and verification",
    description: "Observers or remote means that watch a ceasefire and warn of a renewed attack.",
    topics: ["ceasefire-observer-mission", "satellite-verification", "demilitarised-zone-monitors"],
  },
  {
    id: "economic",
    name: "Economic and reconstruction guarantees",
    description: "Money for Ukraine's recovery, including the use of frozen Russian assets.",
    topics: ["reconstruction-fund", "frozen-assets-loan", "investment-guarantee", "energy-grid-compact"],
  },
  {
    id: "political",
    name: "Political commitments and integration",
    description: "Undertakings without a military mechanism: EU accession, peace frameworks, general support.",
    topics: ["eu-accession-roadmap", "peace-framework", "joint-declaration", "security-council-role"],
  },
  {
    id: "legal",
    name: "Legally binding instruments",
    description: "Steps that turn a guarantee into law: a treaty, ratification, rules on its legal rank.",
    topics: ["guarantee-treaty", "senate-ratification", "bilateral-security-treaty", "budapest-memorandum-revision"],
  },
] as const;

type StatusId = Status;
const LIVES: { weight: number; path: StatusId[] }[] = [
  { weight: 30, path: ["floated", "proposed", "negotiating", "agreed", "implemented"] },
  { weight: 15, path: ["floated", "proposed", "negotiating", "agreed"] },
  { weight: 20, path: ["floated", "proposed", "negotiating"] },
  { weight: 20, path: ["floated", "proposed", "rejected"] },
  { weight: 10, path: ["floated", "withdrawn"] },
  { weight: 5, path: ["proposed", "negotiating", "rejected"] },
];
const LANGUAGES = ["en", "en", "en", "en", "en", "en", "uk", "fr", "de", "pl", "it"];
const AGENCIES = ["AFP", "Reuters", "AP", "dpa", "Ukrinform", "ANSA", "PAP"];

const OUTLET_WORDS = [
  ["The", "Kyiv", "Ledger"],
  ["Baltic", "Wire"],
  ["Atlantic", "Dispatch"],
  ["The", "Defence", "Brief"],
  ["Danube", "Observer"],
  ["The", "Capital", "Record"],
  ["Continental", "Review"],
  ["Northern", "Monitor"],
  ["The", "Security", "Desk"],
  ["Black", "Sea", "Herald"],
  ["Eastern", "Flank", "Daily"],
  ["The", "Diplomatic", "Post"],
  ["Policy", "Watch"],
  ["The", "Evening", "Standard", "Review"],
  ["Carpathian", "News"],
  ["The", "Geneva", "Letter"],
  ["Frontline", "Report"],
  ["The", "Harbour", "Times"],
  ["Steppe", "Journal"],
  ["The", "Weekly", "Strategist"],
  ["Alliance", "Tribune"],
  ["The", "Morning", "Courier"],
  ["Vistula", "Gazette"],
  ["The", "Rhine", "Chronicle"],
];
const OUTLETS = OUTLET_WORDS.map((words) => ({
  name: words.join(" "),
  host: `www.${words
    .filter((w) => w !== "The")
    .join("")
    .toLowerCase()}.example`,
}));

const FIRST_NAMES = ["Anna", "Mark", "Iryna", "Tomas", "Claire", "Jonas", "Sofia", "Pavlo", "Helen", "Marek", "Lea"];
const LAST_NAMES = ["Kovalenko", "Ellison", "Brandt", "Novak", "Moreau", "Lindqvist", "Rossi", "Hale", "Sadowski"];
const ROLES = [
  "Foreign Minister",
  "Defence Minister",
  "Prime Minister",
  "President",
  "National Security Adviser",
  "Ambassador to NATO",
  "Chief of the General Staff",
  "Deputy Foreign Minister",
];

const NOUNS = [
  "guarantee",
  "ceasefire",
  "deterrent",
  "framework",
  "commitment",
  "mission",
  "treaty",
  "package",
  "mechanism",
  "force",
  "pledge",
  "settlement",
  "arrangement",
  "deployment",
  "coalition",
  "summit",
  "proposal",
  "draft",
  "timetable",
  "budget",
  "contingent",
  "border",
  "corridor",
  "airspace",
  "parliament",
  "referendum",
  "sanction",
  "reserve",
  "fund",
  "battalion",
  "brigade",
  "frigate",
  "radar",
  "observer",
  "negotiator",
  "envoy",
  "delegation",
  "communiqué",
  "annex",
  "clause",
];
const ADJECTIVES = [
  "binding",
  "credible",
  "temporary",
  "permanent",
  "multinational",
  "bilateral",
  "collective",
  "robust",
  "limited",
  "vague",
  "ambitious",
  "cautious",
  "European",
  "transatlantic",
  "eastern",
  "joint",
  "provisional",
  "detailed",
  "confidential",
  "public",
  "long-term",
  "rapid",
  "naval",
  "aerial",
  "financial",
  "legal",
  "political",
  "military",
];
const VERBS = [
  "backed",
  "questioned",
  "welcomed",
  "rejected",
  "revised",
  "drafted",
  "discussed",
  "endorsed",
  "delayed",
  "tabled",
  "criticised",
  "studied",
  "outlined",
  "extended",
  "narrowed",
  "broadened",
  "costed",
  "announced",
  "confirmed",
  "denied",
];
const PLACES = ["Brussels", "Paris", "London", "Berlin", "Warsaw", "Geneva", "Istanbul", "Riyadh", "Rome", "Helsinki"];
const TIMES = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "on Friday", "over the weekend"];
const HEADINGS = ["Background", "What was discussed", "Reactions", "The terms", "What comes next", "Open questions"];

type Rng = () => number;

/** Everything the generator draws from one seeded stream. */
class Draw {
  readonly rng: Rng;
  constructor(rng: Rng) {
    this.rng = rng;
  }
  float(): number {
    return this.rng();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)] as T;
  }
  /** Index drawn with weight 1/(i+1)^s, so early items come up far more often. */
  skewed<T>(items: readonly T[], s = 1): T {
    const weights = items.map((_, i) => 1 / (i + 1) ** s);
    let r = this.rng() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
  /** An item drawn with its own weight. */
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let r = this.rng() * items.reduce((a, b) => a + b.weight, 0);
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }
  /** k distinct items. */
  some<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.rng() * copy.length), 1)[0] as T);
    return out;
  }
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST = dayNumber(FIRST_DAY);
const LAST = dayNumber(LAST_DAY);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const nameOf = (id: string) => ACTORS.find((a) => a.id === id)?.name ?? id;
const ACRONYMS: Record<string, string> = { nato: "NATO", eu: "EU" };
const words = (id: string) =>
  id
    .split("-")
    .map((w) => ACRONYMS[w] ?? w)
    .join(" ");

interface PoolProposal {
  id: string;
  /** The topic in words (`reassurance force`). */
  topic: string;
  title: string;
  altTitle: string;
  kind: string;
  proposers: string[];
  /** Actors some sources also name as proposers. */
  coProposers: string[];
  /** Day it first appears. */
  born: number;
  /** Its statuses, each from a day on. */
  life: { status: StatusId; from: number }[];
  /** Actors with a view on it, and that view. */
  stakeholders: { actor: string; stance: (typeof STANCE_IDS)[number]; flipsOn?: number }[];
  terms: { guarantors: string[]; binding: string; response: string; foreign_troops: string };
}

function makePool(size: number, d: Draw): PoolProposal[] {
  const used = new Set<string>();
  const pool: PoolProposal[] = [];
  for (let i = 0; i < size; i++) {
    const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number];
    const topic = d.pick(kind.topics);
    const proposers = [d.skewed(PROPOSER_IDS, 0.8)];
    if (d.chance(0.3)) {
      const other = d.skewed(PROPOSER_IDS, 0.8);
      if (!proposers.includes(other)) proposers.push(other);
    }
    const lead = proposers[0] as string;
    let id = `${lead}-${topic}`;
    for (let n = 2; used.has(id); n++) id = `${lead}-${topic}-${n}`;
    used.add(id);
    // The first few exist from the start, so early articles have something to report.
    const born = i < 6 ? FIRST : FIRST + Math.floor(d.float() * (LAST - FIRST) * 0.85);
    const path = d.weighted(LIVES).path;
    const life: PoolProposal["life"] = [];
    let from = born;
    for (const status of path) {
      life.push({ status, from });
      from += d.int(30, 400);
    }
    const stakeholders = d
      .some(
        ACTORS.filter((a) => !proposers.includes(a.id) && a.type !== "person").map((a) => a.id),
        d.int(2, 7),
      )
      .map((actor) => {
        const stance = d.pick(STANCE_IDS);
        return d.chance(0.3)
          ? { actor, stance, flipsOn: born + d.int(60, 900) }
          : { actor, stance: actor === "russia" ? ("opposes" as const) : stance };
      });
    const title = `${capitalize(words(topic))} put forward by ${nameOf(lead)}`;
    pool.push({
      id,
      topic: words(topic),
      title,
      coProposers: d.some(
        PROPOSER_IDS.filter((a) => !proposers.includes(a)),
        d.int(1, 3),
      ),
      altTitle: `${nameOf(lead)}'s ${words(topic)}${i % 2 === 0 ? " for Ukraine" : ""}`,
      kind: kind.id,
      proposers,
      born,
      life,
      stakeholders,
      terms: {
        guarantors: d.some(PROPOSER_IDS.slice(0, 16), d.int(1, 5)),
        binding: d.pick(BINDING_IDS),
        response: d.pick(RESPONSE_IDS),
        foreign_troops: d.pick(FOREIGN_TROOPS_IDS),
      },
    });
  }
  return pool;
}

/** A sentence of plausible policy prose, with names drawn from the article's context. */
function sentence(d: Draw, ctx: { actors: string[]; topics: string[] }): string {
  const actor = () => nameOf(d.pick(ctx.actors));
  const topic = () => d.pick(ctx.topics);
  const adj = () => d.pick(ADJECTIVES);
  const noun = () => d.pick(NOUNS);
  const templates = [
    () =>
      `Officials in ${d.pick(PLACES)} said ${actor()} ${d.pick(VERBS)} the ${topic()} ${d.pick(TIMES)}, calling it a ${adj()} ${noun()}.`,
    () =>
      `According to two diplomats, the ${adj()} ${noun()} would depend on a ${adj()} ${noun()} that ${actor()} has yet to accept.`,
    () => `${actor()} ${d.pick(VERBS)} a ${adj()} ${noun()} linked to the ${topic()}, but gave no timetable.`,
    () =>
      `The ${topic()} drew on earlier talks in ${d.pick(PLACES)}, where ${actor()} and ${actor()} ${d.pick(VERBS)} a ${adj()} ${noun()}.`,
    () =>
      `Analysts noted that without a ${adj()} ${noun()}, the ${topic()} might remain a ${adj()} promise rather than a ${noun()}.`,
    () =>
      `A ${adj()} ${noun()} is expected before the next ${noun()}, and ${actor()} wants the ${topic()} settled first.`,
    () =>
      `Critics in ${d.pick(PLACES)} ${d.pick(VERBS)} the cost, arguing that the ${noun()} and the ${noun()} could not both be funded.`,
    () =>
      `${actor()} has signalled it could join a ${adj()} ${noun()} if ${actor()} commits to the ${topic()} as well.`,
    () => `The report says the ${topic()} was ${d.pick(VERBS)} at a ${adj()} meeting ${d.pick(TIMES)}.`,
  ];
  return d.pick(templates)();
}

function paragraph(d: Draw, ctx: { actors: string[]; topics: string[] }, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(d, ctx)).join(" ");
}

/** A Markdown body of 300–600 words: paragraphs, a heading or two, sometimes a list or a link. */
function body(d: Draw, ctx: { actors: string[]; topics: string[] }): string {
  const target = d.int(MIN_WORDS, MAX_WORDS - 90);
  const blocks: string[] = [];
  const headings = d.some(HEADINGS, 3);
  let count = 0;
  const add = (block: string) => {
    blocks.push(block);
    count += countWords(block);
  };
  while (count < target) {
    if (blocks.length > 0 && blocks.length % 3 === 0 && headings.length > 0) add(`## ${headings.shift() as string}`);
    if (d.chance(0.12)) {
      add(
        Array.from(
          { length: d.int(2, 4) },
          () => `- ${capitalize(d.pick(ADJECTIVES))} ${d.pick(NOUNS)}: ${sentence(d, ctx)}`,
        ).join("\n"),
      );
    } else if (d.chance(0.1)) {
      const outlet = d.pick(OUTLETS);
      add(
        `${sentence(d, ctx)} An [earlier report](https://${outlet.host}/analysis/${d.int(1000, 9999)}) said as much.`,
      );
    } else {
      add(paragraph(d, ctx, d.int(2, 3)));
    }
  }
  return blocks.join("\n\n");
}

function statusAt(p: PoolProposal, day: number, d: Draw): StatusId {
  let i = 0;
  while (i + 1 < p.life.length && (p.life[i + 1] as { from: number }).from <= day) i++;
  // Some sources lag behind and still report the previous stage.
  if (i > 0 && d.chance(0.12)) i--;
  return (p.life[i] as { status: StatusId }).status;
}

/**
 * The corpus of n articles for a seed: actors.yaml, kinds.yaml and n article
 * files. Pure and deterministic.
 */
export function generateCorpus(n: number, seed: number): GeneratedCorpus {
  const d = new Draw(mulberry32(seed));
  const pool = makePool(poolSizeFor(n), d);
  // Popularity: a random rank per proposal, Zipf-like weights.
  const rank = d.some(
    pool.map((_, i) => i),
    pool.length,
  );
  const weightOf = new Map(rank.map((index, r) => [index, 1 / (r + 1) ** 0.9]));
  const byBirth = pool.map((p, i) => ({ p, w: weightOf.get(i) as number })).sort((a, b) => a.p.born - b.p.born);

  // More reporting as time goes on: density grows with the date.
  const days = Array.from({ length: n }, () => FIRST + Math.floor(Math.sqrt(d.float()) * (LAST - FIRST + 1))).sort(
    (a, b) => a - b,
  );

  const files: GeneratedFile[] = [
    { path: "actors.yaml", text: yaml(ACTORS) },
    { path: "kinds.yaml", text: yaml(KINDS.map(({ id, name, description }) => ({ id, name, description }))) },
  ];

  days.forEach((day, index) => {
    const iso = isoOf(day);
    // Most sources are dated to the day; a few only to the month or the year.
    const precision = d.float();
    let published = precision < 0.96 ? iso : precision < 0.995 ? iso.slice(0, 7) : iso.slice(0, 4);
    let fileDate =
      published.length === 10 ? published : published.length === 7 ? `${published}-01` : `${published}-01-01`;
    // A partial date whose first day falls before the corpus begins is given to the day instead.
    if (fileDate < FIRST_DAY) published = fileDate = iso;
    const mentionDay = dayNumber(fileDate);
    const candidates = byBirth.filter((c) => c.p.born <= mentionDay);
    const k = d.skewed([1, 2, 3, 4, 5], 0.6);
    const chosen: PoolProposal[] = [];
    const total = candidates.reduce((a, c) => a + c.w, 0);
    for (let tries = 0; chosen.length < Math.min(k, candidates.length) && tries < 50; tries++) {
      let r = d.float() * total;
      let pick = candidates[candidates.length - 1] as (typeof candidates)[number];
      for (const c of candidates) {
        r -= c.w;
        if (r < 0) {
          pick = c;
          break;
        }
      }
      if (!chosen.includes(pick.p)) chosen.push(pick.p);
    }
    const proposals = chosen.map((p) => mention(p, mentionDay, published, d));
    const lead = chosen[0] as PoolProposal;
    const outlet = d.skewed(OUTLETS, 0.5);
    const slug = `${lead.id.split("-").slice(0, 4).join("-")}-${d.pick(VERBS)}-${index + 1}`;
    const actors = [...new Set(chosen.flatMap((p) => [...p.proposers, ...p.stakeholders.map((s) => s.actor)]))];
    const ctx = { actors, topics: chosen.map((p) => p.topic) };
    const source: Record<string, unknown> = { publisher: outlet.name };
    if (d.chance(0.7)) source["url"] = `https://${outlet.host}/${fileDate.slice(0, 4)}/${fileDate.slice(5, 7)}/${slug}`;
    if (d.chance(0.5)) source["author"] = `${d.pick(FIRST_NAMES)} ${d.pick(LAST_NAMES)}`;
    source["published"] = published;
    if (published.length < 10 || d.chance(0.03)) source["approximate"] = true;
    if (d.chance(0.2)) source["via"] = d.some(AGENCIES, d.int(1, 2));
    source["language"] = d.pick(LANGUAGES);
    const front = {
      title: `${nameOf(d.pick(actors))} and partners ${d.pick(VERBS)} ${ctx.topics[0]} as talks go on`,
      source,
      summary: paragraph(d, ctx, d.int(1, 3)),
      proposals,
    };
    files.push({
      path: `articles/${fileDate}-${slug}.md`,
      text: `---\n${yaml(front)}---\n\n${body(d, ctx)}\n`,
    });
  });
  // The registry: one entry per proposal some article reports (an unused entry would be an error).
  const used = new Set(
    files.flatMap((f) => [...f.text.matchAll(/^ {2}- id: "([a-z0-9-]+)"$/gm)].map((m) => m[1] as string)),
  );
  const registry = pool
    .filter((p) => used.has(p.id))
    .map((p) => ({ id: p.id, title: p.title, kind: p.kind, aliases: [p.altTitle] }));
  files.splice(
    2,
    0,
    { path: "proposals.yaml", text: yaml(registry) },
    { path: "places.yaml", text: yaml(PLACE_ENTRIES) },
  );
  return { files, poolSize: pool.length };
}

/** places.yaml: the places the bodies name, with other spellings for search. */
const PLACE_ENTRIES = [
  { id: "kyiv", name: "Kyiv", aliases: ["Kiev", "Київ"] },
  { id: "odesa", name: "Odesa", aliases: ["Odessa", "Одеса"] },
  { id: "brussels", name: "Brussels", aliases: ["Bruxelles", "Брюссель"] },
  { id: "warsaw", name: "Warsaw", aliases: ["Warszawa", "Варшава"] },
];

/** One article's report of a proposal. */
function mention(p: PoolProposal, day: number, published: string, d: Draw): Record<string, unknown> {
  const m: Record<string, unknown> = {
    id: p.id,
    title: d.chance(0.1) ? p.altTitle : p.title,
    kind: p.kind,
    proposers: d.chance(0.15) ? [...p.proposers, d.pick(p.coProposers)] : [...p.proposers],
    status: statusAt(p, day, d),
  };
  // Sometimes the event happened a few days before the report.
  if (published.length === 10 && d.chance(0.15)) {
    m["date"] = isoOf(Math.max(p.born, day - d.int(1, 10)));
    if (d.chance(0.2)) m["approximate"] = true;
  }
  if (d.chance(0.85)) m["evidence"] = d.pick(EVIDENCE_IDS);
  m["summary"] = `${capitalize(p.topic)}: ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} ${d.pick(VERBS)} by ${nameOf(
    p.proposers[0] as string,
  )}, with a ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} still under discussion.`;
  if (d.chance(0.3)) {
    const terms: Record<string, unknown> = {};
    if (d.chance(0.6)) terms["guarantors"] = p.terms.guarantors;
    if (d.chance(0.6)) terms["binding"] = d.chance(0.8) ? p.terms.binding : "unspecified";
    if (d.chance(0.6)) terms["response"] = d.chance(0.8) ? p.terms.response : "unspecified";
    if (d.chance(0.6)) terms["foreign_troops"] = d.chance(0.8) ? p.terms.foreign_troops : "unspecified";
    if (Object.keys(terms).length > 0) m["terms"] = terms;
  }
  if (d.chance(0.4)) {
    m["positions"] = d.some(p.stakeholders, d.int(1, 3)).map((s) => {
      let stance: string =
        s.flipsOn !== undefined && day >= s.flipsOn ? (s.stance === "supports" ? "opposes" : "supports") : s.stance;
      if (d.chance(0.08)) stance = "undecided";
      const position: Record<string, unknown> = { actor: s.actor, stance };
      // A conditional stance needs its condition as a note (src/schemas/proposal.ts).
      if (stance === "conditional" || d.chance(0.5))
        position["note"] = `${nameOf(s.actor)} ${d.pick(VERBS)} the ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)}.`;
      return position;
    });
  }
  if (d.chance(0.15)) {
    m["quotes"] = Array.from({ length: d.int(1, 2) }, () => {
      const quote: Record<string, unknown> = {
        text: `We want a ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)}, not a ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)}, and the ${p.topic} must reflect that.`,
        speaker: `${d.pick(FIRST_NAMES)} ${d.pick(LAST_NAMES)}`,
      };
      if (d.chance(0.8)) quote["role"] = `${d.pick(ROLES)} of ${nameOf(d.pick(ACTORS.slice(0, 28)).id)}`;
      return quote;
    });
  }
  return m;
}

/** YAML with every string value double-quoted, so no date, `no` or number changes type on the way. */
function yaml(value: unknown): string {
  return yamlLib.dump(value, { quotingType: '"', forceQuotes: true, lineWidth: -1 });
}

/** Writes a generated corpus under dir (which must be empty or missing). */
export function writeCorpus(dir: string, corpus: GeneratedCorpus): void {
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  for (const file of corpus.files) writeFileSync(path.join(dir, file.path), file.text);
}
