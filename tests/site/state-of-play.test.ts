import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate, withApproximate } from "../../src/lib/model/dates.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { stanceWhenWords } from "../../src/lib/views/change-words.ts";
import { differingSources, proposerConditions, reportedAs, stanceAge } from "../../src/lib/views/proposal-page.ts";
import { countByStatus } from "../../src/lib/views/page-views.ts";
import { REPORTED_AS_SHOWN } from "../../src/lib/views/page-sizes.ts";
import { EVIDENCE, STANCES, STATUSES, termOf } from "../../src/schemas/vocabulary.ts";
import { launchChromium } from "../support/browser.ts";
import { loadModel } from "../support/model.ts";
import { serveStatic } from "../support/server.ts";
import { DIST } from "../support/site.ts";

/**
 * Issue #17, as a reader meets it in the built site: every proposal page
 * states its current status with the source, date and evidence behind it,
 * says where sources differ, gives each actor's latest stance with its age,
 * and links its labels to their definitions; the home page's counts and the
 * pages they link to agree; who speaks for whom shows on actor pages.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof serveStatic>>;
let model: Model;

const text = (selector: string) => page.locator(selector).first().innerText();
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
/** A date as DateLabel prints it: "c." before an inferred one. */
const shown = (date: string, approximate = false) => formatDate(withApproximate(date, approximate));

beforeAll(async () => {
  model = loadModel("content");
  [browser, server] = await Promise.all([launchChromium(), serveStatic(DIST)]);
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("the permalink answers: where does the US Article 5-like offer stand, and who opposes it?", () => {
  it("gives the current status with its source, evidence grade and dates, and who stands where", async () => {
    const p = model.proposalById.get("article-5-like-guarantee");
    if (!p) throw new Error("no article-5-like-guarantee");
    await page.goto(`${server.url}/proposals/${p.id}/`);
    expect(await text("h1")).toBe(p.title);
    const state = squash(await text(".state-of-play"));
    const source = p.state.source;
    // "As of" is the latest source's publication; the event a source reports is labelled apart.
    expect(state).toContain(
      `${termOf(STATUSES, p.status).label} — as of ${shown(p.asOf)}, per ${source.article.source.publisher}`,
    );
    if (source.evidence) expect(state).toContain(termOf(EVIDENCE, source.evidence).label);
    if (source.article.source.published !== p.asOf) {
      expect(state).toContain(`published ${shown(source.article.source.published, source.article.source.approximate)}`);
    }
    if (source.date !== source.article.source.published) {
      expect(state).toContain(`reporting events of ${shown(source.date, source.approximate)}`);
    }
    const opposed = p.stances.filter((s) => s.position.stance === "opposes");
    if (opposed.length === 0) expect(state).toContain("No opposition recorded in");
    for (const s of p.stances) expect(state).toContain(model.actorById.get(s.actor)?.name);
  });
});

describe("the lead's words on the real corpus: Ukraine's NATO bid", () => {
  it("puts Ukraine's condition beside the status and says the move out of 'rejected' as contested, not progress", async () => {
    const p = model.proposalById.get("ukraine-nato-membership");
    if (!p) throw new Error("no ukraine-nato-membership");
    await page.goto(`${server.url}/proposals/${p.id}/`);
    const state = squash(await text(".state-of-play"));
    const conditions = proposerConditions(p, (id) => model.actorById.get(id)?.represents);
    expect(conditions.map((c) => c.actor)).toContain("ukraine");
    expect(squash(await text(".state-of-play .conditions"))).toMatch(/^Ukraine.*, a proposer: ◐ Conditional — /);
    expect(state).toMatch(/Contested: rejected per .*; proposed per .*\. A move out of an end state, not progress/);
    expect(state).not.toMatch(/moved from rejected/i);
    await page.goto(`${server.url}/`);
    expect(squash(await page.locator("main").innerText())).not.toMatch(/moved from rejected to proposed/i);
  });
});

describe("every proposal page", () => {
  it("states the current status with its source, and says where sources differ, each with status and evidence", async () => {
    for (const p of model.proposals) {
      await page.goto(`${server.url}/proposals/${p.id}/`);
      expect(await text("h1"), p.id).toBe(p.title);
      const state = squash(await text(".state-of-play"));
      expect(state, p.id).toContain(`as of ${shown(p.asOf)}, per ${p.state.source.article.source.publisher}`);
      // A proposer's conditional stance stands beside the status, with its condition and dates.
      for (const c of proposerConditions(p, (id) => model.actorById.get(id)?.represents)) {
        const line = squash(await page.locator(".state-of-play .conditions").innerText());
        expect(line, p.id).toContain(`${model.actorById.get(c.actor)?.name ?? c.actor}`);
        expect(line, p.id).toContain(`${c.position.note ?? ""}`);
        expect(line, p.id).toContain(stanceWhenWords(c));
      }
      const note = page.locator(".sources-differ");
      expect(await note.count(), p.id).toBe(p.state.differs.length > 0 ? 1 : 0);
      if (p.state.differs.length === 0) continue;
      const items = await note.locator("li").allInnerTexts();
      const listed = differingSources(p.state).slice(0, items.length);
      expect(items.length, p.id).toBe(Math.min(6, p.state.differs.length));
      listed.forEach(({ mention, words }, i) => {
        const item = squash(items[i] ?? "");
        expect(item, p.id).toContain(termOf(STATUSES, mention.status).label);
        expect(item, p.id).toContain(mention.article.source.publisher);
        if (mention.evidence) expect(item, p.id).toContain(termOf(EVIDENCE, mention.evidence).label);
        // In the words of what changed: a step back or out of an end state is contested, never progress.
        expect(item, p.id).toContain(words);
        expect(item, p.id).toMatch(/Contested: |Sources differ: /);
        expect(item, p.id).not.toContain("Status moved from");
      });
    }
  });

  it("gives each actor's latest stance with its source, age, condition and speaker", async () => {
    for (const p of model.proposals.filter((x) => x.stances.length > 0)) {
      await page.goto(`${server.url}/proposals/${p.id}/`);
      const items = page.locator("#positions ~ .stances > li");
      expect(await items.count(), p.id).toBe(p.stances.length);
      for (const [i, s] of p.stances.entries()) {
        const item = items.nth(i);
        const words = squash(await item.innerText());
        expect(words, p.id).toContain(model.actorById.get(s.actor)?.name);
        expect(words, p.id).toContain(termOf(STANCES, s.position.stance).label);
        expect(words, p.id).toContain(`Per ${s.source.article.source.publisher}`);
        // Dated by its own date when it has one: "stated 18 December 2025, reported 20 December 2025".
        expect(words, `${p.id} ${s.actor}`).toContain(stanceWhenWords(s));
        const age = stanceAge(s);
        if (age) expect(words, `${p.id} ${s.actor}`).toContain(age);
        if (s.position.stance === "conditional") expect(words, p.id).toContain(`Condition: ${s.position.note}`);
        if (s.position.speaker) {
          expect(await item.locator(`a[href="/actors/${s.position.speaker}/"]`).count(), p.id).toBeGreaterThan(0);
        }
      }
    }
  });

  it("shows how each source worded it, the registry's links, and both dates of a source", async () => {
    for (const p of model.proposals) {
      await page.goto(`${server.url}/proposals/${p.id}/`);
      const aka = reportedAs(p);
      if (aka.length > 0) {
        const line = squash(await text(".reported-as"));
        for (const { title } of aka.slice(0, REPORTED_AS_SHOWN)) expect(line, p.id).toContain(`“${title}”`);
        if (aka.length > REPORTED_AS_SHOWN) {
          expect(line, p.id).toContain(`and ${aka.length - REPORTED_AS_SHOWN} more wordings`);
        }
      }
      for (const link of p.links) {
        expect(await page.locator(`#related ~ .links a[href="/proposals/${link.id}/"]`).count(), p.id).toBe(1);
      }
      const sources = squash(await text(".sources"));
      const latest = p.mentions.at(-1);
      if (latest && latest.date !== latest.article.source.published) {
        expect(sources, p.id).toContain(
          `Published ${shown(latest.article.source.published, latest.article.source.approximate)} · reports ${shown(latest.date, latest.approximate)}`,
        );
      }
    }
  });

  it("links every status badge, evidence grade and stance to its definition", async () => {
    await page.goto(`${server.url}/proposals/ukraine-nato-membership/`);
    const labels = await page
      .locator("main a.badge, main a.evidence, main a.stance")
      .evaluateAll((els) =>
        els.map((el) => ({ href: el.getAttribute("href") ?? "", title: el.getAttribute("title") ?? "" })),
      );
    expect(labels.length).toBeGreaterThan(5);
    // A linked label carries no tooltip (it leads to the definition, and pages stay light); the definition is there.
    for (const { href } of labels) expect(href).toMatch(/^\/about\/#(status|evidence|stance)-[a-z-]+$/);
    await page.goto(`${server.url}/about/`);
    for (const href of new Set(labels.map((l) => l.href))) {
      const definition = page.locator(`#${href.split("#")[1]}`);
      expect(await definition.count(), href).toBe(1);
      expect(squash(await definition.innerText()).length, href).toBeGreaterThan(20);
    }
  });
});

describe("one definition, one count", () => {
  it("the home page counts proposals by current status and links to the list of exactly those", async () => {
    await page.goto(`${server.url}/`);
    const links = await page
      .locator("#by-status ~ .counts a")
      .evaluateAll((els) =>
        els.map((a) => ({ href: a.getAttribute("href") ?? "", count: Number(a.querySelector(".count")?.textContent) })),
      );
    const expected = countByStatus(model.proposals).filter((s) => s.count > 0);
    expect(links).toEqual(expected.map((s) => ({ href: `/proposals/status/${s.status}/`, count: s.count })));
    for (const { href, count } of links) {
      await page.goto(`${server.url}${href}`);
      expect(await page.locator("table.proposals tbody tr").count(), href).toBe(count);
    }
  });

  it("the timeline's status filter says it is the status in that source", async () => {
    await page.goto(`${server.url}/timeline/`);
    const titles = await page.locator(".filter-title").allTextContents();
    expect(titles.map(squash)).toContain("Status in that source");
  });

  it("the home page gives one entry per proposal, so the main development is not pushed off by one source", async () => {
    await page.goto(`${server.url}/`);
    const hrefs = await page
      .locator(".state-list-title a")
      .evaluateAll((els) => els.map((a) => a.getAttribute("href")));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs).toContain("/proposals/article-5-like-guarantee/");
  });
});

describe("who is who", () => {
  it("a person's page links whom they represent and shows what they said; the state's page has it, through them", async () => {
    const quoted = model.actors.find(
      (a) =>
        a.type === "person" && a.represents && model.proposals.some((p) => p.quotes.some((q) => q.speaker_id === a.id)),
    );
    if (!quoted?.represents) throw new Error("no quoted person who represents someone");
    await page.goto(`${server.url}/actors/${quoted.id}/`);
    expect(await page.locator(`.facts a[href="/actors/${quoted.represents}/"]`).count()).toBe(1);
    const said = model.proposals.flatMap((p) => p.quotes.filter((q) => q.speaker_id === quoted.id));
    const quotes = await page.locator("#quotes ~ .quotes blockquote").allInnerTexts();
    for (const q of said) expect(quotes.map(squash)).toContain(squash(q.text));

    await page.goto(`${server.url}/actors/${quoted.represents}/`);
    expect(await page.locator(`.facts a[href="/actors/${quoted.id}/"]`).count()).toBe(1);
    const captions = (await page.locator("#quotes ~ .quotes figcaption").allInnerTexts()).map(squash);
    expect(captions.some((c) => c.startsWith(`Through ${quoted.name}`))).toBe(true);
  });

  it("a coalition lists its members, and a member's page lists the coalition's proposals through it", async () => {
    const coalition = model.actors.find((a) => a.type === "coalition" && a.members && model.involvement.has(a.id));
    const member = coalition?.members?.[0];
    if (!coalition || !member) throw new Error("no coalition with members and proposals");
    await page.goto(`${server.url}/actors/${coalition.id}/`);
    for (const id of coalition.members ?? []) {
      expect(await page.locator(`.facts a[href="/actors/${id}/"]`).count(), id).toBe(1);
    }
    await page.goto(`${server.url}/actors/${member}/`);
    const throughCoalition = [...(model.involvement.get(member)?.proposals ?? [])].filter(([, part]) =>
      part.via.has(coalition.id),
    );
    expect(throughCoalition.length).toBeGreaterThan(0);
    for (const [id] of throughCoalition) {
      const row = page.locator("table.proposals tbody tr", { has: page.locator(`a[href="/proposals/${id}/"]`) });
      expect(squash(await row.innerText()), id).toContain(`through ${coalition.name} (as a member)`);
    }
  });
});
