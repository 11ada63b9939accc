import type { Actor } from "../../schemas/actor.ts";
import type { Kind } from "../../schemas/kind.ts";
import { ACTOR_TYPES, STATUSES, termOf } from "../../schemas/vocabulary.ts";
import { actorCitable, articleCitable, proposalCitable, type Citable } from "./citation.ts";
import { REPORTED_AS_SHOWN, SOURCES_ON_PROPOSAL } from "../views/page-sizes.ts";
import { latestOf, type PartialDate } from "../model/dates.ts";
import type { ArticleView, Model, Proposal } from "../model/model.ts";
import { DATA_LICENSE, SITE_NAME } from "./tables.ts";
import { urls } from "../views/urls.ts";

/**
 * What a permalink page adds to its <head> (src/layouts/Base.astro): the date
 * its content last changed, its Atom feed, its citation (citation_* and
 * Dublin Core tags) and its schema.org description as JSON-LD.
 */
export interface PageHead {
  updated?: PartialDate;
  feed?: { href: string; title: string };
  citation?: Citable;
  jsonLd?: Record<string, unknown>;
}

type JsonLd = Record<string, unknown>;

const SCHEMA_TYPES: Record<Actor["type"], string> = {
  state: "Country",
  organization: "Organization",
  coalition: "Organization",
  person: "Person",
};

function website(site: URL): JsonLd {
  return { "@type": "WebSite", name: SITE_NAME, url: new URL(urls.home(), site).href };
}

function actorRef(id: string, model: Pick<Model, "actorById">, site: URL): JsonLd {
  const actor = model.actorById.get(id);
  return {
    "@type": SCHEMA_TYPES[actor?.type ?? "organization"],
    name: actor?.name ?? id,
    url: new URL(urls.actor(id), site).href,
  };
}

/** A source article as schema.org: the news article our page is based on. */
function sourceWork(a: ArticleView["source"]): JsonLd {
  return {
    "@type": "NewsArticle",
    ...(a.url ? { url: a.url } : {}),
    publisher: { "@type": "Organization", name: a.publisher },
    ...(a.author ? { author: { "@type": "Person", name: a.author } } : {}),
    datePublished: a.published,
    inLanguage: a.language,
  };
}

const proposalId = (p: Pick<Proposal, "id">, site: URL) => `${new URL(urls.proposal(p.id), site).href}#proposal`;

/** The head of a proposal's permalink. */
export function proposalHead(p: Proposal, model: Pick<Model, "actorById">, site: URL): PageHead {
  const url = new URL(urls.proposal(p.id), site).href;
  return {
    updated: p.asOf,
    feed: { href: urls.feed("proposals", p.id), title: `${p.title}: updates` },
    citation: proposalCitable(p),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "WebPage",
      "@id": url,
      url,
      name: p.title,
      isPartOf: website(site),
      dateModified: p.asOf,
      license: DATA_LICENSE.url,
      mainEntity: {
        "@type": "CreativeWork",
        "@id": proposalId(p, site),
        name: p.title,
        // Its aliases and as many other wordings as the page shows: a proposal reported a thousand ways keeps a small head.
        ...(p.aliases.length + p.alsoReportedAs.length > 0
          ? { alternateName: [...p.aliases, ...p.alsoReportedAs.slice(0, REPORTED_AS_SHOWN)] }
          : {}),
        description: p.latest.summary,
        genre: p.kind,
        creativeWorkStatus: termOf(STATUSES, p.status).label,
        dateCreated: p.first.date,
        dateModified: p.asOf,
        ...(p.proposers.length > 0 ? { creator: p.proposers.map((id) => actorRef(id, model, site)) } : {}),
        // The newest sources, as many as the page lists: a proposal reported a thousand times keeps a small head.
        citation: p.mentions
          .slice(-SOURCES_ON_PROPOSAL)
          .reverse()
          .map((m) => sourceWork(m.article.source)),
      },
    },
  };
}

/** The head of an article's permalink: our summary page, based on the source. */
export function articleHead(a: ArticleView, site: URL): PageHead {
  const url = new URL(urls.article(a.slug), site).href;
  const citation = articleCitable(a);
  const source = sourceWork(a.source);
  return {
    updated: citation.asOf,
    citation,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": url,
      url,
      headline: a.title,
      description: a.summary,
      inLanguage: "en",
      datePublished: a.source.published,
      dateModified: citation.asOf,
      author: { "@type": "Organization", name: SITE_NAME, url: new URL(urls.home(), site).href },
      publisher: { "@type": "Organization", name: SITE_NAME, url: new URL(urls.home(), site).href },
      isPartOf: website(site),
      license: DATA_LICENSE.url,
      isBasedOn: source,
      citation: source,
      about: a.mentions.map((m) => ({
        "@type": "CreativeWork",
        "@id": proposalId({ id: m.proposalId }, site),
        name: m.title,
      })),
    },
  };
}

/** The head of an actor's permalink, from the sources involving it (no citation when there are none). */
export function actorHead(
  actor: Actor,
  sources: readonly ArticleView[],
  model: Pick<Model, "actorById">,
  site: URL,
): PageHead {
  const url = new URL(urls.actor(actor.id), site).href;
  const citation = actorCitable(actor, sources);
  const entity: JsonLd = {
    "@type": SCHEMA_TYPES[actor.type],
    "@id": `${url}#actor`,
    name: actor.name,
    ...(actor.aliases ? { alternateName: actor.aliases } : {}),
    ...(actor.type === "person" && actor.role ? { jobTitle: actor.role } : {}),
    ...(actor.represents ? { affiliation: actorRef(actor.represents, model, site) } : {}),
    ...(actor.members ? { member: actor.members.map((id) => actorRef(id, model, site)) } : {}),
    description: `${termOf(ACTOR_TYPES, actor.type).label} tracked by ${SITE_NAME}.`,
  };
  return {
    ...(citation ? { updated: citation.asOf, citation } : {}),
    feed: { href: urls.feed("actors", actor.id), title: `${actor.name}: updates` },
    jsonLd: {
      "@context": "https://schema.org",
      "@type": actor.type === "person" || actor.type === "organization" ? "ProfilePage" : "WebPage",
      "@id": url,
      url,
      name: actor.name,
      isPartOf: website(site),
      ...(citation ? { dateModified: citation.asOf } : {}),
      mainEntity: entity,
    },
  };
}

/** The head of a kind's page, from its proposals: their latest source's publication and the kind's feed. */
export function kindHead(kind: Kind, proposals: readonly Proposal[]): PageHead {
  const updated = latestOf(proposals.map((p) => p.asOf));
  return {
    ...(updated ? { updated } : {}),
    feed: { href: urls.feed("kinds", kind.id), title: `${kind.name}: updates` },
  };
}

/**
 * JSON-LD as the text of a <script type="application/ld+json"> data block:
 * `<`, `>` and `&` escaped as JSON escapes, so no text of ours can close the element.
 */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
