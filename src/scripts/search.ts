/**
 * The search page: runs Pagefind over the query and filters of the form, keeps
 * them in the URL (shareable, back button) and in the document title, and
 * renders results, counts and excerpts. Filters alone, with no query, list
 * their pages newest first. The form itself works without this script: it
 * submits as a plain GET.
 */
import { formatDate } from "../lib/model/dates.ts";
import { resultExcerpt, type ExcerptPart, type ExcerptSource } from "../lib/search/excerpt.ts";
import { PAGEFIND_RANKING } from "../lib/search/ranking.ts";
import {
  hasCriteria,
  looserQuery,
  parseSearchParams,
  SEARCH_FACETS,
  searchTitle,
  toPagefindFilters,
  toSearchParams,
  type SearchState,
} from "../lib/search/params.ts";
import type { NameBlock } from "../lib/search/names.ts";

interface PagefindResultData extends ExcerptSource {
  url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: Record<string, unknown>) => Promise<PagefindSearch | null>;
}

const PAGE = 10;
const EXCERPT_WORDS = 30;
const form = document.querySelector<HTMLFormElement>("#search-form");
const filters = document.querySelector<HTMLDetailsElement>("#search-filters");
const statusEl = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("#search-more");
const chosenCount = document.querySelector<HTMLElement>("#search-filters-chosen");
const pageTitle = document.title;

const TYPE_LABELS: Record<string, string> = {
  proposal: "Proposal",
  article: "Source",
  actor: "Actor",
};
/** How a result says it was found by a name the page does not show. */
const NOTE_WORDS: Record<NameBlock, (name: string) => string> = {
  names: () => "Also known as ",
  kind: (kind) => `Kind: ${kind}, which includes `,
  places: (place) => `Mentions ${place}, also written `,
};

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Under the site's base (GT_SITE with a path), as are the result URLs Pagefind gives.
  const base = typeof __GT_BASE__ === "string" ? __GT_BASE__ : "/";
  const url = `${base}pagefind/pagefind.js`;
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ ranking: PAGEFIND_RANKING, baseUrl: base });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/**
 * The filter index, loaded once the first results are on screen: searches
 * report counts per facet only with it, and at 10,000 articles it is nearly
 * half of what a first search would otherwise wait for.
 */
let filterIndex: Promise<unknown> | undefined;
let filterIndexLoaded = false;
function loadFilterIndex(pf: Pagefind): Promise<unknown> {
  filterIndex ??= pf.filters().then(() => (filterIndexLoaded = true));
  return filterIndex;
}

/** The filter checkboxes: outside the form element, tied to it by their form attribute. */
function checkboxes(f: HTMLFormElement): HTMLInputElement[] {
  return [...f.elements].filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === "checkbox");
}

function stateFromForm(f: HTMLFormElement): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(f)) if (typeof value === "string") params.append(key, value);
  return parseSearchParams(params);
}

function fillForm(f: HTMLFormElement, state: SearchState): void {
  const q = f.elements.namedItem("q");
  if (q instanceof HTMLInputElement) q.value = state.q;
  const sort = f.elements.namedItem("sort");
  if (sort instanceof HTMLSelectElement) sort.value = state.sort;
  for (const box of checkboxes(f)) {
    box.checked = state.filters[box.name as (typeof SEARCH_FACETS)[number]]?.includes(box.value) ?? false;
  }
}

/** The label of each chosen filter, as the form shows it ("Proposals", "Foreign forces, air and sea missions"). */
function chosenLabels(f: HTMLFormElement): string[] {
  return checkboxes(f)
    .filter((box) => box.checked)
    .map((box) => box.closest("label")?.querySelector(".facet-label")?.textContent?.trim() ?? box.value);
}

function updateCounts(f: HTMLFormElement, counts: Record<string, Record<string, number>>): void {
  for (const box of checkboxes(f)) {
    const n = counts[box.name]?.[box.value] ?? 0;
    const badge = box.closest("label")?.querySelector(".count");
    if (badge) badge.textContent = String(n);
    box.closest("li")?.classList.toggle("empty", n === 0 && !box.checked);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Words with their highlights, as text nodes and <mark>s: page text is never parsed as HTML. */
function marked(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => (part.mark ? el("mark", "", part.text) : document.createTextNode(part.text)));
}

/** "Proposal · Foreign forces, air and sea missions · 20 December 2025 · Proposed": one span per item. */
function resultMeta(meta: PagefindResultData["meta"]): HTMLParagraphElement {
  const line = el("p", "result-meta");
  const items: HTMLElement[] = [el("span", "result-type", TYPE_LABELS[meta.type ?? ""] ?? "Page")];
  if (meta.label) items.push(el("span", "result-label", meta.label));
  if (meta.date) items.push(el("span", "date", formatDate(meta.date)));
  if (meta.status) {
    const label = meta.status.charAt(0).toUpperCase() + meta.status.slice(1);
    items.push(el("span", `badge status-${meta.status}`, label));
  }
  items.forEach((item, i) => line.append(...(i > 0 ? [" · ", item] : [item])));
  return line;
}

function renderResult(r: PagefindResultData): HTMLLIElement {
  const li = el("li", "result");
  const title = el("h2", "result-title");
  const link = el("a", "", r.meta.title ?? r.url);
  link.href = r.url;
  title.append(link);
  const excerpt = resultExcerpt(r, EXCERPT_WORDS);
  const text = el("p", "result-excerpt");
  text.append(...(excerpt.cut.before ? ["… "] : []), ...marked(excerpt.parts), ...(excerpt.cut.after ? [" …"] : []));
  li.append(resultMeta(r.meta), title, text);
  for (const note of excerpt.notes) {
    const line = el("p", "result-note");
    line.append(NOTE_WORDS[note.block](note.name));
    // Two names say enough: a kind's prefix match ("peacekeep") may match several.
    note.matched.slice(0, 2).forEach((name, i) => line.append(...(i > 0 ? [", "] : []), ...marked(name)));
    li.append(line);
  }
  return li;
}

let run = 0;
async function search(state: SearchState): Promise<void> {
  if (!form || !statusEl || !list || !more) return;
  const mine = ++run;
  performance.mark("search-start");
  more.hidden = true;
  if (chosenCount) {
    const n = SEARCH_FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
    chosenCount.textContent = n === 0 ? "" : `· ${n} chosen`;
  }
  document.title = searchTitle(state.q, chosenLabels(form)) ?? pageTitle;
  if (!hasCriteria(state)) {
    list.replaceChildren();
    statusEl.textContent = "Type a word or pick a filter to search proposals, sources and actors.";
    return;
  }
  statusEl.textContent = "Searching…";
  const pf = await loadPagefind();
  const query = state.q === "" ? null : state.q;
  const options = {
    filters: toPagefindFilters(state),
    // Filters alone have no relevance to rank by: they list their pages newest first.
    ...(state.sort === "date" || query === null ? { sort: { date: "desc" } } : {}),
  };
  const counted = filterIndexLoaded;
  let searched = query;
  let result = await pf.search(query, options);
  let note = "";
  if (result && result.results.length === 0 && query) {
    const loose = looserQuery(query);
    if (loose) {
      const retry = await pf.search(loose, options);
      if (retry && retry.results.length > 0) {
        result = retry;
        searched = loose;
        note = ` for words starting “${loose}”`;
      }
    }
  }
  if (mine !== run || !result) return;
  const found = result;
  if (counted) updateCounts(form, found.filters);
  const total = found.results.length;
  const about = state.q ? ` for “${state.q}”` : ", newest first";
  let shown = 0;
  const showMore = async (first: boolean) => {
    const slice = await Promise.all(found.results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (mine !== run) return;
    const items = slice.map(renderResult);
    // The old results go in the same frame as the new ones arrive, so the page never collapses in between.
    if (first) list.replaceChildren(...items);
    else list.append(...items);
    shown += slice.length;
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore(false);
  await showMore(true);
  if (mine !== run) return;
  statusEl.textContent =
    total === 0 ? `No results${about}.` : `${total} result${total === 1 ? "" : "s"}${note || about}.`;
  performance.mark("search-results");
  if (!counted) {
    await loadFilterIndex(pf);
    const recount = await pf.search(searched, options);
    if (mine === run && recount) updateCounts(form, recount.filters);
  }
}

function currentState(): SearchState {
  return parseSearchParams(new URLSearchParams(location.search));
}

if (form) {
  const commit = (push: boolean) => {
    const state = stateFromForm(form);
    const qs = toSearchParams(state).toString();
    const url = `${location.pathname}${qs ? `?${qs}` : ""}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
    void search(state);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") {
      clearTimeout(timer);
      timer = setTimeout(() => commit(false), 250);
    }
  });
  const onChange = (event: Event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") return;
    commit(true);
  };
  form.addEventListener("change", onChange);
  filters?.addEventListener("change", onChange);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit(true);
  });
  window.addEventListener("popstate", () => {
    // Following the skip link changes only the fragment: the search stays as it is.
    if (toSearchParams(currentState()).toString() === toSearchParams(stateFromForm(form)).toString()) return;
    const state = currentState();
    fillForm(form, state);
    void search(state);
  });
  form.classList.add("enhanced");
  // Where there is room the filters are shown from the first paint (CSS); opening them says so to assistive
  // technology without moving anything. On a phone they stay folded.
  if (filters && matchMedia("(min-width: 48rem)").matches) filters.open = true;
  const initial = currentState();
  fillForm(form, initial);
  void search(initial);
}
