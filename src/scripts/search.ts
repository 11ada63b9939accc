/**
 * The search page: runs Pagefind over the query and facets of the form, keeps
 * them in the URL (shareable, back button), and renders results and counts.
 * The form itself works without this script: it submits as a plain GET.
 */
import { formatDate } from "../lib/dates.ts";
import {
  hasCriteria,
  looserQuery,
  parseSearchParams,
  SEARCH_FACETS,
  toPagefindFilters,
  toSearchParams,
  type SearchState,
} from "../lib/search-params.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: Record<string, unknown>) => Promise<PagefindSearch | null>;
  debouncedSearch: (q: string | null, o: Record<string, unknown>, ms: number) => Promise<PagefindSearch | null>;
}

const PAGE = 10;
const form = document.querySelector<HTMLFormElement>("#search-form");
const statusEl = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("#search-more");

const TYPE_LABELS: Record<string, string> = {
  proposal: "Proposal",
  article: "Source",
  actor: "Actor",
};

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  const url = "/pagefind/pagefind.js";
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    await pf.init();
    // Loads the filter index; without it, searches report no counts per facet.
    await pf.filters();
    return pf;
  });
  return pagefind;
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
  for (const box of f.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
    box.checked = state.filters[box.name as (typeof SEARCH_FACETS)[number]]?.includes(box.value) ?? false;
  }
}

function updateCounts(f: HTMLFormElement, counts: Record<string, Record<string, number>>): void {
  for (const box of f.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
    const n = counts[box.name]?.[box.value] ?? 0;
    const badge = box.parentElement?.querySelector(".count");
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

function renderResult(r: PagefindResultData): HTMLLIElement {
  const li = el("li", "result");
  const meta = el("p", "result-meta");
  meta.append(el("span", "result-type", TYPE_LABELS[r.meta.type ?? ""] ?? "Page"));
  if (r.meta.date) meta.append(" · ", el("span", "date", formatDate(r.meta.date)));
  if (r.meta.status)
    meta.append(
      " · ",
      el("span", `badge status-${r.meta.status}`, r.meta.status.charAt(0).toUpperCase() + r.meta.status.slice(1)),
    );
  const title = el("h2", "result-title");
  const link = el("a", "", r.meta.title ?? r.url);
  link.href = r.url;
  title.append(link);
  const excerpt = el("p", "result-excerpt");
  // Pagefind escapes the page text and adds only <mark> around matches.
  excerpt.innerHTML = r.excerpt;
  li.append(meta, title, excerpt);
  return li;
}

let run = 0;
async function search(state: SearchState): Promise<void> {
  if (!form || !statusEl || !list || !more) return;
  const mine = ++run;
  list.replaceChildren();
  more.hidden = true;
  if (!hasCriteria(state)) {
    statusEl.textContent = "Type a word or pick a filter to search proposals, sources and actors.";
    return;
  }
  statusEl.textContent = "Searching…";
  const pf = await loadPagefind();
  const options = {
    filters: toPagefindFilters(state),
    ...(state.sort === "date" ? { sort: { date: "desc" } } : {}),
  };
  const query = state.q === "" ? null : state.q;
  let result = await pf.search(query, options);
  let note = "";
  if (result && result.results.length === 0 && query) {
    const loose = looserQuery(query);
    if (loose) {
      const retry = await pf.search(loose, options);
      if (retry && retry.results.length > 0) {
        result = retry;
        note = ` for words starting “${loose}”`;
      }
    }
  }
  if (mine !== run || !result) return;
  updateCounts(form, result.filters);
  const total = result.results.length;
  const about = state.q ? ` for “${state.q}”` : "";
  statusEl.textContent =
    total === 0 ? `No results${about}.` : `${total} result${total === 1 ? "" : "s"}${note || about}.`;
  let shown = 0;
  const showMore = async () => {
    const slice = await Promise.all(result.results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (mine !== run) return;
    list.append(...slice.map(renderResult));
    shown += slice.length;
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore();
  await showMore();
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
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") return;
    commit(true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit(true);
  });
  window.addEventListener("popstate", () => {
    const state = currentState();
    fillForm(form, state);
    void search(state);
  });
  form.classList.add("enhanced");
  // Filters start open where there is room for them, and whenever one is chosen.
  const filters = document.querySelector<HTMLDetailsElement>("#search-filters");
  const initial = currentState();
  if (
    filters &&
    (matchMedia("(min-width: 48rem)").matches || SEARCH_FACETS.some((f) => initial.filters[f].length > 0))
  ) {
    filters.open = true;
  }
  fillForm(form, initial);
  void search(initial);
}
