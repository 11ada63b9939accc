import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { formatDate } from "../lib/model/dates.ts";
import { earliestDay } from "../lib/model/dates.ts";
import { getModel } from "../lib/query.ts";
import { termOf, STATUSES } from "../schemas/vocabulary.ts";
import { urls } from "../lib/views/urls.ts";

/** The newest articles with the proposals each reports. */
export async function GET(context: APIContext) {
  const { articles } = await getModel();
  return rss({
    title: "Guarantee Tracker: new sources",
    description: "New reports on security guarantees for Ukraine, with the proposals each reports and their status.",
    site: context.site ?? "https://guarantee-tracker.example",
    items: articles.slice(0, 50).map((a) => ({
      title: a.title,
      link: urls.article(a.slug),
      pubDate: new Date(`${earliestDay(a.source.published)}T00:00:00Z`),
      description: [
        `${a.summary} (${a.source.publisher}, ${formatDate(a.source.published)})`,
        ...a.mentions.map((m) => `${m.title}: ${termOf(STATUSES, m.status).label.toLowerCase()}`),
      ]
        .join(" — ")
        // RSS readers render <description> as HTML: escape it so our text stays text.
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;"),
      categories: [...new Set(a.mentions.map((m) => m.kind))],
    })),
    customData: "<language>en</language>",
  });
}
