import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import type { Root } from "hast";
import type { RehypePlugins } from "@astrojs/markdown-remark";
import { visit } from "unist-util-visit";

/**
 * Demotes every heading of an article body by one level (h1 → h2, …, h6
 * stays h6): the page's own h1 and h2 frame the body, so a body never adds a
 * second h1 and its sections nest under "What the source reports".
 */
export function rehypeDemoteHeadings() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) node.tagName = `h${Math.min(6, Number(match[1]) + 1)}`;
    });
  };
}

/**
 * The rehype plugins for article bodies, in order: neutralise what could
 * carry script (event handlers, iframes, javascript: links), demote headings
 * under the page's own, give them `body-` ids and self-links, mark external
 * links rel="noopener noreferrer".
 */
export const rehypePlugins: RehypePlugins = [
  // No clobber prefix from the sanitiser: rehype-slug sets the ids, with its own prefix, after it.
  [rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }],
  rehypeDemoteHeadings,
  // Prefixed so a body heading can never reuse an id of the page around it ("main", "sources").
  [rehypeSlug, { prefix: "body-" }],
  [rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-link"] } }],
  [rehypeExternalLinks, { rel: ["noopener", "noreferrer"] }],
];

/**
 * Options of Astro's unified Markdown processor for article bodies (astro.config.mjs): GitHub Flavored
 * Markdown (Astro's default, remark-gfm), raw HTML never turned into HTML, no SmartyPants (editors type
 * typographic quotes themselves).
 */
export const markdownOptions = {
  rehypePlugins,
  remarkRehype: { allowDangerousHtml: false },
  smartypants: false,
  gfm: true,
} as const;
