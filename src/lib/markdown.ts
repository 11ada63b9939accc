import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Root } from "hast";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { unified, type PluggableList, type Processor } from "unified";
import { visit } from "unist-util-visit";

/**
 * GitHub Flavored Markdown, as remark-gfm gives it, but for one piece: bare
 * URLs and e-mail addresses are found in the parsed text by the GFM mdast
 * transform (mdast-util-gfm) rather than by micromark's autolink-literal
 * tokenizer, which tries a construct at nearly every letter and took over a
 * third of the time of a whole body render. Tables, strikethrough, task lists
 * and footnotes are the same micromark extensions remark-gfm uses.
 */
export function remarkGfmFast(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

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
 * The rehype plugins for article bodies, in order: neutralise raw HTML
 * (scripts, event handlers, iframes), demote headings under the page's own,
 * give them ids and self-links, mark external links rel="noopener noreferrer".
 */
export const rehypePlugins: PluggableList = [
  // No clobber prefix from the sanitiser: rehype-slug sets the ids, with its own prefix, after it.
  [rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }],
  rehypeDemoteHeadings,
  // Prefixed so a body heading can never reuse an id of the page around it ("main", "sources").
  [rehypeSlug, { prefix: "body-" }],
  [rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-link"] } }],
  [rehypeExternalLinks, { rel: ["noopener", "noreferrer"] }],
];

/**
 * The whole article-body pipeline: Markdown (CommonMark and GFM: tables,
 * strikethrough, task lists, footnotes, bare URLs linked) parsed by remark,
 * turned into HTML by rehype. Raw HTML never enters the HTML tree
 * (`allowDangerousHtml` is off); the sanitiser guards what remains.
 * No SmartyPants: editors type typographic quotes themselves.
 */
const bodyProcessor = unified()
  .use(remarkParse)
  .use(remarkGfmFast)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypePlugins)
  .use(rehypeStringify)
  .freeze();

/** Renders one article body (Markdown, without front matter) to HTML. */
export function renderBody(markdown: string): string {
  return String(bodyProcessor.processSync(markdown));
}
