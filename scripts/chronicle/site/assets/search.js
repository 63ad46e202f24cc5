// Chronicle search, on Pagefind's JS API: the header box (results as you type, Enter opens the
// search page), the search page (facets with counts, a date range, sorting, all state in the URL)
// and highlighting of the matched words on an article opened from a result.
//
// Safety: everything that comes from an article is inserted as text (textContent). The one
// exception is Pagefind's excerpt, which marks matches with <mark>: it is cut from the indexed
// plain text (search/records.py replaces any angle bracket), and appendExcerpt rebuilds it from text nodes
// and <mark> elements only, so no markup from an article can reach the page.

const BUNDLE = new URL("../../pagefind/", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);
const PAGE_SIZE = 20;
const BOX_RESULTS = 6;
const FACET_SHOWN = 10;
// Listing without words (only filters, dates or an order) makes Pagefind fetch every index chunk
// (measured: 8.5 MB at 10,000 articles), so it is offered only on small archives (the plugin's
// search_browse_limit); facets open by default on large ones are the two cheapest to count
// (each open facet fetches its own filter).
const OPEN_ON_LARGE = ["source", "year"];
const EVERY_VALUE = { none: ["\u0000"] }; // matches every article: fetches a facet's counts
// The `year` values that are no year: articles without a date, and those whose date crosses a
// year ("1980s", "2024 or 2025"), which search.records files apart from every year.
const UNDATED = "Undated";
const YEAR_UNCERTAIN = "Uncertain";
const isYear = (y) => y !== UNDATED && y !== YEAR_UNCERTAIN;
// Chronicle's words in the archive's language (site/labels.py), from the JSON the page carries
// (partials/labels.html): messages with {placeholders}, some by plural category, month names.
const LABELS = (() => {
  try {
    return JSON.parse(document.getElementById("chronicle-labels").textContent);
  } catch {
    return { locale: "en", months: [], messages: {} }; // a page without it: keys show as they are
  }
})();
const MONTHS = LABELS.months;
const numbers = new Intl.NumberFormat(LABELS.locale);
const plurals = new Intl.PluralRules(LABELS.locale);
const monthYear = new Intl.DateTimeFormat(LABELS.locale, { month: "long", year: "numeric", timeZone: "UTC" });

function t(key, values = {}) {
  let message = LABELS.messages[key] ?? key;
  if (typeof message === "object") message = message[plurals.select(values.count)] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    return name === "count" ? numbers.format(values.count) : String(values[name]);
  });
}

const OPTIONS = { baseUrl: SITE_ROOT.pathname, highlightParam: "highlight", excerptLength: 24 };

let loading = null;
let listing = null;
let merging = null;
let shardList = [];
let stemmer = ""; // the language whose stemmer Pagefind runs on every query (pagefind())
function pagefind() {
  // The newest shard, loaded on first use (focus on a search box), not on every page view, with
  // every language's index in it (see mergeLanguages).
  loading ??= import(new URL("pagefind.js", BUNDLE).href).then(async (pf) => {
    await pf.options(OPTIONS);
    await pf.init();
    const [newest] = await shards();
    if (newest) {
      stemmer = loadedLanguage(newest.languages || {}) || PAGE_LANGUAGE;
      await mergeLanguages(pf, newest, true);
    }
    return pf;
  });
  return loading;
}

function shards() {
  // The list of shards (chronicle-shards.json: path, label, years, articles, languages (code →
  // articles), and for a part of a large year its months, "YYYY-MM"; the newest first, with no
  // path: the bundle pagefind() loads), known before any older shard is merged.
  listing ??= fetch(new URL("chronicle-shards.json", BUNDLE)).then(async (response) => {
    shardList = response.ok ? await response.json() : [];
    return shardList;
  });
  return listing;
}

// Pagefind keeps one index per language in a bundle and searches only one, the page's (or, when
// the bundle has none in the page's language, its largest): Chinese, Japanese and Thai words are
// found only when the index and the query are both segmented as that language. So every other
// language's index is merged as an index of its own, in its language, and one query searches them
// all, each language's copy of the query segmented its own way.
const PAGE_LANGUAGE = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();

function loadedLanguage(languages) {
  // The index Pagefind's own loading picks for this page (its findIndex): the page's language,
  // its primary subtag, or the language with the most articles (the first of equals: the bundle
  // lists its languages sorted, search/bundle.py).
  if (PAGE_LANGUAGE in languages) return PAGE_LANGUAGE;
  const base = PAGE_LANGUAGE.split("-")[0];
  if (base in languages) return base;
  return Object.entries(languages).sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function mergeLanguages(pf, shard, primary) {
  // A shard of an older manifest (no languages listed) is one index, merged as it is.
  const languages = shard.languages || {};
  let wanted = Object.keys(languages);
  if (primary) {
    const loaded = loadedLanguage(languages);
    wanted = wanted.filter((language) => language !== loaded);
  } else if (!wanted.length) {
    wanted = [null];
  }
  // Pagefind merges no index at the primary's own address: the primary bundle's other languages
  // are merged through the same folder as "./" (the same files, fetched from the same URLs).
  const path = new URL(shard.path || "", BUNDLE).pathname + (primary ? "./" : "");
  await Promise.all(wanted.map((language) => pf.mergeIndex(path, language ? { ...OPTIONS, language } : OPTIONS)));
}

function pagefindComplete() {
  // A large archive is indexed in shards of years, a large year in parts of months (search/shards.py):
  // the newest answers first, the older ones are merged after. Resolves to the number of shards merged.
  merging ??= Promise.all([pagefind(), shards()]).then(async ([pf, list]) => {
    const older = list.filter((shard) => shard.path);
    // All at once: each needs only its own small entry file and page list.
    await Promise.all(older.map((shard) => mergeLanguages(pf, shard, false)));
    return older.length;
  });
  return merging;
}

// Arabic words are indexed by their stem, without the article (القاهرة as قاهرة), but Pagefind
// runs one stemmer on the query for every merged index, the one of the index it loaded first
// (the page's language, see loadedLanguage). Unless that one is Arabic, the article, alone or
// after و, ف, ب, ك or as لل, is taken off the query's words too, so a word is found with and
// without it. (A word that starts with و itself, وسطاء, makes taking off a lone "and" unsafe:
// ويدرس is found as written only.)
const ARABIC_ARTICLE = /(^|[\s"'(])(?:[وف]?[بك]?ال|[وف]?لل)(?=\p{Script=Arabic}{3,})/gu;

function indexed(query) {
  // The words as the index holds them; null (no words) lists by filters alone.
  if (!query) return null;
  return stemmer.split("-")[0] === "ar" ? query : query.replace(ARABIC_ARTICLE, "$1");
}

// ---- a word, not only its start ---------------------------------------------------------------
// When a query word is in none of an index's words (Pagefind keeps one index per shard and per
// language), Pagefind answers with the longest index word that is the query word's start: pages
// with "host" for "hostages", "cease" for "ceasefire", "H." for "hamas". It cannot be switched
// off, so results are checked here, on the words Pagefind marked in each (its `locations` in its
// text, cut into words as Pagefind cuts them for the excerpt), and a result whose marked words
// are all such clipped starts is not listed. It is dropped, not ranked last: a page that only
// shares the first letters of the words asked for is no answer, and listed below the real ones
// it would still fill the page when the word is rare.
//
// The index holds stems and the query is stemmed too, so a real match may differ from the query
// word in its ending (hostage for hostages, negotiating for negotiations, city for cities). A
// marked word is a clipped start only when the query word begins with it and is longer by more
// than an ending (ENDING letters), or at least twice as long: "host" for "hostages", "cease" for
// "ceasefire", "h" for "hamas". A marked word longer than the query word (Pagefind's completion:
// "ceasefire" for "cease", which Pagefind ranks below the exact word), one that shares half the
// query word and goes on differently (another ending of a stem), or one the query word does not
// begin with at all (Arabic's article: الوزراء for وزراء) is a real match. Words in scripts
// written without spaces (Chinese, Japanese, Korean, Thai...) are cut into words by Pagefind, so
// a shorter word there is its segmentation, not a fallback: never judged.
// The limits, without the index's stemmer: a stem much shorter than its word (run for running)
// looks like a clipped start and is dropped; a short fallback that keeps most of the word (ham
// for hamas) looks like an ending and is kept.
const ENDING = 3;
// Up to this many results, every one is checked once the first are shown, so the counts are
// exact; past it, only as many as are shown (a check loads the result's text, a few kilobytes)
// and the count says "up to".
const CHECK_ALL = 100;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function bare(word) {
  return word.normalize("NFC").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function checkedWords(query) {
  // A "phrase in quotes" is matched word for word by Pagefind: nothing to tell apart.
  if (!query || query.includes('"')) return [];
  return query.split(/\s+/).map(bare).filter((word) => word && !UNSPACED.test(word));
}

function clippedStart(mark, word) {
  if (mark.length >= word.length || !word.startsWith(mark)) return false;
  return word.length - mark.length > ENDING || mark.length * 2 <= word.length;
}

function matches(mark, word) {
  if (mark.startsWith(word)) return true;
  if (word.startsWith(mark)) return !clippedStart(mark, word);
  let shared = 0;
  while (shared < mark.length && mark[shared] === word[shared]) shared++;
  return shared * 2 >= word.length;
}

function onlyWordStarts(data, words) {
  if (!words.length) return false;
  const text = data.raw_content ?? data.content ?? "";
  const tokens = text.includes("\u200B") ? text.split("\u200B") : text.split(/[\r\n\s]+/g);
  const marks = (data.locations || []).map((at) => bare(decodeEntities(tokens[at] || ""))).filter(Boolean);
  // Found by its title or another field alone, no word of its text marked: nothing to judge by.
  if (!marks.length) return false;
  return marks.every((mark) => !UNSPACED.test(mark) && words.some((word) => clippedStart(mark, word))
    && !words.some((word) => matches(mark, word)));
}

function checked(search, query, wanted) {
  // The results of `search` that are real matches, checked in Pagefind's order until `wanted`
  // are kept (or all are checked). Resolves to the search's check: { kept: data of the results
  // kept, dropped: data of those dropped, done: results checked }. Calls on one search run one
  // after another, each going on where the last stopped ("Show more", then the counts).
  const check = (search.chronicle ??= {
    kept: [], dropped: [], done: 0, words: checkedWords(query), queue: Promise.resolve(),
  });
  check.queue = check.queue.then(async () => {
    while (check.done < search.results.length && check.kept.length < wanted) {
      const size = Math.min(wanted - check.kept.length, search.results.length - check.done);
      const batch = search.results.slice(check.done, check.done + size);
      const data = await Promise.all(batch.map((result) => result.data()));
      check.done += batch.length;
      for (const d of data) (onlyWordStarts(d, check.words) ? check.dropped : check.kept).push(d);
    }
    return check;
  });
  return check.queue;
}

function checkedForCounts(search, query) {
  // Every result, when there are at most CHECK_ALL and words to check; else those checked so far.
  const all = checkedWords(query).length > 0 && search.results.length <= CHECK_ALL;
  return checked(search, query, all ? Infinity : 0);
}

function counted(check, search) {
  // How many results there are to list, and whether that is exact: results not checked yet are
  // counted, so until all are, it is an upper bound.
  check ??= { dropped: [], done: 0 };
  return { total: search.results.length - check.dropped.length, exact: check.done === search.results.length };
}

function resultsLabel({ total, exact }) {
  return exact ? plural(total, "results") : t("up_to", { results: plural(total, "results") });
}

function withoutDropped(counts, dropped) {
  // Pagefind's counts per filter value, less the results that were dropped.
  for (const data of dropped) {
    for (const [facet, values] of Object.entries(data.filters || {})) {
      for (const value of values) if (counts?.[facet]?.[value]) counts[facet][value] -= 1;
    }
  }
  return counts;
}

// ---- rendering --------------------------------------------------------------------------------

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

const decoder = new DOMParser();
function decodeEntities(text) {
  // Pagefind escapes &, <, > in excerpts; DOMParser runs no script and we keep only its text.
  return text.includes("&") ? decoder.parseFromString(text, "text/html").body.textContent : text;
}

function appendExcerpt(parent, excerpt) {
  let mark = null;
  for (const part of (excerpt || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") mark = el("mark");
    else if (part === "</mark>") { if (mark) parent.append(mark); mark = null; }
    else if (part) (mark || parent).append(decodeEntities(part));
  }
  if (mark) parent.append(mark);
}

function resultItem(data, cls, withExcerpt, headingTag) {
  // Results on the search page are h2 under its h1; in the header box they are not headings,
  // so the box adds nothing to a page's outline.
  const li = el("li", { class: cls });
  const heading = el(headingTag, { class: `${cls}__title` });
  heading.append(el("a", { href: data.url }, data.meta.title || data.url));
  li.append(heading);
  const meta = [data.meta.date, data.meta.source].filter(Boolean).join(" · ");
  li.append(el("p", { class: `${cls}__meta` }, meta));
  if (withExcerpt && data.excerpt) {
    const p = el("p", { class: `${cls}__excerpt` });
    appendExcerpt(p, data.excerpt);
    li.append(p);
  }
  return li;
}

function plural(n, key) {
  return t(key, { count: n });
}

// ---- the header box ---------------------------------------------------------------------------

function setupSearchBox(form) {
  const input = form.querySelector("input[name=q]");
  const panel = form.querySelector(".chronicle-searchbox__panel");
  const list = form.querySelector("[data-chronicle-results]");
  const count = form.querySelector("[data-chronicle-count]");
  const status = form.querySelector("[data-chronicle-status]");
  const all = form.querySelector("[data-chronicle-all]");
  let sequence = 0;
  let complete = false; // every shard merged
  let refreshing = false;

  const show = (open) => {
    panel.hidden = !open;
  };
  const links = () => [...panel.querySelectorAll("a")];

  input.addEventListener("focus", () => pagefind(), { once: true });
  input.addEventListener("input", async () => {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) { show(false); status.textContent = ""; return; }
    const pf = await pagefind();
    const partial = !complete;
    let search = await pf.debouncedSearch(indexed(query), {}, 60);
    if (search === null || mine !== sequence) return; // superseded by a later keystroke
    await render(query, search, mine, true);
    const merged = await pagefindComplete();
    complete = true;
    if (partial && merged && mine === sequence) {
      search = await pf.search(indexed(query)); // again, over every shard; the panel stays as it is
      await render(query, search, mine, false);
    }
  });
  async function render(query, search, mine, open) {
    const check = await checked(search, indexed(query), BOX_RESULTS);
    if (mine !== sequence) return;
    const data = check.kept.slice(0, BOX_RESULTS);
    // A refresh must not pull the focused result from under a keyboard user: keep its place.
    const focused = links().indexOf(document.activeElement);
    refreshing = true; // removing the focused link fires focusout: not the reader leaving
    list.replaceChildren(...data.map((d) => resultItem(d, "chronicle-searchbox__item", true, "p")));
    refreshing = false;
    if (focused >= 0) links()[Math.min(focused, links().length - 1)].focus();
    count.textContent = countMessage(query, counted(check, search));
    all.href = `${form.action}?${new URLSearchParams({ q: query })}`;
    if (open) show(true);
    // The first results are shown; the rest are checked for the count, announced once.
    const tally = counted(await checkedForCounts(search, indexed(query)), search);
    if (mine !== sequence) return;
    count.textContent = countMessage(query, tally);
    status.textContent = count.textContent;
    all.textContent = tally.total > BOX_RESULTS ? t("all_results", { results: resultsLabel(tally) })
      : t("open_search_page");
  }
  function countMessage(query, tally) {
    return tally.total ? resultsLabel(tally) : t("no_results", { query });
  }
  // Keyboard: ↓ from the box into the results, ↑/↓ between them, Escape back to the box.
  form.addEventListener("keydown", (event) => {
    const items = links();
    const at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      show(false);
      input.focus();
    } else if (event.key === "ArrowDown" && items.length > 1 && input.value.trim()) {
      event.preventDefault();
      show(true);
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : items[at - 1]).focus();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!refreshing && !form.contains(event.relatedTarget)) show(false);
  });
  // Reopened by a click or ↓ (not by focus, so Escape can hand focus back with the panel shut).
  input.addEventListener("click", () => { if (input.value.trim() && list.children.length) show(true); });
}

// ---- the search page: state ⇄ URL -------------------------------------------------------------

function readState(page, params) {
  const state = {
    q: params.get("q") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    sort: params.get("sort") || "",
    filters: {},
  };
  for (const key of page.facetKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) state.filters[key] = values;
  }
  return state;
}

function stateParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort) params.set("sort", state.sort);
  return params;
}

// ---- date ranges as filters -------------------------------------------------------------------
// Pagefind filters match values, not ranges. A range becomes the whole years, whole months and
// single days it covers ("any" of year/month/day values), so it stays exact to the day while the
// filter stays short. An article dated only to a month (or year) is in range when that whole
// month (or year) is.

function parseBound(text, end) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text || "");
  if (!m) return null;
  const year = +m[1];
  const month = m[2] ? +m[2] : (end ? 12 : 1);
  const day = m[3] ? +m[3] : (end ? daysIn(year, month) : 1);
  return { year, month, day };
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const key = (y, m, d) => y * 10000 + m * 100 + d;
const pad = (n) => String(n).padStart(2, "0");

function dateRangeFilter(from, to, years, months = null) {
  // `months` ("YYYY-MM"): only those months of the years count (a part of a split year), to know
  // whether the range reaches into that part at all.
  if (!from && !to) return null;
  const known = [...new Set(years.map(Number).filter(Number.isFinite))];
  const start = parseBound(from, false) || { year: Math.min(...known), month: 1, day: 1 };
  const end = parseBound(to, true) || { year: Math.max(...known), month: 12, day: 31 };
  const lo = key(start.year, start.month, start.day);
  const hi = key(end.year, end.month, end.day);
  const units = [];
  for (const y of known.filter((y) => y >= start.year && y <= end.year)) {
    if (lo <= key(y, 1, 1) && key(y, 12, 31) <= hi) { units.push({ year: String(y) }); continue; }
    for (let m = 1; m <= 12; m++) {
      if (months?.length && !months.includes(`${y}-${pad(m)}`)) continue;
      const first = key(y, m, 1), last = key(y, m, daysIn(y, m));
      if (last < lo || first > hi) continue;
      if (lo <= first && last <= hi) { units.push({ month: `${y}-${pad(m)}` }); continue; }
      for (let d = 1; d <= daysIn(y, m); d++) {
        const k = key(y, m, d);
        if (k >= lo && k <= hi) units.push({ day: `${y}-${pad(m)}-${pad(d)}` });
      }
    }
  }
  return units.length ? units : [{ year: "no such year" }];
}

function ownRecords(shard) {
  // The filters that keep a shard's own dated articles out of every merged one: its years, or,
  // for a part of a split year, its months. The part holding January also holds the articles
  // known only by their year (search.plan_shards): its year, less the year's other months.
  const years = shard.years.filter(isYear);
  const months = shard.months || [];
  if (!months.length) return years.length ? [{ year: { any: years } }] : null;
  if (!months[0].endsWith("-01")) return [{ month: { any: months } }];
  const year = months[0].slice(0, 4);
  const others = MONTHS.map((_, i) => `${year}-${pad(i + 1)}`).filter((m) => !months.includes(m));
  return [{ year: { any: [year] } }, { month: { none: others } }];
}

async function sortedAcrossShards(pf, state, options) {
  // Pagefind orders merged results by score, so a date order over several shards is built
  // from one sorted search per shard (a run of years, or some months of a large year), newest
  // first (reversed for oldest first), and undated last.
  const parts = shardList.map(ownRecords).filter(Boolean);
  if (state.sort === "oldest") parts.reverse();
  parts.push([{ year: { any: [YEAR_UNCERTAIN, UNDATED] } }]); // their sort keys put these last
  const results = [];
  for (const part of parts) {
    const filters = { ...options.filters, all: part };
    results.push(...(await pf.search(indexed(state.q), { ...options, filters })).results);
  }
  return results;
}

// ---- counts made at build time --------------------------------------------------------------
// The build writes the counts of a search without words (search/counts.py): every facet's for no
// filter (chronicle-counts.json, a few KB), and for each value the other facets' counts among its
// articles (counts/<facet>-<hash>.json, see valueFile). So the search page shows complete counts
// for no filter or one without merging any shard.

let buildCounts = null;
const valueCounts = new Map();

function asCounts(facets) {
  // [[value, count], ...] by facet → { facet: { value: count } }
  return Object.fromEntries(Object.entries(facets || {}).map(([f, pairs]) => [f, Object.fromEntries(pairs)]));
}

function valueFile(facet, value) {
  // The file of a value's counts: 32-bit FNV-1a of "facet\0value" in UTF-8, as counts.value_file.
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${facet}\0${value}`)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `counts/${facet}-${hash.toString(16).padStart(8, "0")}.json`;
}

async function fetchJson(name) {
  try {
    const response = await fetch(new URL(name, BUNDLE));
    return response.ok ? await response.json() : null;
  } catch {
    return null; // the counts are an addition: without them, Pagefind's (or none) are shown
  }
}

async function valueCountsOf(main, facet, value) {
  // One value's { articles, facets }, or null when its file is of another build.
  if (!(main.facets[facet] || []).some(([v]) => v === value)) return { articles: 0, facets: {} };
  const name = valueFile(facet, value);
  if (!valueCounts.has(name)) valueCounts.set(name, fetchJson(name));
  // Values whose hashes collide share a file.
  return (await valueCounts.get(name))?.values?.find((entry) => entry.value === value) || null;
}

async function precomputed(page, state) {
  // { articles, counts } for a search without words or dates and with at most one facet chosen:
  // one value, or several of a facet no article has two values of (a source, a year), whose
  // counts add up. Every facet is counted; the chosen one's counts are those of no filter
  // (values within a facet are alternatives). null for any other search, or without the counts.
  const chosen = Object.entries(state.filters);
  if (state.q || state.from || state.to || chosen.length > 1) return null;
  buildCounts ??= fetchJson("chronicle-counts.json");
  const main = await buildCounts;
  if (!main) return null;
  const all = asCounts(main.facets);
  let known = { articles: main.articles, counts: all };
  if (chosen.length) {
    const [[facet, values]] = chosen;
    if (values.length > 1 && !(main.single || []).includes(facet)) return null;
    const parts = await Promise.all([...new Set(values)].map((value) => valueCountsOf(main, facet, value)));
    if (parts.includes(null)) return null;
    const counts = {};
    for (const part of parts) {
      for (const [other, pairs] of Object.entries(part.facets)) {
        const sums = (counts[other] ??= {});
        for (const [value, count] of pairs) sums[value] = (sums[value] || 0) + count;
      }
    }
    const articles = parts.reduce((sum, part) => sum + part.articles, 0);
    known = { articles, counts: { ...counts, [facet]: all[facet] || {} } };
  }
  for (const key of page.facetKeys) known.counts[key] ??= {}; // complete: no value is none
  return known;
}

function pagefindOptions(state, years) {
  const filters = {};
  for (const [k, values] of Object.entries(state.filters)) filters[k] = { any: values };
  const range = dateRangeFilter(state.from, state.to, years);
  if (range) filters.any = range;
  const options = { filters };
  // Undated articles carry sentinels ("0000-00-00" in `date`, "9999-99-99" in `date_oldest`), so
  // Pagefind keeps them in a sorted search, and they come last in both orders.
  if (state.sort === "newest") options.sort = { date: "desc" };
  if (state.sort === "oldest") options.sort = { date_oldest: "asc" };
  return options;
}

// ---- the search page: rendering ---------------------------------------------------------------

const languageNames = (() => {
  try { return new Intl.DisplayNames([LABELS.locale], { type: "language" }); } catch { return null; }
})();

function facetLabel(facet, value) {
  if (facet === "month") {
    const [y, m] = value.split("-");
    return +m >= 1 && +m <= 12 ? monthYear.format(Date.UTC(+y, +m - 1, 1)) : value;
  }
  if (facet === "year" && value === UNDATED) return t("undated");
  if (facet === "year" && value === YEAR_UNCERTAIN) return t("year_uncertain");
  if (facet === "language" && languageNames) {
    try { return languageNames.of(value) || value; } catch { return value; }
  }
  return value;
}

function facetOrder(facet, counts) {
  const values = Object.keys(counts);
  if (facet === "year" || facet === "month") return values.sort().reverse();
  return values.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
}

function isOpen(fieldset) {
  return fieldset.previousElementSibling.getAttribute("aria-expanded") === "true";
}

function setOpen(fieldset, open) {
  fieldset.previousElementSibling.setAttribute("aria-expanded", String(open));
  fieldset.hidden = !open;
}

function withEmptyOpenFacets(page, counts) {
  // An open facet the index has no value for (no article names a person yet) is empty, not
  // waiting for counts: it is hidden.
  for (const fieldset of page.fieldsets) {
    if (isOpen(fieldset) && !(fieldset.dataset.facet in counts)) counts[fieldset.dataset.facet] = {};
  }
  return counts;
}

function renderFacets(page, state, counts, counting = false) {
  // `counting`: the preview of a large archive, searched in its newest shard only. Counts come
  // with the full search; until then each facet lists its chosen values (to untick) and says so.
  const focused = document.activeElement;
  const focusedIn = page.fieldsets.find((f) => f.contains(focused));
  for (const fieldset of page.fieldsets) {
    const facet = fieldset.dataset.facet;
    const loaded = facet in counts;
    const values = counting ? {} : counts[facet] || {};
    const chosen = new Set(state.filters[facet] || []);
    for (const v of chosen) if (!(v in values)) values[v] = 0;
    const order = facetOrder(facet, values).filter((v) => values[v] > 0 || chosen.has(v));
    fieldset.parentElement.hidden = !counting && loaded && order.length === 0; // nothing to choose
    const expanded = page.expanded.has(facet);
    const list = fieldset.querySelector("ul");
    const items = order.map((value, i) => {
      const id = `chronicle-f-${facet}-${i}`;
      const li = el("li");
      if (!expanded && i >= FACET_SHOWN && !chosen.has(value)) li.hidden = true;
      const box = el("input", { type: "checkbox", id, name: facet, value });
      box.checked = chosen.has(value);
      const label = el("label", { for: id }, facetLabel(facet, value));
      if (!counting) label.append(" ", el("span", { class: "chronicle-count" }, String(values[value])));
      li.append(box, label);
      return li;
    });
    list.replaceChildren(...items);
    fieldset.querySelector(".chronicle-facet__counting")?.remove();
    if (counting) list.after(el("p", { class: "chronicle-facet__counting" }, t("counting")));
    fieldset.querySelector(".chronicle-facet__more")?.remove();
    if (!counting && order.length > FACET_SHOWN) {
      const more = el("button", { type: "button", class: "chronicle-facet__more", "aria-expanded": String(expanded) },
        expanded ? t("show_fewer") : t("show_all", { count: order.length }));
      more.addEventListener("click", () => {
        if (page.expanded.has(facet)) page.expanded.delete(facet); else page.expanded.add(facet);
        renderFacets(page, readState(page, new URLSearchParams(location.search)), page.lastCounts);
        fieldset.querySelector(".chronicle-facet__more")?.focus();
      });
      fieldset.append(more);
    }
  }
  // A checkbox (or "Show all") the reader was on is replaced by its new self: keep the focus
  // there, or on the facet's toggle when its value is gone.
  if (focusedIn && !focused.isConnected) {
    const again = focused.type === "checkbox"
      ? [...focusedIn.querySelectorAll("input")].find((box) => box.value === focused.value)
      : focusedIn.querySelector(".chronicle-facet__more");
    (again || focusedIn.previousElementSibling).focus();
  }
}

function describe(state, tally) {
  const parts = [resultsLabel(tally)];
  if (state.q) parts.push(t("for", { query: state.q }));
  const chosen = Object.values(state.filters).flat().length;
  if (chosen) parts.push(t("with", { filters: plural(chosen, "filters") }));
  if (state.from || state.to) parts.push(t("dated", { from: state.from || "…", to: state.to || "…" }));
  if (state.sort) parts.push(t(state.sort === "newest" ? "newest_first" : "oldest_first"));
  return parts.join(", ");
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
  });
}

// ---- highlighting on an article opened from a result ------------------------------------------

async function highlight() {
  if (!new URLSearchParams(location.search).has("highlight")) return;
  if (!document.querySelector("[data-pagefind-body]")) return;
  await import(new URL("pagefind-highlight.js", BUNDLE).href);
  // eslint-disable-next-line no-undef
  new PagefindHighlight({ highlightParam: "highlight", markContext: "[data-pagefind-body]" });
}

for (const form of document.querySelectorAll("[data-chronicle-searchbox]")) setupSearchBox(form);
const searchPage = document.querySelector("[data-chronicle-search]");
if (searchPage) setupSearchPage(searchPage);
highlight().catch((error) => console.error(error));
