/**
 * The search page in the browser: reads `?q=` on load, runs the query through the Pagefind JS
 * API, keeps the address in step, shows urgent help first for risky queries, and writes accessible
 * results markup (no Pagefind UI).
 *
 * History: each search is one step for Back. The first pause in typing adds an entry and later
 * typing updates that same entry; pressing Enter finishes it, so the next typing starts a new one;
 * each filter change adds an entry. Whether Enter comes before or after the typing pause has
 * updated the address makes no difference, so Back always returns to the previous search.
 */
import { isCrisisQuery } from '../lib/crisis-terms';
import { KEYWORDS_META } from '../lib/search-index';
import { formatUkDate } from '../lib/format';
import {
  excerptParts,
  pagefindFilters,
  readSearchState,
  resultCountText,
  searchStateToQuery,
  type PagefindFilters,
  type SearchState,
} from '../lib/search-query';

/** The parts of the Pagefind JS API this page uses. */
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: PagefindFilters }) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}

/** Wait after the last key press before searching, so each word is one query, not one a letter. */
const DEBOUNCE_MS = 250;
/**
 * Results shown at first and added by "Show more results". Each costs one download of its page's
 * text (about 1.3 KB), so five keep the first search small; five fill a phone's screen.
 */
const PAGE_SIZE = 5;
/** Ranking boosts for metadata matches: other names and search terms count nearly as much as a title. */
const META_WEIGHTS = { title: 5, [KEYWORDS_META]: 4 };
/** Where the production build writes the Pagefind bundle (kept in a variable so Vite leaves it alone). */
const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefindPromise: Promise<Pagefind> | undefined;

/** Loads Pagefind once, on first use. */
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (pagefind) => {
    // noWorker: searching on the main thread saves downloading Pagefind's worker script (about a
    // fifth of the first search's bytes) and needs no worker-src in the CSP; queries over this
    // site's index take a few milliseconds, so the page stays responsive.
    await pagefind.options({ noWorker: true, ranking: { metaWeights: META_WEIGHTS } });
    await pagefind.init();
    return pagefind;
  });
  return pagefindPromise;
}

/** Wires up the search page. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const box = document.querySelector<HTMLInputElement>('[data-search-box]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const empty = document.querySelector<HTMLElement>('[data-search-empty]');
  const crisis = document.querySelector<HTMLElement>('[data-search-crisis]');
  const needsJs = document.querySelector<HTMLElement>('[data-search-needs-js]');
  if (!form || !box || !status || !list || !more || !empty || !crisis || !needsJs) return;

  needsJs.hidden = true;
  form.hidden = false;

  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: PagefindResult[] = [];

  /** The state as the form shows it now. */
  const formState = (): SearchState => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return readSearchState(params);
  };

  /** Puts a state into the form (on load and on Back/Forward). */
  const showState = (state: SearchState) => {
    box.value = state.q;
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="type"]')) {
      input.checked = state.types.includes(input.value as SearchState['types'][number]);
    }
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="category"]')) {
      input.checked = input.value === state.category;
    }
  };

  // True while the current history entry belongs to a search still being typed: more typing
  // updates it in place instead of adding an entry a letter.
  let typing = false;

  /**
   * Writes the state into the address bar, after a pause in `typing`, on `submit` (Enter) or on a
   * `filter` change. A changed filter always adds an entry; typing adds one and then updates it.
   * Only a changed address is written, so Back never shows the same search twice.
   */
  const saveState = (state: SearchState, how: 'typing' | 'submit' | 'filter') => {
    const url = `${location.pathname}${searchStateToQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (typing && how !== 'filter') history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typing = how === 'typing';
  };

  /** Renders the next batch of results. */
  const showMore = async (current: number) => {
    const batch = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(batch.map((result) => result.data()));
    if (current !== run) return;
    for (const item of items) list.append(resultItem(item));
    more.hidden = pending.length === 0;
  };

  /** Runs a search for a state and shows the outcome. */
  const search = async (state: SearchState) => {
    const current = ++run;
    const q = state.q.trim();
    crisis.hidden = !isCrisisQuery(q);
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      empty.hidden = true;
      more.hidden = true;
      return;
    }
    let results: PagefindResult[];
    try {
      const pagefind = await loadPagefind();
      results = (await pagefind.search(q, { filters: pagefindFilters(state) })).results;
    } catch {
      if (current === run) status.textContent = 'Sorry, search is not working right now. Please try again later.';
      return;
    }
    if (current !== run) return;
    list.replaceChildren();
    pending = [...results];
    await showMore(current);
    if (current !== run) return;
    status.textContent = resultCountText(results.length, q);
    empty.hidden = results.length > 0;
  };

  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = formState();
      saveState(state, 'typing');
      void search(state);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target === box) return;
    clearTimeout(timer);
    const state = formState();
    saveState(state, 'filter');
    void search(state);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const state = formState();
    saveState(state, 'submit');
    void search(state);
  });
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    void showMore(run).then(() => list.children[firstNew]?.querySelector('a')?.focus());
  });
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    typing = false;
    const state = readSearchState(new URLSearchParams(location.search));
    showState(state);
    void search(state);
  });

  const initial = readSearchState(new URLSearchParams(location.search));
  showState(initial);
  void search(initial);
}

/** One result: title link, content type, date for news, excerpt with matches highlighted. */
function resultItem(data: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'result-meta';
  meta.textContent = data.filters['type']?.[0] ?? 'Pages';
  const date = data.meta['date'];
  if (date && !Number.isNaN(Date.parse(date))) {
    const time = document.createElement('time');
    time.dateTime = date;
    // The index stores the UK calendar day (YYYY-MM-DD); midnight UTC is that same day in London.
    time.textContent = formatUkDate(new Date(date));
    meta.append(' · ', time);
  }
  const town = data.meta['town'];
  if (town) meta.append(` · ${town}`);

  const excerpt = document.createElement('p');
  for (const part of excerptParts(data.excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  item.append(heading, meta, excerpt);
  return item;
}
