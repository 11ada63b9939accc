import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { allEvents, changesFeed, concernsActor, itemFeed, proposalEvents } from "../../src/lib/open-data/feeds.ts";
import { atomFeed } from "../../src/lib/open-data/atom.ts";
import { xmlEscape } from "../../src/lib/text.ts";
import { buildModel } from "../../src/lib/model/model.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const SITE = new URL("https://tracker.example");

/** Three sources on one proposal: floated, then proposed with Italy undecided, then proposed with Italy for and France against. */
const model = buildModel({
  actors: [...ACTORS, { id: "allies", name: "Allies & <Friends>", type: "coalition" as const, members: ["france"] }],
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("one", "2025-07-01", [proposal({ status: "floated" })]),
    article("two", "2025-08-01", [
      proposal({ status: "proposed", positions: [{ actor: "italy", stance: "undecided" }] }),
    ]),
    article("three", "2025-09-01", [
      proposal({
        status: "proposed",
        positions: [
          { actor: "italy", stance: "undecided" },
          { actor: "allies", stance: "opposes" },
        ],
      }),
      proposal({ id: "reassurance-force", title: "A force", kind: "foreign-forces", proposers: ["france"] }),
    ]),
  ],
});

const p = model.proposalById.get("article-5-like-guarantee");
if (!p) throw new Error("fixture");

describe("the events of a proposal", () => {
  const events = proposalEvents(p);

  it("are each new source, each change of status, and each stance stated for the first time or changed", () => {
    expect(events.map((e) => e.fragment)).toEqual([
      "mention-one",
      "mention-two",
      "status-two",
      "stance-two-italy",
      "mention-three",
      "stance-three-allies",
    ]);
    const status = events.find((e) => e.type === "status");
    expect(status).toMatchObject({ change: { from: "floated", to: "proposed", move: "forward" } });
  });

  it("have fragments unique in the whole corpus", () => {
    const ids = allEvents(model).map((e) => `${e.proposal.id}#${e.fragment}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("which feed carries an event", () => {
  it("the site-wide feed: all, newest first", () => {
    const events = changesFeed(model).events;
    expect(events[0]?.mention.date).toBe("2025-09-01");
    expect(events.at(-1)?.fragment).toBe("mention-one");
  });

  it("an actor's: the sources involving it, and only its own stances (or those it takes through a coalition)", () => {
    const italy = itemFeed(model, "actors", "italy")?.events.map((e) => e.fragment);
    expect(italy).toContain("stance-two-italy");
    expect(italy).not.toContain("stance-three-allies");
    const france = itemFeed(model, "actors", "france")?.events ?? [];
    expect(france.map((e) => e.fragment)).toContain("stance-three-allies");
    const stance = allEvents(model).find((e) => e.fragment === "stance-three-allies");
    if (!stance) throw new Error("no event");
    expect(concernsActor(stance, "italy")).toBe(false);
    expect(concernsActor(stance, "allies")).toBe(true);
  });

  it("a kind's: its proposals' events; none for an unknown item", () => {
    expect(itemFeed(model, "kinds", "foreign-forces")?.events.map((e) => e.proposal.id)).toEqual(["reassurance-force"]);
    expect(itemFeed(model, "proposals", "nope")).toBeUndefined();
  });
});

describe("Atom", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["entry", "link", "category"].includes(name),
  });

  it("is well-formed, with the required elements, stable ids and dates", () => {
    const feed = itemFeed(model, "proposals", "reassurance-force");
    if (!feed) throw new Error("no feed");
    const xml = atomFeed(feed, model, SITE, "2025-09-01");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).feed;
    expect(doc["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.id).toBe("https://tracker.example/feeds/proposals/reassurance-force.xml");
    expect(doc.updated).toBe("2025-09-01T00:00:00Z");
    expect(doc.author.name).toBe("Guarantee Tracker");
    const [entry] = doc.entry;
    expect(entry.id).toBe("https://tracker.example/proposals/reassurance-force/#mention-three");
    expect(entry.title["#text"]).toBe("Reassurance force: new source (Wire)");
    expect(entry.link.map((l: Record<string, string>) => l["@_rel"])).toEqual(["alternate", "via"]);
  });

  it("escapes what XML must not see raw, and what it cannot hold", () => {
    expect(xmlEscape('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(xmlEscape("ok\u0001\uFFFE\uD800end")).toBe("ok\uFFFD\uFFFD\uFFFDend");
    expect(xmlEscape("tab\tnew\nline 😀")).toBe("tab\tnew\nline 😀");
  });

  it("an actor whose name has markup gets a valid feed", () => {
    const feed = itemFeed(model, "actors", "allies");
    if (!feed) throw new Error("no feed");
    const xml = atomFeed(feed, model, SITE, "2025-09-01");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).feed.title["#text"]).toBe("Allies & <Friends>: updates");
  });
});

describe("a proposal with many sources (issue #22, class 11)", () => {
  // 120 sources, the status changing each time: 239 events on one proposal, its proposer and its kind.
  const many = buildModel({
    actors: ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: Array.from({ length: 120 }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      return article(`source-${i}`, day, [proposal({ status: i % 2 === 0 ? "floated" : "proposed" })]);
    }),
  });
  const feeds = [
    ["proposals", "article-5-like-guarantee", "https://tracker.example/proposals/article-5-like-guarantee/sources/"],
    ["actors", "united-states", "https://tracker.example/timeline/actor/united-states/"],
    ["kinds", "collective-defense", "https://tracker.example/timeline/kind/collective-defense/"],
  ] as const;

  it.each(feeds)(
    "bounds the %s feed of %s to the newest 100 events, linking the full history",
    (scope, id, history) => {
      const feed = itemFeed(many, scope, id);
      if (!feed) throw new Error(`no feed for ${scope} ${id}`);
      expect(feed.events).toHaveLength(100);
      expect(feed.events[0]?.mention.article.slug).toBe("source-119");
      const xml = atomFeed(feed, many, SITE, "2020-04-29");
      expect(xml.match(/<entry>/g)).toHaveLength(100);
      expect(xml).toContain(`<link rel="related" type="text/html" href="${history}"`);
    },
  );

  it("keeps a short feed whole, without a history link", () => {
    const feed = itemFeed(model, "proposals", "article-5-like-guarantee");
    if (!feed) throw new Error("no feed");
    expect(feed.history).toBeUndefined();
    expect(atomFeed(feed, model, SITE, "2025-09-01")).not.toContain('rel="related"');
  });
});
