import { getCollection } from "astro:content";
import { checkLoaded } from "./content/corpus.ts";
import { CONTENT_DIR } from "./content/files.ts";
import { ContentError } from "./content/problems.ts";
import { todayUtc } from "./content/rules.ts";
import { allEvents, type FeedEvent } from "./open-data/feeds.ts";
import { buildModel, type Model } from "./model/model.ts";
import { buildTime, openData, type OpenData } from "./open-data/tables.ts";
import { dataFiles } from "./open-data/package.ts";
import { dataDownloads } from "./open-data/downloads.ts";
import { filterOptions, filterPairs } from "./views/timeline.ts";
import { once, oncePerSite } from "./once.ts";

/**
 * The merged model, built once per build from the three collections. Every
 * page reads it from here, so no page scans a collection by itself.
 */
export const getModel = once(async (): Promise<Model> => {
  const [articles, actors, kinds, registry, places] = await Promise.all([
    getCollection("articles"),
    getCollection("actors"),
    getCollection("kinds"),
    getCollection("proposals"),
    getCollection("places"),
  ]);
  // Under astro dev the integration's watcher serves the report instead of any page while the files are
  // broken, and the loaders re-read a save a moment after it: a check here would race them.
  if (typeof __GT_CHECK_LOADED__ === "boolean" && __GT_CHECK_LOADED__) {
    // What is built is what the loaders read: the rules across files are checked on it, not only on the
    // files as validation read them moments earlier (src/lib/content/corpus.ts, checkLoaded).
    const problems = checkLoaded(
      {
        articles: articles.map((a) => ({
          file: a.filePath ?? `${CONTENT_DIR}/articles/${a.id}`,
          slug: a.id,
          data: a.data,
        })),
        actors: actors.map((a) => a.data),
        kinds: kinds.map((k) => k.data),
        proposals: registry.map((p) => p.data),
        places: places.map((p) => p.data),
      },
      { today: todayUtc(), dir: CONTENT_DIR },
    );
    if (problems.length > 0) throw new ContentError(problems);
  }
  return buildModel({
    articles: articles.map((a) => ({ slug: a.id, data: a.data })),
    actors: actors.map((a) => a.data),
    kinds: kinds.map((k) => k.data),
    registry: registry.map((p) => p.data),
    places: places.map((p) => p.data),
  });
});

/** The open data (tables, stamp) for the site's address, built once per build for every data endpoint. */
export const getOpenData = oncePerSite(async (site): Promise<OpenData> =>
  openData(await getModel(), site, process.env.SOURCE_DATE_EPOCH),
);

/** The day of this build when it records one (SOURCE_DATE_EPOCH): citations give it as their access date. */
export function getBuildDay(): string | undefined {
  return buildTime(process.env.SOURCE_DATE_EPOCH)?.slice(0, 10);
}

/** Every file of /data/ by name, its text built once per build. */
export const getDataFiles = oncePerSite(async (site) => dataFiles(await getOpenData(site)));

/** The binary downloads of /data/ (workbook, archive, codebook), built once per build. */
export const getDataDownloads = oncePerSite(async (site) =>
  dataDownloads(await getOpenData(site), await getDataFiles(site)),
);

/** Every feed event of the corpus, newest first, computed once per build for all the feeds. */
export const getFeedEvents = once(async (): Promise<FeedEvent[]> => allEvents(await getModel()));

/** The timeline's filter options with counts, computed once per build. */
export const getFilterOptions = once(async () => filterOptions(await getModel()));

/** The timeline's filter pairs (kind × status, kind × year, actor × year), computed once per build. */
export const getFilterPairs = once(async () => filterPairs(await getModel()));
