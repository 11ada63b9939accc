import type { RehypePlugins } from "@astrojs/markdown-remark";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";

/**
 * The rehype pipeline for article bodies, in order: neutralise raw HTML
 * (scripts, event handlers, iframes), give headings ids and self-links, mark
 * external links rel="noopener noreferrer". GFM is on in the processor.
 */
export const rehypePlugins: RehypePlugins = [
  // Keep heading ids un-prefixed: rehype-slug sets them after sanitising.
  [rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }],
  rehypeSlug,
  [rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-link"] } }],
  [rehypeExternalLinks, { rel: ["noopener", "noreferrer"] }],
];
