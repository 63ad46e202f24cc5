// Chronicle search page: facets with counts, a date range, sorting, all state in the URL.
// Loaded by the search page only.

import { precomputed } from "./search-counts.js";
import { isOpen, renderFacets, setOpen, withEmptyOpenFacets } from "./search-facets.js";
import { MONTHS, isYear, numbers, plural, t } from "./search-labels.js";
import { indexed, merging, pagefind, pagefindComplete, shardList, shards } from "./search-pagefind.js";
import { dateRangeFilter, describe, pagefindOptions, readState, sortedAcrossShards, stateParams } from "./search-query.js";
import { resultItem } from "./search-results.js";
import { checked, checkedForCounts, counted, resultsLabel, withoutDropped } from "./search-words.js";

const PAGE_SIZE = 20;
// Listing without words (only filters, dates or an order) makes Pagefind fetch every index chunk
// (measured: 8.5 MB at 10,000 articles), so it is offered only on small archives (the plugin's
// search_browse_limit); facets open by default on large ones are the two cheapest to count
// (each open facet fetches its own filter).
const OPEN_ON_LARGE = ["source", "year"];
const EVERY_VALUE = { none: ["\u0000"] }; // matches every article: fetches a facet's counts

function shown() {
  // The page's first answer is on screen: Material's bundle, held until then (theme_bundle.py),
  // may start, after that paint, so that its download is not counted in it.
  const holder = document.querySelector("[data-chronicle-theme-hold]");
  if (!holder) return;
  requestAnimationFrame(() => setTimeout(() => {
    holder.removeAttribute("data-chronicle-theme-hold");
    document.dispatchEvent(new Event("chronicle:shown"));
  }));
}

function setupSearchPage(form) {
  const page = {
    form,
    fieldsets: [...form.querySelectorAll("fieldset[data-facet]")],
    status: document.getElementById("chronicle-status"),
    results: document.getElementById("chronicle-results"),
    more: document.getElementById("chronicle-more"),
    expanded: new Set(),
    lastCounts: {},
    years: [],
    total: null,
    browseLimit: Number(form.dataset.browseLimit || 2000),
    sequence: 0,
    current: null,
  };
  page.facetKeys = page.fieldsets.map((f) => f.dataset.facet);

  // Below 960 px (search.css) the dates and the facets are folded behind this button.
  const filtersButton = form.querySelector("[data-chronicle-filters]");
  const filterCount = form.querySelector("[data-chronicle-filter-count]");
  if (filtersButton) {
    form.dataset.filters = "closed";
    filtersButton.hidden = false;
    filtersButton.addEventListener("click", () => {
      const open = form.dataset.filters === "closed";
      form.dataset.filters = open ? "open" : "closed";
      filtersButton.setAttribute("aria-expanded", String(open));
    });
  }

  const fill = (state) => {
    form.elements.q.value = state.q;
    form.elements.from.value = /^\d{4}-\d{2}-\d{2}$/.test(state.from) ? state.from : "";
    form.elements.to.value = /^\d{4}-\d{2}-\d{2}$/.test(state.to) ? state.to : "";
    form.elements.sort.value = state.sort;
  };
  const fromForm = () => {
    const state = readState(page, new URLSearchParams(new FormData(form)));
    // Values typed into the URL by hand (from=2024) are kept while the field cannot show them.
    const url = readState(page, new URLSearchParams(location.search));
    if (!form.elements.from.value && url.from && !/^\d{4}-\d{2}-\d{2}$/.test(url.from)) state.from = url.from;
    if (!form.elements.to.value && url.to && !/^\d{4}-\d{2}-\d{2}$/.test(url.to)) state.to = url.to;
    return state;
  };

  async function run(state) {
    const mine = ++page.sequence;
    if (filterCount) {
      filterCount.textContent = String(Object.values(state.filters).flat().length
        + Boolean(state.from) + Boolean(state.to));
    }
    // Words need Pagefind: it starts loading with the list of shards, not after it.
    if (state.q) pagefind().catch(() => {}); // a failure is reported where it is awaited
    await shards();
    if (page.total === null) {
      page.total = shardList.reduce((n, shard) => n + (shard.articles || 0), 0);
      // The parts of a split year share its year: listed once.
      page.years = [...new Set(shardList.flatMap((shard) => shard.years))].filter(isYear);
      const small = page.total <= page.browseLimit;
      for (const fieldset of page.fieldsets) {
        const facet = fieldset.dataset.facet;
        if (small || OPEN_ON_LARGE.includes(facet) || state.filters[facet]) setOpen(fieldset, true);
      }
    }
    const small = page.total <= page.browseLimit;
    const active = state.q || Object.keys(state.filters).length || state.from || state.to;
    if ((!active && !state.sort) || (!state.q && !small)) {
      // Without words, a large archive lists nothing and needs no shard merged: the counts of
      // no filter or one are the build's (precomputed()); those of more filters are not shown.
      const known = await precomputed(page, state);
      let counts = known?.counts;
      if (!counts && small) { // a bundle without the build's counts: every shard's
        const pf = await pagefind();
        page.allCounts ??= await pagefindComplete().then(() => pf.filters());
        counts = withEmptyOpenFacets(page, structuredClone(page.allCounts));
      }
      if (mine !== page.sequence) return;
      page.lastCounts = counts || {};
      renderFacets(page, state, page.lastCounts);
      page.results.replaceChildren();
      page.more.hidden = true;
      delete page.form.dataset.partial;
      page.status.textContent = small || !active
        ? t("type_words")
        : t("too_many", { articles: plural(known ? known.articles : page.total, "articles") });
      shown();
      return;
    }
    const pf = await pagefind();
    // A large archive whose older shards are not merged yet: the newest shard answers at once
    // (a preview), while the others merge (about 1.9 MB at 100,000 articles, against some 150 KB
    // for the newest); then the full search replaces it. The preview is searched before the
    // merge starts: Pagefind searches every shard it was asked to merge, waiting for each.
    if (state.q && merging === null && shardList.length > 1 && newestAnswers(state)) {
      const newest = shardList[0];
      const options = pagefindOptions(state, newest.years.filter(isYear));
      const search = await pf.search(indexed(state.q), options); // no counts: only the chosen filters load
      if (mine === page.sequence) {
        page.lastCounts = {}; // opening a facet during the preview runs the full search
        renderFacets(page, state, {}, true);
        if (await showResults(mine, search, state.q, true, PAGE_SIZE, true)) {
          page.form.dataset.partial = "";
          page.status.textContent = t(newest.months?.length ? "so_far" : "so_far_years",
            { results: resultsLabel(counted(search.chronicle, search)), where: shardLabel(newest) });
        }
      }
    }
    await pagefindComplete(); // counts and orders need every shard
    if (mine !== page.sequence) return;
    const options = pagefindOptions(state, page.years);
    for (const fieldset of page.fieldsets) {
      const facet = fieldset.dataset.facet;
      if (isOpen(fieldset) && !options.filters[facet]) options.filters[facet] = EVERY_VALUE;
    }
    // Counts per value are disjunctive: a facet counts the results of the words, the range and
    // every other facet's choice, but not its own (values within a facet are alternatives), so
    // each open facet with a choice is counted by one more search, without that choice. (Pagefind's
    // totalFilters ignores every filter, the range too, and is empty for a search without words.)
    const chosenOpen = page.fieldsets.filter((f) => state.filters[f.dataset.facet] && isOpen(f))
      .map((f) => f.dataset.facet);
    const [search, ...others] = await Promise.all([
      pf.search(indexed(state.q), options),
      ...chosenOpen.map((facet) => {
        const filters = { ...options.filters, [facet]: EVERY_VALUE };
        return pf.search(indexed(state.q), { filters });
      }),
    ]);
    if (options.sort && shardList.length > 1) search.results = await sortedAcrossShards(pf, state, options);
    if (mine !== page.sequence) return;
    // As many results as the preview showed ("Show more" may have been used), loaded before any
    // is replaced, so the list never empties under the reader.
    const preview = page.current?.sequence === mine ? page.current.shown : 0;
    const data = await loadResults(search, state.q, Math.max(PAGE_SIZE, preview));
    if (mine !== page.sequence) return;
    if (!(await showResults(mine, search, state.q, Boolean(state.q), data.length, false, data))) return;
    // Then the rest are checked for the counts, and so are the searches that count a chosen
    // facet: the counts leave out what the list leaves out.
    const checks = await Promise.all([search, ...others].map((s) => checkedForCounts(s, indexed(state.q))));
    if (mine !== page.sequence) return;
    const counts = {};
    for (const fieldset of page.fieldsets) {
      const facet = fieldset.dataset.facet;
      // A closed facet with a choice is left uncounted: opening it runs the search again.
      const at = chosenOpen.indexOf(facet);
      const source = state.filters[facet] ? others[at]?.filters : search.filters;
      const dropped = (state.filters[facet] ? checks[at + 1] : checks[0])?.dropped || [];
      if (source && facet in source) counts[facet] = withoutDropped({ [facet]: { ...source[facet] } }, dropped)[facet];
    }
    withEmptyOpenFacets(page, counts);
    page.lastCounts = counts;
    renderFacets(page, state, counts);
    moreButton(); // its count too
    delete page.form.dataset.partial;
    page.status.textContent = describe(state, counted(search.chronicle, search));
    shown();
  }

  function newestAnswers(state) {
    // Whether the newest shard can hold the first results: not when the oldest come first, nor
    // when the chosen years, months or dates are all older (or, when it is a part of a large
    // year, all in the year's other months).
    const { years, months = [] } = shardList[0];
    const dated = years.filter(isYear);
    const inNewest = (month) => (months.length ? months.includes(month) : dated.includes(month.slice(0, 4)));
    if (state.sort === "oldest") return false;
    if (state.filters.year && !state.filters.year.some((y) => years.includes(y))) return false;
    if (state.filters.month && !state.filters.month.some(inNewest)) return false;
    const range = dateRangeFilter(state.from, state.to, dated, months);
    return !range || range[0].year !== "no such year";
  }

  function shardLabel(shard) {
    // "2025", "2019–2025", or for a part of a large year "July–December 2024", "March 2024".
    const months = shard.months || [];
    if (months.length) {
      const [year, first] = months[0].split("-");
      const last = months[months.length - 1].slice(5);
      const name = (m) => MONTHS[+m - 1];
      return first === last ? `${name(first)} ${year}` : `${name(first)}–${name(last)} ${year}`;
    }
    const dated = shard.years.filter(isYear).sort();
    if (dated.length <= 1) return dated[0] || t("newest_years");
    return `${dated[0]}–${dated[dated.length - 1]}`;
  }

  async function loadResults(search, query, count, from = 0) {
    // The results from `from` on that are real matches, not only words' starts (checked()).
    const check = await checked(search, indexed(query), from + count);
    return check.kept.slice(from, from + count);
  }

  async function showResults(mine, search, query, withExcerpt, count, isPreview, loaded = null) {
    // Replaces the results at once; a reader on a result stays on the one at the same place.
    const data = loaded || await loadResults(search, query, count);
    if (mine !== page.sequence) return false;
    const links = () => [...page.results.querySelectorAll(".chronicle-result__title a")];
    const focused = links().indexOf(document.activeElement);
    const onMore = document.activeElement === page.more;
    page.results.replaceChildren(...data.map((d) => resultItem(d, "chronicle-result", withExcerpt, "h2")));
    page.current = { search, query, shown: data.length, withExcerpt, sequence: isPreview ? mine : null };
    moreButton();
    shown();
    const now = links();
    if (focused >= 0 || (onMore && page.more.hidden)) {
      (now[Math.min(focused >= 0 ? focused : now.length, now.length - 1)] || page.form.elements.q).focus();
    }
    return true;
  }

  function moreButton() {
    const { search, shown } = page.current;
    const left = counted(search.chronicle, search).total - shown;
    page.more.hidden = left <= 0;
    page.more.textContent = t("show_more", { count: Math.min(left, PAGE_SIZE), total: numbers.format(left) });
  }

  async function showMore(mine) {
    const { search, query, shown, withExcerpt } = page.current;
    const data = await loadResults(search, query, PAGE_SIZE, shown);
    if (mine !== page.sequence || page.current.search !== search || page.current.shown !== shown) return;
    page.results.append(...data.map((d) => resultItem(d, "chronicle-result", withExcerpt, "h2")));
    page.current.shown = shown + data.length;
    moreButton();
  }

  const update = (push) => {
    const state = fromForm();
    const url = `${location.pathname}${stateParams(state).size ? "?" + stateParams(state) : ""}`;
    if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
    run(state);
  };

  for (const fieldset of page.fieldsets) {
    fieldset.previousElementSibling.addEventListener("click", () => {
      setOpen(fieldset, !isOpen(fieldset));
      // Opening a facet whose counts are not loaded yet fetches them (its filter only).
      if (isOpen(fieldset) && !(fieldset.dataset.facet in page.lastCounts)) {
        run(readState(page, new URLSearchParams(location.search)));
      }
    });
  }

  let typing = null;
  form.addEventListener("input", (event) => {
    if (event.target.name !== "q") return;
    clearTimeout(typing);
    typing = setTimeout(() => update(false), 150);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name !== "q") update(true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update(true);
  });
  page.more.addEventListener("click", async () => {
    const before = page.current.shown;
    await showMore(page.sequence);
    page.results.children[before]?.querySelector("a")?.focus(); // keep the reader's place
  });
  window.addEventListener("popstate", () => {
    const state = readState(page, new URLSearchParams(location.search));
    fill(state);
    run(state);
  });

  const initial = readState(page, new URLSearchParams(location.search));
  fill(initial);
  run(initial).catch((error) => {
    page.status.textContent = t("failed");
    console.error(error);
    shown();
  });
}

const form = document.querySelector("[data-chronicle-search]");
if (form) setupSearchPage(form);
