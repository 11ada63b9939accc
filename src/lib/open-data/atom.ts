import { isoDateTime } from "./citation.ts";
import type { PartialDate } from "../model/dates.ts";
import { describeEvent, type Feed, type FeedEvent } from "./feeds.ts";
import type { Model } from "../model/model.ts";
import { DATA_LICENSE, SITE_NAME } from "./tables.ts";
import { urls } from "../views/urls.ts";
import { xmlEscape } from "../text.ts";

/** What XML 1.0 does not allow (controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates); the content schema refuses most. */
const CATEGORY: Record<FeedEvent["type"], string> = {
  mention: "new source",
  status: "status change",
  stance: "stance change",
  term: "terms change",
  correction: "correction",
};

function entry(event: FeedEvent, model: Pick<Model, "actorById">, site: URL): string {
  const { proposal, mention } = event;
  const permalink = new URL(urls.proposal(proposal.id), site).href;
  const { title, summary } = describeEvent(event, model);
  const date = isoDateTime(event.date);
  const sourceUrl = mention.article.source.url;
  const lines = [
    "  <entry>",
    `    <id>${xmlEscape(`${permalink}#${event.fragment}`)}</id>`,
    `    <title type="text">${xmlEscape(title)}</title>`,
    `    <published>${date}</published>`,
    `    <updated>${date}</updated>`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(permalink)}"/>`,
    `    <link rel="via" type="text/html" href="${xmlEscape(new URL(urls.article(mention.article.slug), site).href)}" title="${xmlEscape(mention.article.title)}"/>`,
    ...(sourceUrl
      ? [
          `    <link rel="related" href="${xmlEscape(sourceUrl)}" title="${xmlEscape(mention.article.source.publisher)}"/>`,
        ]
      : []),
    `    <category term="${event.type}" label="${CATEGORY[event.type]}"/>`,
    `    <category term="${xmlEscape(proposal.kind)}" scheme="${xmlEscape(new URL(urls.kinds(), site).href)}"/>`,
    `    <summary type="text">${xmlEscape(summary)}</summary>`,
    "  </entry>",
  ];
  return lines.join("\n");
}

/**
 * A feed as an Atom 1.0 document (RFC 4287). `updated` is the newest entry's
 * date, or `asOf` (the corpus's latest date) when the feed has no entry.
 */
export function atomFeed(feed: Feed, model: Pick<Model, "actorById">, site: URL, asOf: PartialDate): string {
  const self = new URL(feed.path, site).href;
  const newest = feed.events[0]?.date ?? asOf;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xmlEscape(self)}</id>`,
    `  <title type="text">${xmlEscape(feed.title)}</title>`,
    `  <subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>`,
    `  <updated>${isoDateTime(newest)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(new URL(feed.page, site).href)}"/>`,
    ...(feed.history === undefined
      ? []
      : [
          `  <link rel="related" type="text/html" href="${xmlEscape(new URL(feed.history, site).href)}" title="Every event, in full: this feed keeps the newest ${feed.events.length}"/>`,
        ]),
    `  <author><name>${SITE_NAME}</name><uri>${xmlEscape(new URL(urls.home(), site).href)}</uri></author>`,
    `  <rights type="text">${xmlEscape(`${DATA_LICENSE.title} (${DATA_LICENSE.url})`)}</rights>`,
    `  <icon>${xmlEscape(new URL(urls.file("favicon.svg"), site).href)}</icon>`,
    ...feed.events.map((event) => entry(event, model, site)),
    "</feed>",
    "",
  ].join("\n");
}
