import type { AstroIntegration, AstroPrerenderer, PrerenderResult } from "astro";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";
import { inOrder, type InOrder } from "../lib/in-order.ts";
import { wrapPrerenderer } from "./prerenderer.ts";

const NAME = "guarantee-tracker:pagefind";

/**
 * The pages Pagefind indexes: only the page types that carry
 * `data-pagefind-body`. Pagefind would otherwise parse every timeline, table
 * and source-list page only to drop it. A pathname, without its trailing slash.
 */
const INDEXED = /^\/(?:articles|proposals|actors)\/[^/]+$/;
const key = (pathname: string) => pathname.replace(/\/+$/, "");

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** One build's indexing: pages go to Pagefind as they render, in page order. */
interface Feed {
  index: Index;
  order?: InOrder<string | null>;
  /** The Pagefind calls so far, one after another. */
  adding: Promise<void>;
  added: number;
  errors: string[];
}

/**
 * Indexes the built site with Pagefind's Node API. Pages opt in with
 * `data-pagefind-body`; the index goes to `dist/pagefind/`.
 *
 * Pagefind parses each indexed page while Astro renders the next ones (its
 * binary is a process of its own), rather than reading them all back from
 * disk at the end. Astro renders several pages at once, so they are handed
 * over in the prerenderer's page order (in-order.ts), and the index is the
 * same from build to build. A page that was not rendered here is read from
 * the output.
 */
export function pagefindIndex(): AstroIntegration {
  let feed: Feed | undefined;

  const add = (url: string, content: string) => {
    const into = feed!;
    into.adding = into.adding.then(async () => {
      const { errors } = await into.index.addHTMLFile({ url, content });
      if (errors.length > 0) into.errors.push(`${url}: ${errors.join("; ")}`);
      else into.added++;
    });
  };

  const wrap = (inner: AstroPrerenderer): AstroPrerenderer => ({
    ...inner,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      const keys = paths.map((p) => key(p.pathname)).filter((k) => INDEXED.test(k));
      feed!.order = inOrder(keys, (k, html) => html !== null && add(`${k}/`, html));
      return paths;
    },
    render: async (request, options) => {
      const result = await inner.render(request, options);
      const order = feed?.order;
      const page = key(new URL(request.url).pathname);
      if (!order?.has(page)) return result;
      const { response } = result instanceof Response ? { response: result } : result;
      if (!response.ok) {
        order.arrive(page, null);
        return result;
      }
      const html = await response.text();
      order.arrive(page, html);
      const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : ({ ...result, response: copy } satisfies PrerenderResult);
    },
  });

  return {
    name: NAME,
    hooks: {
      "astro:build:start": async ({ setPrerenderer }) => {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        feed = { index, adding: Promise.resolve(), added: 0, errors: [] };
        wrapPrerenderer(setPrerenderer, NAME, wrap);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        if (!feed?.order) throw new Error("Pagefind saw no pages: the build's prerenderer was not wrapped");
        for (const page of feed.order.finish()) {
          const file = path.join(site, page, "index.html");
          add(`${page}/`, await readFile(file, "utf8"));
        }
        await feed.adding;
        if (feed.errors.length > 0) throw new Error(`Pagefind indexing failed: ${feed.errors.join("; ")}`);
        const written = await feed.index.writeFiles({ outputPath: path.join(site, "pagefind") });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join("; ")}`);
        await pagefind.close();
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${feed.added} pages (${ms} ms after the last page rendered)`);
        feed = undefined;
      },
    },
  };
}
