/**
 * The search page: runs Pagefind over the query and filters of the form, keeps
 * them in the URL (shareable, back button) and in the document title, and
 * renders results, counts and excerpts. Filters alone, with no query, list
 * their pages newest first. A query whose words Pagefind matched only by a
 * fragment ("to" for "Tomahawk") is retried with the nearest names the site
 * knows, then with its words cut short; failing both, the page says "No exact
 * match" and offers what Pagefind found as suggestions. The form itself works
 * without this script: it submits as a plain GET.
 */
import { formatDate } from "../lib/model/dates.ts";
import { pagefindBasePath, searchAssetUrl } from "../lib/search/assets.ts";
import { resultExcerpt, type ExcerptPart, type ExcerptSource } from "../lib/search/excerpt.ts";
import {
  bareWord,
  correctedQuery,
  namedFirst,
  queryWords,
  resultMatch,
  type ResultMatch,
} from "../lib/search/match.ts";
import { pagefindWords } from "../lib/search/names.ts";
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
  preload: (q: string, o?: Record<string, unknown>) => Promise<void>;
}
interface PagefindModule extends Pagefind {
  createInstance: (o: { basePath: string }) => Pagefind;
}

const PAGE = 10;
/** Suggestions shown when nothing matched as typed: a few, never "more". */
const SUGGESTIONS = 5;
const EXCERPT_WORDS = 30;
const BASE = import.meta.env.BASE_URL;
const form = document.querySelector<HTMLFormElement>("#search-form");
const filters = document.querySelector<HTMLDetailsElement>("#search-filters");
const statusEl = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("#search-more");
const suggestionsArea = document.querySelector<HTMLElement>("#search-suggestions-area");
const suggestionsTitle = document.querySelector<HTMLElement>("#search-suggestions-title");
const suggestionsList = document.querySelector<HTMLOListElement>("#search-suggestions");
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

let bundle: Promise<PagefindModule> | undefined;
let pagefind: Promise<Pagefind> | undefined;
/** Pagefind, loaded once: when the search box is first focused, or at once when the page opens with a search. */
function loadPagefind(): Promise<Pagefind> {
  bundle ??= import(/* @vite-ignore */ searchAssetUrl(BASE, "pagefind")) as Promise<PagefindModule>;
  pagefind ??= bundle.then(async (pf) => {
    await pf.options({ ranking: PAGEFIND_RANKING, baseUrl: BASE });
    await pf.init();
    return pf;
  });
  return pagefind;
}
// A page opened with a search starts Pagefind (its worker, WebAssembly and index) before wiring up the form.
if (hasCriteria(currentState())) void loadPagefind();

/**
 * The facet counts come from a second Pagefind instance, in a worker of its
 * own, with the filter index (236 KB at 10,000 articles) loaded: once that
 * index is loaded, Pagefind counts every facet value over all of a search's
 * results, which took 3 s for "NATO" (3,587 results) at 4× CPU slowdown,
 * so the instance that finds results never loads it unless a filter is
 * chosen. Counts are only fetched while the filters are open: on a phone they
 * are folded until the reader opens them.
 */
let counter: Promise<Pagefind> | undefined;
function loadCounter(): Promise<Pagefind> {
  counter ??= (async () => {
    await loadPagefind();
    const pf = (await bundle) as PagefindModule;
    const instance = pf.createInstance({ basePath: pagefindBasePath(BASE) });
    await instance.filters();
    return instance;
  })();
  return counter;
}

/** The words of every name the site knows (src/pages/search/words.json.ts), fetched the first time a query misses. */
let vocabulary: Promise<string[]> | undefined;
function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetch(searchAssetUrl(BASE, "words"))
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
  return vocabulary;
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

/** A result as a list item; a suggestion (`excerpt` false) shows no excerpt, whose marks would be fragments. */
function renderResult(r: PagefindResultData, excerpt = true): HTMLLIElement {
  const li = el("li", "result");
  const title = el("h2", "result-title");
  const link = el("a", "", r.meta.title ?? r.url);
  link.href = r.url;
  title.append(link);
  li.append(resultMeta(r.meta), title);
  if (!excerpt) return li;
  const shown = resultExcerpt(r, EXCERPT_WORDS);
  const text = el("p", "result-excerpt");
  text.append(...(shown.cut.before ? ["… "] : []), ...marked(shown.parts), ...(shown.cut.after ? [" …"] : []));
  li.append(text);
  for (const note of shown.notes) {
    const line = el("p", "result-note");
    line.append(NOTE_WORDS[note.block](note.name));
    // Two names say enough: a kind's prefix match ("peacekeep") may match several.
    note.matched.slice(0, 2).forEach((name, i) => line.append(...(i > 0 ? [", "] : []), ...marked(name)));
    li.append(line);
  }
  return li;
}

/** One search Pagefind ran: its results, the first page of their data, and whether they match what was typed. */
interface Attempt {
  result: PagefindSearch;
  first: PagefindResultData[];
  match: ResultMatch;
}

async function attempt(pf: Pagefind, q: string, options: Record<string, unknown>, typed: string): Promise<Attempt> {
  const result = (await pf.search(q, options)) ?? { results: [], filters: {} };
  performance.mark("search-found");
  const data = await Promise.all(result.results.slice(0, PAGE).map((r) => r.data()));
  performance.mark("search-data");
  const first = namedFirst(data, q);
  // Pagefind swaps a word with no match for one fragment of it on every page alike: the first result tells.
  const match = first[0] ? resultMatch(first[0], typed) : { strong: false, missing: queryWords(typed) };
  return { result, first, match };
}

/** What a search shows: results for `searched` (with a note when that is not what was typed), or suggestions. */
interface Outcome extends Attempt {
  searched: string | null;
  note: string;
}

/**
 * The query as typed; failing that, each word that matched nothing replaced
 * by the nearest name the site knows ("reasurance", "Зеленский", "Україною");
 * failing that, its words cut short, for an ending no name has ("guarantess").
 * The first whose results match what was asked is shown; else
 * the query's own results, as suggestions.
 */
async function bestSearch(pf: Pagefind, query: string, options: Record<string, unknown>): Promise<Outcome> {
  const typed = await attempt(pf, query, options, query);
  if (typed.match.strong) return { ...typed, searched: query, note: "" };
  const corrected = correctedQuery(query, typed.match.missing, await loadVocabulary());
  if (corrected) {
    const near = await attempt(pf, corrected, options, corrected);
    if (near.match.strong)
      return { ...near, searched: corrected, note: ` for “${corrected}”, the nearest name to “${query}”` };
  }
  const loose = looserQuery(query);
  if (loose) {
    const cut = await attempt(pf, loose, options, query);
    if (cut.match.strong) return { ...cut, searched: loose, note: ` for words starting “${loose}”` };
  }
  return { ...typed, searched: query, note: "" };
}

/** The words Pagefind matched in a result instead of the query's: what a suggestion was found by. */
function fragmentsMatched(r: PagefindResultData): string[] {
  const words = pagefindWords(r.content);
  return [...new Set(r.weighted_locations.map(({ location }) => bareWord(words[location] ?? "")))]
    .filter(Boolean)
    .slice(0, 3);
}

function showSuggestions(query: string, found: readonly PagefindResultData[]): void {
  if (!suggestionsArea || !suggestionsList || !suggestionsTitle) return;
  const shown = found.slice(0, SUGGESTIONS);
  suggestionsArea.hidden = shown.length === 0;
  if (shown.length === 0) {
    suggestionsList.replaceChildren();
    return;
  }
  const words = fragmentsMatched(shown[0] as PagefindResultData).map((w) => `“${w}”`);
  suggestionsTitle.textContent = `Nothing says “${query}”. Nearest in the index, pages with ${words.join(", ")}:`;
  suggestionsList.replaceChildren(...shown.map((r) => renderResult(r, false)));
}

let pendingCounts: { searched: string | null; options: Record<string, unknown>; mine: number } | undefined;
/** Counts per facet for the search, from the counting instance, once the filters are open. */
async function refreshCounts(): Promise<void> {
  if (!form || !filters?.open || !pendingCounts) return;
  const { searched, options, mine } = pendingCounts;
  pendingCounts = undefined;
  const pf = await loadCounter();
  const counted = await pf.search(searched, options);
  if (mine === run && counted) updateCounts(form, counted.filters);
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
    showSuggestions("", []);
    statusEl.textContent = "Type a word or pick a filter to search proposals, sources and actors.";
    return;
  }
  statusEl.textContent = "Searching…";
  const pf = await loadPagefind();
  performance.mark("search-ready");
  const query = state.q === "" ? null : state.q;
  const options = {
    filters: toPagefindFilters(state),
    // Filters alone have no relevance to rank by: they list their pages newest first.
    ...(state.sort === "date" || query === null ? { sort: { date: "desc" } } : {}),
  };
  let outcome: Outcome;
  if (query === null) {
    const result = (await pf.search(null, options)) ?? { results: [], filters: {} };
    const first = await Promise.all(result.results.slice(0, PAGE).map((r) => r.data()));
    outcome = { result, first, match: { strong: true, missing: [] }, searched: null, note: "" };
  } else {
    outcome = await bestSearch(pf, query, options);
  }
  if (mine !== run) return;
  const about = state.q ? ` for “${state.q}”` : ", newest first";
  if (query !== null && !outcome.match.strong) {
    list.replaceChildren();
    showSuggestions(query, outcome.first);
    statusEl.textContent = outcome.first.length === 0 ? `No results${about}.` : `No exact match${about}.`;
    performance.mark("search-results");
    return;
  }
  showSuggestions("", []);
  const found = outcome.result;
  const total = found.results.length;
  let shown = 0;
  const showMore = async (page?: PagefindResultData[]) => {
    const slice = page ?? (await Promise.all(found.results.slice(shown, shown + PAGE).map((r) => r.data())));
    if (mine !== run) return;
    const items = slice.map((r) => renderResult(r));
    // The old results go in the same frame as the new ones arrive, so the page never collapses in between.
    if (page) list.replaceChildren(...items);
    else list.append(...items);
    shown += slice.length;
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore();
  await showMore(outcome.first);
  if (mine !== run) return;
  statusEl.textContent =
    total === 0 ? `No results${about}.` : `${total} result${total === 1 ? "" : "s"}${outcome.note || about}.`;
  performance.mark("search-results");
  // With a filter chosen, this instance loaded the filter index to apply it and counted already.
  if (Object.keys(found.filters).length > 0) {
    updateCounts(form, found.filters);
  } else {
    pendingCounts = { searched: outcome.searched, options, mine };
    void refreshCounts();
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
  const box = form.querySelector<HTMLInputElement>("#search-q");
  // Loading starts as the reader reaches for the box, and each word's index chunks as it is typed.
  box?.addEventListener("focus", () => void loadPagefind(), { once: true });
  form.addEventListener("input", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") {
      const typed = event.target.value.trim();
      if (typed !== "") void loadPagefind().then((pf) => pf.preload(typed));
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
  filters?.addEventListener("toggle", () => void refreshCounts());
  const initial = currentState();
  fillForm(form, initial);
  void search(initial);
}
