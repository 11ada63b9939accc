import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Root } from "hast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { unified, type PluggableList, type Processor } from "unified";
import { visit } from "unist-util-visit";

/**
 * The pieces of GitHub Flavored Markdown, each with the text it cannot do
 * without: a bare URL or e-mail address has "www.", "http://", "https://" or
 * "@", a footnote "[^", strikethrough a tilde, a table a pipe, a task list
 * item "[ ]" or "[x]". Each costs parsing time on every body (the table
 * construct tries every paragraph's first line as a header row; the
 * autolink-literal transform searches every text node), so a body gets only
 * those whose text it contains, and renders exactly as with all of them.
 * In the order of remark-gfm's own extensions (two of them start on "[").
 */
const GFM = {
  // Bare URLs and e-mail addresses are found in the parsed text by the mdast transform rather than by micromark's
  // autolink-literal tokenizer, which tries a construct at nearly every letter (a third of a body's render time).
  autolink: { needs: /www\.|https?:\/\/|@/i, syntax: undefined, tree: gfmAutolinkLiteralFromMarkdown },
  footnote: { needs: /\[\^/, syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  strikethrough: { needs: /~/, syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  table: { needs: /\|/, syntax: gfmTable, tree: gfmTableFromMarkdown },
  taskList: { needs: /\[[\sxX]\]/, syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
} as const satisfies Record<
  string,
  { needs: RegExp; syntax: typeof gfmTable | undefined; tree: typeof gfmTableFromMarkdown }
>;

export type GfmPiece = keyof typeof GFM;
const PIECES = Object.keys(GFM) as GfmPiece[];

/** The GFM pieces a Markdown text may use: those whose characters it contains. */
export function gfmPiecesIn(markdown: string): GfmPiece[] {
  return PIECES.filter((piece) => GFM[piece].needs.test(markdown));
}

/** A remark plugin adding the given pieces of GFM (all of them by default), as remark-gfm would. */
function remarkGfmPieces(this: Processor, pieces: readonly GfmPiece[] = PIECES) {
  const data = this.data();
  for (const piece of pieces) {
    const { syntax, tree } = GFM[piece];
    if (syntax) (data.micromarkExtensions ??= []).push(syntax());
    (data.fromMarkdownExtensions ??= []).push(tree());
  }
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
 * The whole article-body pipeline: Markdown (CommonMark and the given
 * pieces of GFM) parsed by remark, turned into HTML by rehype. Raw HTML never
 * enters the HTML tree (`allowDangerousHtml` is off); the sanitiser guards
 * what remains. No SmartyPants: editors type typographic quotes themselves.
 */
export function bodyProcessor(pieces: readonly GfmPiece[] = PIECES) {
  return unified()
    .use(remarkParse)
    .use(remarkGfmPieces, pieces)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypePlugins)
    .use(rehypeStringify)
    .freeze();
}

/** One processor per set of GFM pieces, made when first needed. */
const processors = new Map<string, ReturnType<typeof bodyProcessor>>();

/**
 * Renders one article body (Markdown, without front matter) to HTML:
 * CommonMark and GFM (tables, strikethrough, task lists, footnotes, bare
 * URLs linked), through a processor with only the GFM pieces it may use.
 */
export function renderBody(markdown: string): string {
  const pieces = gfmPiecesIn(markdown);
  const key = pieces.join();
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = bodyProcessor(pieces)));
  return String(processor.processSync(markdown));
}
