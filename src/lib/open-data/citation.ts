import type { Actor } from "../../schemas/actor.ts";
import { earliestDay, formatDate, latestOf, startOf, type PartialDate } from "../model/dates.ts";
import type { ArticleView, Proposal } from "../model/model.ts";
import { DATA_LICENSE, SITE_NAME } from "./tables.ts";
import { urls } from "../views/urls.ts";

/**
 * Citations of the site's permalinks: the text a reader pastes, the BibTeX,
 * RIS and CSL-JSON files reference managers import, and the citation_* /
 * Dublin Core meta tags they read from the page. Each is a web page whose
 * publisher is the site, with no author (a reference manager would split the
 * site's name into a person's first and last name); the date is the
 * publication date of the latest source the page reports ("as of"), never
 * the date of an event a source reports. The files give the build's date as
 * the access date when the build records one (SOURCE_DATE_EPOCH): the page
 * read on or after that day is the page of that build. Otherwise, and in the
 * pasted text, the access date is left to the reader.
 */

export type CiteScope = "proposals" | "articles" | "actors";
export type CiteFormat = "bib" | "ris" | "csl.json";
export const CITE_FORMATS: readonly CiteFormat[] = ["bib", "ris", "csl.json"];

/** The anchor of the citation block on a page, which the "Cite" link near its top points to. */
export const CITE_ANCHOR = "cite-this-page";

/** What a citation of one page says. */
export interface Citable {
  scope: CiteScope;
  id: string;
  /** The stable title: the registry's for a proposal, our headline for an article, the name for an actor. */
  title: string;
  /** The permalink's path. */
  path: string;
  /** The publication date of the latest source the page reports. */
  asOf: PartialDate;
  /** The date of the first mention, when the page has one (an event date). */
  since?: PartialDate;
}

/** A proposal's citation: its registry title, as of its latest source's publication. */
export function proposalCitable(p: Proposal): Citable {
  return {
    scope: "proposals",
    id: p.id,
    title: p.title,
    path: urls.proposal(p.id),
    asOf: p.asOf,
    since: p.first.date,
  };
}

/** An article page's citation: our headline, as of its source's publication. */
export function articleCitable(a: ArticleView): Citable {
  return {
    scope: "articles",
    id: a.slug,
    title: a.title,
    path: urls.article(a.slug),
    asOf: a.source.published,
    since: a.source.published,
  };
}

/** An actor page's citation, as of the latest publication of `sources` involving the actor (undefined when none does). */
export function actorCitable(actor: Actor, sources: readonly ArticleView[]): Citable | undefined {
  const asOf = latestOf(
    sources.filter((a) => a.mentions.some((m) => m.parts.has(actor.id))).map((a) => a.source.published),
  );
  if (asOf === undefined) return undefined;
  return {
    scope: "actors",
    id: actor.id,
    title: `${actor.name}: proposals and positions on security guarantees for Ukraine`,
    path: urls.actor(actor.id),
    asOf,
  };
}

/** Whitespace runs (newlines included) as one space: every format here is one line per field. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const permalink = (c: Citable, site: URL) => new URL(c.path, site).href;

/** The citation as a reader pastes it, the access date left for them to fill in. */
export function citationText(c: Citable, site: URL): string {
  return `“${oneLine(c.title)}.” ${SITE_NAME}, as of ${formatDate(c.asOf)}. ${permalink(c, site)} (accessed [date]).`;
}

/** The citation key of a page: `gt-proposal-<id>`, `gt-article-<slug>`, `gt-actor-<id>`. */
export function citationKey(c: Citable): string {
  return `gt-${c.scope.replace(/s$/, "")}-${c.id}`;
}

/** A date's numbers, of its start for a range (`2024-06-16/2024-06-30~` → 2024, 6, 16): what one-date fields hold. */
const dateParts = (d: PartialDate) => startOf(d).split("-").map(Number);

/**
 * A date as CSL-JSON's date object: `date-parts` holds the start, and for a
 * range also the end (each as precise as written); `circa` marks an
 * approximate (`~`) or uncertain (`?`) date, which CSL has no other word for.
 */
export function cslDate(d: PartialDate): { "date-parts": number[][]; circa?: true } {
  const [from, to] = d.split("/") as [string, string?];
  const parts = (end: string) => end.replace(/[~?]$/, "").split("-").map(Number);
  return {
    "date-parts": to === undefined ? [parts(from)] : [parts(from), parts(to)],
    ...(/[~?]/.test(d) ? { circa: true as const } : {}),
  };
}

/** The citation as CSL-JSON (a list of one item), the form citation processors and Zotero read. */
export function citationCsl(c: Citable, site: URL, accessed?: PartialDate): Record<string, unknown>[] {
  return [
    {
      id: citationKey(c),
      type: "webpage",
      title: oneLine(c.title),
      "container-title": SITE_NAME,
      publisher: SITE_NAME,
      URL: permalink(c, site),
      issued: cslDate(c.asOf),
      ...(accessed ? { accessed: cslDate(accessed) } : {}),
      note: `As of ${formatDate(c.asOf)}. Data licence: ${DATA_LICENSE.title}.`,
    },
  ];
}

/** Text as a BibTeX value: TeX's special characters escaped, Unicode kept (biber and bibtexu read UTF-8). */
export function bibtexEscape(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\{}%&$#_~^]/g, (ch) => {
        if (ch === "\\") return "\\textbackslash{}";
        if (ch === "~") return "\\textasciitilde{}";
        if (ch === "^") return "\\textasciicircum{}";
        return `\\${ch}`;
      })
      // TeX's ligatures would turn `--` into a dash, ``` `` ``` and `''` into curly quotes, ``?` `` into `¿`:
      // an empty group between the characters keeps them as written.
      .replace(/([-`'])(?=\1)|([?!])(?=`)/g, "$1$2{}")
  );
}

/**
 * The citation as a biblatex @online entry: the site as its organization
 * (biblatex's publisher of a web page), the title in double braces so styles
 * keep its capitals, `urldate` when an access date is known.
 */
export function citationBibtex(c: Citable, site: URL, accessed?: PartialDate): string {
  const fields: [string, string][] = [
    ["title", `{${bibtexEscape(c.title)}}`],
    ["organization", SITE_NAME],
    ["date", c.asOf],
    ["url", permalink(c, site).replace(/[{}]/g, "")],
    ...(accessed ? ([["urldate", accessed]] as [string, string][]) : []),
    ["note", `As of ${formatDate(c.asOf)}`],
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}},`).join("\n");
  return `@online{${citationKey(c)},\n${body}\n}\n`;
}

/**
 * A date as RIS writes it: 2025/08/16/, 2025/08//, 2025///; a range or an
 * approximate date by its start, with the date in words as the part after
 * the last slash (RIS's "other information").
 */
function risDate(d: PartialDate): string {
  const [year, month, day] = dateParts(d);
  const pad = (n: number | undefined) => (n === undefined ? "" : String(n).padStart(2, "0"));
  return `${year}/${pad(month)}/${pad(day)}/${startOf(d) === d ? "" : formatDate(d)}`;
}

/**
 * The citation as RIS (type ELEC, a web page), lines ending in CRLF: the site
 * as publisher (PB) and website title (T2), the date in DA, and the access
 * date, when known, in Y2, the field Zotero's and EndNote's importers read
 * it from.
 */
export function citationRis(c: Citable, site: URL, accessed?: PartialDate): string {
  const lines = [
    ["TY", "ELEC"],
    ["ID", citationKey(c)],
    ["TI", oneLine(c.title)],
    ["T2", SITE_NAME],
    ["PB", SITE_NAME],
    ["PY", String(dateParts(c.asOf)[0])],
    ["DA", risDate(c.asOf)],
    ...(accessed ? [["Y2", risDate(accessed)]] : []),
    ["UR", permalink(c, site)],
    ["N1", `As of ${formatDate(c.asOf)}`],
    ["ER", ""],
  ];
  return `${lines.map(([tag, value]) => `${tag}  - ${value}`).join("\r\n")}\r\n`;
}

/** One citation file's text and media type. */
export function citationFile(
  c: Citable,
  format: CiteFormat,
  site: URL,
  accessed?: PartialDate,
): { body: string; type: string } {
  if (format === "bib") return { body: citationBibtex(c, site, accessed), type: "application/x-bibtex; charset=utf-8" };
  if (format === "ris")
    return { body: citationRis(c, site, accessed), type: "application/x-research-info-systems; charset=utf-8" };
  return {
    body: `${JSON.stringify(citationCsl(c, site, accessed), null, 2)}\n`,
    type: "application/vnd.citationstyles.csl+json",
  };
}
/** A date as Highwire Press's citation_* tags write it: 2025/08/16, 2025/08 or 2025 (a range's start). */
const highwireDate = (d: PartialDate) => startOf(d).replace(/-/g, "/");

/**
 * The <meta name content> pairs reference managers read: Highwire Press
 * citation_* and Dublin Core. The site is the publisher; no author or
 * creator tag names it, since readers take those for a person.
 */
export function citationMeta(c: Citable, site: URL): { name: string; content: string }[] {
  const url = permalink(c, site);
  return [
    { name: "citation_title", content: oneLine(c.title) },
    { name: "citation_publisher", content: SITE_NAME },
    { name: "citation_date", content: highwireDate(c.asOf) },
    { name: "citation_public_url", content: url },
    { name: "citation_language", content: "en" },
    { name: "DC.title", content: oneLine(c.title) },
    { name: "DC.publisher", content: SITE_NAME },
    { name: "DC.date", content: startOf(c.asOf) },
    { name: "DC.identifier", content: url },
    { name: "DC.type", content: "Text" },
    { name: "DC.format", content: "text/html" },
    { name: "DC.language", content: "en" },
    { name: "DC.rights", content: `${DATA_LICENSE.title} (${DATA_LICENSE.url})` },
  ];
}

/** The citation downloads of a page, for the Citation component. */
export function citationDownloads(c: Citable): { format: CiteFormat; label: string; href: string }[] {
  const labels: Record<CiteFormat, string> = { bib: "BibTeX", ris: "RIS", "csl.json": "CSL-JSON" };
  return CITE_FORMATS.map((format) => ({ format, label: labels[format], href: urls.cite(c.scope, c.id, format) }));
}

/** The first day of a partial date as an ISO date-time (article:modified_time and the like). */
export function isoDateTime(d: PartialDate): string {
  return `${earliestDay(d)}T00:00:00Z`;
}
